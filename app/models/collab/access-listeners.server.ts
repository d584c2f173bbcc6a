/**
 * The hook between account changes and the real-time server: when a user's role changes
 * or the account is deactivated, the model calls `onUserAccessChanged(userId)` and the
 * collab server (which registered itself) closes that user's open connections.
 *
 * The listeners live on globalThis: the server and the Remix build are separate module
 * graphs in one process, and the account pages run in the Remix build.
 */
type Listener = (userId: number) => void;

const holder = globalThis as typeof globalThis & { __koersCollabAccessListeners?: Set<Listener> };
const listeners = (holder.__koersCollabAccessListeners ??= new Set());

/** Call after the change is committed. Never throws: the account change itself has succeeded. */
export function onUserAccessChanged(userId: number): void {
  for (const listener of listeners) {
    try {
      listener(userId);
    } catch (error) {
      console.error('Closing the real-time connections of user', userId, 'failed:', error);
    }
  }
}

/** Registers a listener; returns the function that removes it. */
export function addUserAccessListener(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
