/**
 * The local-accent matrix summed up as a heatmap: per goal (rows) and municipality
 * (columns), whether the municipality has written an accent, and how many local actions
 * it has there. Each cell says so in words ("ja · 2"), not only in colour.
 */
import { t } from '../../i18n';
import { accentChapters } from '../../i18n/nl/accent-chapters';
import type { HeatmapSpec } from '../charts/heatmap';
import { SEQUENTIAL } from '../charts/palette';

export type CoverageCell = { municipalityId: number; hasAccent: boolean; localActionCount: number };
export type CoverageGoal = { id: number; code: string; title: string; cells: CoverageCell[] };

/** 0: no accent, 1: an accent, 2: an accent and local actions. */
function level(cell: CoverageCell): number {
  if (!cell.hasAccent) return 0;
  return cell.localActionCount > 0 ? 2 : 1;
}

/** `chapter`: the one chapter whose goals these are, when the matrix shows one at a time (its title says so). */
export function accentCoverageSpec(
  municipalities: { id: number; name: string }[],
  goals: CoverageGoal[],
  chapter: string | null = null,
): HeatmapSpec {
  const c = t.accents.coverage;
  const cellOf = (goal: CoverageGoal, municipalityId: number): CoverageCell =>
    goal.cells.find((cell) => cell.municipalityId === municipalityId) ?? { municipalityId, hasAccent: false, localActionCount: 0 };
  const description = municipalities
    .map((m) => {
      const cells = goals.map((goal) => cellOf(goal, m.id));
      return c.municipality(
        m.name,
        cells.filter((cell) => cell.hasAccent).length,
        goals.length,
        cells.reduce((sum, cell) => sum + cell.localActionCount, 0),
      );
    })
    .join(' ');
  return {
    id: 'accent-dekking',
    title: chapter === null ? c.title : accentChapters.coverageTitle(chapter),
    rowHeader: c.goal,
    rows: goals.map((goal) => ({ key: String(goal.id), label: goal.code, longLabel: `${goal.code} ${goal.title}` })),
    columns: municipalities.map((m) => ({ key: String(m.id), label: m.name })),
    cells: goals.map((goal) =>
      municipalities.map((m) => {
        const cell = cellOf(goal, m.id);
        return {
          value: level(cell),
          text: c.mark(cell.hasAccent, cell.localActionCount),
          label: c.cell(cell.hasAccent, cell.localActionCount),
        };
      }),
    ),
    levels: [
      { label: c.levels.none, min: 0, colour: SEQUENTIAL[0] },
      { label: c.levels.accent, min: 1, colour: SEQUENTIAL[2] },
      { label: c.levels.withActions, min: 2, colour: SEQUENTIAL[4] },
    ],
    description,
    notes: [c.note],
  };
}
