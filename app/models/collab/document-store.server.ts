/**
 * Persistence of the real-time documents (Yjs), without sockets: an append-only log of
 * updates, compacted into one snapshot per document, plus the text/JSON derived from it.
 * See docs/decisions/006-realtime-persistence.md.
 *
 * Everything here is synchronous (better-sqlite3): when a function returns, its write
 * is committed.
 *
 * The store knows documents by name only. Which names exist and who may open them is
 * decided above it (document-kinds.server.ts); the app edits a document through the live
 * bridge (live-bridge.server.ts), which stores the edit with `editStoredDocument` here.
 */
import { and, count, eq, gt, lte } from 'drizzle-orm';
import * as Y from 'yjs';

import { collabSnapshots, collabUpdates } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { NOTES_FRAGMENT } from '../meetings/notes/notes-nodes';
import { applyStoredDocument, foldDocument, type FoldedDocument, readStoredDocument } from './compaction';

/** The XmlFragment Tiptap's Collaboration extension edits by default (one value, in the browser-safe notes-nodes module). */
export const NOTES_FIELD = NOTES_FRAGMENT;

// Prepared once, lazily: the tables exist only after the migrations have run. Plain SQL
// for the one statement on the real-time hot path: the next `seq` of the document comes
// from the log itself (or, once it was compacted away, from the snapshot), so whichever
// code appends — the live server, an edit of a document nobody has open — agrees.
const statements = preparedOnce(() => {
  const insertUpdate = db.$client.prepare<{ name: string; update: Buffer }>(
    `insert into collab_updates (document_name, seq, "update")
     values (:name, coalesce(
       (select max(seq) from collab_updates where document_name = :name),
       (select last_update_id from collab_snapshots where document_name = :name),
       0) + 1, :update)`,
  );
  const insertAll = (batch: { name: string; updates: Uint8Array[] }[]) => {
    for (const { name, updates } of batch) for (const update of updates) insertUpdate.run({ name, update: toBuffer(update) });
  };
  // better-sqlite3's own transaction wrapper, made once: drizzle's builds a transaction
  // object per call, which cost more than the inserts here.
  // Immediate, like every write transaction (db/client.ts): the web process and the real-time process both append.
  const inTransaction = db.$client.transaction(insertAll);
  return { insertAll, insertAllInTransaction: (batch: Parameters<typeof insertAll>[0]) => inTransaction.immediate(batch) };
});

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Appends updates to a document's log in one transaction. Called before an update is
 * relayed: once this returns the update survives a crash of the process.
 */
export function appendUpdates(name: string, updates: Uint8Array[]): void {
  appendUpdateBatch([{ name, updates }]);
}

/**
 * Appends the updates of several documents in one transaction (the real-time server
 * stores the messages of one socket read at once: one commit for a burst instead of
 * one per keystroke). All or nothing.
 */
export function appendUpdateBatch(batch: { name: string; updates: Uint8Array[] }[]): void {
  let rows = 0;
  for (const { updates } of batch) rows += updates.length;
  if (rows === 0) return;
  // A single row commits on its own; a transaction would only add BEGIN and COMMIT.
  if (rows === 1) statements().insertAll(batch);
  else statements().insertAllInTransaction(batch);
}

function readSnapshot(name: string) {
  return db
    .select({ lastUpdateId: collabSnapshots.lastUpdateId })
    .from(collabSnapshots)
    .where(eq(collabSnapshots.documentName, name))
    .get();
}

/** The stored state of a document (snapshot merged with the later updates), or null if it has none. */
export function loadDocumentState(name: string): Uint8Array | null {
  const stored = readStoredDocument(db.$client, name);
  if (stored.updates.length === 0) return stored.snapshot ? new Uint8Array(stored.snapshot.state) : null;
  const doc = new Y.Doc();
  try {
    applyStoredDocument(doc, stored);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Applies the stored document (snapshot and the log after it) to `doc`, in one read;
 * returns how many logged updates are not yet in the snapshot. How the live server loads.
 */
export function loadDocumentInto(doc: Y.Doc, name: string): number {
  const stored = readStoredDocument(db.$client, name);
  applyStoredDocument(doc, stored);
  return stored.updates.length;
}

/**
 * Applies `edit` to the stored document in one Yjs transaction and appends only what it
 * changed to the log; the next client to load the document gets it. Returns that change
 * (one update), or null when the edit changed nothing. The live bridge
 * (live-bridge.server.ts) hands the change to the real-time server, which relays it to
 * the document's clients if it holds the document.
 */
export function editStoredDocument(name: string, edit: (doc: Y.Doc) => void): Uint8Array | null {
  const doc = new Y.Doc();
  try {
    const state = loadDocumentState(name);
    if (state) Y.applyUpdate(doc, state);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    Y.transact(doc, () => edit(doc));
    appendUpdates(name, updates);
    if (updates.length === 0) return null;
    return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
  } finally {
    doc.destroy();
  }
}

/** How many logged updates are not yet in the document's snapshot. */
export function countPendingUpdates(name: string): number {
  const snapshot = readSnapshot(name);
  const row = db
    .select({ n: count() })
    .from(collabUpdates)
    .where(and(eq(collabUpdates.documentName, name), gt(collabUpdates.seq, snapshot?.lastUpdateId ?? 0)))
    .get();
  return row?.n ?? 0;
}

/** The compacted state of a document with what was derived from it, or undefined. */
export function getDocumentSnapshot(name: string) {
  return db
    .select({
      text: collabSnapshots.text,
      json: collabSnapshots.json,
      lastUpdateId: collabSnapshots.lastUpdateId,
      updatedAt: collabSnapshots.updatedAt,
    })
    .from(collabSnapshots)
    .where(eq(collabSnapshots.documentName, name))
    .get();
}

/**
 * Folds the snapshot and the logged updates into a new snapshot (with the notes' text
 * and JSON) and deletes the folded log rows. Synchronous, on this thread: the live
 * server folds in a worker thread instead and stores the result with writeCompaction.
 */
export function compactDocument(name: string): { merged: number } {
  const folded = foldDocument(readStoredDocument(db.$client, name));
  return { merged: folded ? writeCompaction(name, folded) : 0 };
}

/**
 * Stores a folded snapshot and deletes the log rows it holds, in one transaction; rows
 * logged after the fold read the log stay. Nothing is written when the snapshot moved
 * since the fold read it (another compaction got there first). Returns the number of
 * log rows folded in, 0 when discarded.
 */
export function writeCompaction(name: string, folded: FoldedDocument): number {
  return db.transaction(
    (tx) => {
      if ((readSnapshot(name)?.lastUpdateId ?? 0) !== folded.baseUpdateId) return 0;
      const { lastUpdateId, text, json } = folded;
      const state = toBuffer(folded.state);
      const updatedAt = new Date().toISOString();
      tx.insert(collabSnapshots)
        .values({ documentName: name, state, lastUpdateId, text, json, updatedAt })
        .onConflictDoUpdate({ target: collabSnapshots.documentName, set: { state, lastUpdateId, text, json, updatedAt } })
        .run();
      tx.delete(collabUpdates)
        .where(and(eq(collabUpdates.documentName, name), lte(collabUpdates.seq, lastUpdateId)))
        .run();
      return folded.merged;
    },
    // Takes the write lock before reading, so the check and the write see the same snapshot.
    { behavior: 'immediate' },
  );
}
