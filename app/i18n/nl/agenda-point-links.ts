/**
 * What an agenda point's goal and action fields say (decision 035). Not in `t`: the
 * meeting pages and their server import it directly, so it ships with them only (the
 * ≤ 150 KB JavaScript budget of the other pages).
 */
export const agendaPointLinks = {
  actionHint: (period: string | null) =>
    `Typ de code (bijvoorbeeld 1.3.a-A1) of de hele titel van een actie${period ? ` van ${period}` : ''}. Leeg: geen actie.`,
  /** The suggestions' list, for screen readers: how many match what was typed. */
  suggestionsFound: (n: number, max: number) =>
    n === 0
      ? 'Geen acties gevonden.'
      : n >= max
        ? `De eerste ${max} acties gevonden.`
        : n === 1
          ? '1 actie gevonden.'
          : `${n} acties gevonden.`,
  goalNotInPeriod: (period: string | null) =>
    period ? `Kies een doel van ${period} uit de lijst, of geen.` : 'Dit doel bestaat niet (meer). Kies een doel uit de lijst.',
  actionNotInPeriod: (text: string, period: string | null) =>
    `Er is geen actie${period ? ` van ${period}` : ''} met de code of titel "${text}". Typ de code (bijvoorbeeld 1.3.a-A1) of de hele titel, of laat het veld leeg.`,
  actionTitleAmbiguous: (period: string) =>
    `Meer dan één actie van ${period} heeft deze titel. Typ de code van de actie die u bedoelt (bijvoorbeeld 1.3.a-A1), of kies een suggestie.`,
  actionChoiceTooLong: (max: number) => `Typ hoogstens ${max} tekens: de code of de titel van een actie.`,
} as const;
