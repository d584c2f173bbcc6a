/**
 * The accent matrix of a period with many goals, one chapter at a time (decision 034).
 * Not in `t`: only the accents page uses it, so it ships with that page (the JavaScript budget).
 */
export const accentChapters = {
  notice: (goals: number) =>
    `Deze periode heeft ${goals} doelen. De tabel en de tekening tonen één hoofdstuk tegelijk; kies hieronder een ander hoofdstuk.`,
  label: 'Hoofdstukken',
  goals: (n: number) => (n === 1 ? '1 doel' : `${n} doelen`),
  /** The heatmap's title when it shows one chapter. */
  coverageTitle: (chapter: string) => `Welke gemeente heeft bij welk doel van ${chapter} een accent`,
};
