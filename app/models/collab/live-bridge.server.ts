/**
 * The one way the app reaches the real-time server. The dependency runs server → app:
 * server/collab implements `LiveServer` and registers it at start-up
 * (`registerLiveServer`); the app calls the functions below and never imports server/.
 *
 * Without a live server in the process (CLIs, scripts, most tests) every call has a
 * defined fallback: an edit is applied to the stored document, an access change has no
 * connections to close (a server in another process notices within a minute, when it
 * checks every connection again; docs/decisions/006-realtime-persistence.md).
 *
 * The registry is a process-wide singleton: the server and the Remix build, whose loaders
 * and actions call these functions, are two module graphs (app/utils/singleton.server.ts).
 */
import type * as Y from 'yjs';

import { singleton } from '../../utils/singleton.server';
import { editStoredDocument } from './document-store.server';

/** A change to a real-time document, applied in one Yjs transaction. */
export type DocumentEdit = (doc: Y.Doc) => void;

/** What the real-time server does for the app. */
export type LiveServer = {
  /**
   * Applies `edit` to the document if this server holds it in memory, stores the change
   * and relays it to the document's clients (stored before relayed, like anyone's
   * typing), and returns true; returns false, changing nothing, when it does not hold it.
   * Throws when storing failed.
   */
  editLoadedDocument(name: string, edit: DocumentEdit): boolean;
  /**
   * Checks every open connection of the user again and closes it with the code for the
   * user's new rights (4000 access changed, 4401 session ended, 4403 access revoked).
   */
  recheckUser(userId: number): void;
  /**
   * Checks every open connection again and closes those whose access changed (a period
   * closed or reopened changes who may write its chapters' texts).
   */
  recheckAll(): void;
};

// Normally one; the real-time tests run several servers in one process.
const liveServers = singleton('live-servers', () => new Set<LiveServer>());

/** Called by the real-time server when it starts; returns the function that removes it again. */
export function registerLiveServer(server: LiveServer): () => void {
  liveServers.add(server);
  return () => liveServers.delete(server);
}

/**
 * Applies `edit` to the real-time document `name` in one Yjs transaction. Synchronous:
 * when it returns the change is stored and, if the document is open in a live server,
 * sent to its clients; otherwise the next client to open the document loads it.
 */
export function editLiveDocument(name: string, edit: DocumentEdit): void {
  for (const server of liveServers) if (server.editLoadedDocument(name, edit)) return;
  editStoredDocument(name, edit);
}

/**
 * Tells the real-time server that a user's role changed or the account was deactivated.
 * Call after the change is committed. Never throws: the account change itself succeeded.
 */
export function userAccessChanged(userId: number): void {
  for (const server of liveServers) {
    try {
      server.recheckUser(userId);
    } catch (error) {
      console.error('Closing the real-time connections of user', userId, 'failed:', error);
    }
  }
}

/**
 * Tells the real-time server that the rights on some documents changed for everybody
 * (a period closed, adopted or reopened). Call after the change is committed. Never throws.
 */
export function documentAccessChanged(): void {
  for (const server of liveServers) {
    try {
      server.recheckAll();
    } catch (error) {
      console.error('Checking the real-time connections again failed:', error);
    }
  }
}
