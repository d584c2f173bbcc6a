import { and, desc, eq, gte } from 'drizzle-orm';

import type { Db } from '../../db/client';
import { history, type HistoryEntity, users } from '../../db/schema';
import { db } from '../utils/db.server';

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

export function listHistoryOf({ entityType, entityId, limit = 50 }: { entityType: HistoryEntity; entityId: number; limit?: number }) {
  return db
    .select(entryColumns)
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(and(eq(history.entityType, entityType), eq(history.entityId, entityId)))
    .orderBy(desc(history.at), desc(history.id))
    .limit(limit)
    .all()
    .map(toEntry);
}

export function listHistorySince({ since, limit = 500 }: { since: string; limit?: number }) {
  return db
    .select(entryColumns)
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(gte(history.at, since))
    .orderBy(desc(history.at), desc(history.id))
    .limit(limit)
    .all()
    .map(toEntry);
}
