/**
 * The documents in memory: one Y.Doc with its awareness and its connections per
 * document name, loaded from SQLite on first use and unloaded (after a final
 * compaction) some time after the last connection left.
 *
 * Persist before relay: every change to a Y.Doc is captured from its 'update' event;
 * as soon as the socket read that brought it has been handled (a microtask), the
 * registry appends everything captured, for all documents, to the update log in one
 * transaction, and only then relays it and sends the replies that carry document
 * state. Messages that arrived together cost one commit (docs/decisions/006).
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

import { type Close, CloseCode } from '../../app/models/collab/close-codes';
import { appendUpdateBatch, loadDocumentInto } from '../../app/models/collab/document-store.server';
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

/** The transaction origin of an update that was stored before it was applied here. */
const STORED = Symbol('stored');

/** A change applied to a document's Y.Doc and not yet stored, with the connection it came from. */
type Unstored = { update: Uint8Array; origin: Peer | null };

export class LiveDocument {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  /** Log rows not yet folded into the snapshot. */
  pendingUpdates: number;
  unloadTimer: NodeJS.Timeout | null = null;
  private unstored: Unstored[] = [];
  /** Replies computed from a doc holding unstored changes: sent once those are stored. */
  private heldReplies: { peer: Peer; message: Uint8Array }[] = [];

  constructor(
    readonly name: string,
    /** Told when the doc gains its first unstored change since the last store. */
    onUnstored: (document: LiveDocument) => void,
  ) {
    // Before the 'update' listener below: loading is not a change to store.
    this.pendingUpdates = loadDocumentInto(this.doc, name);

    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Stored already (an edit by the app): nothing to wait for.
      if (origin === STORED) return this.relay(update, null);
      this.unstored.push({ update, origin: this.peers.has(origin as Peer) ? (origin as Peer) : null });
      if (this.unstored.length === 1) onUnstored(this);
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
   * Sends a reply that carries document state (a sync step 2): at once when everything
   * in the doc is stored, else after the next store, so nobody receives an unstored change.
   */
  sendWhenStored(peer: Peer, message: Uint8Array) {
    if (this.unstored.length === 0) peer.send(message);
    else this.heldReplies.push({ peer, message });
  }

  /**
   * Applies an update somebody else stored (the app's edit, live-bridge.server.ts) and
   * relays what it changed at once. Nothing when the doc had it already (it was loaded
   * after the update was stored).
   */
  applyStored(update: Uint8Array) {
    Y.applyUpdate(this.doc, update, STORED);
  }

  /** Hands the unstored updates to the registry to store; `relayStored(them)` follows once they are. */
  takeUnstored(): Unstored[] {
    const taken = this.unstored;
    this.unstored = [];
    return taken;
  }

  /**
   * The updates taken are stored: relay them and send the held replies. One message per
   * store and document: every peer gets the merged changes, except a peer that sent them
   * all itself (a peer that gets its own change back ignores it, as Yjs does).
   */
  relayStored(stored: Unstored[]) {
    const replies = this.heldReplies;
    this.heldReplies = [];
    if (stored.length > 0) {
      const update = stored.length === 1 ? stored[0].update : Y.mergeUpdates(stored.map((u) => u.update));
      const origin = stored.every((u) => u.origin === stored[0].origin) ? stored[0].origin : null;
      this.relay(update, origin);
    }
    for (const { peer, message } of replies) if (this.peers.has(peer)) peer.send(message);
  }

  private relay(update: Uint8Array, origin: Peer | null) {
    const message = updateMessage(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
  }

  destroy() {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unstored = [];
    this.heldReplies = [];
    this.awareness.destroy();
    this.doc.destroy();
  }
}

export class DocumentRegistry {
  private readonly documents = new Map<string, LiveDocument>();
  /** Documents with changes not yet stored, and whether a store is queued for them. */
  private readonly unstored = new Set<LiveDocument>();
  private storeQueued = false;

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
      document = new LiveDocument(name, (doc) => this.storeSoon(doc));
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

  /**
   * Close the connections, forget the document, and compact it a last time: in the
   * background, or at once when the server stops (`compact: 'now'`).
   */
  unload(document: LiveDocument, close: Close, compact: 'soon' | 'now' = 'soon') {
    if (this.documents.get(document.name) !== document) return;
    this.store();
    this.documents.delete(document.name);
    for (const peer of document.peers) peer.close(close);
    if (compact === 'now') this.options.compactor.runNow(document.name);
    else this.options.compactor.schedule(document.name);
    document.destroy();
  }

  /** Server shutdown: every document stored, compacted and closed before this returns. */
  unloadAll(close: Close) {
    for (const document of this.all()) this.unload(document, close, 'now');
  }

  /**
   * Stores the unstored changes of every document in one transaction, then relays them.
   * Runs as a microtask once the socket read that brought the changes has been handled
   * (every message of that read, so a burst costs one commit), and at once when a caller
   * needs the change stored before it goes on (server-side edits, unloading). Returns
   * the documents whose changes could not be stored.
   */
  store(): Set<LiveDocument> {
    const documents = [...this.unstored];
    this.unstored.clear();
    const failed = new Set<LiveDocument>();
    if (documents.length === 0) return failed;

    const batches = documents.map((document) => {
      const taken = document.takeUnstored();
      return { document, taken, name: document.name, updates: taken.map((u) => u.update) };
    });
    try {
      appendUpdateBatch(batches);
    } catch {
      // One document's trouble must not cost the others theirs: store them one by one.
      for (const batch of batches) {
        try {
          appendUpdateBatch([batch]);
        } catch (error) {
          failed.add(batch.document);
          this.persistenceFailed(batch.document, error);
        }
      }
    }
    for (const { document, taken } of batches) {
      if (failed.has(document)) continue;
      document.relayStored(taken);
      document.pendingUpdates += taken.length;
      if (document.pendingUpdates > this.options.compactAfterUpdates) this.compactSoon(document);
    }
    return failed;
  }

  /** An update of `name` stored by the app: applied and relayed if the document is in memory. */
  applyStored(name: string, update: Uint8Array) {
    const document = this.documents.get(name);
    if (!document) return;
    document.applyStored(update);
    document.pendingUpdates += 1;
    if (document.pendingUpdates > this.options.compactAfterUpdates) this.compactSoon(document);
  }

  private storeSoon(document: LiveDocument) {
    this.unstored.add(document);
    if (this.storeQueued) return;
    this.storeQueued = true;
    // A microtask, not setImmediate: the relay waits only for the messages of this one
    // read, not for every socket the event loop polled in this turn (the benchmark's
    // in-server p99 halved; decision 006).
    queueMicrotask(() => {
      this.storeQueued = false;
      this.store();
    });
  }

  private compactSoon(document: LiveDocument) {
    // One at a time: what is logged while it runs waits for the next threshold.
    if (this.options.compactor.isCompacting(document.name)) return;
    this.options.compactor.schedule(document.name, (merged) => {
      document.pendingUpdates = Math.max(0, document.pendingUpdates - merged);
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
