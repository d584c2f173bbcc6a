/**
 * One websocket connection speaking the standard y-websocket protocol (sync, awareness,
 * query-awareness), so the unmodified `y-websocket` client works. Writers' document
 * updates are applied here; the registry stores them once the socket read that brought
 * them is handled, and then relays them (documents.ts). Read-only connections get the document and
 * awareness, and their document updates are dropped.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { RawData, WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

import { type Close, CloseCode } from '../../app/models/collab/close-codes';
import {
  awarenessMessage,
  type DocumentRegistry,
  type LiveDocument,
  messageAwareness,
  messageQueryAwareness,
  messageSync,
  type Peer,
} from './documents';

class MalformedMessage extends Error {}

export class Connection implements Peer {
  readonly awarenessIds = new Set<number>();
  /** Answered the last ping. */
  alive = true;

  constructor(
    readonly ws: WebSocket,
    readonly document: LiveDocument,
    readonly userId: number,
    readonly sessionId: string,
    readonly access: 'read' | 'write',
  ) {}

  send(message: Uint8Array) {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, (error) => {
      if (error) this.ws.terminate();
    });
  }

  close({ code, reason }: Close) {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }
}

/** Wires a freshly upgraded socket to its document and greets it. */
export function serveConnection(ws: WebSocket, connection: Connection, registry: DocumentRegistry) {
  const { document } = connection;
  document.peers.add(connection);

  ws.on('message', (data, isBinary) => receive(connection, data, isBinary));
  ws.on('pong', () => {
    connection.alive = true;
  });
  // Oversized frames: `ws` itself closes with 1009 and reports it here. Nothing else to do.
  ws.on('error', () => {});
  ws.on('close', () => {
    document.peers.delete(connection);
    awarenessProtocol.removeAwarenessStates(document.awareness, [...connection.awarenessIds], null);
    registry.release(document);
  });

  // Ask a writer for what it has that the server lacks (offline edits); a read-only
  // client is not asked, its updates would be dropped anyway.
  if (connection.access === 'write') {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, document.doc);
    connection.send(encoding.toUint8Array(encoder));
  }
  const states = [...document.awareness.getStates().keys()];
  if (states.length > 0) connection.send(awarenessMessage(document.awareness, states));
}

function receive(connection: Connection, data: RawData, isBinary: boolean) {
  try {
    if (!isBinary) throw new MalformedMessage('text frame');
    // A copy: `ws` may hand out views into a shared buffer, and a lying length prefix
    // must hit the end of this message, not the bytes beside it.
    const bytes = new Uint8Array(Array.isArray(data) ? Buffer.concat(data) : data);
    const reply = readMessage(connection, bytes);
    if (reply?.carriesState) connection.document.sendWhenStored(connection, reply.message);
    else if (reply) connection.send(reply.message);
  } catch {
    // Whatever the message changed before it turned out malformed is stored and relayed
    // like any change; only this connection ends.
    connection.close(CloseCode.malformedMessage);
  }
}

/** A reply; one that carries document state may only leave once that state is stored. */
type Reply = { message: Uint8Array; carriesState: boolean };

/** Handles one message; returns the reply to send, if any. Throws on anything malformed. */
function readMessage(connection: Connection, bytes: Uint8Array): Reply | null {
  const { doc, awareness } = connection.document;
  const decoder = decoding.createDecoder(bytes);
  const encoder = encoding.createEncoder();
  switch (decoding.readVarUint(decoder)) {
    case messageSync: {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        encoding.writeVarUint(encoder, messageSync);
        syncProtocol.writeSyncStep2(encoder, doc, decoding.readVarUint8Array(decoder));
        return { message: encoding.toUint8Array(encoder), carriesState: true };
      }
      if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        const update = decoding.readVarUint8Array(decoder);
        // Read-only: dropped without a word (the client's own copy may differ; the server's doesn't).
        if (connection.access === 'write') Y.applyUpdate(doc, update, connection);
        return null;
      }
      throw new MalformedMessage(`sync message type ${syncType}`);
    }
    case messageAwareness:
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), connection);
      return null;
    case messageQueryAwareness:
      return { message: awarenessMessage(awareness, [...awareness.getStates().keys()]), carriesState: false };
    default:
      // Includes messageAuth: the server sends it, clients never do.
      throw new MalformedMessage('unknown message type');
  }
}
