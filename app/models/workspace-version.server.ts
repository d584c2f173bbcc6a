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

/**
 * More actions than this in one change event (an import, closing a period) are not worth
 * naming: every page revalidates, as it would for any other table.
 */
export const MAX_NAMED_ACTIONS = 50;

/**
 * The actions whose pages the writes after version `from`, up to and including `to`, may
 * have changed; `null` when any page may have (docs/decisions/028-changed-actions.md).
 *
 * Each version a write moved to has rows in `workspace_changes` when the write was to a
 * table an action page shows (the action's id) or to one no action page shows (0), and
 * none when it was to any other table (migration 0020). So the writes are all accounted
 * for exactly when every version in the range has a row; a range whose rows were already
 * removed (`forgetWorkspaceChangesUpTo`) or that went backwards (a restore) reads as "any".
 * `to` must have been read before this is called: versions are handed out under SQLite's
 * write lock, so every write up to `to` is committed and its rows are visible.
 */
export function actionsChangedBetween(from: number, to: number): number[] | null {
  if (!(to > from)) return null;
  const { versions, ids } = changesStatement().get(from, to)!;
  if (versions !== to - from) return null;
  const actions = ids ? ids.split(',').map(Number) : [];
  return actions.length > MAX_NAMED_ACTIONS ? null : actions.sort((a, b) => a - b);
}

/** Removes the rows of versions up to `version`, which nobody will ask about again. */
export function forgetWorkspaceChangesUpTo(version: number): void {
  forgetStatement().run(version);
}

const changesStatement = preparedOnce(() =>
  db.$client.prepare<[number, number], { versions: number; ids: string | null }>(
    `select count(distinct version) as versions, group_concat(distinct nullif(action_id, 0)) as ids
       from workspace_changes where version > ? and version <= ?`,
  ),
);
const forgetStatement = preparedOnce(() => db.$client.prepare<[number]>('delete from workspace_changes where version <= ?'));
