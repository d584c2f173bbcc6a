/**
 * Background WAL checkpoints (server/checkpoints.ts): runs in a worker thread with its
 * own connection, so the copying and the fsyncs of a checkpoint never stall the event
 * loop that stores and relays keystrokes. Plain JavaScript: a worker does not get tsx.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const { file, intervalMs, maxWalBytes } = workerData;
const sqlite = new Database(file);
sqlite.pragma('busy_timeout = 5000');

function checkpoint() {
  try {
    // PASSIVE copies what it can without waiting for the writer; once everything is
    // copied, the writer's next commit starts the log from the beginning again. Only a
    // log that keeps outgrowing the copying (sustained heavy writing) gets a RESTART,
    // which waits for the writer for a moment.
    sqlite.pragma('wal_checkpoint(PASSIVE)');
    if (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size > maxWalBytes) sqlite.pragma('wal_checkpoint(RESTART)');
  } catch (error) {
    parentPort?.postMessage({ error: String(error) });
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  sqlite.close();
  parentPort?.postMessage({ stopped: true });
});
