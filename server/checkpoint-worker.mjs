/**
 * Background WAL checkpoints (server/checkpoints.ts): runs in a worker thread with its
 * own connection, so the copying and the fsyncs of a checkpoint never stall the event
 * loop that stores and relays keystrokes. Plain JavaScript: a worker does not get tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';

import Database from 'better-sqlite3';

const { file, intervalMs, maxWalBytes } = workerData;
const sqlite = new Database(file);
sqlite.pragma('busy_timeout = 5000');
const pageSize = sqlite.pragma('page_size', { simple: true });

function checkpoint() {
  try {
    // PASSIVE copies what it can without waiting for the writer; once everything is
    // copied, the writer's next commit starts the log from the beginning again. Under
    // steady writing that moment never comes (a commit always lands during the copying),
    // so the log keeps growing: past maxWalBytes a RESTART makes the writer wait for a
    // moment while it copies the rest and starts the log over.
    // The size that counts is the frames in use (`log`), not the file: a restarted log
    // is reused from the start and its file keeps its size.
    const [{ log }] = sqlite.pragma('wal_checkpoint(PASSIVE)');
    if (log * (pageSize + 24) > maxWalBytes) sqlite.pragma('wal_checkpoint(RESTART)');
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
