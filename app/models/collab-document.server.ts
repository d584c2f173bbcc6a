/**
 * Persistence of the real-time documents (Yjs), without sockets: an append-only log of
 * updates, compacted into one snapshot per document, plus the text/JSON derived from it.
 * See docs/decisions/006-realtime-persistence.md.
 *
 * Everything here is synchronous (better-sqlite3): when a function returns, its write
 * is committed.
 */
import { and, asc, count, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { collabSnapshots, collabUpdates } from '../../db/schema';
import { db } from '../utils/db.server';
import { meetingExists } from './meeting.server';
import { mentionText, NOTES_FRAGMENT, NOTES_NODES } from './notes-nodes';
import { canEditMeetings, type Actor } from './permissions';

export const DOCUMENT_KINDS = ['meeting'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentAccess = 'none' | 'read' | 'write';

/** The XmlFragment Tiptap's Collaboration extension edits by default (one value, in the browser-safe notes-nodes module). */
export const NOTES_FIELD = NOTES_FRAGMENT;

const NAME_PATTERN = /^([a-z]+)\.([1-9][0-9]{0,14})$/;

/** `meeting.12` → { kind: 'meeting', id: 12 }; anything else → null. */
export function parseDocumentName(name: string): { kind: DocumentKind; id: number } | null {
  const match = NAME_PATTERN.exec(name);
  if (!match) return null;
  const kind = DOCUMENT_KINDS.find((k) => k === match[1]);
  return kind ? { kind, id: Number(match[2]) } : null;
}

/** What an actor may do with a document; 'none' also for malformed names and missing documents. */
export function documentAccess(actor: Actor, name: string): DocumentAccess {
  const parsed = parseDocumentName(name);
  if (!parsed) return 'none';
  switch (parsed.kind) {
    case 'meeting':
      if (!meetingExists(parsed.id)) return 'none';
      // Everybody signed in reads every meeting (PRODUCT.md, Permissions).
      return canEditMeetings(actor) ? 'write' : 'read';
  }
}

// Prepared once, lazily: the tables exist only after the migrations have run. Plain SQL
// for the one statement on the real-time hot path: the next `seq` of the document comes
// from the log itself (or, once it was compacted away, from the snapshot), so whichever
// code appends — the live server, an edit of a document nobody has open — agrees.
let statements: ReturnType<typeof prepareStatements> | null = null;
function prepareStatements() {
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
  return { insertAll, insertAllInTransaction: db.$client.transaction(insertAll) };
}

let rowsWritten = 0;
/**
 * Rows this process changed in the collab tables. The page cache's data version counts
 * every write; a caller that wants to ignore keystrokes in the notes subtracts this.
 */
export function collabRowsWritten(): number {
  return rowsWritten;
}

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
  statements ??= prepareStatements();
  // A single row commits on its own; a transaction would only add BEGIN and COMMIT.
  if (rows === 1) statements.insertAll(batch);
  else statements.insertAllInTransaction(batch);
  rowsWritten += rows;
}

function readSnapshot(name: string) {
  return db
    .select({ state: collabSnapshots.state, lastUpdateId: collabSnapshots.lastUpdateId })
    .from(collabSnapshots)
    .where(eq(collabSnapshots.documentName, name))
    .get();
}

function readUpdatesAfter(name: string, afterSeq: number) {
  return db
    .select({ seq: collabUpdates.seq, update: collabUpdates.update })
    .from(collabUpdates)
    .where(and(eq(collabUpdates.documentName, name), gt(collabUpdates.seq, afterSeq)))
    .orderBy(asc(collabUpdates.seq))
    .all();
}

/** The stored state of a document (snapshot merged with the later updates), or null if it has none. */
export function loadDocumentState(name: string): Uint8Array | null {
  const snapshot = readSnapshot(name);
  const updates = readUpdatesAfter(name, snapshot?.lastUpdateId ?? 0);
  const parts = [...(snapshot ? [snapshot.state] : []), ...updates.map((u) => u.update)].map((b) => new Uint8Array(b));
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : Y.mergeUpdates(parts);
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
    .select({ text: collabSnapshots.text, json: collabSnapshots.json, lastUpdateId: collabSnapshots.lastUpdateId, updatedAt: collabSnapshots.updatedAt })
    .from(collabSnapshots)
    .where(eq(collabSnapshots.documentName, name))
    .get();
}

/**
 * Merges the snapshot and the logged updates into a new snapshot, derives the text and
 * JSON of the notes, and deletes the merged log rows — all in one transaction. Does
 * nothing when there are no new updates.
 */
export function compactDocument(name: string): { merged: number } {
  // Counted as total_changes() moves, so rows the search triggers write on the snapshot
  // are ignored by the live workspace too (a compaction is not a workspace change).
  const changesBefore = totalChanges();
  try {
    return compactInTransaction(name);
  } finally {
    rowsWritten += totalChanges() - changesBefore;
  }
}

function totalChanges(): number {
  return (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;
}

function compactInTransaction(name: string): { merged: number } {
  return db.transaction((tx) => {
    const snapshot = readSnapshot(name);
    const updates = readUpdatesAfter(name, snapshot?.lastUpdateId ?? 0);
    if (updates.length === 0) return { merged: 0 };

    const doc = new Y.Doc();
    try {
      Y.transact(doc, () => {
        if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
        for (const { update } of updates) Y.applyUpdate(doc, new Uint8Array(update));
      });
      // Encoding through a Doc (not Y.mergeUpdates) garbage-collects deleted content.
      const state = toBuffer(Y.encodeStateAsUpdate(doc));
      const fragment = doc.getXmlFragment(NOTES_FIELD);
      const text = fragmentToText(fragment);
      const json = fragment.length > 0 ? JSON.stringify(fragmentToJson(fragment)) : null;
      const lastUpdateId = updates[updates.length - 1].seq;
      const updatedAt = new Date().toISOString();

      tx.insert(collabSnapshots)
        .values({ documentName: name, state, lastUpdateId, text, json, updatedAt })
        .onConflictDoUpdate({ target: collabSnapshots.documentName, set: { state, lastUpdateId, text, json, updatedAt } })
        .run();
      tx.delete(collabUpdates)
        .where(and(eq(collabUpdates.documentName, name), lte(collabUpdates.seq, lastUpdateId)))
        .run();
      return { merged: updates.length };
    } finally {
      doc.destroy();
    }
  });
}

// ---------------------------------------------------------------------------------------
// Derived content. Tiptap (through y-prosemirror) stores a ProseMirror document as an
// XmlFragment of XmlElements named after node types, with attributes as node attrs, and
// XmlText whose formatting attributes are marks. Reading it back needs no schema.

type PMMark = { type: string; attrs?: Record<string, unknown> };
export type PMNode = { type: string; attrs?: Record<string, unknown>; content?: PMNode[]; text?: string; marks?: PMMark[] };

/** ProseMirror JSON (`{ type: 'doc', content }`) of an XmlFragment, as Tiptap's `getJSON()` would give. */
export function fragmentToJson(fragment: Y.XmlFragment): PMNode {
  return { type: 'doc', content: childrenToJson(fragment) };
}

function childrenToJson(parent: Y.XmlFragment | Y.XmlElement): PMNode[] {
  const nodes: PMNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node: PMNode = { type: child.nodeName };
      const attrs = child.getAttributes();
      if (Object.keys(attrs).length > 0) node.attrs = attrs;
      const content = childrenToJson(child);
      if (content.length > 0) node.content = content;
      nodes.push(node);
    } else if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
        const node: PMNode = { type: 'text', text: op.insert };
        const marks = Object.entries(op.attributes ?? {}).map(([key, value]) => {
          // y-prosemirror suffixes overlapping marks of one type with `--<hash>`.
          const mark: PMMark = { type: key.split('--')[0] };
          if (value && typeof value === 'object' && Object.keys(value).length > 0) mark.attrs = value as Record<string, unknown>;
          return mark;
        });
        if (marks.length > 0) node.marks = marks;
        nodes.push(node);
      }
    }
  }
  return nodes;
}

/** Plain text of an XmlFragment: one line per textblock (paragraph, heading, list item's paragraph). */
export function fragmentToText(fragment: Y.XmlFragment): string {
  const lines: string[] = [];
  collectLines(fragment, lines);
  return lines.join('\n');
}

function collectLines(parent: Y.XmlFragment | Y.XmlElement, lines: string[]) {
  const children = parent.toArray();
  const isTextblock = children.some((c) => c instanceof Y.XmlText || (c instanceof Y.XmlElement && INLINE_NODES.has(c.nodeName)));
  if (isTextblock) {
    lines.push(children.map((c) => (c instanceof Y.XmlText ? deltaText(c) : inlineText(c))).join(''));
    return;
  }
  for (const child of children) {
    if (child instanceof Y.XmlElement) {
      if (child.length === 0) lines.push('');
      else collectLines(child, lines);
    }
  }
}

function deltaText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** Inline nodes without text of their own: a textblock may hold only these. */
const INLINE_NODES = new Set<string>([NOTES_NODES.hardBreak, NOTES_NODES.mention]);

function inlineText(node: Y.XmlElement | Y.XmlHook): string {
  if (!(node instanceof Y.XmlElement)) return '';
  if (node.nodeName === NOTES_NODES.hardBreak) return '\n';
  if (node.nodeName === NOTES_NODES.mention) return mentionText(node.getAttributes());
  return '';
}
