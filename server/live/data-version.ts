import { actionsChangedBetween, forgetWorkspaceChangesUpTo, readWorkspaceVersion } from '../../app/models/workspace-version.server';

/**
 * A string that changes whenever workspace data may have changed: the page cache keys
 * finished pages on it and the live stream tells browsers to revalidate when it moves.
 * A synchronous read of one row by primary key (app/models/workspace-version.server.ts):
 * cheap enough to poll and to read per request.
 */
export function workspaceDataVersion(): () => string {
  return () => String(readWorkspaceVersion());
}

/**
 * Which action pages the writes between two data versions may have changed, for the
 * live stream's events (docs/decisions/028-changed-actions.md).
 */
export type ChangedActions = {
  /** The actions whose pages changed after `from` up to `to`; `null`: any page may have. */
  between(from: string, to: string): number[] | null;
  /** Drops what was recorded up to `version`; a later question about it reads as "any". */
  forgetUpTo(version: string): void;
};

export function workspaceChangedActions(): ChangedActions {
  return {
    between: (from, to) => actionsChangedBetween(Number(from), Number(to)),
    forgetUpTo: (version) => forgetWorkspaceChangesUpTo(Number(version)),
  };
}
