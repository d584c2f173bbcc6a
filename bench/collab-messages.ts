/**
 * What bench/collab.ts (the conductor) and its client processes (bench/collab-worker.ts)
 * say to each other over the child-process IPC channel (serialization: 'advanced', so
 * typed arrays cross as they are).
 */

/** One document and the session cookie of each client that opens it. */
export type DocumentLoad = { name: string; cookies: string[] };

/** Per sender: the Yjs clock before it typed (`base`); insert n has clock base + n. */
export type SenderClock = { clientId: number; base: number };

export type ToWorker =
  /** Open every client of set `set` (one set per server), add one paragraph per client, wait until each document has them all. */
  | { type: 'connect'; set: string; url: string; documents: DocumentLoad[] }
  /** The clients of `set` type `ratePerSecond` one-character inserts each until `durationMs` passes or 'freeze' comes. */
  | { type: 'type'; set: string; ratePerSecond: number; durationMs: number; graceMs: number }
  /** The server was killed: stop typing, drop the connections, report what the clients of `set` relayed. */
  | { type: 'freeze'; set: string }
  /** A fresh client per document counts which relayed inserts the server still has. */
  | { type: 'verify'; url: string; cookie: string; documents: RelayedDocument[] }
  /** Close every client (the worker stays for the next scenario). */
  | { type: 'reset' }
  | { type: 'exit' };

export type TypingResult = {
  /** One latency per (insert, other client of its document) that arrived, in ms. */
  latenciesMs: Float64Array;
  inserts: number;
  /** inserts × (clients of the document − 1): every insert must reach every other client. */
  expectedDeliveries: number;
  delivered: number;
  /** Event-loop delay of this client process while typing (monitorEventLoopDelay), ms. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
};

export type RelayedDocument = {
  name: string;
  senders: (SenderClock & { typed: number; relayed: number })[];
};

export type VerifiedDocument = { name: string; relayed: number; survived: number; storedBeyondRelayed: number };

export type FromWorker =
  | { type: 'ready'; clients: number }
  | { type: 'typed'; result: TypingResult }
  | { type: 'frozen'; documents: RelayedDocument[] }
  | { type: 'verified'; documents: VerifiedDocument[] }
  | { type: 'reset-done' }
  | { type: 'error'; message: string };
