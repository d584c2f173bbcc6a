/**
 * What the web process and the real-time process say to each other over Node's IPC
 * channel (child.ts ↔ process.ts). JSON, so bytes travel as base64.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** Web process → real-time process. */
export type ToRealtime =
  /** A websocket upgrade accepted on the web process's port; its socket comes with it as the IPC handle. */
  | { type: 'upgrade'; method: string; url: string; headers: IncomingHttpHeaders; head: string }
  /** The app stored an update of a document (live-bridge.server.ts). */
  | { type: 'document-edited'; name: string; update: string }
  | { type: 'recheck-user'; userId: number }
  | { type: 'recheck-all' }
  /** Store and compact every document, close the connections, then exit. */
  | { type: 'close' };

/** Real-time process → web process. */
export type FromRealtime = { type: 'ready' };
