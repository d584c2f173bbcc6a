/**
 * The changes page (/wijzigingen). Not in `t`: only that page (and its schema and model)
 * use it, so it ships with that page rather than with every page (the JavaScript budget).
 */
export const changesPage = {
  title: 'Wat is er veranderd',
  intro: 'Alle wijzigingen in de agenda, acties en lokale accenten sinds een gekozen datum, de nieuwste eerst.',
  sinceLabel: 'Sinds',
  sinceHint: 'Bijvoorbeeld 1-11-2026.',
  submit: 'Tonen',
  sinceInvalid: 'Vul een geldige datum in, bijvoorbeeld 1-11-2026.',
  summary: (n: number, since: string) => (n === 1 ? `1 wijziging sinds ${since}.` : `${n} wijzigingen sinds ${since}.`),
  none: (since: string) => `Geen wijzigingen sinds ${since}.`,
  /** Beside the summary when the changes take more than one page. */
  showing: (first: number, last: number) => `U ziet wijziging ${first} tot en met ${last}, de nieuwste eerst.`,
  pageInvalid: 'Onbekende pagina; de eerste pagina wordt getoond.',
  pagination: 'Paginering',
  page: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
  newer: 'Nieuwere wijzigingen',
  older: 'Oudere wijzigingen',
  by: 'door',
  deletedItem: 'verwijderd item',
  /** A local accent in the list of changes: "Velsen bij doel 1.3.a-A". */
  accentItem: (municipality: string, goalCode: string) => `${municipality} bij doel ${goalCode}`,
  daysCaption: 'Wijzigingen per dag',
};
