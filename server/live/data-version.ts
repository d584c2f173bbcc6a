import { auditRowsWritten } from '../../app/models/audit/audit-log.server';
import { collabRowsWritten } from '../../app/models/collab/document-store.server';
import { db } from '../../app/utils/db.server';

/**
 * A string that changes whenever workspace data may have changed: the page cache keys
 * finished pages on it and the live stream tells browsers to revalidate when it moves.
 *
 * `PRAGMA data_version` changes when another connection (an import CLI, a restored
 * backup) commits; `total_changes()` counts the rows this process's one shared
 * connection wrote, triggers included. Keystrokes in meeting notes are stored as they
 * happen but change no page, so the rows the real-time server wrote are subtracted;
 * so are audit-log rows (a download or a refusal changes no page but the audit log's,
 * which is never cached: Cache-Control no-store).
 * Both are synchronous reads of the connection's counters: cheap enough to poll.
 */
export function workspaceDataVersion(): () => string {
  const dataVersion = db.$client.prepare('pragma data_version').pluck();
  const totalChanges = db.$client.prepare('select total_changes()').pluck();
  return () => `${dataVersion.get() as number}:${(totalChanges.get() as number) - collabRowsWritten() - auditRowsWritten()}`;
}
