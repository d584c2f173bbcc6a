/**
 * The heavy half of compaction, in a worker thread (server/collab/compaction.ts): reads
 * a document's snapshot and update log on a connection of its own and folds them with
 * Yjs — 100–400 ms for notes several people typed into the same paragraphs — so the
 * event loop that relays keystrokes never waits for it. It writes nothing; the main
 * thread stores the result. Plain JavaScript that loads the TypeScript fold through
 * tsx, since a worker does not get the loader of the thread that started it.
 */
import { parentPort, workerData } from 'node:worker_threads';

import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';

const { foldDocument, readStoredDocument } = await tsImport('../../app/models/collab/compaction.ts', import.meta.url);
const sqlite = new Database(workerData.file, { fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');

parentPort.on('message', ({ id, name }) => {
  try {
    parentPort.postMessage({ id, folded: foldDocument(readStoredDocument(sqlite, name)) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
