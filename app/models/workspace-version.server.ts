import { db } from '../utils/db.server';
import { preparedOnce } from '../utils/prepared.server';

/**
 * A number that moves whenever workspace data may have changed: the one row of
 * `workspace_version`, which triggers on every table of workspace data bump inside the
 * writing transaction (migration 0019), whichever process commits. Keystrokes in meeting
 * notes and audit-log rows change no page, so their tables have no such trigger.
 *
 * Read it before the data it keys: a write committed in between then only makes the
 * answer newer than its version, never older.
 */
export function readWorkspaceVersion(): number {
  return versionStatement().get()!;
}

const versionStatement = preparedOnce(() => db.$client.prepare<[], number>('select version from workspace_version where id = 1').pluck());
