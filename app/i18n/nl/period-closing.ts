/**
 * What the closing form says when it asks per chapter (a large agenda, decision 039). Not in
 * `t`: only the pages that close a period (afsluiten, vaststellen), their suggestions and
 * the closing model import it, so it ships with them only (the ≤ 150 KB JavaScript budget).
 */
export const periodClosing = {
  byChapterLead: (period: string, open: number, max: number) =>
    `${period} heeft ${open} open acties, meer dan ${max}: kies daarom per hoofdstuk wat er met de open acties gebeurt. Voeg acties waarvoor iets anders geldt toe als uitzondering.`,
  chaptersHeading: 'Per hoofdstuk',
  chapterLegend: (code: string, title: string, open: number) =>
    `${code} ${title}: ${open === 1 ? 'de open actie' : `alle ${open} open acties`} van dit hoofdstuk`,
  chapterReasonHint: 'Waarom zijn deze acties niet afgerond? Dit komt bij elke actie in de eindbalans.',
  chapterUndecided: 'Kies wat er met de open acties van dit hoofdstuk gebeurt.',
  chapterReasonRequired: 'Geef een reden waarom deze acties niet zijn afgerond.',
  exceptionsHeading: 'Uitzonderingen',
  exceptionsIntro:
    'Geldt voor een actie iets anders dan voor haar hoofdstuk? Zoek haar op code, nummer (#123) of titel en voeg haar toe; kies dan voor die actie apart.',
  exceptionSearch: 'Actie als uitzondering',
  exceptionSearchHint: (period: string) =>
    `Typ de code (bijvoorbeeld 1.3.a-A1), #nummer of de hele titel van een open actie van ${period}.`,
  addException: 'Uitzondering toevoegen',
  removeException: (title: string) => `Verwijder uitzondering "${title}"`,
  removeExceptionShort: 'Verwijderen',
  noExceptions: 'Nog geen uitzonderingen: voor elke open actie geldt de keuze van haar hoofdstuk.',
  exceptionCount: (n: number) => (n === 1 ? '1 uitzondering' : `${n} uitzonderingen`),
  exceptionOf: (chapter: string) => `uitzondering in hoofdstuk ${chapter}`,
  searchEmpty: 'Typ de code, het nummer (#123) of de titel van een actie om toe te voegen.',
  notOpen: (label: string) =>
    `De actie ${label} is niet meer open (afgerond, vervallen of al besloten) en hoeft geen keuze; kies een open actie.`,
  alreadyException: (label: string) => `De actie ${label} staat al bij de uitzonderingen.`,
  searchPending: 'Voeg deze actie eerst toe met "Uitzondering toevoegen", of maak het veld leeg.',
} as const;
