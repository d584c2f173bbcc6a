import { and, desc, eq, gte, inArray, or, type SQL, sql, type SQLWrapper } from 'drizzle-orm';

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
 */
function aboutPeriod(periodId: number): SQL {
  const about = (type: HistoryEntity, ids: SQLWrapper) => and(eq(history.entityType, type), inArray(history.entityId, ids));
  return or(
    about('theme', db.select({ id: themes.id }).from(themes).where(eq(themes.agendaId, periodId))),
    about('goal', db.select({ id: goals.id }).from(goals).where(eq(goals.agendaId, periodId))),
    about('action', db.select({ id: actions.id }).from(actions).where(eq(actions.agendaId, periodId))),
    about(
      'accent',
      db
        .select({ id: localAccents.id })
        .from(localAccents)
        .innerJoin(goals, eq(goals.id, localAccents.goalId))
        .where(eq(goals.agendaId, periodId)),
    ),
    and(eq(history.entityType, 'period'), eq(history.entityId, periodId)),
  )!;
}

/** Every change since an instant, newest first; with `periodId` only those about that period's items. */
export function listHistorySince({ since, limit = 500, periodId }: { since: string; limit?: number; periodId?: number }) {
  return db
    .select(entryColumns)
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(and(gte(history.at, since), periodId === undefined ? undefined : aboutPeriod(periodId)))
    .orderBy(desc(history.at), desc(history.id))
    .limit(limit)
    .all()
    .map(toEntry);
}
