/**
 * Moves SQLite's WAL checkpoints off the event loop (docs/decisions/006, "Checkpoints").
 *
 * Every stored keystroke is a small commit to the write-ahead log; by default SQLite
 * copies the log back into the database file (a checkpoint, with two fsyncs) inside
 * whichever commit crosses 1,000 pages — every few hundred keystrokes one of them
 * stalls the relay for milliseconds. The server's connection therefore turns automatic
 * checkpoints off and a worker thread with its own connection checkpoints once a
 * second (each checkpoint makes the writer wait a moment at most, so not more often),
 * keeping the log under maxWalBytes. CLIs and tests keep SQLite's default.
 */
import { Worker } from 'node:worker_threads';

import type { Db } from '../db/client';

export type BackgroundCheckpoints = { stop(): Promise<void> };

export function startBackgroundCheckpoints(
  db: Db,
  { file, intervalMs = 1_000, maxWalBytes = 16 * 1024 * 1024 }: { file: string; intervalMs?: number; maxWalBytes?: number },
): BackgroundCheckpoints {
  if (file === ':memory:') return { stop: async () => {} };
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), { workerData: { file, intervalMs, maxWalBytes } });
  worker.on('message', (message: { error?: string }) => {
    if (message.error) console.error('Achtergrond-checkpoint mislukt:', message.error);
  });
  worker.on('error', (error) => {
    // Without the worker nothing would ever shrink the log: fall back to SQLite's own.
    console.error('Checkpoint-thread gestopt, SQLite checkpointt weer zelf:', error);
    db.$client.pragma('wal_autocheckpoint = 1000');
  });
  worker.unref();
  db.$client.pragma('wal_autocheckpoint = 0');
  return {
    /** A last checkpoint, then the thread ends; SQLite's own checkpoints are back on. */
    stop: () =>
      new Promise<void>((resolve) => {
        db.$client.pragma('wal_autocheckpoint = 1000');
        const finish = () => void worker.terminate().then(() => resolve());
        worker.on('message', (message: { stopped?: boolean }) => message.stopped && finish());
        worker.once('exit', () => resolve());
        setTimeout(finish, 2_000).unref();
        worker.postMessage('stop');
      }),
  };
}
