import { db } from '../../app/utils/db.server';

/**
 * A string that changes whenever workspace data may have changed: the page cache keys
 * finished pages on it and the live stream tells browsers to revalidate when it moves.
 *
 * It is the one row of `workspace_version`, which triggers on every table bump inside
 * the writing transaction (migration 0019), whichever process commits: this one, the
 * real-time process, a CLI. Keystrokes in meeting notes and audit-log rows are stored
 * as they happen but change no page, so their tables have no such trigger. A synchronous
 * read of one row by primary key: cheap enough to poll and to read per request.
 */
export function workspaceDataVersion(): () => string {
  const version = db.$client.prepare('select version from workspace_version where id = 1').pluck();
  return () => String(version.get() as number);
}
