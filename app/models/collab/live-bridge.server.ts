/**
 * The one way the app reaches the real-time server. The dependency runs server → app:
 * the server registers a `LiveServer` at start-up (`registerLiveServer`); the app calls
 * the functions below and never imports server/.
 *
 * The real-time server runs in a process of its own (server/collab/process.ts,
 * docs/decisions/024-realtime-process.md); what registers here in the web process is
 * its messenger (server/collab/child.ts), which passes each call on. So an edit by the
 * app is stored here, in the caller's process, and then handed over: stored before it is
 * relayed, like anyone's typing, and synchronous for the caller, who answers a request next.
 *
 * Without a live server (CLIs, scripts, most tests) an edit is stored and the next
 * client to open the document loads it; an access change has no connections to close
 * (a server in another process notices within a minute, when it checks every connection
 * again; docs/decisions/006-realtime-persistence.md).
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
   * `update` of the document `name` is stored: if the server holds the document in
   * memory, apply it and relay it to the document's clients; otherwise do nothing (the
   * next client to open the document loads it from the store).
   */
  documentEdited(name: string, update: Uint8Array): void;
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
 * when it returns the change is stored and on its way to the document's clients, if
 * anyone has it open; otherwise the next client to open the document loads it. Throws
 * when storing failed; a failure to relay is logged (the change is stored, and clients
 * get it when they reconnect).
 */
export function editLiveDocument(name: string, edit: DocumentEdit): void {
  const update = editStoredDocument(name, edit);
  if (update) relayStoredEdit(name, update);
}

/**
 * Hands an edit that is already stored to the real-time server. Used by editLiveDocument,
 * and by the web process's main thread for edits stored on a render thread
 * (server/render-threads), which has no connection to the real-time server of its own.
 */
export function relayStoredEdit(name: string, update: Uint8Array): void {
  for (const server of liveServers) {
    try {
      server.documentEdited(name, update);
    } catch (error) {
      console.error('Relaying an edit of', name, 'to the real-time server failed:', error);
    }
  }
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
