/**
 * The real-time server: `ws(s)://HOST/collab/<documentName>`, speaking the y-websocket
 * protocol. Transport here; admission in authenticate.ts, the message loop in
 * protocol.ts, documents in memory in documents.ts, compaction in compaction.ts. See
 * docs/decisions/006-realtime-persistence.md.
 *
 * Koers runs it in a process of its own (process.ts, started by child.ts), so that page
 * renders in the web process never hold up a keystroke (docs/decisions/024). The web
 * process accepts the upgrade on the one port and hands the socket over;
 * `attachCollab` runs it on an HTTP server in the same process instead (the tests).
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer } from 'ws';

import { t } from '../../app/i18n';
import { CloseCode } from '../../app/models/collab/close-codes';
import { registerLiveServer } from '../../app/models/collab/live-bridge.server';
import { admit, currentAccess, refuseUpgrade } from './authenticate';
import { Compactor } from './compaction';
import { DocumentRegistry } from './documents';
import { Connection, serveConnection } from './protocol';
import { startSweep } from './sweep';

export { CloseCode } from '../../app/models/collab/close-codes';

export type CollabOptions = {
  /** KOERS_PUBLIC_URL: the origin browsers must come from (else the Host header's). */
  publicUrl?: string;
  /** Largest message accepted, in bytes; larger closes the connection with 1009. */
  maxPayload?: number;
  /** How long a document stays in memory after its last connection left. */
  unloadAfterMs?: number;
  /** Compact a document in the background once this many updates are logged. */
  compactAfterUpdates?: number;
  /** How often every connection's session and access are checked again (spread over that time). */
  recheckEveryMs?: number;
  /** How often each connection is pinged (spread over that time); one without a pong by its next ping is dropped. */
  pingEveryMs?: number;
};

export type Collab = {
  /** Serves a websocket upgrade whose path starts with `/collab/` (see onCollabUpgrades). */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  /** An update the app stored (live-bridge.server.ts): relayed to the document's clients if it is in memory. */
  documentEdited(name: string, update: Uint8Array): void;
  /** Checks every connection again and closes those whose access changed. */
  recheckAll(): void;
  /** Stores and compacts every document, closes the connections (1001), refuses new ones. */
  close(): Promise<void>;
  /** Closes every connection of the user: 4000 if they may still read, else 4401/4403. */
  closeConnectionsOfUser(userId: number): number;
  /** Names of the documents in memory (tests, diagnostics). */
  liveDocuments(): string[];
};

const PATH_PREFIX = '/collab/';

type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Gives the server's websocket upgrades of `/collab/…` to `serve`. Others are left to
 * another upgrade handler (Vite's hot reload in development) or, when there is none,
 * refused instead of left hanging. Returns the function that stops listening.
 */
export function onCollabUpgrades(server: http.Server, serve: UpgradeHandler): () => void {
  const onUpgrade: UpgradeHandler = (req, socket, head) => {
    if ((req.url ?? '/').split('?')[0].startsWith(PATH_PREFIX)) return serve(req, socket, head);
    if (server.listenerCount('upgrade') === 1) refuseUpgrade(socket, 404);
  };
  server.on('upgrade', onUpgrade);
  return () => server.off('upgrade', onUpgrade);
}

/**
 * The real-time server on an HTTP server of this process, registered with the app's
 * live bridge: how the tests run it. Koers itself runs it in its own process (child.ts).
 */
export function attachCollab(server: http.Server, options: CollabOptions = {}): Collab {
  const collab = createCollab(options);
  const stopListening = onCollabUpgrades(server, collab.handleUpgrade);
  const unregister = registerLiveServer({
    documentEdited: collab.documentEdited,
    recheckUser: collab.closeConnectionsOfUser,
    recheckAll: collab.recheckAll,
  });
  return {
    ...collab,
    async close() {
      stopListening();
      unregister();
      await collab.close();
    },
  };
}

export function createCollab(options: CollabOptions = {}): Collab {
  const {
    publicUrl,
    maxPayload = 1024 * 1024,
    unloadAfterMs = 30_000,
    compactAfterUpdates = 5_000,
    recheckEveryMs = 60_000,
    pingEveryMs = 30_000,
  } = options;
  const log = (message: string, error?: unknown) => console.error(`[collab] ${message}`, error ?? '');

  const wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
  const compactor = new Compactor((name, error) => log(`Compacting ${name} failed.`, error));
  const registry = new DocumentRegistry({ unloadAfterMs, compactAfterUpdates, compactor, log });
  const connections = new Set<Connection>();
  let closing = false;

  async function upgradeToDocument(req: http.IncomingMessage, socket: Duplex, head: Buffer, documentName: string) {
    // A client that hangs up during the (async) admission must not crash the server.
    const ignore = () => {};
    socket.on('error', ignore);
    const admission = await admit(req, documentName, publicUrl).catch((error: unknown) => {
      log('Admission failed.', error);
      return { ok: false, status: 500, message: t.server.internalError } as const;
    });
    socket.off('error', ignore);
    if (socket.destroyed) return;
    if (closing) return refuseUpgrade(socket, 503);
    if (!admission.ok) return refuseUpgrade(socket, admission.status, admission.message);

    wss.handleUpgrade(req, socket, head, (ws) => {
      if (closing) return ws.close(CloseCode.serverShutdown.code, CloseCode.serverShutdown.reason);
      let document;
      try {
        document = registry.acquire(documentName);
      } catch (error) {
        // Unreadable stored state or a database error: refuse this one, keep serving the rest.
        log(`Loading ${documentName} failed.`, error);
        return ws.close(CloseCode.persistenceFailed.code, CloseCode.persistenceFailed.reason);
      }
      const connection = new Connection(ws, document, admission.userId, admission.sessionId, admission.access);
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
      serveConnection(ws, connection, registry);
    });
  }

  function handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer) {
    const pathname = (req.url ?? '/').split('?')[0];
    if (!pathname.startsWith(PATH_PREFIX)) return refuseUpgrade(socket, 404);
    let documentName: string;
    try {
      documentName = decodeURIComponent(pathname.slice(PATH_PREFIX.length));
    } catch {
      return refuseUpgrade(socket, 404);
    }
    void upgradeToDocument(req, socket, head, documentName);
  }

  /** Closes a connection whose rights changed; `always`: even when its access is unchanged. */
  function recheck(connection: Connection, always: boolean) {
    const access = currentAccess(connection.sessionId, connection.document.name);
    if (access === 'session-ended') connection.close(CloseCode.sessionEnded);
    else if (access === 'none') connection.close(CloseCode.accessRevoked);
    else if (always || access !== connection.access) connection.close(CloseCode.accessChanged);
  }

  function closeConnectionsOfUser(userId: number): number {
    let closed = 0;
    for (const connection of connections) {
      if (connection.userId !== userId) continue;
      recheck(connection, true);
      closed++;
    }
    return closed;
  }

  function recheckAll() {
    for (const connection of connections) if (connection.ws.readyState === connection.ws.OPEN) recheck(connection, false);
  }

  // The app's edits (the agenda outline of the notes, a chapter's text) are stored by
  // the app before they get here, so they are relayed like a client's stored update.
  function documentEdited(name: string, update: Uint8Array) {
    if (!closing) registry.applyStored(name, update);
  }

  const isOpen = (connection: Connection) => connection.ws.readyState === connection.ws.OPEN;

  // Catches what no hook reports: logout, session expiry, changes made by another process (CLI).
  const recheckSweep = startSweep(
    () => connections,
    (connection) => isOpen(connection) && recheck(connection, false),
    { intervalMs: recheckEveryMs },
  );

  // A connection that did not answer the previous ping by its next turn is gone.
  const pingSweep = startSweep(
    () => connections,
    (connection) => {
      if (!isOpen(connection)) return;
      if (!connection.alive) return connection.ws.terminate();
      connection.alive = false;
      connection.ws.ping();
    },
    { intervalMs: pingEveryMs },
  );

  async function close() {
    if (closing) return;
    closing = true;
    recheckSweep.stop();
    pingSweep.stop();
    const sockets = [...connections].map((c) => c.ws);
    registry.unloadAll(CloseCode.serverShutdown);
    await compactor.close();
    // Give clients a moment to answer the close frame, then cut the rest.
    await Promise.race([
      Promise.all(sockets.map((ws) => (ws.readyState === ws.CLOSED ? null : new Promise((resolve) => ws.once('close', resolve))))),
      new Promise((resolve) => setTimeout(resolve, 1000).unref()),
    ]);
    for (const ws of sockets) if (ws.readyState !== ws.CLOSED) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return { handleUpgrade, documentEdited, recheckAll, close, closeConnectionsOfUser, liveDocuments: () => registry.names() };
}
