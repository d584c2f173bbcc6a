/**
 * Compaction of a real-time document, the part that needs no app state: reading its
 * snapshot and update log (on any connection) and folding them into one snapshot, with
 * the notes' text and Tiptap JSON derived from it. The compaction worker thread
 * (server/collab/compaction-worker.mjs) runs these on its own connection, so the event
 * loop that relays keystrokes never waits for Yjs; the main thread runs the same
 * functions when it compacts at once (shutdown, CLI, tests) and stores the result with
 * `writeCompaction` (document-store.server.ts). See docs/decisions/006.
 */
import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';

import { mentionText, NOTES_FRAGMENT, NOTES_NODES } from '../meetings/notes/notes-nodes';

/** A document as stored: its snapshot (if it was compacted before) and the log rows after it. */
export type StoredDocument = {
  snapshot: { state: Uint8Array; lastUpdateId: number } | null;
  updates: { seq: number; update: Uint8Array }[];
};

/** A new snapshot folded from a stored document, and what it replaces. */
export type FoldedDocument = {
  /** The snapshot's `last_update_id` the fold started from (0: there was none). */
  baseUpdateId: number;
  /** The highest log row folded in. */
  lastUpdateId: number;
  /** How many log rows were folded in. */
  merged: number;
  state: Uint8Array;
  text: string;
  json: string | null;
};

/** A document's snapshot and the log rows after it, read in one transaction so they fit together. */
export function readStoredDocument(sqlite: Database, name: string): StoredDocument {
  return sqlite.transaction(() => {
    const snapshot = sqlite
      .prepare('select state, last_update_id as lastUpdateId from collab_snapshots where document_name = ?')
      .get(name) as { state: Uint8Array; lastUpdateId: number } | undefined;
    const updates = sqlite
      .prepare('select seq, "update" from collab_updates where document_name = ? and seq > ? order by seq')
      .all(name, snapshot?.lastUpdateId ?? 0) as { seq: number; update: Uint8Array }[];
    return { snapshot: snapshot ?? null, updates };
  })();
}

/**
 * Applies a stored document to a Y.Doc, in one transaction. Much faster than
 * Y.mergeUpdates for a long log: 12 ms against 200 ms for 5,000 updates (npm run
 * bench:compaction).
 */
export function applyStoredDocument(doc: Y.Doc, { snapshot, updates }: StoredDocument) {
  Y.transact(doc, () => {
    if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
    for (const { update } of updates) Y.applyUpdate(doc, new Uint8Array(update));
  });
}

/**
 * Merges snapshot and log through a Y.Doc (which, unlike Y.mergeUpdates, also drops
 * deleted content) and derives the notes' text and JSON. Null when the log is empty.
 */
export function foldDocument({ snapshot, updates }: StoredDocument): FoldedDocument | null {
  if (updates.length === 0) return null;
  const doc = new Y.Doc();
  try {
    applyStoredDocument(doc, { snapshot, updates });
    const fragment = doc.getXmlFragment(NOTES_FRAGMENT);
    return {
      baseUpdateId: snapshot?.lastUpdateId ?? 0,
      lastUpdateId: updates[updates.length - 1].seq,
      merged: updates.length,
      state: Y.encodeStateAsUpdate(doc),
      text: fragmentToText(fragment),
      json: fragment.length > 0 ? JSON.stringify(fragmentToJson(fragment)) : null,
    };
  } finally {
    doc.destroy();
  }
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
