/**
 * A client process of the real-time benchmark (bench/collab.ts forks a few of these so
 * the clients do not share one event loop with each other or with the server). It runs
 * real `y-websocket` providers in Node, one Y.Doc each, and types into the notes the
 * way Tiptap stores them: each client owns one paragraph (an XmlElement holding an
 * XmlText in the XmlFragment 'default') and inserts one character at its end per tick.
 *
 * Every client of a document lives in the same process, so send and receive times come
 * from one monotonic clock (performance.now()) and need no cross-process correction.
 * An insert is identified by its Yjs clock: a one-character insert advances the sender's
 * clock by exactly one, and Yjs integrates a sender's items in clock order, so when a
 * receiver's state for sender S reaches clock k, every insert of S up to k has arrived.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

import type { DocumentLoad, FromWorker, RelayedDocument, ToWorker, TypingResult, VerifiedDocument } from './collab-messages';

/**
 * The XmlFragment Tiptap edits (NOTES_FIELD in app/models/collab/document-store.server.ts;
 * not imported, because that module opens the database when loaded).
 */
const NOTES_FIELD = 'default';
const CONNECT_TIMEOUT_MS = 60_000;

type Client = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The XmlText of this client's own paragraph. */
  text: Y.XmlText | null;
  /** Clock before typing: insert n (1-based) has clock base + n. */
  base: number;
  /** performance.now() of each insert, index n − 1. */
  sendTimes: number[];
  /** Per other client of the document: the highest clock of theirs this client has. */
  seen: Map<number, number>;
};
type LoadedDocument = { name: string; clients: Client[] };

/** The clients of each server (a scenario connects one set per server and types into one at a time). */
const sets = new Map<string, LoadedDocument[]>();
let latencies: number[] = [];
let measuring = false;
let typing: { stop: () => void; done: Promise<void> } | null = null;

// y-websocket adds a process 'exit' listener per provider; hundreds are expected here.
process.setMaxListeners(0);

function send(message: FromWorker) {
  process.send!(message);
}

/** A `ws` WebSocket that carries the session cookie, as a browser would. */
function socketWithCookie(cookie: string) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { Cookie: cookie } : {} });
    }
  };
}

function openProvider(url: string, name: string, cookie: string, doc: Y.Doc) {
  return new WebsocketProvider(url, name, doc, {
    WebSocketPolyfill: socketWithCookie(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
}

function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + timeoutMs;
    const check = () => {
      if (predicate()) return resolve();
      if (performance.now() > deadline) return reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      setTimeout(check, 10);
    };
    check();
  });
}

/** Records the arrival of other clients' inserts; runs inside the provider's message handler. */
function observeArrivals(document: LoadedDocument, client: Client) {
  client.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== client.provider || !measuring) return;
    const now = performance.now();
    for (const sender of document.clients) {
      if (sender === client) continue;
      const id = sender.doc.clientID;
      const state = Y.getState(client.doc.store, id);
      let clock = client.seen.get(id)!;
      while (clock < state) {
        clock++;
        const sentAt = sender.sendTimes[clock - sender.base - 1];
        if (sentAt !== undefined) latencies.push(now - sentAt);
      }
      client.seen.set(id, clock);
    }
  });
}

async function connect(set: string, url: string, loads: DocumentLoad[]) {
  const documents: LoadedDocument[] = loads.map((load) => ({
    name: load.name,
    clients: load.cookies.map((cookie) => {
      const doc = new Y.Doc();
      return { doc, provider: openProvider(url, load.name, cookie, doc), text: null, base: 0, sendTimes: [], seen: new Map() };
    }),
  }));
  const all = documents.flatMap((d) => d.clients);
  await waitFor(() => all.every((c) => c.provider.synced), CONNECT_TIMEOUT_MS, `${all.length} clients to sync`);

  for (const client of all) {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('');
    paragraph.insert(0, [text]);
    const fragment = client.doc.getXmlFragment(NOTES_FIELD);
    fragment.insert(fragment.length, [paragraph]);
    client.text = text;
  }
  // Every client has every other client's paragraph (documents may hold earlier content).
  await waitFor(
    () =>
      documents.every((d) =>
        d.clients.every((c) =>
          d.clients.every((other) => Y.getState(c.doc.store, other.doc.clientID) >= Y.getState(other.doc.store, other.doc.clientID)),
        ),
      ),
    CONNECT_TIMEOUT_MS,
    'every paragraph at every client',
  );
  for (const document of documents) {
    for (const client of document.clients) {
      observeArrivals(document, client);
      for (const other of document.clients)
        if (other !== client) client.seen.set(other.doc.clientID, Y.getState(client.doc.store, other.doc.clientID));
    }
  }
  sets.set(set, documents);
  send({ type: 'ready', clients: all.length });
}

/**
 * Starts a new count: insert n of this segment has clock base + n. What a receiver has
 * not got of an earlier segment stays missing (its clocks are ≤ the new base).
 */
function rebase(documents: LoadedDocument[]) {
  for (const client of documents.flatMap((d) => d.clients)) {
    client.base = Y.getState(client.doc.store, client.doc.clientID);
    client.sendTimes = [];
  }
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz ';

/** Each client inserts one character every 1/rate s, at a random phase, until stopped. */
function startTyping(documents: LoadedDocument[], ratePerSecond: number, durationMs: number) {
  const period = 1000 / ratePerSecond;
  const start = performance.now();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  let running = 0;

  function tick(client: Client, at: number) {
    if (stopped || at - start >= durationMs) {
      if (--running === 0) finish();
      return;
    }
    const text = client.text!;
    const sentAt = performance.now();
    text.insert(text.length, ALPHABET[client.sendTimes.length % ALPHABET.length]!);
    client.sendTimes.push(sentAt);
    const next = at + period;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        tick(client, next);
      },
      Math.max(0, next - performance.now()),
    );
    timers.add(timer);
  }

  for (const client of documents.flatMap((d) => d.clients)) {
    running++;
    const first = start + Math.random() * period;
    const timer = setTimeout(() => {
      timers.delete(timer);
      tick(client, first);
    }, first - start);
    timers.add(timer);
  }
  if (running === 0) finish();
  return {
    done,
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      finish();
    },
  };
}

function deliveries(documents: LoadedDocument[]) {
  let expected = 0;
  let delivered = 0;
  for (const document of documents) {
    for (const receiver of document.clients) {
      for (const sender of document.clients) {
        if (sender === receiver) continue;
        expected += sender.sendTimes.length;
        delivered += Math.max(0, Math.min(receiver.seen.get(sender.doc.clientID)! - sender.base, sender.sendTimes.length));
      }
    }
  }
  return { expected, delivered };
}

function documentsOf(set: string): LoadedDocument[] {
  const documents = sets.get(set);
  if (!documents) throw new Error(`no clients connected for '${set}'`);
  return documents;
}

async function type(set: string, ratePerSecond: number, durationMs: number, graceMs: number) {
  const documents = documentsOf(set);
  rebase(documents);
  latencies = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  measuring = true;
  typing = startTyping(documents, ratePerSecond, durationMs);
  await typing.done;
  typing = null;
  loopDelay.disable();
  // Grace period: whatever has not arrived by then counts as lost.
  await waitFor(
    () => {
      const { expected, delivered } = deliveries(documents);
      return delivered === expected;
    },
    graceMs,
    'every insert',
  ).catch(() => {});
  measuring = false;
  const { expected, delivered } = deliveries(documents);
  const result: TypingResult = {
    latenciesMs: Float64Array.from(latencies),
    inserts: documents.reduce((n, d) => n + d.clients.reduce((m, c) => m + c.sendTimes.length, 0), 0),
    expectedDeliveries: expected,
    delivered,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
  };
  latencies = [];
  send({ type: 'typed', result });
}

/** After the server was killed: what each sender's inserts reached at any other client. */
async function freeze(set: string) {
  typing?.stop();
  const documents = documentsOf(set);
  const all = documents.flatMap((d) => d.clients);
  // Everything the server sent before it died is read before the socket reports closed.
  await waitFor(() => all.every((c) => !c.provider.wsconnected), 10_000, 'the connections to drop').catch(() => {});
  // No reconnect: the restarted server must not get these clients' unsent inserts.
  for (const client of all) client.provider.destroy();
  measuring = false;
  const relayed: RelayedDocument[] = documents.map((document) => ({
    name: document.name,
    senders: document.clients.map((sender) => {
      const id = sender.doc.clientID;
      const received = Math.max(...document.clients.filter((c) => c !== sender).map((c) => Y.getState(c.doc.store, id)));
      return { clientId: id, base: sender.base, typed: sender.sendTimes.length, relayed: Math.max(0, received - sender.base) };
    }),
  }));
  send({ type: 'frozen', documents: relayed });
}

async function verify(url: string, cookie: string, relayed: RelayedDocument[]) {
  const verified: VerifiedDocument[] = [];
  for (const document of relayed) {
    const doc = new Y.Doc();
    const provider = openProvider(url, document.name, cookie, doc);
    try {
      await waitFor(() => provider.synced, 20_000, `a fresh client of ${document.name} to sync`);
      let relayedCount = 0;
      let survived = 0;
      let beyond = 0;
      for (const sender of document.senders) {
        const stored = Y.getState(doc.store, sender.clientId) - sender.base;
        relayedCount += sender.relayed;
        survived += Math.min(Math.max(stored, 0), sender.relayed);
        beyond += Math.max(0, stored - sender.relayed);
      }
      verified.push({ name: document.name, relayed: relayedCount, survived, storedBeyondRelayed: beyond });
    } finally {
      provider.destroy();
      doc.destroy();
    }
  }
  send({ type: 'verified', documents: verified });
}

function reset() {
  typing?.stop();
  typing = null;
  measuring = false;
  for (const client of [...sets.values()].flat().flatMap((d) => d.clients)) {
    client.provider.destroy();
    client.doc.destroy();
  }
  sets.clear();
  latencies = [];
}

process.on('message', (message: ToWorker) => {
  const run = async () => {
    switch (message.type) {
      case 'connect':
        return connect(message.set, message.url, message.documents);
      case 'type':
        return type(message.set, message.ratePerSecond, message.durationMs, message.graceMs);
      case 'freeze':
        return freeze(message.set);
      case 'verify':
        return verify(message.url, message.cookie, message.documents);
      case 'reset':
        reset();
        return send({ type: 'reset-done' });
      case 'exit':
        reset();
        return process.exit(0);
    }
  };
  run().catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
process.on('disconnect', () => process.exit(0));
