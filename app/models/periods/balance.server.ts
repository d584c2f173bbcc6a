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
import type { ActionStatus } from '../tracker/action-status';
import { type BalanceCounts, type BalanceOutcome, balanceOutcome, emptyBalance } from './balance';
import type { Period } from './period.server';
import { periodDateRange, periodLabel, periodSlug } from './period-rules';

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

export function getPeriodBalance(period: Period) {
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
  const actionRows = db
    .select({
      id: actions.id,
      goalId: actions.goalId,
      code: actions.code,
      title: actions.title,
      status: actions.status,
      periodOutcome: actions.periodOutcome,
      reason: actions.periodOutcomeReason,
      municipalityName: municipality.name,
    })
    .from(actions)
    .leftJoin(municipality, eq(municipality.id, actions.municipalityId))
    .where(eq(actions.agendaId, period.id))
    .orderBy(asc(actions.goalId), asc(actions.municipalityId), asc(actions.position), asc(actions.id))
    .all();
  const carriedIds = actionRows.filter((a) => a.periodOutcome === 'meegenomen').map((a) => a.id);
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
  for (const a of actionRows) {
    const entry = goalById.get(a.goalId);
    if (!entry) continue;
    const outcome = balanceOutcome(a);
    const to = carriedTo.get(a.id);
    entry.goal.actions.push({
      id: a.id,
      code: a.code,
      title: a.title,
      status: a.status,
      outcome,
      reason: a.reason,
      municipalityName: a.municipalityName,
      carriedTo: to ? { id: to.id, periodLabel: labelOf(to.agendaId) } : null,
    });
    for (const counts of [entry.goal.counts, entry.chapter.counts, totals]) {
      counts[outcome] += 1;
      counts.total += 1;
    }
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
    meetings: meetingRows,
    decisions: decisionRows,
    decisionCount: decisionRows.length,
    accents: accentRows,
  };
}

export type PeriodBalance = ReturnType<typeof getPeriodBalance>;
