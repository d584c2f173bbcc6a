/**
 * The audit log of a database file rather than of the server's connection: `npm run
 * backup`, the daily backup and `npm run restore` record there. Deliberately imports
 * nothing that opens KOERS_DATABASE (a restore must find the target unused).
 */
import Database from 'better-sqlite3';

import { type AuditEntry, auditRow } from './audit-row.server';

/** The same, in the database file of a backup or a restore (its own short connection; the table may not exist yet in an old backup: then false). */
export function recordAuditInDatabaseFile(file: string, entry: AuditEntry): boolean {
  const sqlite = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    const exists = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_log'").get();
    if (!exists) return false;
    const row = auditRow(entry);
    sqlite
      .prepare(
        'insert into audit_log (actor_id, action, target_type, target_id, target_name, ip, details) values (@actorId, @action, @targetType, @targetId, @targetName, @ip, @details)',
      )
      .run(row);
    return true;
  } finally {
    sqlite.close();
  }
}
