/**
 * The client processes of the real-time benchmark (bench/collab-worker.ts), forked once
 * and reused for every scenario. Documents are spread over them round-robin; all
 * clients of one document stay in one process (one clock for send and receive times).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { DocumentLoad, FromWorker, RelayedDocument, ToWorker, TypingResult, VerifiedDocument } from './collab-messages';

const WORKER = fileURLToPath(new URL('./collab-worker.ts', import.meta.url));

type Reply<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

/** Several processes' or segments' results as one (latencies concatenated, counts summed, worst loop delay). */
export function mergeTypingResults(results: TypingResult[]): TypingResult {
  const latenciesMs = new Float64Array(results.reduce((n, r) => n + r.latenciesMs.length, 0));
  let offset = 0;
  for (const r of results) {
    latenciesMs.set(r.latenciesMs, offset);
    offset += r.latenciesMs.length;
  }
  return {
    latenciesMs,
    inserts: results.reduce((n, r) => n + r.inserts, 0),
    expectedDeliveries: results.reduce((n, r) => n + r.expectedDeliveries, 0),
    delivered: results.reduce((n, r) => n + r.delivered, 0),
    loopDelayP99Ms: Math.max(...results.map((r) => r.loopDelayP99Ms)),
    loopDelayMaxMs: Math.max(...results.map((r) => r.loopDelayMaxMs)),
  };
}

class Worker {
  private readonly child: ChildProcess;
  private waiting: { type: FromWorker['type']; resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;

  constructor(readonly index: number) {
    this.child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: FromWorker) => {
      const waiting = this.waiting;
      if (!waiting) return;
      if (message.type === 'error') {
        this.waiting = null;
        waiting.reject(new Error(`client process ${index}: ${message.message}`));
      } else if (message.type === waiting.type) {
        this.waiting = null;
        waiting.resolve(message);
      }
      // Anything else is a reply nobody waits for any more (e.g. 'typed' after a freeze).
    });
    this.child.once('exit', (code) => {
      this.waiting?.reject(new Error(`client process ${index} exited (${code})`));
      this.waiting = null;
    });
  }

  /** Sends a message and resolves with the first reply of `type`. */
  ask<T extends FromWorker['type']>(message: ToWorker, type: T, timeoutMs: number): Promise<Reply<T>> {
    return new Promise<Reply<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`client process ${this.index}: no '${type}' within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.waiting = {
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Reply<T>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.child.send(message);
    });
  }

  tell(message: ToWorker) {
    if (this.child.connected) this.child.send(message);
  }

  kill() {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

export class ClientPool {
  private readonly workers: Worker[];
  /** Per client set (one per server): the workers that hold its documents. */
  private busy = new Map<string, Worker[]>();

  constructor(size: number) {
    this.workers = Array.from({ length: size }, (_, i) => new Worker(i));
  }

  private workersOf(set: string): Worker[] {
    const workers = this.busy.get(set);
    if (!workers) throw new Error(`no clients connected for '${set}'`);
    return workers;
  }

  /** Opens every client of every document as set `set`; resolves when all are synced and have their paragraph. */
  async connect(set: string, url: string, documents: DocumentLoad[], timeoutMs = 90_000): Promise<number> {
    const shares = this.workers.map(() => [] as DocumentLoad[]);
    documents.forEach((document, i) => shares[i % shares.length]!.push(document));
    const busy = this.workers.filter((_, i) => shares[i]!.length > 0);
    this.busy.set(set, busy);
    const replies = await Promise.all(
      busy.map((w) => w.ask({ type: 'connect', set, url, documents: shares[w.index]! }, 'ready', timeoutMs)),
    );
    return replies.reduce((n, r) => n + r.clients, 0);
  }

  /** Types for `durationMs`, waits up to `graceMs` for stragglers, merges the results. */
  async type(set: string, ratePerSecond: number, durationMs: number, graceMs: number): Promise<TypingResult> {
    const message: ToWorker = { type: 'type', set, ratePerSecond, durationMs, graceMs };
    const results = await Promise.all(this.workersOf(set).map((w) => w.ask(message, 'typed', durationMs + graceMs + 30_000)));
    return mergeTypingResults(results.map((r) => r.result));
  }

  /** Starts typing without waiting for the end (the durability run kills the server meanwhile). */
  startTyping(set: string, ratePerSecond: number, durationMs: number) {
    for (const w of this.workersOf(set)) w.tell({ type: 'type', set, ratePerSecond, durationMs, graceMs: 0 });
  }

  /** Stops typing, drops the clients, and returns what each document's senders had relayed. */
  async freeze(set: string): Promise<RelayedDocument[]> {
    const replies = await Promise.all(this.workersOf(set).map((w) => w.ask({ type: 'freeze', set }, 'frozen', 30_000)));
    return replies.flatMap((r) => r.documents);
  }

  async verify(url: string, cookie: string, documents: RelayedDocument[]): Promise<VerifiedDocument[]> {
    const reply = await this.workers[0]!.ask({ type: 'verify', url, cookie, documents }, 'verified', 60_000);
    return reply.documents;
  }

  async reset() {
    await Promise.all(this.workers.map((w) => w.ask({ type: 'reset' }, 'reset-done', 30_000)));
    this.busy.clear();
  }

  close() {
    for (const w of this.workers) {
      w.tell({ type: 'exit' });
      setTimeout(() => w.kill(), 2_000).unref();
    }
  }
}
