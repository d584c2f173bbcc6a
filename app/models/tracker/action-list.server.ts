/**
 * The list views of the tracker: the filtered action list (and its CSV export), "Mijn
 * acties", the timeline and the board. Every view is one query with its joins — never a
 * query per row — with the filtering done in SQL on the indexed columns of `actions`.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, not, or, type Placeholder, type SQL, sql } from 'drizzle-orm';

import { actions, goals, themes, users } from '../../../db/schema';
import { t } from '../../i18n';
import { type ActionFilters, parseActionFilters, type ParsedActionFilters } from '../../schemas/action-filters';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { listOrganisationOptions } from '../accounts/organisation.server';
import { pageWindow } from '../paging';
import { showsOverdue } from '../periods/period-rules';
import { selectActions } from './action.server';
import { ACTION_STATUSES, type ActionStatus, isClosedStatus } from './action-status';
import { actionIsOpen, actionIsOverdue } from './action-status.server';
import { getAgenda, type ListPeriod } from './agenda.server';
import { withOverdue } from './deadline';
import type { MyActionsPages } from './my-actions';
import { TIMELINE_PAGE_SIZE, timelinePages } from './timeline-pages';

type Row = Awaited<ReturnType<ReturnType<typeof selectActions>['all']>>[number];
export type ActionListRow = Row & { overdue: boolean };

/** The WHERE clause of a set of filters; columns of `actions` only, so counting needs no joins. */
function whereOf(filters: ActionFilters, today: string, period?: ListPeriod): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  // One period at a time, by the indexed agenda_id (docs/decisions/017-agenda-periods.md).
  if (period) conditions.push(eq(actions.agendaId, period.id));
  if (filters.themeId !== null) {
    conditions.push(inArray(actions.goalId, db.select({ id: goals.id }).from(goals).where(eq(goals.themeId, filters.themeId))));
  }
  if (filters.goalId !== null) conditions.push(eq(actions.goalId, filters.goalId));
  if (filters.organisationId !== null) {
    conditions.push(or(eq(actions.ownerOrganisationId, filters.organisationId), eq(actions.municipalityId, filters.organisationId)));
  }
  if (filters.ownerUserId !== null) conditions.push(eq(actions.ownerUserId, filters.ownerUserId));
  if (filters.statuses.length > 0) conditions.push(inArray(actions.status, filters.statuses));
  if (filters.window) {
    // Overlap of two inclusive windows; a NULL end of the action's window is open.
    // Actions without any deadline do not match a deadline filter.
    const { start, end } = filters.window;
    conditions.push(or(isNotNull(actions.deadlineStart), isNotNull(actions.deadlineEnd)));
    if (end !== null) conditions.push(or(isNull(actions.deadlineStart), sql`${actions.deadlineStart} <= ${end}`));
    if (start !== null) conditions.push(or(isNull(actions.deadlineEnd), sql`${actions.deadlineEnd} >= ${start}`));
  }
  if (filters.overdueOnly) conditions.push(period && !showsOverdue(period) ? sql`0` : actionIsOverdue(today));
  if (filters.scope === 'regionaal') conditions.push(isNull(actions.municipalityId));
  if (filters.scope === 'lokaal') conditions.push(isNotNull(actions.municipalityId));
  if (filters.text !== '') {
    const pattern = `%${filters.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${actions.title} like ${pattern} escape '\\'`, sql`${actions.code} like ${pattern} escape '\\'`));
  }
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length > 0 ? and(...present) : undefined;
}

const statusRank = sql`case ${actions.status} ${sql.join(
  ACTION_STATUSES.map((s, i) => sql`when ${s} then ${i}`),
  sql` `,
)} end`;

/** Agenda order: chapter, goal, the action's place under its goal. */
const agendaOrder = [asc(themes.position), asc(goals.position), asc(actions.position), asc(actions.id)];

function orderOf(filters: Pick<ActionFilters, 'sort' | 'direction'>): SQL[] {
  const dir = filters.direction === 'af' ? desc : asc;
  switch (filters.sort) {
    case 'titel':
      return [dir(sql`${actions.title} collate nocase`), ...agendaOrder];
    case 'status':
      return [dir(statusRank), ...agendaOrder];
    case 'voortgang':
      return [dir(actions.progress), ...agendaOrder];
    case 'gewijzigd':
      return [dir(actions.updatedAt), ...agendaOrder];
    case 'termijn': {
      // compareDeadlines: by end (none last), then by start (none first); reversed when descending.
      const [late, early] = filters.direction === 'af' ? [0, 1] : [1, 0];
      return [
        sql`case when ${actions.deadlineEnd} is null then ${late} else ${early} end`,
        dir(actions.deadlineEnd),
        sql`case when ${actions.deadlineStart} is null then ${early} else ${late} end`,
        dir(actions.deadlineStart),
        ...agendaOrder,
      ];
    }
    case 'code':
    default:
      return filters.direction === 'af'
        ? [desc(themes.position), desc(goals.position), desc(actions.position), desc(actions.id)]
        : agendaOrder;
  }
}

/**
 * Rows per page of /acties. Fifty keep an uncached render of the page within its budget
 * (docs/scaling.md, "Where the time goes"); the exports cover every row.
 */
export const PAGE_SIZE = 50;

/**
 * The filtered, sorted action list. With `pageSize` one page of it (the page number comes
 * from the filters and is clamped to the last page); with `pageSize: null` all of it (CSV).
 */
export function listActions({
  filters,
  today,
  period,
  pageSize = PAGE_SIZE,
}: {
  filters: ActionFilters;
  today: string;
  period?: ListPeriod;
  pageSize?: number | null;
}) {
  const where = whereOf(filters, today, period);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(actions)
    .where(where)
    .get()!.n;
  // pageSize null: every row on one page (the CSV export).
  const window = pageWindow(total, pageSize ?? Math.max(total, 1), filters.page);
  const { offset } = window;
  let query = selectActions()
    .where(where)
    .orderBy(...orderOf(filters))
    .$dynamic();
  if (pageSize !== null) query = query.limit(pageSize).offset(offset);
  return { ...window, pageSize, rows: overdueIn(period, query.all(), today) };
}

/** "Te laat" is judged within a running period; a closed period shows none (its balance says what was not finished). */
function overdueIn<T extends Row>(period: ListPeriod | undefined, rows: T[], today: string) {
  const marked = withOverdue(rows, today);
  return period && !showsOverdue(period) ? marked.map((r) => ({ ...r, overdue: false })) : marked;
}

/** The goals of a period (all goals without one) in agenda order, for a filter. */
const goalOptions = (agendaId: number | Placeholder | undefined) =>
  db
    .select({ id: goals.id, code: goals.code, title: goals.title, themeId: goals.themeId })
    .from(goals)
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .where(agendaId === undefined ? undefined : eq(goals.agendaId, agendaId))
    .orderBy(asc(themes.position), asc(goals.position), asc(goals.id));

/** The chapters a filter offers: every subject, and any other chapter that holds goals. */
const themeOptions = (agendaId: number | Placeholder | undefined) =>
  db
    .select({ id: themes.id, code: themes.code, title: themes.title })
    .from(themes)
    .where(
      and(
        agendaId === undefined ? undefined : eq(themes.agendaId, agendaId),
        sql`(${themes.kind} = 'onderwerp' or exists (select 1 from ${goals} where ${goals.themeId} = ${themes.id}))`,
      ),
    )
    .orderBy(asc(themes.position), asc(themes.id));

/** The list page asks for its filter form's choices on every view: prepared once (app/utils/prepared.server.ts). */
const optionStatements = preparedOnce(() => ({
  goals: goalOptions(sql.placeholder('agendaId')).prepare(),
  themes: themeOptions(sql.placeholder('agendaId')).prepare(),
  owners: db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name), asc(users.id)).prepare(),
}));

export function listGoalOptions(period?: ListPeriod) {
  return period ? optionStatements().goals.all({ agendaId: period.id }) : goalOptions(undefined).all();
}

/** The choices of the filter form (of one period, when given). */
export function listFilterOptions(period?: ListPeriod) {
  return {
    themes: period ? optionStatements().themes.all({ agendaId: period.id }) : themeOptions(undefined).all(),
    goals: listGoalOptions(period),
    organisations: listOrganisationOptions(),
    owners: optionStatements().owners.all(),
  };
}

export type FilterOptions = ReturnType<typeof listFilterOptions>;

/**
 * Well-formed ids that point nowhere (a removed goal, a mistyped link) are treated like
 * any other bad filter value: a message beside the field and the filter ignored.
 */
export function dropUnknownFilterIds(parsed: ParsedActionFilters, options: FilterOptions): ParsedActionFilters {
  const m = t.lists.filters.errors;
  const filters = { ...parsed.filters };
  const fieldErrors = { ...parsed.fieldErrors };
  const check = (
    key: 'themeId' | 'goalId' | 'organisationId' | 'ownerUserId',
    param: 'thema' | 'doel' | 'organisatie' | 'trekker',
    list: { id: number }[],
    message: string,
  ) => {
    const value = filters[key];
    if (value !== null && !list.some((item) => item.id === value)) {
      filters[key] = null;
      fieldErrors[param] = message;
    }
  };
  check('themeId', 'thema', options.themes, m.theme);
  check('goalId', 'doel', options.goals, m.goal);
  check('organisationId', 'organisatie', options.organisations, m.organisation);
  check('ownerUserId', 'trekker', options.owners, m.owner);
  return { ...parsed, filters, fieldErrors };
}

/**
 * The statements of "Mijn acties", prepared once (it is opened often): the four counts, and
 * a page of each table. A page is ordered by deadline as compareDeadlines sorts (the list's
 * "termijn"), then in agenda order. That puts overdue actions first: in a table of open
 * actions they are exactly those whose deadline has ended.
 */
const myActionStatements = preparedOnce(() => {
  const p = sql.placeholder;
  const inPeriod = eq(actions.agendaId, p('agendaId'));
  const own = eq(actions.ownerUserId, p('userId'));
  const ofOrganisation = or(eq(actions.ownerOrganisationId, p('organisationId')), eq(actions.municipalityId, p('organisationId')));
  // My organisation's that are not mine: someone else's, or nobody's (NULL is not "not me" in SQL).
  const organisation = and(ofOrganisation, or(isNull(actions.ownerUserId), ne(actions.ownerUserId, p('userId'))));
  const open = actionIsOpen();
  const closed = not(actionIsOpen());
  const urgency = orderOf({ sort: 'termijn', direction: 'op' });
  const page = (where: SQL | undefined) =>
    selectActions()
      .where(and(inPeriod, where))
      .orderBy(...urgency)
      .limit(p('limit'))
      .offset(p('offset'))
      .prepare();
  return {
    counts: db
      .select({
        ownOpen: sql<number>`count(*) filter (where ${and(own, open)})`,
        ownClosed: sql<number>`count(*) filter (where ${and(own, closed)})`,
        organisationOpen: sql<number>`count(*) filter (where ${and(organisation, open)})`,
        organisationClosed: sql<number>`count(*) filter (where ${and(organisation, closed)})`,
      })
      .from(actions)
      .where(and(inPeriod, or(own, ofOrganisation)))
      .prepare(),
    ownOpen: page(and(own, open)),
    organisationOpen: page(and(organisation, open)),
    organisationClosed: page(and(organisation, closed)),
  };
});

/**
 * "Mijn acties": those I am the trekker of, and those of my organisation (its own, and
 * for a municipality its local actions) that are not already mine; each split into open
 * and closed ones. A page (PAGE_SIZE, as the list) of my open ones and of my
 * organisation's open ones; of my organisation's closed ones a page only when asked for
 * (`pages.organisationClosed`); of my closed ones only the count: the list shows them
 * (?trekker=…&status=afgerond&status=vervallen), which it cannot for my organisation's
 * (docs/decisions/033). A page past the last shows the last.
 */
export function listMyActions({
  userId,
  organisationId,
  today,
  period,
  pages = { own: 1, organisation: 1, organisationClosed: null },
}: {
  userId: number;
  organisationId: number;
  today: string;
  period: ListPeriod;
  pages?: MyActionsPages;
}) {
  const statements = myActionStatements();
  const values = { agendaId: period.id, userId, organisationId };
  const counts = statements.counts.get(values)!;
  const page = (statement: (typeof statements)['ownOpen'], total: number, requested: number) => {
    const window = pageWindow(total, PAGE_SIZE, requested);
    const rows = total === 0 ? [] : statement.all({ ...values, limit: PAGE_SIZE, offset: window.offset });
    return { ...window, rows: overdueIn(period, rows, today) };
  };
  return {
    own: { open: page(statements.ownOpen, counts.ownOpen, pages.own), closedTotal: counts.ownClosed },
    organisation: {
      open: page(statements.organisationOpen, counts.organisationOpen, pages.organisation),
      closed: {
        total: counts.organisationClosed,
        shown:
          pages.organisationClosed === null
            ? null
            : page(statements.organisationClosed, counts.organisationClosed, pages.organisationClosed),
      },
    },
  };
}

// ---------------------------------------------------------------------------
// Timeline

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const round = (n: number) => Math.round(n * 100) / 100;

/** What the timeline shows of an action. */
export type TimelineAction = Pick<
  ActionListRow,
  | 'id'
  | 'code'
  | 'title'
  | 'status'
  | 'goalId'
  | 'goalCode'
  | 'themeCode'
  | 'deadlinePhrase'
  | 'deadlineStart'
  | 'deadlineEnd'
  | 'municipalityName'
  | 'overdue'
>;

const timelineAction = (r: ActionListRow): TimelineAction => ({
  id: r.id,
  code: r.code,
  title: r.title,
  status: r.status,
  goalId: r.goalId,
  goalCode: r.goalCode,
  themeCode: r.themeCode,
  deadlinePhrase: r.deadlinePhrase,
  deadlineStart: r.deadlineStart,
  deadlineEnd: r.deadlineEnd,
  municipalityName: r.municipalityName,
  overdue: r.overdue,
});

export type TimelineBar = TimelineAction & {
  /** Where the bar sits on the axis, in percent of its width. */
  left: number;
  width: number;
  /** 'by' deadlines are drawn from the start of the axis, 'from' deadlines to its end. */
  openStart: boolean;
  openEnd: boolean;
  /** The window reaches beyond the axis and is cut off there. */
  clippedStart: boolean;
  clippedEnd: boolean;
};

export type TimelineGoal = {
  id: number;
  code: string;
  title: string;
  targetYear: number | null;
  /** Percent position of the end of the target year, when that lies on the axis. */
  milestone: number | null;
  bars: TimelineBar[];
};

export type TimelineChapter = { id: number; code: string; title: string; goals: TimelineGoal[] };

/**
 * The timeline: the agenda period (extended to today's year, and to the windows of the
 * actions shown, at most ten years past the period) as an axis of years; each action with a
 * deadline as a bar over its window, grouped by chapter and goal; goals' target years
 * as milestones. Actions without a deadline are listed apart.
 *
 * One page of it (timeline-pages.ts): the goals of page `filters.page` (clamped to the
 * last page), with their bars, milestones and actions without a deadline. The axis is
 * the same on every page: it is drawn for all the filtered actions.
 */
export function getTimeline({
  filters,
  today,
  period,
  pageSize = TIMELINE_PAGE_SIZE,
}: {
  filters: ActionFilters;
  today: string;
  period?: ListPeriod;
  pageSize?: number;
}) {
  const agenda = period ?? getAgenda();
  if (!agenda) return null;
  const where = whereOf(filters, today, period);
  const hasDeadline = sql`(${actions.deadlineStart} is not null or ${actions.deadlineEnd} is not null)`;
  // Per goal: its bars, its actions without a deadline, its last deadline (for the axis).
  const perGoal = db
    .select({
      goalId: actions.goalId,
      bars: sql<number>`sum(${hasDeadline})`,
      unscheduled: sql<number>`sum(not ${hasDeadline})`,
      last: sql<string | null>`max(coalesce(${actions.deadlineEnd}, ${actions.deadlineStart}))`,
    })
    .from(actions)
    .where(where)
    .groupBy(actions.goalId)
    .all();
  const countsOf = new Map(perGoal.map((g) => [g.goalId, g]));

  // A closed period's axis ends with the period (or its last deadline); a running one reaches today.
  const todayYear = period && !showsOverdue(period) ? agenda.periodEnd : Number(today.slice(0, 4));
  let lastYear = Math.max(agenda.periodEnd, todayYear);
  for (const goal of perGoal) {
    const year = Number((goal.last ?? '0').slice(0, 4));
    if (year > lastYear) lastYear = year;
  }
  lastYear = Math.min(lastYear, agenda.periodEnd + 10);
  const firstYear = agenda.periodStart;
  const axisStart = `${firstYear}-01-01`;
  const axisEnd = `${lastYear}-12-31`;
  const from = dayNumber(axisStart);
  const span = dayNumber(axisEnd) + 1 - from;
  const position = (date: string) => Math.max(0, Math.min(100, ((dayNumber(date) - from) / span) * 100));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);

  const goalRows = db
    .select({
      id: goals.id,
      code: goals.code,
      title: goals.title,
      targetYear: goals.targetYear,
      themeId: themes.id,
      themeCode: themes.code,
      themeTitle: themes.title,
    })
    .from(goals)
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .where(
      and(
        period ? eq(goals.agendaId, period.id) : undefined,
        filters.themeId !== null ? eq(themes.id, filters.themeId) : filters.goalId !== null ? eq(goals.id, filters.goalId) : undefined,
      ),
    )
    .orderBy(asc(themes.position), asc(goals.position), asc(goals.id))
    .all()
    .filter((g) => filters.goalId === null || g.id === filters.goalId);

  const pages = timelinePages(
    goalRows.map((g) => ({ id: g.id, rows: (countsOf.get(g.id)?.bars ?? 0) + (countsOf.get(g.id)?.unscheduled ?? 0) })),
    pageSize,
  );
  const page = Math.min(filters.page, pages.length);
  const onPage = new Set(pages[page - 1]);
  const pageGoals = goalRows.filter((g) => onPage.has(g.id));
  const barsOf = (ids: Iterable<number>) => [...ids].reduce((n, id) => n + (countsOf.get(id)?.bars ?? 0), 0);
  const barsBefore = barsOf(pages.slice(0, page - 1).flat());

  const rows =
    onPage.size === 0
      ? []
      : overdueIn(
          period,
          selectActions()
            .where(and(where, inArray(actions.goalId, [...onPage])))
            .orderBy(...agendaOrder)
            .all(),
          today,
        );

  const chapters: TimelineChapter[] = [];
  const goalById = new Map<number, TimelineGoal>();
  for (const g of pageGoals) {
    let chapter = chapters[chapters.length - 1];
    if (!chapter || chapter.id !== g.themeId) {
      chapter = { id: g.themeId, code: g.themeCode, title: g.themeTitle, goals: [] };
      chapters.push(chapter);
    }
    const onAxis = g.targetYear !== null && g.targetYear >= firstYear && g.targetYear <= lastYear;
    const goal: TimelineGoal = {
      id: g.id,
      code: g.code,
      title: g.title,
      targetYear: g.targetYear,
      // The end of the target year: the marker sits at the right edge of that year's column.
      milestone: onAxis ? round(((dayNumber(`${g.targetYear}-12-31`) + 1 - from) / span) * 100) : null,
      bars: [],
    };
    chapter.goals.push(goal);
    goalById.set(g.id, goal);
  }

  const unscheduled: TimelineAction[] = [];
  let barCount = 0;
  for (const row of rows) {
    if (row.deadlineStart === null && row.deadlineEnd === null) {
      unscheduled.push(timelineAction(row));
      continue;
    }
    const start = row.deadlineStart ?? axisStart;
    const end = row.deadlineEnd ?? axisEnd;
    const left = position(start);
    const right = ((Math.min(dayNumber(end), dayNumber(axisEnd)) + 1 - from) / span) * 100;
    const bar: TimelineBar = {
      ...timelineAction(row),
      left: round(left),
      width: round(Math.max(0.6, Math.min(100, right) - left)),
      openStart: row.deadlineStart === null,
      openEnd: row.deadlineEnd === null,
      clippedStart: row.deadlineStart !== null && row.deadlineStart < axisStart,
      clippedEnd: row.deadlineEnd !== null && row.deadlineEnd > axisEnd,
    };
    const goal = goalById.get(row.goalId);
    if (goal) {
      goal.bars.push(bar);
      barCount += 1;
    }
  }

  const showAllGoals =
    filters.statuses.length === 0 &&
    !filters.overdueOnly &&
    filters.window === null &&
    filters.text === '' &&
    filters.ownerUserId === null &&
    filters.organisationId === null &&
    filters.scope === null;
  return {
    agenda: { title: agenda.title, periodStart: agenda.periodStart, periodEnd: agenda.periodEnd },
    years,
    axis: { start: axisStart, end: axisEnd },
    today: { date: today, position: round(((dayNumber(today) - from) / span) * 100) },
    // Without narrowing filters every goal shows (its milestone even without actions);
    // with them, only goals that have a bar.
    chapters: chapters
      .map((c) => ({ ...c, goals: c.goals.filter((g) => g.bars.length > 0 || (showAllGoals && g.milestone !== null)) }))
      .filter((c) => c.goals.length > 0),
    barCount,
    unscheduled,
    milestones: pageGoals.filter((g) => g.targetYear !== null).map((g) => ({ goalId: g.id, code: g.code, year: g.targetYear! })),
    /** Which part of the filtered timeline this page shows: its bars, counted in agenda order. */
    paging: {
      page,
      pageCount: pages.length,
      bars: { first: barsBefore + 1, last: barsBefore + barCount, total: barsOf(goalRows.map((g) => g.id)) },
    },
  };
}

export type Timeline = NonNullable<ReturnType<typeof getTimeline>>;

// ---------------------------------------------------------------------------
// Board

/**
 * Cards per column. A column of 838 cards is not a board anyone reads, and each card (with
 * its status menu) costs its page about 70 µs to render (docs/scaling.md); the list has
 * the rest, behind the link under the column.
 */
export const BOARD_COLUMN_LIMIT = 15;

/**
 * The board: the filtered actions in the column of their status, each column with its full
 * number and at most `limit` cards: open columns in agenda order, closed ones (afgerond,
 * vervallen) most recently changed first. One count and one query per column, so the
 * page costs the same for 40 actions as for 4,000.
 */
export function listBoard({
  filters,
  today,
  period,
  limit = BOARD_COLUMN_LIMIT,
}: {
  filters: ActionFilters;
  today: string;
  period?: ListPeriod;
  limit?: number;
}) {
  // The board shows every status as a column: a status filter does not apply.
  const where = whereOf({ ...filters, statuses: [] }, today, period);
  // The board as it opens, a period without filters (no condition but the period), runs
  // statements prepared once: building its eleven statements' SQL was a fifth of its
  // uncached render (docs/decisions/040).
  const prepared = period && whereOf({ ...filters, statuses: [] }, today) === undefined ? unfilteredBoard() : null;
  const totals = new Map((prepared ? prepared.totals.all({ periodId: period!.id }) : boardTotals(where).all()).map((r) => [r.status, r.n]));
  return ACTION_STATUSES.map((status) => {
    const total = totals.get(status) ?? 0;
    if (total === 0) return { status, total, actions: [] as ActionListRow[] };
    const closed = isClosedStatus(status);
    const rows = prepared
      ? (closed ? prepared.closed : prepared.open).all({ periodId: period!.id, status, limit })
      : boardColumn(where, status, closed, limit).all();
    return { status, total, actions: overdueIn(period, rows, today) };
  });
}

/** How many of the actions `where` selects have each status. */
const boardTotals = (where: SQL | undefined) =>
  db
    .select({ status: actions.status, n: sql<number>`count(*)` })
    .from(actions)
    .where(where)
    .groupBy(actions.status);

/** The first `limit` cards of a column, in its order (closed columns most recently changed first). */
function boardColumn(where: SQL | undefined, status: ActionStatus | Placeholder, closed: boolean, limit: number | Placeholder) {
  const order = closed ? [desc(actions.updatedAt), ...agendaOrder] : agendaOrder;
  // The column's cards are chosen by ids first, joining only what the order needs: the
  // full row (five joins) for every action of a status cost ~2 ms a column.
  const ids = db
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(goals, eq(goals.id, actions.goalId))
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .where(and(where, eq(actions.status, status)))
    .orderBy(...order)
    .limit(limit);
  return selectActions()
    .where(inArray(actions.id, ids))
    .orderBy(...order);
}

/** The board's statements for a whole period, with the period, the status and the limit as placeholders. */
const unfilteredBoard = preparedOnce(() => {
  const inPeriod = eq(actions.agendaId, sql.placeholder('periodId'));
  const status = sql.placeholder('status');
  const limit = sql.placeholder('limit');
  return {
    totals: boardTotals(inPeriod).prepare(),
    open: boardColumn(inPeriod, status, false, limit).prepare(),
    closed: boardColumn(inPeriod, status, true, limit).prepare(),
  };
});

/** One card of the board, as the board would show it (null when it is not in the period). */
export function getBoardCard({ id, today, period }: { id: number; today: string; period?: ListPeriod }) {
  const row = selectActions()
    .where(and(eq(actions.id, id), period ? eq(actions.agendaId, period.id) : undefined))
    .get();
  return row ? overdueIn(period, [row], today)[0]! : null;
}

/** The filters of a list view's query string, with the options of its filter form. */
export function readListFilters(searchParams: URLSearchParams, today: string, period?: ListPeriod) {
  const options = listFilterOptions(period);
  return { ...dropUnknownFilterIds(parseActionFilters(searchParams, today), options), options };
}
