/**
 * The balance of a long period in parts (decision 034): the period page's pointer to each
 * chapter's balance, and that page. Not in `t`: only these two pages use it, so it ships
 * with them rather than with every page (the JavaScript budget).
 */
export const periodBalance = {
  /** A period with more actions than one page: its page shows the figures, each chapter's actions are on a page of their own. */
  perChapter: (actions: string, pageSize: number) =>
    `Deze periode heeft ${actions} acties. Hier staan de aantallen per hoofdstuk; de acties zelf en hun afloop staan per hoofdstuk op een eigen pagina, ${pageSize} per pagina.`,
  chapterActionsLink: (actions: string, chapter: string) => `De ${actions} acties van ${chapter} en hun afloop`,
  /** One chapter's balance: its figures per goal and its actions, a page at a time. */
  chapter: {
    pageTitle: (chapter: string, period: string) => `${chapter} — balans (${period})`,
    heading: (chapter: string) => `Balans van hoofdstuk ${chapter}`,
    goalsCaption: 'Afloop van de acties per doel',
    goal: 'Doel',
    total: 'Totaal',
    actionsHeading: 'Acties en hun afloop',
    showing: (from: number, to: number, total: string) => `Acties ${from} tot en met ${to} van ${total}`,
    noActions: 'Dit hoofdstuk heeft geen acties.',
    pagination: 'Pagina’s van de acties van dit hoofdstuk',
    page: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
  },
};
