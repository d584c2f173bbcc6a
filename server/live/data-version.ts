import { readWorkspaceVersion } from '../../app/models/workspace-version.server';

/**
 * A string that changes whenever workspace data may have changed: the page cache keys
 * finished pages on it and the live stream tells browsers to revalidate when it moves.
 * A synchronous read of one row by primary key (app/models/workspace-version.server.ts):
 * cheap enough to poll and to read per request.
 */
export function workspaceDataVersion(): () => string {
  return () => String(readWorkspaceVersion());
}
