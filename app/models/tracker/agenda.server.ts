import { and, asc, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';

import { actions, agendas, goals, organisations, themes, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { type PeriodStatus, showsOverdue } from '../periods/period-rules';
import { ACTION_STATUSES, type ActionStatus } from './action-status';
import { isActionOverdue } from './deadline';

export type StatusCounts = Record<ActionStatus, number> & {
  overdue: number;
  total: number;
  /** The overdue actions by their status (only open statuses can be overdue): the progress chart shows them apart. */
  overdueByStatus: Record<ActionStatus, number>;
};

export type OverviewAction = {
  id: number;
  title: string;
  status: ActionStatus;
  progress: number;
  deadlinePhrase: string | null;
  deadlineStart: string | null;
  deadlineEnd: string | null;
  ownerUserName: string | null;
  ownerOrganisationName: string | null;
  /** Null for a regional action. */
  municipalityName: string | null;
  overdue: boolean;
};

export type OverviewGoal = {
  id: number;
  code: string;
  title: string;
  targetYear: number | null;
  actions: OverviewAction[];
  /** Local actions of this goal that the overview does not list (all of them unless local ones are shown). */
  hiddenLocalCount: number;
  /** Actions beyond overviewActionsPerGoal: counted, and reachable through the action list. */
  moreCount: number;
};

/**
 * At most this many actions per goal in the overview. The 2020–2024 agenda has at most
 * six; a goal with dozens reads better as a link to its filtered action list.
 */
export const OVERVIEW_ACTIONS_PER_GOAL = 8;

/**
 * At most about this many action rows on the whole overview, spread evenly over the goals
 * (at least one each): the page's weight stays the same however large the agenda grows.
 * An agenda of up to 15 goals (the real ones have 8–15) shows up to 8 per goal; one of 60
 * goals and thousands of actions shows two per goal with a link to the rest. Rendering the
 * rows is most of the page's cost (docs/scaling.md, "Where the time goes").
 */
export const OVERVIEW_ROW_BUDGET = 120;

/** How many actions each goal of an overview with `goalCount` goals lists. */
export function overviewActionsPerGoal(goalCount: number): number {
  return Math.max(1, Math.min(OVERVIEW_ACTIONS_PER_GOAL, Math.floor(OVERVIEW_ROW_BUDGET / Math.max(1, goalCount))));
}

export type ChapterKind = 'onderwerp' | 'randvoorwaarde' | 'context';

export type OverviewChapter = {
  id: number;
  code: string;
  title: string;
  kind: ChapterKind;
  body: string;
  goals: OverviewGoal[];
  counts: StatusCounts;
};

export type OtherChapter = { id: number; code: string; title: string; kind: ChapterKind; body: string };

export function emptyCounts(): StatusCounts {
  const counts = { overdue: 0, total: 0, overdueByStatus: {} } as StatusCounts;
  for (const status of ACTION_STATUSES) {
    counts[status] = 0;
    counts.overdueByStatus[status] = 0;
  }
  return counts;
}

function tally(counts: StatusCounts, action: { status: ActionStatus; overdue: boolean }) {
  counts[action.status] += 1;
  counts.total += 1;
  if (action.overdue) {
    counts.overdue += 1;
    counts.overdueByStatus[action.status] += 1;
  }
}

/** What the agenda's pages need of the period they show. */
export type ListPeriod = { id: number; status: PeriodStatus; periodStart: number; periodEnd: number; title: string };

const agendaColumns = {
  id: agendas.id,
  title: agendas.title,
  body: agendas.body,
  periodStart: agendas.periodStart,
  periodEnd: agendas.periodEnd,
  status: agendas.status,
  slug: agendas.slug,
  isExample: agendas.isExample,
};

/** An agenda (a period) with its title and years: the one asked for, or the current one (else the latest). */
export function getAgenda(periodId?: number) {
  if (periodId !== undefined) return db.select(agendaColumns).from(agendas).where(eq(agendas.id, periodId)).get();
  return (
    db.select(agendaColumns).from(agendas).where(eq(agendas.status, 'vastgesteld')).get() ??
    db.select(agendaColumns).from(agendas).orderBy(desc(agendas.periodStart)).limit(1).get()
  );
}

/**
 * The agenda overview: chapters → goals → actions, with counts per status. A few flat
 * queries (chapters, goals, actions, owner names, local counts) grouped here — never one
 * per goal — so the page stays fast however many actions there are. Local actions are
 * counted per goal and listed only when `includeLocal` is set; the status counts cover
 * the actions listed.
 */
export function getAgendaOverview({ today, includeLocal, periodId }: { today: string; includeLocal: boolean; periodId?: number }) {
  const agenda = getAgenda(periodId);
  if (!agenda) return null;
  // "Te laat" is judged within a running period; a closed one has its balance instead.
  const judgeOverdue = showsOverdue(agenda);

  const chapterRows = db
    .select({ id: themes.id, code: themes.code, title: themes.title, kind: themes.kind, body: themes.body })
    .from(themes)
    .where(eq(themes.agendaId, agenda.id))
    .orderBy(asc(themes.position), asc(themes.id))
    .all();

  const goalRows = db
    .select({ id: goals.id, themeId: goals.themeId, code: goals.code, title: goals.title, targetYear: goals.targetYear })
    .from(goals)
    .where(eq(goals.agendaId, agenda.id))
    .orderBy(asc(goals.position), asc(goals.id))
    .all();

  // Names of owners and municipalities come from two small lookups instead of three
  // joins on every action row; local actions are only counted unless they are listed.
  const userNames = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const organisationNames = new Map(
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .all()
      .map((o) => [o.id, o.name]),
  );
  const actionRows = db
    .select({
      id: actions.id,
      goalId: actions.goalId,
      title: actions.title,
      status: actions.status,
      progress: actions.progress,
      deadlinePhrase: actions.deadlinePhrase,
      deadlineStart: actions.deadlineStart,
      deadlineEnd: actions.deadlineEnd,
      ownerUserId: actions.ownerUserId,
      ownerOrganisationId: actions.ownerOrganisationId,
      municipalityId: actions.municipalityId,
    })
    .from(actions)
    .where(and(eq(actions.agendaId, agenda.id), includeLocal ? undefined : isNull(actions.municipalityId)))
    .orderBy(asc(actions.goalId), asc(actions.position), asc(actions.id))
    .all();
  const hiddenLocalCounts = includeLocal
    ? []
    : db
        .select({ goalId: actions.goalId, n: count() })
        .from(actions)
        .where(and(eq(actions.agendaId, agenda.id), isNotNull(actions.municipalityId)))
        .groupBy(actions.goalId)
        .all();

  // Tracked chapters: every subject (onderwerp), and any other chapter that holds goals
  // (1.2 carries the tender commitments). The rest is text, listed apart.
  const chapterIdsWithGoals = new Set(goalRows.map((g) => g.themeId));
  const chapters: OverviewChapter[] = [];
  const otherChapters: OtherChapter[] = [];
  const chapterById = new Map<number, OverviewChapter>();
  for (const row of chapterRows) {
    if (row.kind === 'onderwerp' || chapterIdsWithGoals.has(row.id)) {
      const chapter: OverviewChapter = {
        id: row.id,
        code: row.code,
        title: row.title,
        kind: row.kind,
        body: row.body,
        goals: [],
        counts: emptyCounts(),
      };
      chapters.push(chapter);
      chapterById.set(row.id, chapter);
    } else {
      otherChapters.push({ id: row.id, code: row.code, title: row.title, kind: row.kind, body: row.body });
    }
  }

  const goalById = new Map<number, { goal: OverviewGoal; chapter: OverviewChapter }>();
  for (const row of goalRows) {
    const chapter = chapterById.get(row.themeId)!;
    const goal: OverviewGoal = {
      id: row.id,
      code: row.code,
      title: row.title,
      targetYear: row.targetYear,
      actions: [],
      hiddenLocalCount: 0,
      moreCount: 0,
    };
    chapter.goals.push(goal);
    goalById.set(row.id, { goal, chapter });
  }

  for (const { goalId, n } of hiddenLocalCounts) {
    const entry = goalById.get(goalId);
    if (entry) entry.goal.hiddenLocalCount = n;
  }

  const perGoal = overviewActionsPerGoal(goalRows.length);
  const counts = emptyCounts();
  const nameOf = (names: Map<number, string>, id: number | null) => (id === null ? null : (names.get(id) ?? null));
  for (const row of actionRows) {
    const entry = goalById.get(row.goalId);
    if (!entry) continue;
    const action: OverviewAction = {
      id: row.id,
      title: row.title,
      status: row.status,
      progress: row.progress,
      deadlinePhrase: row.deadlinePhrase,
      deadlineStart: row.deadlineStart,
      deadlineEnd: row.deadlineEnd,
      ownerUserName: nameOf(userNames, row.ownerUserId),
      ownerOrganisationName: nameOf(organisationNames, row.ownerOrganisationId),
      municipalityName: nameOf(organisationNames, row.municipalityId),
      overdue: judgeOverdue && isActionOverdue(row, today),
    };
    if (entry.goal.actions.length < perGoal) entry.goal.actions.push(action);
    else entry.goal.moreCount += 1;
    tally(entry.chapter.counts, action);
    tally(counts, action);
  }

  return { agenda, chapters, otherChapters, counts };
}

export type AgendaOverview = NonNullable<ReturnType<typeof getAgendaOverview>>;
