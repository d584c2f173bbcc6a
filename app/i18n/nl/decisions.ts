/** The decisions log. */
export const decisions = {
  pageTitle: 'Besluiten',
  intro: 'Alle besluiten uit de overleggen, het nieuwste eerst.',
  heading: 'Besluiten',
  none: 'Er zijn nog geen besluiten.',
  noneForGoal: 'Over dit doel is nog geen besluit genomen.',
  noneForAction: 'Over deze actie is nog geen besluit genomen.',
  filterLabel: 'Doel',
  filterAll: 'Alle doelen',
  filterSubmit: 'Filteren',
  filteredBy: (goal: string) => `Besluiten over doel ${goal}`,
  source: 'Bron',
  goal: 'Doel',
  action: 'Actie',
  count: (n: number) => (n === 1 ? '1 besluit' : `${n} besluiten`),
};
