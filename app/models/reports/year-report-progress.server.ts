/**
 * Progress on the agenda in one year, for the yearly report: the period whose years hold
 * it, per chapter and goal the actions' statuses, the progress reports written that year,
 * what is late at the end of the year (isActionOverdue, the rule of every list), and the
 * decisions of the meetings held that year.
 */
import { and, asc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import { actions, agendas, goals, organisations, progressUpdates, themes } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { listDecisions } from '../meetings/decision.server';
import { periodLabel } from '../periods/period-rules';
import { type ActionStatus, isActionStatus } from '../tracker/action-status';
import { isActionOverdue } from '../tracker/deadline';
import type { ProgressChapter, ProgressGoal, YearDecision, YearProgress } from './year-report';
import { addCounts, countStatuses, emptyCounts } from './year-report-figures';

const municipality = alias(organisations, 'municipality');

/** The agenda whose years hold `year`: an adopted or closed one before a concept. */
export function periodOfYear(year: number) {
  const rows = db
    .select()
    .from(agendas)
    .where(and(lte(agendas.periodStart, year), gte(agendas.periodEnd, year)))
    .all();
  return rows.find((p) => p.status !== 'concept') ?? rows[0];
}

/** The chapters the progress part of `year` shows (the chapters of its period), in agenda order. */
export function yearChapters(year: number): { code: string; title: string }[] {
  const period = periodOfYear(year);
  if (!period) return [];
  return db
    .select({ code: themes.code, title: themes.title })
    .from(themes)
    .where(eq(themes.agendaId, period.id))
    .orderBy(asc(themes.position))
    .all();
}

/** `${year}-01-01` up to (not including) the next year, to compare with stored timestamps. */
export function yearRange(year: number) {
  return { from: `${year}-01-01`, until: `${year + 1}-01-01` };
}

export function yearDecisions(year: number): YearDecision[] {
  return listDecisions({ within: yearRange(year) })
    .map((d) => ({ at: d.meetingStartsAt, meetingTitle: d.meetingTitle, text: d.text }))
    .reverse();
}

/** `today` (YYYY-MM-DD) for a year that has not ended; what is late is judged at the year's end or today, whichever is first. */
export function yearProgress(year: number, today: string): YearProgress {
  const period = periodOfYear(year);
  const decisions = yearDecisions(year);
  if (!period) return { periodLabel: null, chapters: [], decisions };
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const { from, until } = yearRange(year);

  const chapterRows = db
    .select({ id: themes.id, code: themes.code, title: themes.title })
    .from(themes)
    .where(eq(themes.agendaId, period.id))
    .orderBy(asc(themes.position))
    .all();
  const goalRows = db
    .select({ id: goals.id, themeId: goals.themeId, code: goals.code, title: goals.title })
    .from(goals)
    .where(eq(goals.agendaId, period.id))
    .orderBy(asc(goals.position))
    .all();
  const actionRows = db
    .select({
      id: actions.id,
      goalId: actions.goalId,
      title: actions.title,
      status: actions.status,
      deadlineEnd: actions.deadlineEnd,
      municipalityName: municipality.name,
    })
    .from(actions)
    .leftJoin(municipality, eq(municipality.id, actions.municipalityId))
    .where(eq(actions.agendaId, period.id))
    .orderBy(asc(actions.position), asc(actions.id))
    .all();
  const actionIds = actionRows.map((a) => a.id);
  const reportRows =
    actionIds.length === 0
      ? []
      : db
          .select({
            actionId: progressUpdates.actionId,
            body: progressUpdates.body,
            statusTo: progressUpdates.statusTo,
            at: progressUpdates.createdAt,
          })
          .from(progressUpdates)
          .where(
            and(gte(progressUpdates.createdAt, from), lt(progressUpdates.createdAt, until), inArray(progressUpdates.actionId, actionIds)),
          )
          .orderBy(asc(progressUpdates.createdAt), asc(progressUpdates.id))
          .all();

  const titleOf = new Map(actionRows.map((a) => [a.id, a.title]));
  const goalOfAction = new Map(actionRows.map((a) => [a.id, a.goalId]));
  const chapters: ProgressChapter[] = chapterRows.map((chapter) => {
    const chapterGoals: ProgressGoal[] = goalRows
      .filter((g) => g.themeId === chapter.id)
      .map((goal) => {
        const own = actionRows.filter((a) => a.goalId === goal.id);
        return {
          code: goal.code,
          title: goal.title,
          counts: countStatuses(own.map((a) => a.status)),
          reports: reportRows
            .filter((u) => goalOfAction.get(u.actionId) === goal.id)
            .map((u) => ({
              actionTitle: titleOf.get(u.actionId) ?? '',
              at: u.at,
              body: u.body,
              statusTo: u.statusTo && isActionStatus(u.statusTo) ? (u.statusTo as ActionStatus) : null,
            })),
          late: own
            .filter((a) => a.deadlineEnd !== null && isActionOverdue({ deadlineEnd: a.deadlineEnd, status: a.status }, asOf))
            .map((a) => ({ title: a.title, deadlineEnd: a.deadlineEnd!, municipalityName: a.municipalityName })),
        };
      });
    return {
      code: chapter.code,
      title: chapter.title,
      counts: chapterGoals.reduce((sum, g) => addCounts(sum, g.counts), emptyCounts()),
      goals: chapterGoals,
    };
  });
  return { periodLabel: periodLabel(period), chapters, decisions };
}
