/**
 * The database part of a backup (write-backup.ts), in a worker thread with its own
 * connection, so a scheduled backup in the server never holds up the event loop that
 * stores and relays keystrokes. Plain JavaScript: a worker does not get tsx.
 *
 * SQLite's online backup copies in steps, and restarts from the first page whenever
 * another connection commits between two steps: under steady typing in the live notes a
 * step-by-step copy of a large database might never finish. One step copies every page
 * inside one read transaction, a consistent snapshot; in WAL mode the writers go on
 * meanwhile (only the checkpoint waits for it).
 */
import { parentPort, workerData } from 'node:worker_threads';

import Database from 'better-sqlite3';

const { source, target } = workerData;

try {
  const live = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    await live.backup(target, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    // A self-contained file: no -wal beside it to forget when it is copied or extracted.
    copy.pragma('journal_mode = DELETE');
    const integrity = copy
      .pragma('integrity_check')
      .map((row) => row.integrity_check)
      .join('; ');
    parentPort.postMessage({ integrity });
  } finally {
    copy.close();
  }
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
