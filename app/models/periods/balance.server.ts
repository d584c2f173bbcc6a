/**
 * The figures of a period's balance ("eindbalans"): per chapter and goal how its actions
 * ended, where carried work went, the meetings held and decisions taken within the
 * period's years (meetings belong to no period: they are matched by date), and the
 * municipalities' accents. A handful of flat queries, grouped here.
 */
import { and, asc, count, eq, gte, inArray, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import { actions, decisions, goals, localAccents, meetings, organisations, themes } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { pageWindow } from '../paging';
import type { ActionStatus } from '../tracker/action-status';
import { BALANCE_PAGE_SIZE, type BalanceCounts, type BalanceOutcome, balanceOutcome, emptyBalance } from './balance';
import { getPeriodChapter } from './chapter-text.server';
import type { Period } from './period.server';
import { periodDateRange, periodLabel, type PeriodOutcome, periodSlug } from './period-rules';

export type BalanceAction = {
  id: number;
  code: string | null;
  title: string;
  status: ActionStatus;
  outcome: BalanceOutcome;
  reason: string | null;
  municipalityName: string | null;
  /** Where it was carried to. */
  carriedTo: { id: number; periodLabel: string } | null;
};

export type BalanceGoal = { id: number; code: string; title: string; counts: BalanceCounts; actions: BalanceAction[] };
export type BalanceChapter = { id: number; code: string; title: string; counts: BalanceCounts; goals: BalanceGoal[] };

const municipality = alias(organisations, 'municipality');
const carried = alias(actions, 'carried');

const balanceActionColumns = {
  id: actions.id,
  goalId: actions.goalId,
  code: actions.code,
  title: actions.title,
  status: actions.status,
  periodOutcome: actions.periodOutcome,
  reason: actions.periodOutcomeReason,
  municipalityName: municipality.name,
};

/** The balance's order within a goal: regional actions first, then each municipality's, in agenda order. */
const withinGoal = [asc(actions.municipalityId), asc(actions.position), asc(actions.id)] as const;

type BalanceActionRow = {
  id: number;
  goalId: number;
  code: string | null;
  title: string;
  status: ActionStatus;
  periodOutcome: PeriodOutcome | null;
  reason: string | null;
  municipalityName: string | null;
};

/** The rows as the balance shows them: each one's outcome, and for carried work the action and period it went to. */
function toBalanceActions(rows: BalanceActionRow[]): (BalanceAction & { goalId: number })[] {
  const carriedIds = rows.filter((a) => a.periodOutcome === 'meegenomen').map((a) => a.id);
  const carriedTo = new Map(
    carriedIds.length === 0
      ? []
      : db
          .select({ id: carried.id, from: carried.carriedFromId, agendaId: carried.agendaId })
          .from(carried)
          .where(inArray(carried.carriedFromId, carriedIds))
          .all()
          .map((row) => [row.from!, row]),
  );
  const periodLabels = new Map<number, string>();
  const labelOf = (agendaId: number) => {
    if (!periodLabels.has(agendaId)) {
      const p = db.query.agendas.findFirst({ where: (a, { eq: is }) => is(a.id, agendaId) }).sync();
      periodLabels.set(agendaId, p ? periodLabel(p) : '');
    }
    return periodLabels.get(agendaId)!;
  };
  return rows.map((a) => {
    const to = carriedTo.get(a.id);
    return {
      id: a.id,
      goalId: a.goalId,
      code: a.code,
      title: a.title,
      status: a.status,
      outcome: balanceOutcome(a),
      reason: a.reason,
      municipalityName: a.municipalityName,
      carriedTo: to ? { id: to.id, periodLabel: labelOf(to.agendaId) } : null,
    };
  });
}

/**
 * How many actions of each goal ended how: one grouped count, so the figures of a
 * period or a chapter cost the same whether or not its rows are shown.
 */
function outcomeCounts(periodId: number, goalIds?: number[]) {
  return db
    .select({ goalId: actions.goalId, status: actions.status, periodOutcome: actions.periodOutcome, n: count() })
    .from(actions)
    .where(and(eq(actions.agendaId, periodId), goalIds ? inArray(actions.goalId, goalIds) : undefined))
    .groupBy(actions.goalId, actions.status, actions.periodOutcome)
    .all()
    .map((row) => ({ goalId: row.goalId, outcome: balanceOutcome(row), n: row.n }));
}

function addCount(counts: BalanceCounts, outcome: BalanceOutcome, n: number) {
  counts[outcome] += n;
  counts.total += n;
}

/**
 * The whole balance of a period, for the documents (.docx, PDF) and the period page.
 * With `actionsUpTo` the rows are loaded only when the period has at most that many
 * actions (`withActions`); otherwise every goal's `actions` is empty and only the
 * figures are there (the page then links to each chapter's balance).
 */
export function getPeriodBalance(period: Period, { actionsUpTo = Infinity }: { actionsUpTo?: number } = {}) {
  const chapterRows = db
    .select({ id: themes.id, code: themes.code, title: themes.title })
    .from(themes)
    .where(eq(themes.agendaId, period.id))
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
  const goalRows = db
    .select({ id: goals.id, themeId: goals.themeId, code: goals.code, title: goals.title })
    .from(goals)
    .where(eq(goals.agendaId, period.id))
    .orderBy(asc(goals.position), asc(goals.id))
    .all();

  const totals = emptyBalance();
  const chapters: BalanceChapter[] = chapterRows.map((c) => ({ ...c, counts: emptyBalance(), goals: [] }));
  const chapterById = new Map(chapters.map((c) => [c.id, c]));
  const goalById = new Map<number, { goal: BalanceGoal; chapter: BalanceChapter }>();
  for (const g of goalRows) {
    const chapter = chapterById.get(g.themeId);
    if (!chapter) continue;
    const goal: BalanceGoal = { id: g.id, code: g.code, title: g.title, counts: emptyBalance(), actions: [] };
    chapter.goals.push(goal);
    goalById.set(g.id, { goal, chapter });
  }
  for (const { goalId, outcome, n } of outcomeCounts(period.id)) {
    const entry = goalById.get(goalId);
    if (!entry) continue;
    for (const counts of [entry.goal.counts, entry.chapter.counts, totals]) addCount(counts, outcome, n);
  }
  const withActions = totals.total <= actionsUpTo;
  if (withActions) {
    const actionRows = db
      .select(balanceActionColumns)
      .from(actions)
      .leftJoin(municipality, eq(municipality.id, actions.municipalityId))
      .where(eq(actions.agendaId, period.id))
      .orderBy(asc(actions.goalId), ...withinGoal)
      .all();
    for (const action of toBalanceActions(actionRows)) goalById.get(action.goalId)?.goal.actions.push(action);
  }

  // Meetings and decisions belong to no period: those dated within its years.
  const { from, until } = periodDateRange(period);
  const meetingRows = db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status })
    .from(meetings)
    .where(and(gte(meetings.startsAt, from), lt(meetings.startsAt, until)))
    .orderBy(asc(meetings.startsAt))
    .all();
  const decisionRows = db
    .select({
      id: decisions.id,
      text: decisions.text,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
    })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .where(and(gte(meetings.startsAt, from), lt(meetings.startsAt, until)))
    .orderBy(asc(meetings.startsAt), asc(decisions.id))
    .all();
  const goalIds = goalRows.map((g) => g.id);
  const accentRows =
    goalIds.length === 0
      ? []
      : db
          .select({ municipalityName: organisations.name, n: count() })
          .from(localAccents)
          .innerJoin(organisations, eq(organisations.id, localAccents.municipalityId))
          .where(and(inArray(localAccents.goalId, goalIds)))
          .groupBy(organisations.name)
          .orderBy(asc(organisations.name))
          .all();

  return {
    period: { ...period, label: periodLabel(period), slug: periodSlug(period) },
    totals,
    chapters: chapters.filter((c) => c.goals.length > 0),
    withActions,
    meetings: meetingRows,
    decisions: decisionRows,
    decisionCount: decisionRows.length,
    accents: accentRows,
  };
}

export type PeriodBalance = ReturnType<typeof getPeriodBalance>;

/**
 * One chapter's balance with a page of its actions (BALANCE_PAGE_SIZE rows, `page` clamped
 * to the last page): the chapter's figures and each goal's, and the page's rows grouped by
 * goal in the period page's order (a goal whose actions run on to the next page appears
 * on both). Undefined when the chapter is not one of the period's.
 */
export function getChapterBalance(period: Period, themeId: number, page: number) {
  const chapter = getPeriodChapter(period.id, themeId);
  if (!chapter) return undefined;
  const goalList: BalanceGoal[] = db
    .select({ id: goals.id, code: goals.code, title: goals.title })
    .from(goals)
    .where(and(eq(goals.agendaId, period.id), eq(goals.themeId, chapter.id)))
    .orderBy(asc(goals.position), asc(goals.id))
    .all()
    .map((g) => ({ ...g, counts: emptyBalance(), actions: [] }));
  const goalById = new Map(goalList.map((g) => [g.id, g]));
  const counts = emptyBalance();
  if (goalList.length > 0) {
    for (const { goalId, outcome, n } of outcomeCounts(period.id, [...goalById.keys()])) {
      for (const c of [goalById.get(goalId)!.counts, counts]) addCount(c, outcome, n);
    }
  }
  const { page: shown, pageCount, offset } = pageWindow(counts.total, BALANCE_PAGE_SIZE, page);
  const rows =
    counts.total === 0
      ? []
      : db
          .select(balanceActionColumns)
          .from(actions)
          .innerJoin(goals, eq(goals.id, actions.goalId))
          .leftJoin(municipality, eq(municipality.id, actions.municipalityId))
          .where(and(eq(actions.agendaId, period.id), eq(goals.themeId, chapter.id)))
          .orderBy(asc(goals.position), asc(goals.id), ...withinGoal)
          .limit(BALANCE_PAGE_SIZE)
          .offset(offset)
          .all();
  const pageGoals: BalanceGoal[] = [];
  for (const action of toBalanceActions(rows)) {
    let goal = pageGoals.at(-1);
    if (goal?.id !== action.goalId) {
      const { id, code, title, counts: goalCounts } = goalById.get(action.goalId)!;
      goal = { id, code, title, counts: goalCounts, actions: [] };
      pageGoals.push(goal);
    }
    goal.actions.push(action);
  }
  return {
    period: { slug: periodSlug(period), label: periodLabel(period) },
    chapter: { ...chapter, counts, goals: goalList },
    page: shown,
    pageCount,
    first: offset + 1,
    last: offset + rows.length,
    pageGoals,
  };
}

export type ChapterBalance = NonNullable<ReturnType<typeof getChapterBalance>>;
