/**
 * The audit log (docs/decisions/014): one append-only table, written only here.
 * recordAudit is the one way in for the app and the server; recordAuditInDatabaseFile
 * (audit-file.server.ts) the same for the backup tools, which work on a database file
 * rather than the server's connection. The retention job (pruneAuditLog) is the only delete, and the
 * database refuses any UPDATE and any DELETE of a row younger than 30 days (migration 0008).
 */
import { and, asc, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import { auditLog, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { pageWindow } from '../paging';
import { actionsInCategory, type AuditAction, type AuditCategory } from './audit-actions';
import { type AuditEntry, auditRow } from './audit-row.server';

export type { AuditDetails, AuditEntry, AuditTarget } from './audit-row.server';

/**
 * Records one event. Called inside the caller's transaction it commits or rolls back
 * with the change it records (one connection). A failed write is not swallowed: what
 * the log must show is not done unlogged.
 */
export function recordAudit(entry: AuditEntry): void {
  db.insert(auditLog).values(auditRow(entry)).run();
}

// ---------------------------------------------------------------------------------------
// Reading (the beheer page, its CSV export, a person's data export)

export type AuditFilters = {
  /** ISO instants: from (inclusive) and until (exclusive). */
  from: string | null;
  until: string | null;
  personId: number | null;
  /** An action, or a whole group of them. */
  kind: { action: AuditAction } | { category: AuditCategory } | null;
};

export const AUDIT_PAGE_SIZE = 50;

const actor = alias(users, 'actor');
const targetUser = alias(users, 'target_user');

function conditions(filters: AuditFilters): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (filters.from) parts.push(gte(auditLog.at, filters.from));
  if (filters.until) parts.push(lt(auditLog.at, filters.until));
  if (filters.personId !== null) parts.push(aboutPerson(filters.personId));
  if (filters.kind && 'action' in filters.kind) parts.push(eq(auditLog.action, filters.kind.action));
  if (filters.kind && 'category' in filters.kind) parts.push(inArray(auditLog.action, actionsInCategory(filters.kind.category)));
  return and(...parts);
}

/** Rows a person did, or that were about them. */
function aboutPerson(userId: number): SQL {
  return or(eq(auditLog.actorId, userId), and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, userId)))!;
}

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorName: actor.name,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  targetName: sql<string | null>`coalesce(${targetUser.name}, ${auditLog.targetName})`,
  ip: auditLog.ip,
  details: auditLog.details,
};

function selectEntries(where: SQL | undefined) {
  return db
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(targetUser, and(eq(auditLog.targetType, 'user'), eq(targetUser.id, auditLog.targetId)))
    .where(where);
}

export type AuditListEntry = Omit<ReturnType<typeof selectEntries>['_']['result'][number], 'details'> & {
  details: Record<string, string | number | boolean | null>;
};

function parsed<T extends { details: string | null }>(row: T) {
  return { ...row, details: row.details ? (JSON.parse(row.details) as Record<string, string | number | boolean | null>) : {} };
}

/** One page of the log, newest first, with the total for the pager. */
export function listAuditEntries(filters: AuditFilters, page: number) {
  const where = conditions(filters);
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const { page: current, pageCount, offset } = pageWindow(total, AUDIT_PAGE_SIZE, page);
  const rows = selectEntries(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(AUDIT_PAGE_SIZE).offset(offset).all();
  return { rows: rows.map(parsed), total, page: current, pageCount };
}

/** Every row the filters select, newest first (the CSV export). */
export function allAuditEntries(filters: AuditFilters) {
  return selectEntries(conditions(filters)).orderBy(desc(auditLog.at), desc(auditLog.id)).all().map(parsed);
}

/** Every row a person did or that was about them, oldest first (their data export). */
export function auditEntriesAboutPerson(userId: number) {
  return selectEntries(aboutPerson(userId)).orderBy(asc(auditLog.at), asc(auditLog.id)).all().map(parsed);
}

/** The people who appear in the log (as actor or as the person it was about), for the filter. */
export function auditPeople() {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .orderBy(sql`${users.name} collate nocase`, asc(users.id))
    .all();
}

// ---------------------------------------------------------------------------------------
// Retention: the only delete

/**
 * Removes the rows older than `retentionDays` (KOERS_AUDIT_RETENTION_DAYS, at least 30)
 * and records that it did, with how many. Returns the number removed.
 */
export function pruneAuditLog({ retentionDays, now = new Date() }: { retentionDays: number; now?: Date }): number {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000).toISOString();
  return db.transaction(() => {
    const { changes } = db.delete(auditLog).where(lt(auditLog.at, cutoff)).run();
    if (changes > 0) recordAudit({ actorId: null, action: 'audit.pruned', details: { removed: changes, before: cutoff, retentionDays } });
    return changes;
  });
}
