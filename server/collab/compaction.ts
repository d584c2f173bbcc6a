/**
 * Background compaction: folds a document's update log into its snapshot (and derives
 * the notes' text/JSON). The folding — Yjs applying thousands of updates and encoding
 * the result, up to a few hundred ms for a busy document — runs in a worker thread
 * (compaction-worker.mjs) with its own read connection; the main thread only stores the
 * result, a short transaction. Without a database file to share (`:memory:`) or once the
 * thread failed, it folds on the event loop as before. docs/decisions/006, "Compaction".
 */
import { Worker } from 'node:worker_threads';

import type { FoldedDocument } from '../../app/models/collab/compaction';
import { compactDocument, writeCompaction } from '../../app/models/collab/document-store.server';
import { db } from '../../app/utils/db.server';

/** Told how many log rows a compaction folded in (0: nothing, failed or discarded). */
type Done = (merged: number) => void;

export class Compactor {
  /** Documents being compacted, with who waits for it, and who waits for one more run. */
  private readonly jobs = new Map<string, { done: Done[]; again: Done[] | null }>();
  private thread: FoldThread | null | undefined;
  private closed = false;

  constructor(private readonly onError: (name: string, error: unknown) => void) {}

  /**
   * Compacts `name` in the background. A document already being compacted gets one more
   * run after this one (its log has grown since that one read it).
   */
  schedule(name: string, done?: Done) {
    if (this.closed) return;
    const job = this.jobs.get(name);
    if (job) {
      job.again ??= [];
      if (done) job.again.push(done);
      return;
    }
    this.jobs.set(name, { done: done ? [done] : [], again: null });
    void this.run(name);
  }

  /** Whether `name` is being compacted (or waits for it). */
  isCompacting(name: string): boolean {
    return this.jobs.has(name);
  }

  /** Compacts at once, on this thread (shutdown). Returns the number of log rows folded in. */
  runNow(name: string): number {
    try {
      return compactDocument(name).merged;
    } catch (error) {
      // The log is intact; the next compaction picks it up.
      this.onError(name, error);
      return 0;
    }
  }

  /** Stops: nothing more is scheduled or stored, and the thread ends. */
  async close() {
    this.closed = true;
    this.jobs.clear();
    await this.thread?.terminate();
  }

  private async run(name: string) {
    const merged = await this.foldAndStore(name);
    const job = this.jobs.get(name);
    if (!job) return; // closed meanwhile
    this.jobs.delete(name);
    for (const done of job.done) done(merged);
    if (job.again && !this.closed) {
      this.jobs.set(name, { done: job.again, again: null });
      void this.run(name);
    }
  }

  private async foldAndStore(name: string): Promise<number> {
    const thread = this.foldThread();
    if (!thread) {
      await new Promise((resolve) => setImmediate(resolve));
      return this.closed ? 0 : this.runNow(name);
    }
    try {
      const folded = await thread.fold(name);
      return folded && !this.closed ? writeCompaction(name, folded) : 0;
    } catch (error) {
      if (!this.closed) this.onError(name, error);
      return 0;
    }
  }

  /** The worker, started on first use; null where it cannot work. */
  private foldThread(): FoldThread | null {
    if (this.thread === undefined) {
      const failed = (error: unknown) => {
        this.onError('(compaction thread)', error);
        this.thread = null;
      };
      try {
        this.thread = db.$client.memory ? null : new FoldThread(db.$client.name, failed);
      } catch (error) {
        failed(error);
      }
    }
    return this.thread ?? null;
  }
}

/** Round trips to the worker: `fold(name)` resolves with its answer for that document. */
class FoldThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (folded: FoldedDocument | null) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private stopped = false;

  constructor(file: string, onFailure: (error: unknown) => void) {
    this.worker = new Worker(new URL('./compaction-worker.mjs', import.meta.url), { workerData: { file } });
    this.worker.on('message', ({ id, folded, error }: { id: number; folded?: FoldedDocument | null; error?: string }) => {
      const waiting = this.waiting.get(id);
      this.waiting.delete(id);
      if (error) waiting?.reject(new Error(error));
      else waiting?.resolve(folded ?? null);
    });
    // A thread that fails (an error thrown at start-up, an exit) takes its jobs with it.
    const fail = (error: Error) => {
      if (this.stopped) return;
      this.stopped = true;
      this.failAll(error);
      onFailure(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The compaction thread stopped (exit code ${code}).`)));
    this.worker.unref();
  }

  fold(name: string): Promise<FoldedDocument | null> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, name });
    });
  }

  async terminate() {
    this.stopped = true;
    this.failAll(new Error('Compaction stopped.'));
    await this.worker.terminate();
  }

  private failAll(error: Error) {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
