/**
 * What the library item form's action field says where the workspace has too many actions
 * for checkboxes (decision 038). Not in `t`: only the library's new and edit pages and
 * their server import it, so it ships with them only (the ≤ 150 KB JavaScript budget).
 */
export const libraryActionLinks = {
  chosenNone: 'Nog geen acties gekoppeld.',
  chosenHint: 'Vink een actie uit om haar los te koppelen.',
  addLabel: 'Actie koppelen',
  addHint: (example: string) =>
    `Typ de code (bijvoorbeeld ${example}), het nummer (#123) of de hele titel van een actie en kies een suggestie. Wat hier staat, wordt bij het opslaan gekoppeld.`,
  addButton: 'Koppelen',
  added: (label: string) => `Toegevoegd: ${label}.`,
  alreadyChosen: (label: string) => `Al gekoppeld: ${label}.`,
  notFound: (text: string, period: string | null) =>
    `Er is geen actie${period ? ` van ${period}` : ''} met de code, het nummer of de titel "${text}". Typ de code (bijvoorbeeld 1.3.a-A1), #nummer of de hele titel, of laat het veld leeg.`,
  unknownPeriod: (text: string) => `Er is geen periode "${text}". Kies een suggestie, of typ alleen de code of de titel.`,
  codeInPeriods: (code: string, periods: string[], example: string) =>
    `De code ${code} bestaat in ${periods.join(' en ')}. Kies een suggestie, of typ de periode ervoor, bijvoorbeeld "${example}".`,
  titleAmbiguous:
    'Meer dan één actie heeft deze titel. Typ de code van de actie die u bedoelt (bijvoorbeeld 1.3.a-A1), of kies een suggestie.',
  tooLong: (max: number) => `Typ hoogstens ${max} tekens: de code, het nummer of de titel van een actie.`,
} as const;
