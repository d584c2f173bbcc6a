import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';

import { actions, agendas, goals, organisations, themes, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { type PeriodStatus, showsOverdue } from '../periods/period-rules';
import { ACTION_STATUSES, type ActionStatus } from './action-status';
import { actionIsOverdue } from './action-status.server';
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

/**
 * The row budget of the one chapter a large agenda shows at a time (OVERVIEW_ALL_CHAPTERS_GOALS):
 * a chapter of 15 goals lists two actions each, the rest one link away.
 */
export const OVERVIEW_CHAPTER_ROW_BUDGET = 32;

/** How many actions each goal of an overview with `goalCount` goals lists. */
export function overviewActionsPerGoal(goalCount: number, budget = OVERVIEW_ROW_BUDGET): number {
  return Math.max(1, Math.min(OVERVIEW_ACTIONS_PER_GOAL, Math.floor(budget / Math.max(1, goalCount))));
}

export type ChapterKind = 'onderwerp' | 'randvoorwaarde' | 'context';

export type OverviewChapter = {
  id: number;
  code: string;
  title: string;
  kind: ChapterKind;
  body: string;
  /** False for the folded chapters of a large agenda (OVERVIEW_ALL_CHAPTERS_GOALS): no goals listed, body left out. */
  expanded: boolean;
  goalCount: number;
  /** The goals listed: all of an expanded chapter's, none of a folded one's. */
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

/** Adds `n` actions of one status, `overdue` of them overdue. */
function tally(counts: StatusCounts, { status, n, overdue }: { status: ActionStatus; n: number; overdue: number }) {
  counts[status] += n;
  counts.total += n;
  counts.overdue += overdue;
  counts.overdueByStatus[status] += overdue;
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
 * An agenda of more goals than this shows one chapter's goals and actions at a time (the
 * chapter in the address, `?hoofdstuk=`), the other chapters with their counts and a link.
 * The real agendas (8–15 goals) show every chapter as before; one of 60 goals would render
 * 60 goal blocks, most of the page's cost (docs/scaling.md, "Where the time goes").
 */
export const OVERVIEW_ALL_CHAPTERS_GOALS = 20;

/**
 * The agenda overview: chapters → goals → actions, with counts per status. A few flat
 * queries (chapters, goals, counts, the listed actions) grouped here — never one per goal —
 * so the page stays fast however many actions there are. The counts come from one grouped
 * query over every action; only the actions the page lists are read (at most
 * overviewActionsPerGoal per goal, of the expanded chapters). Local actions are counted
 * per goal and listed only when `includeLocal` is set; the status counts cover the
 * actions in scope, listed or not.
 *
 * `chapterId` picks the expanded chapter of a large agenda (see
 * OVERVIEW_ALL_CHAPTERS_GOALS); unknown or absent, the first chapter with goals.
 */
export function getAgendaOverview({
  today,
  includeLocal,
  periodId,
  chapterId = null,
}: {
  today: string;
  includeLocal: boolean;
  periodId?: number;
  chapterId?: number | null;
}) {
  const agenda = getAgenda(periodId);
  if (!agenda) return null;
  // "Te laat" is judged within a running period; a closed one has its balance instead.
  const judgeOverdue = showsOverdue(agenda);

  const statements = overviewStatements();
  const chapterRows = statements.chapters.all({ agendaId: agenda.id });
  const goalRows = statements.goals.all({ agendaId: agenda.id });

  // Tracked chapters: every subject (onderwerp), and any other chapter that holds goals
  // (1.2 carries the tender commitments). The rest is text, listed apart.
  const chapterIdsWithGoals = new Set(goalRows.map((g) => g.themeId));
  const oneChapterAtATime = goalRows.length > OVERVIEW_ALL_CHAPTERS_GOALS;
  const expandedChapterId = !oneChapterAtATime
    ? null
    : chapterId !== null && chapterIdsWithGoals.has(chapterId)
      ? chapterId
      : (chapterRows.find((row) => chapterIdsWithGoals.has(row.id))?.id ?? null);
  const isExpanded = (id: number) => !oneChapterAtATime || id === expandedChapterId;

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
        // A folded chapter shows its counts and a link; its text comes with it when opened.
        body: isExpanded(row.id) ? row.body : '',
        expanded: isExpanded(row.id),
        goalCount: 0,
        goals: [],
        counts: emptyCounts(),
      };
      chapters.push(chapter);
      chapterById.set(row.id, chapter);
    } else {
      otherChapters.push({ id: row.id, code: row.code, title: row.title, kind: row.kind, body: row.body });
    }
  }

  const goalById = new Map<number, { goal: OverviewGoal; chapter: OverviewChapter; listed: number }>();
  for (const row of goalRows) {
    const chapter = chapterById.get(row.themeId)!;
    chapter.goalCount += 1;
    const goal: OverviewGoal = {
      id: row.id,
      code: row.code,
      title: row.title,
      targetYear: row.targetYear,
      actions: [],
      hiddenLocalCount: 0,
      moreCount: 0,
    };
    if (chapter.expanded) chapter.goals.push(goal);
    goalById.set(row.id, { goal, chapter, listed: 0 });
  }

  // Every action counted in one grouped pass (prepared, see overviewStatements).
  const countRows = statements.counts.all({ agendaId: agenda.id, today, judge: judgeOverdue ? 1 : 0 });
  const counts = emptyCounts();
  for (const row of countRows) {
    const entry = goalById.get(row.goalId);
    if (!entry) continue;
    if (row.local && !includeLocal) {
      entry.goal.hiddenLocalCount += row.n;
      continue;
    }
    tally(entry.chapter.counts, row);
    tally(counts, row);
    entry.listed += row.n;
  }

  // The rows listed: the first perGoal actions (in agenda order) of each expanded goal.
  const listedGoalIds = goalRows.filter((g) => isExpanded(g.themeId)).map((g) => g.id);
  const perGoal = overviewActionsPerGoal(listedGoalIds.length, oneChapterAtATime ? OVERVIEW_CHAPTER_ROW_BUDGET : OVERVIEW_ROW_BUDGET);
  const actionRows =
    listedGoalIds.length === 0 ? [] : firstActionsPerGoal({ agendaId: agenda.id, goalIds: listedGoalIds, includeLocal, perGoal });

  const nameOf = (names: Map<number, string>, id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const userNames = namesOf(
    'users',
    actionRows.map((row) => row.ownerUserId),
  );
  const organisationNames = namesOf(
    'organisations',
    actionRows.flatMap((row) => [row.ownerOrganisationId, row.municipalityId]),
  );
  for (const row of actionRows) {
    const entry = goalById.get(row.goalId);
    if (!entry) continue;
    entry.goal.actions.push({
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
    });
  }
  for (const { goal, listed } of goalById.values()) goal.moreCount = Math.max(0, listed - goal.actions.length);

  return { agenda, chapters, otherChapters, counts, expandedChapterId };
}

/**
 * The overview's fixed statements, built and prepared once (built per call, drizzle's
 * query building and SQLite's prepare cost more than running them; docs/scaling.md).
 */
const overviewStatements = preparedOnce(() => {
  const agendaId = sql.placeholder('agendaId');
  const isLocal = sql<number>`${actions.municipalityId} is not null`;
  return {
    chapters: db
      .select({ id: themes.id, code: themes.code, title: themes.title, kind: themes.kind, body: themes.body })
      .from(themes)
      .where(eq(themes.agendaId, agendaId))
      .orderBy(asc(themes.position), asc(themes.id))
      .prepare(),
    goals: db
      .select({ id: goals.id, themeId: goals.themeId, code: goals.code, title: goals.title, targetYear: goals.targetYear })
      .from(goals)
      .where(eq(goals.agendaId, agendaId))
      .orderBy(asc(goals.position), asc(goals.id))
      .prepare(),
    // Every action counted, in one grouped pass: per goal, scope and status, the overdue
    // ones summed (`judge` 0: a closed period judges none overdue).
    counts: db
      .select({
        goalId: actions.goalId,
        local: isLocal,
        status: actions.status,
        n: count(),
        overdue: sql<number>`sum(case when ${sql.placeholder('judge')} = 1 and ${actionIsOverdue(sql.placeholder('today'))} then 1 else 0 end)`,
      })
      .from(actions)
      .where(eq(actions.agendaId, agendaId))
      .groupBy(actions.goalId, isLocal, actions.status)
      .prepare(),
  };
});

/** The first `perGoal` actions of each goal in agenda order (a window function: one query, no rows read past the budget). */
function firstActionsPerGoal({
  agendaId,
  goalIds,
  includeLocal,
  perGoal,
}: {
  agendaId: number;
  goalIds: number[];
  includeLocal: boolean;
  perGoal: number;
}) {
  const ranked = db
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
      rank: sql<number>`row_number() over (partition by ${actions.goalId} order by ${actions.position}, ${actions.id})`.as('rank'),
    })
    .from(actions)
    .where(and(eq(actions.agendaId, agendaId), inArray(actions.goalId, goalIds), includeLocal ? undefined : isNull(actions.municipalityId)))
    .as('ranked');
  return db
    .select({
      id: ranked.id,
      goalId: ranked.goalId,
      title: ranked.title,
      status: ranked.status,
      progress: ranked.progress,
      deadlinePhrase: ranked.deadlinePhrase,
      deadlineStart: ranked.deadlineStart,
      deadlineEnd: ranked.deadlineEnd,
      ownerUserId: ranked.ownerUserId,
      ownerOrganisationId: ranked.ownerOrganisationId,
      municipalityId: ranked.municipalityId,
    })
    .from(ranked)
    .where(lte(ranked.rank, perGoal))
    .orderBy(asc(ranked.goalId), asc(ranked.rank))
    .all();
}

/** The names of the given users or organisations (ids may repeat or be null). */
function namesOf(table: 'users' | 'organisations', ids: (number | null)[]): Map<number, string> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const source = table === 'users' ? users : organisations;
  return new Map(
    db
      .select({ id: source.id, name: source.name })
      .from(source)
      .where(inArray(source.id, wanted))
      .all()
      .map((row) => [row.id, row.name]),
  );
}

export type AgendaOverview = NonNullable<ReturnType<typeof getAgendaOverview>>;
