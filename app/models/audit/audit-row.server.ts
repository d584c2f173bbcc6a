/**
 * An audit entry as it is stored: the one shape both writers use (recordAudit on the
 * server's connection, recordAuditInDatabaseFile for the backup tools). Imports no
 * database, so the backup tools can use it without opening KOERS_DATABASE.
 */
import type { AuditAction } from './audit-actions';

export type AuditTarget = { type: string; id?: number | null; name?: string | null };
export type AuditDetails = Record<string, string | number | boolean | null | undefined>;

export type AuditEntry = {
  /** The signed-in person who did it; null for the system, a command, or someone not signed in. */
  actorId: number | null;
  action: AuditAction;
  target?: AuditTarget | null;
  /** Where the request came from (the client address); null for the system and commands. */
  ip?: string | null;
  details?: AuditDetails | null;
};

/** Keys whose value is a secret by its name: never stored, whoever passes them. */
const SECRET_KEY = /pass(word)?|token|secret|link|url|cookie|session|hash|code/i;
/** A path segment of 32+ URL-safe characters is a secret in the address (/uitnodiging/<token>, /kalender/<token>.ics): shown as ':token'. */
const TOKEN_SEGMENT = /(?<=\/)[A-Za-z0-9_-]{32,}/g;
const MAX_TEXT = 300;

function clean(value: string): string {
  return value.slice(0, MAX_TEXT);
}

/** A page's address as stored: any token in it masked. */
export function maskTokens(path: string): string {
  return path.replace(TOKEN_SEGMENT, ':token');
}

/** The details as stored: secrets by name left out, long text cut. */
export function scrubDetails(details: AuditDetails | null | undefined): string | null {
  if (!details) return null;
  const kept: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === undefined || SECRET_KEY.test(key)) continue;
    kept[key] = typeof value === 'string' ? clean(value) : value;
  }
  return Object.keys(kept).length > 0 ? JSON.stringify(kept) : null;
}

export function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetName: entry.target?.name ? clean(entry.target.type === 'page' ? maskTokens(entry.target.name) : entry.target.name) : null,
    ip: entry.ip ? entry.ip.slice(0, 64) : null,
    details: scrubDetails(entry.details),
  };
}
