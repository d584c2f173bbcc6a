/**
 * The timeline's pages (/tijdlijn?pagina=N). A page is a run of goals in agenda order, never
 * half a goal: a goal's bars belong together under its heading and milestone. A page is
 * filled up to TIMELINE_PAGE_SIZE rows (the goal's bars and its actions without a deadline);
 * a goal with more gets a page of its own. Goals with nothing to show ride along with
 * the page they fall on, so their milestones stay beside their neighbours'.
 */

/** Rows per page, about: fifty bars (and their fifty table rows) keep the page within its budget (docs/scaling.md). */
export const TIMELINE_PAGE_SIZE = 50;

export type GoalWeight = { id: number; rows: number };

/** The goals of each page, in order; always at least one page (perhaps empty). */
export function timelinePages(goals: GoalWeight[], pageSize = TIMELINE_PAGE_SIZE): number[][] {
  const pages: number[][] = [[]];
  let filled = 0;
  for (const goal of goals) {
    if (filled > 0 && filled + goal.rows > pageSize) {
      pages.push([]);
      filled = 0;
    }
    pages[pages.length - 1]!.push(goal.id);
    filled += goal.rows;
  }
  return pages;
}
