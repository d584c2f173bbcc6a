/**
 * The documents in memory: one Y.Doc with its awareness and its connections per
 * document name, loaded from SQLite on first use and unloaded (after a final
 * compaction) some time after the last connection left.
 *
 * Persist before relay: every change to a Y.Doc is captured from its 'update' event and
 * appended to the update log before any connection is sent a byte of it.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { appendUpdates, countPendingUpdates, loadDocumentState } from '../../app/models/collab-document.server';
import { CloseCode, type Close } from './close-codes';
import type { Compactor } from './compaction';

export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;

/** A connection as a document sees it. */
export interface Peer {
  /** The awareness client ids this connection controls, removed when it leaves. */
  readonly awarenessIds: Set<number>;
  send(message: Uint8Array): void;
  close(close: Close): void;
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export class LiveDocument {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  /** Log rows not yet folded into the snapshot. */
  pendingUpdates: number;
  unloadTimer: NodeJS.Timeout | null = null;
  private captured: Uint8Array[] = [];

  constructor(
    readonly name: string,
    private readonly events: {
      stored: (document: LiveDocument, count: number) => void;
      persistenceFailed: (document: LiveDocument, error: unknown) => void;
    },
  ) {
    const state = loadDocumentState(name);
    if (state) Y.applyUpdate(this.doc, state);
    this.pendingUpdates = countPendingUpdates(name);

    this.doc.on('update', (update: Uint8Array) => {
      this.captured.push(update);
      // The message handler commits synchronously; this catches changes made elsewhere
      // (server-side edits), still before any other I/O can observe them.
      if (this.captured.length === 1) queueMicrotask(() => this.commit(null));
    });

    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin && this.peers.has(origin as Peer)) {
          const ids = (origin as Peer).awarenessIds;
          for (const id of added) ids.add(id);
          for (const id of removed) ids.delete(id);
        }
        const message = awarenessMessage(this.awareness, [...added, ...updated, ...removed]);
        for (const peer of this.peers) peer.send(message);
      },
    );
  }

  /**
   * Stores what the doc's last transactions changed, then relays it to every peer but
   * `origin`. Returns false when storing failed (nothing was relayed).
   */
  commit(origin: Peer | null): boolean {
    if (this.captured.length === 0) return true;
    const updates = this.captured;
    this.captured = [];
    try {
      appendUpdates(this.name, updates);
    } catch (error) {
      this.events.persistenceFailed(this, error);
      return false;
    }
    this.events.stored(this, updates.length);
    const message = updateMessage(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
    return true;
  }

  destroy() {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export class DocumentRegistry {
  private readonly documents = new Map<string, LiveDocument>();

  constructor(
    private readonly options: {
      unloadAfterMs: number;
      compactAfterUpdates: number;
      compactor: Compactor;
      log: (message: string, error?: unknown) => void;
    },
  ) {}

  /** The document of that name if it is in memory (without loading it). */
  find(name: string): LiveDocument | undefined {
    return this.documents.get(name);
  }

  names(): string[] {
    return [...this.documents.keys()];
  }

  all(): LiveDocument[] {
    return [...this.documents.values()];
  }

  /** The live document of that name, loading it from SQLite if needed. */
  acquire(name: string): LiveDocument {
    let document = this.documents.get(name);
    if (!document) {
      document = new LiveDocument(name, {
        stored: (doc, count) => this.stored(doc, count),
        persistenceFailed: (doc, error) => this.persistenceFailed(doc, error),
      });
      this.documents.set(name, document);
      if (document.pendingUpdates > this.options.compactAfterUpdates) this.compactSoon(document);
    }
    if (document.unloadTimer) {
      clearTimeout(document.unloadTimer);
      document.unloadTimer = null;
    }
    return document;
  }

  /** Called when a connection left: unload the document once nobody has used it for a while. */
  release(document: LiveDocument) {
    if (this.documents.get(document.name) !== document || document.peers.size > 0 || document.unloadTimer) return;
    document.unloadTimer = setTimeout(() => {
      document.unloadTimer = null;
      if (document.peers.size === 0) this.unload(document, CloseCode.serverShutdown);
    }, this.options.unloadAfterMs);
    document.unloadTimer.unref();
  }

  /** Final compaction, close the connections, forget the document. */
  unload(document: LiveDocument, close: Close) {
    if (this.documents.get(document.name) !== document) return;
    document.commit(null);
    this.documents.delete(document.name);
    for (const peer of document.peers) peer.close(close);
    this.options.compactor.runNow(document.name);
    document.destroy();
  }

  unloadAll(close: Close) {
    for (const document of this.all()) this.unload(document, close);
  }

  private stored(document: LiveDocument, count: number) {
    document.pendingUpdates += count;
    if (document.pendingUpdates > this.options.compactAfterUpdates) this.compactSoon(document);
  }

  private compactSoon(document: LiveDocument) {
    // Everything logged until the compaction runs is folded in, so the count restarts.
    this.options.compactor.schedule(document.name, (ok) => {
      if (ok) document.pendingUpdates = 0;
    });
  }

  /**
   * The doc in memory now holds a change that is not stored. It must not reach anyone:
   * drop the document and close its connections; the clients still hold the change and
   * send it again when they reconnect to a freshly loaded document.
   */
  private persistenceFailed(document: LiveDocument, error: unknown) {
    this.options.log(`Storing an update of ${document.name} failed; the document is reloaded.`, error);
    if (this.documents.get(document.name) === document) this.documents.delete(document.name);
    for (const peer of document.peers) peer.close(CloseCode.persistenceFailed);
    document.destroy();
  }
}
