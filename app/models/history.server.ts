import { and, desc, eq, gte, type SQL, sql, type SQLWrapper } from 'drizzle-orm';

import type { Db } from '../../db/client';
import { actions, goals, history, type HistoryEntity, localAccents, themes, users } from '../../db/schema';
import { db } from '../utils/db.server';
import { preparedOnce } from '../utils/prepared.server';

/** A drizzle transaction or the database itself: history is written inside the caller's transaction. */
export type Tx = Pick<Db, 'insert' | 'select' | 'update' | 'delete'>;

type Fields = Record<string, unknown>;

/** The fields whose values differ, as two objects holding only those fields. */
export function diffFields(before: Fields, after: Fields): { before: Fields; after: Fields } | null {
  const b: Fields = {};
  const a: Fields = {};
  for (const key of Object.keys(after)) {
    if (!Object.is(before[key] ?? null, after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length > 0 ? { before: b, after: a } : null;
}

export function recordHistory(
  tx: Tx,
  entry: {
    entityType: HistoryEntity;
    entityId: number;
    userId: number | null;
    change: 'create' | 'update' | 'delete' | 'import';
    before?: Fields | null;
    after?: Fields | null;
  },
) {
  tx.insert(history)
    .values({
      entityType: entry.entityType,
      entityId: entry.entityId,
      userId: entry.userId,
      change: entry.change,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
    })
    .run();
}

/** Records an update only when something actually changed; returns whether it did. */
export function recordUpdate(tx: Tx, entityType: HistoryEntity, entityId: number, userId: number | null, before: Fields, after: Fields) {
  const diff = diffFields(before, after);
  if (diff) recordHistory(tx, { entityType, entityId, userId, change: 'update', ...diff });
  return diff !== null;
}

export type HistoryEntry = {
  id: number;
  entityType: HistoryEntity;
  entityId: number;
  change: string;
  before: Fields | null;
  after: Fields | null;
  at: string;
  userName: string | null;
};

function toEntry(row: {
  id: number;
  entityType: HistoryEntity;
  entityId: number;
  change: string;
  before: string | null;
  after: string | null;
  at: string;
  userName: string | null;
}): HistoryEntry {
  return { ...row, before: row.before ? JSON.parse(row.before) : null, after: row.after ? JSON.parse(row.after) : null };
}

const entryColumns = {
  id: history.id,
  entityType: history.entityType,
  entityId: history.entityId,
  change: history.change,
  before: history.before,
  after: history.after,
  at: history.at,
  userName: users.name,
};

// An item's page shows its history on every view and live revalidation: prepared once.
const historyOfEntity = preparedOnce(() =>
  db
    .select(entryColumns)
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(and(eq(history.entityType, sql.placeholder('entityType')), eq(history.entityId, sql.placeholder('entityId'))))
    .orderBy(desc(history.at), desc(history.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

export function listHistoryOf({ entityType, entityId, limit = 50 }: { entityType: HistoryEntity; entityId: number; limit?: number }) {
  return historyOfEntity().all({ entityType, entityId, limit }).map(toEntry);
}

/**
 * Entries about the items of one period: its chapters, goals, actions, the accents on its
 * goals, and the period itself. An item that was deleted belongs to no period any more:
 * its entries are left out of a period's list.
 *
 * Written as a test of each entry (one primary-key lookup), not as the list of the period's
 * items: the newest-first list then walks `history_at_idx` from the newest entry and stops
 * after the page it shows, and the count reads only the entries since the date. The list of
 * items (one index search per item: ~3,000 on the benchmark's period) cost 1.3 ms for a
 * count and had to sort every entry found before it could skip to a page (docs/decisions/033).
 */
function aboutPeriod(periodId: number | SQLWrapper): SQL {
  const entity = history.entityId;
  return sql`(case ${history.entityType}
    when 'theme' then exists (select 1 from ${themes} where ${themes.id} = ${entity} and ${themes.agendaId} = ${periodId})
    when 'goal' then exists (select 1 from ${goals} where ${goals.id} = ${entity} and ${goals.agendaId} = ${periodId})
    when 'action' then exists (select 1 from ${actions} where ${actions.id} = ${entity} and ${actions.agendaId} = ${periodId})
    when 'accent' then exists (select 1 from ${localAccents} inner join ${goals} on ${goals.id} = ${localAccents.goalId}
      where ${localAccents.id} = ${entity} and ${goals.agendaId} = ${periodId})
    when 'period' then ${entity} = ${periodId}
    else 0 end)`;
}

const since = (at: string | SQLWrapper, periodId: number | SQLWrapper | undefined) =>
  and(gte(history.at, at), periodId === undefined ? undefined : aboutPeriod(periodId));

const newestFirst = (where: SQL | undefined) =>
  db
    .select(entryColumns)
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(where)
    .orderBy(desc(history.at), desc(history.id));

// "Wat is er veranderd" counts and reads a page of one period's changes on every view: prepared once.
const periodChanges = preparedOnce(() => {
  const where = since(sql.placeholder('since'), sql.placeholder('periodId'));
  return {
    count: db
      .select({ n: sql<number>`count(*)` })
      .from(history)
      .where(where)
      .prepare(),
    page: newestFirst(where).limit(sql.placeholder('limit')).offset(sql.placeholder('offset')).prepare(),
  };
});

/** How many changes there are since an instant; with `periodId` only those about that period's items. */
export function countHistorySince({ since: at, periodId }: { since: string; periodId?: number }): number {
  if (periodId !== undefined) return periodChanges().count.get({ since: at, periodId })!.n;
  return db
    .select({ n: sql<number>`count(*)` })
    .from(history)
    .where(since(at, undefined))
    .get()!.n;
}

/**
 * Changes since an instant, newest first, `limit` of them after skipping `offset`; with
 * `periodId` only those about that period's items.
 */
export function listHistorySince({
  since: at,
  limit = 500,
  offset = 0,
  periodId,
}: {
  since: string;
  limit?: number;
  offset?: number;
  periodId?: number;
}) {
  const rows =
    periodId !== undefined
      ? periodChanges().page.all({ since: at, periodId, limit, offset })
      : newestFirst(since(at, undefined)).limit(limit).offset(offset).all();
  return rows.map(toEntry);
}
