/**
 * Search across the workspace: one SQLite FTS5 table, `search_index`, kept in step with
 * the source tables by triggers (db/migrations/0001_search_index.sql), so every write
 * path updates it inside its own transaction. See docs/decisions/008-search.md.
 *
 * Library items (kind 6, including their current file's text) and meeting notes (kind 7)
 * were added this way by db/migrations/0004_search_library_and_notes.sql, decisions
 * (kind 8) by db/migrations/0005_search_decisions.sql.
 *
 * Adding a kind of content:
 *   1. a migration with its insert/update/delete triggers and a backfill
 *      (rowid = id * 16 + a new kind code);
 *   2. the kind in SEARCH_KINDS (app/schemas/search.ts) and its labels in app/i18n/nl/search.ts;
 *   3. a link resolver in RESOLVERS below;
 *   4. if not everyone may read it, a condition in kindIn() (and what it depends on in MatchQuery).
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';

import {
  actions,
  agendas,
  comments,
  decisions,
  goals,
  libraryItems,
  localAccents,
  meetings,
  monitorIndicators,
  organisations,
  themes,
  users,
  yearReports,
} from '../../../db/schema';
import { t } from '../../i18n';
import { SEARCH_KINDS, type SearchKind } from '../../schemas/search';
import { formatDay } from '../../utils/date-time';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { markdownLightToText } from '../library/markdown-light';
import { listPeriods, type Period } from '../periods/period.server';
import { periodContaining, periodLabel, type PeriodStatus } from '../periods/period-rules';
import type { Actor } from '../permissions';
import { overviewChapterHref } from '../tracker/overview-links';
import { readWorkspaceVersion } from '../workspace-version.server';
import { MARK_END, MARK_START } from './search-text';
import { visibleKinds } from './search-visibility';

export { SEARCH_KINDS, type SearchKind };

/** At most this many words of a query are used (the rest is ignored). */
const MAX_TERMS = 12;

/**
 * Turns what a user typed into a safe FTS5 MATCH expression, or null when it holds no
 * word to search for. Every whitespace-separated chunk becomes one quoted string, so
 * FTS5 syntax from users (AND, OR, NOT, NEAR(, *, ^, :, parentheses, quotes) is only
 * ever text; characters other than letters, digits and marks become spaces, so
 * "1.3.a" is the phrase 1 3 a and "Digi-Sterker" the phrase digi sterker, as the
 * tokenizer reads the indexed text. The last chunk gets a `*`: prefix search as you
 * type ("taalh" finds "Taalhuis"), unless its last word is a single character (too
 * broad a prefix to be useful, and slow).
 */
export function toMatchExpression(input: string): string | null {
  const chunks = input
    .normalize('NFC')
    .split(/\s+/u)
    .map((chunk) => chunk.replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim())
    .filter((chunk) => chunk !== '')
    .slice(0, MAX_TERMS);
  if (chunks.length === 0) return null;
  return chunks
    .map((chunk, i) => {
      const quoted = `"${chunk.replaceAll('"', '""')}"`;
      const lastWord = chunk.split(' ').at(-1) ?? '';
      return i === chunks.length - 1 && [...lastWord].length >= 2 ? `${quoted}*` : quoted;
    })
    .join(' ');
}

/**
 * The SQL condition on search_index rows that the actor may see. Today a filter on
 * kind; a kind with per-item visibility (private library items, say) adds its own
 * clause here, e.g.
 *   sql`(kind <> 'library' or ref_id in (select id from library_items where owner_id = ${actorId} or shared = 1))`
 * so both the counts and the hits respect it. Such a clause makes search results per user:
 * add what it depends on (the actor's id) to MatchQuery, which keys the kept searches, and
 * take `routes/zoeken` out of app/models/page-scope.ts `SHARED_ROUTES`.
 */
function kindIn(visible: readonly SearchKind[], kinds: readonly SearchKind[]): SQL {
  const allowed = visible.filter((kind) => kinds.includes(kind));
  if (allowed.length === 0) return sql`0`;
  return sql`kind in (${sql.join(
    allowed.map((kind) => sql`${kind}`),
    sql`, `,
  )})`;
}

export type SearchHit = {
  kind: SearchKind;
  id: number;
  /** With MARK_START/MARK_END around matches (see app/models/search/search-text.ts). */
  title: string;
  /** A piece of the text around the match, with markers; '' when the match is in the title only. */
  snippet: string;
  /** Where the item is shown: a plain-text line under the title, or null. */
  context: string | null;
  href: string;
  /**
   * The agenda period the hit belongs to: a chapter's, goal's, action's or accent's own
   * (and of a comment on one), a meeting's by its date; null for the library.
   */
  period: { slug: string; label: string; status: PeriodStatus } | null;
};

export type SearchResult = {
  /** Null when the query holds no word to search for. */
  expression: string | null;
  total: number;
  /** Matches per kind, ignoring the kind filter (for the filter's labels). */
  countsByKind: Record<SearchKind, number>;
  hits: SearchHit[];
};

/** Where a hit links to; `agendaId` (an agenda item's period) or `at` (a meeting's date) says which period it belongs to. */
type Target = { href: string; title?: string; context?: string; agendaId?: number | null; at?: string };
type Resolver = (ids: number[]) => Map<number, Target>;

/** The page of a comment's target: goal, action, accent, library item, meeting, yearly report or indicator. */
function commentTargetHref(row: {
  targetType: string;
  targetId: number;
  accentGoalId: number | null;
  accentMunicipalityId: number | null;
  reportYear: number | null;
  indicatorCode: string | null;
}): string | null {
  switch (row.targetType) {
    case 'goal':
      return `/doelen/${row.targetId}`;
    case 'action':
      return `/acties/${row.targetId}`;
    case 'library':
      return `/kennisbank/${row.targetId}`;
    case 'meeting':
      return `/overleggen/${row.targetId}`;
    case 'accent':
      return row.accentGoalId !== null && row.accentMunicipalityId !== null
        ? `/accenten/${row.accentGoalId}/${row.accentMunicipalityId}`
        : null;
    case 'year-report':
      return row.reportYear !== null ? `/jaarrapportages/${row.reportYear}` : null;
    case 'indicator':
      return row.indicatorCode !== null ? `/monitor/indicatoren/${encodeURIComponent(row.indicatorCode)}` : null;
    default:
      return null;
  }
}

/**
 * Per kind: where its hits link to, and a title or context line when the indexed
 * title is not enough, and the period the hit belongs to. One query per kind on a page
 * of hits; an id the resolver does not return is left out of the results.
 */
const RESOLVERS: Record<SearchKind, Resolver> = {
  // A chapter is a place on the overview of its own period.
  theme: (ids) =>
    new Map(
      db
        .select({ id: themes.id, agendaId: themes.agendaId, slug: agendas.slug })
        .from(themes)
        .innerJoin(agendas, eq(agendas.id, themes.agendaId))
        .where(inArray(themes.id, ids))
        .all()
        .map((row) => [row.id, { href: overviewChapterHref(row.id, { periodSlug: row.slug }), agendaId: row.agendaId }]),
    ),
  goal: (ids) =>
    new Map(
      db
        .select({ id: goals.id, agendaId: goals.agendaId })
        .from(goals)
        .where(inArray(goals.id, ids))
        .all()
        .map((row) => [row.id, { href: `/doelen/${row.id}`, agendaId: row.agendaId }]),
    ),
  action: (ids) =>
    new Map(
      db
        .select({ id: actions.id, agendaId: actions.agendaId })
        .from(actions)
        .where(inArray(actions.id, ids))
        .all()
        .map((row) => [row.id, { href: `/acties/${row.id}`, agendaId: row.agendaId }]),
    ),
  accent: (ids) => {
    const rows = db
      .select({
        id: localAccents.id,
        goalId: localAccents.goalId,
        municipalityId: localAccents.municipalityId,
        goalCode: goals.code,
        goalTitle: goals.title,
        agendaId: goals.agendaId,
      })
      .from(localAccents)
      .innerJoin(goals, eq(goals.id, localAccents.goalId))
      .where(inArray(localAccents.id, ids))
      .all();
    return new Map(
      rows.map((row) => [
        row.id,
        {
          href: `/accenten/${row.goalId}/${row.municipalityId}`,
          context: `${t.search.kinds.goal} ${row.goalCode} ${row.goalTitle}`,
          agendaId: row.agendaId,
        },
      ]),
    );
  },
  comment: (ids) => {
    const rows = db
      .select({
        id: comments.id,
        targetType: comments.targetType,
        targetId: comments.targetId,
        authorName: users.name,
        goalTitle: sql<string | null>`${goals.code} || ' ' || ${goals.title}`,
        actionTitle: actions.title,
        accentGoalId: localAccents.goalId,
        accentMunicipalityId: localAccents.municipalityId,
        accentMunicipality: organisations.name,
        libraryTitle: libraryItems.title,
        meetingTitle: meetings.title,
        meetingStartsAt: meetings.startsAt,
        reportYear: yearReports.year,
        indicatorCode: monitorIndicators.code,
        indicatorName: monitorIndicators.name,
        agendaId: sql<
          number | null
        >`coalesce(${goals.agendaId}, ${actions.agendaId}, (select g.agenda_id from goals g where g.id = ${localAccents.goalId}))`,
      })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .leftJoin(goals, and(eq(comments.targetType, 'goal'), eq(goals.id, comments.targetId)))
      .leftJoin(actions, and(eq(comments.targetType, 'action'), eq(actions.id, comments.targetId)))
      .leftJoin(localAccents, and(eq(comments.targetType, 'accent'), eq(localAccents.id, comments.targetId)))
      .leftJoin(organisations, eq(organisations.id, localAccents.municipalityId))
      .leftJoin(libraryItems, and(eq(comments.targetType, 'library'), eq(libraryItems.id, comments.targetId)))
      .leftJoin(meetings, and(eq(comments.targetType, 'meeting'), eq(meetings.id, comments.targetId)))
      .leftJoin(yearReports, and(eq(comments.targetType, 'year-report'), eq(yearReports.id, comments.targetId)))
      .leftJoin(monitorIndicators, and(eq(comments.targetType, 'indicator'), eq(monitorIndicators.id, comments.targetId)))
      .where(inArray(comments.id, ids))
      .all();
    const targets = new Map<number, Target>();
    for (const row of rows) {
      const page = commentTargetHref(row);
      if (!page) continue;
      const target =
        row.targetType === 'goal'
          ? `${t.search.kinds.goal.toLowerCase()} ${row.goalTitle ?? ''}`
          : row.targetType === 'action'
            ? `${t.search.kinds.action.toLowerCase()} ${row.actionTitle ?? ''}`
            : row.targetType === 'library'
              ? `${t.search.libraryTarget} ${row.libraryTitle ?? ''}`
              : row.targetType === 'meeting'
                ? `${t.search.meetingTarget} ${row.meetingTitle ?? ''}`
                : row.targetType === 'year-report'
                  ? t.search.yearReportTarget(row.reportYear ?? 0)
                  : row.targetType === 'indicator'
                    ? `${t.search.indicatorTarget} ${row.indicatorCode ?? ''} ${row.indicatorName ?? ''}`
                    : `${t.search.kinds.accent.toLowerCase()} ${row.accentMunicipality ?? ''}`;
      targets.set(row.id, {
        href: `${page}#reactie-${row.id}`,
        title: t.search.commentTitle(row.authorName, target.trim()),
        agendaId: row.agendaId,
        // A meeting belongs to the period of its date, a yearly report to the period holding its year.
        at: row.meetingStartsAt ?? (row.reportYear !== null ? `${row.reportYear}-07-01` : undefined),
      });
    }
    return targets;
  },
  library: (ids) => {
    const rows = db.select({ id: libraryItems.id, kind: libraryItems.kind }).from(libraryItems).where(inArray(libraryItems.id, ids)).all();
    return new Map(rows.map((row) => [row.id, { href: `/kennisbank/${row.id}`, context: t.library.kinds[row.kind] }]));
  },
  notes: (ids) => {
    const rows = db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings).where(inArray(meetings.id, ids)).all();
    return new Map(
      rows.map((row) => [
        row.id,
        { href: `/overleggen/${row.id}/notities`, context: t.search.notesContext(formatDay(row.startsAt)), at: row.startsAt },
      ]),
    );
  },
  decision: (ids) => {
    const rows = db
      .select({ id: decisions.id, meetingId: meetings.id, meetingTitle: meetings.title, startsAt: meetings.startsAt })
      .from(decisions)
      .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
      .where(inArray(decisions.id, ids))
      .all();
    return new Map(
      rows.map((row) => [
        row.id,
        {
          href: `/overleggen/${row.meetingId}#besluiten`,
          context: t.search.decisionContext(row.meetingTitle, formatDay(row.startsAt)),
          at: row.startsAt,
        },
      ]),
    );
  },
};

const noCounts = (): Record<SearchKind, number> => Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, 0])) as Record<SearchKind, number>;

/**
 * Searches everything the actor may read. `kinds` empty means all kinds. Hits are
 * ordered by relevance (bm25, a title match weighs four times a text match), then
 * by kind and id so paging is stable.
 */
export function searchWorkspace({
  actor,
  query,
  kinds = [],
  limit = 20,
  offset = 0,
}: {
  actor: Actor;
  query: string;
  kinds?: readonly SearchKind[];
  limit?: number;
  offset?: number;
}): SearchResult {
  const expression = toMatchExpression(query);
  const countsByKind = noCounts();
  if (expression === null) return { expression, total: 0, countsByKind, hits: [] };

  const selected = kinds.length > 0 ? kinds : SEARCH_KINDS;
  const { counts, rows } = keptMatches({ expression, visible: visibleKinds(actor), selected, limit, offset });
  for (const { kind, n } of counts) if (kind in countsByKind) countsByKind[kind] = n;
  const total = selected.reduce((sum, kind) => sum + countsByKind[kind], 0);
  if (total === 0 || offset >= total) return { expression, total, countsByKind, hits: [] };

  const idsByKind = new Map<SearchKind, number[]>();
  for (const row of rows) idsByKind.set(row.kind, [...(idsByKind.get(row.kind) ?? []), row.id]);
  const targets = new Map<SearchKind, Map<number, Target>>();
  for (const [kind, ids] of idsByKind) targets.set(kind, RESOLVERS[kind](ids));

  const periods = listPeriods();
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const target = targets.get(row.kind)?.get(row.id);
    if (!target) continue;
    // A good practice's text is Markdown-light: its marks are not what the reader wrote.
    const snippet = normaliseSpace(row.kind === 'library' ? markdownLightToText(row.snippet) : row.snippet);
    hits.push({
      kind: row.kind,
      id: row.id,
      title: target.title ?? normaliseSpace(row.title),
      // A snippet without a match (the match was in the title) is just the text's start: keep it as context.
      snippet: snippet === '…' ? '' : snippet,
      context: target.context ?? null,
      href: target.href,
      period: hitPeriod(periods, target),
    });
  }
  return { expression, total, countsByKind, hits };
}

type MatchQuery = { expression: string; visible: SearchKind[]; selected: readonly SearchKind[]; limit: number; offset: number };
type Matches = {
  counts: { kind: SearchKind; n: number }[];
  rows: { kind: SearchKind; id: number; title: string; snippet: string }[];
};

// The two full-text statements are most of a search (a common word matches thousands of
// rows: ~6 ms), and in a meeting the same few searches are opened and revalidated by many
// people between two changes. What they find depends only on the query, the kinds the
// role may see and the indexed data, so it is kept until that data may have changed: the
// workspace version moves, or a meeting's notes were compacted into new searchable text
// (the notes' tables move no workspace version: keystrokes change no page).
const KEPT_SEARCHES = 200;
const kept = { version: '', matches: new Map<string, Matches>() };

const notesMark = preparedOnce(() =>
  db.$client
    .prepare<[], string>(
      `select count(*) || ':' || coalesce(sum(last_update_id), 0) || ':' || coalesce(max(updated_at), '') from collab_snapshots`,
    )
    .pluck(),
);

function indexedDataVersion(): string {
  return `${readWorkspaceVersion()}|${notesMark().get()!}`;
}

function keptMatches(query: MatchQuery): Matches {
  const version = indexedDataVersion();
  if (version !== kept.version) kept.matches = new Map();
  kept.version = version;
  const key = JSON.stringify([query.expression, query.visible, query.selected, query.limit, query.offset]);
  let matches = kept.matches.get(key);
  if (!matches) {
    matches = findMatches(query);
    if (kept.matches.size >= KEPT_SEARCHES) kept.matches.clear();
    kept.matches.set(key, matches);
  }
  return matches;
}

function findMatches({ expression, visible, selected, limit, offset }: MatchQuery): Matches {
  const counts = db.all<{ kind: SearchKind; n: number }>(
    sql`select kind, count(*) as n from search_index where search_index match ${expression} and ${kindIn(visible, SEARCH_KINDS)} group by kind`,
  );
  const rows = db.all<Matches['rows'][number]>(sql`
    select kind, ref_id as id,
           highlight(search_index, 2, ${MARK_START}, ${MARK_END}) as title,
           snippet(search_index, 3, ${MARK_START}, ${MARK_END}, '…', 24) as snippet
      from search_index
     where search_index match ${expression} and ${kindIn(visible, selected)}
     order by bm25(search_index, 0.0, 0.0, 4.0, 1.0), rowid
     limit ${limit} offset ${offset}`);
  return { counts, rows };
}

function hitPeriod(periods: Period[], target: Target): SearchHit['period'] {
  const period =
    target.agendaId !== undefined && target.agendaId !== null
      ? periods.find((p) => p.id === target.agendaId)
      : target.at
        ? periodContaining(periods, target.at)
        : undefined;
  return period ? { slug: period.slug, label: periodLabel(period), status: period.status } : null;
}

function normaliseSpace(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}
