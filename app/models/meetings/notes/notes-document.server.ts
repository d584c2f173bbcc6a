/**
 * Edits the server itself makes to a real-time document (the agenda outline of the
 * notes, an action item added without the editor). An edit must reach connected clients
 * and be stored before it is relayed (docs/decisions/006-realtime-persistence.md):
 *
 * - when the document is loaded in the real-time server, the edit is applied to that live
 *   Y.Doc, whose update is appended to the log and then relayed like anyone's typing;
 * - otherwise it is applied to the stored state and only the difference is appended to
 *   the update log (`appendUpdates`); the next client to connect loads it.
 *
 * The real-time server registers itself here at start-up. The registry lives on
 * globalThis because the server (server/collab) and the Remix build, whose loaders and
 * actions call `editDocument`, are separate module graphs in one process: a plain
 * module-level Set would exist twice. Compare app/models/collab/access-listeners.server.ts.
 */
import * as Y from 'yjs';

import { fragmentToJson, type PMNode } from '../../collab/compaction';
import { appendUpdates, loadDocumentState, NOTES_FIELD } from '../../collab/document-store.server';

export type DocumentEdit = (doc: Y.Doc) => void;
/** Applies the edit to the live document of that name and returns true, or returns false when it has none in memory. */
export type LiveDocumentEditor = (name: string, edit: DocumentEdit) => boolean;

const holder = globalThis as typeof globalThis & { __koersLiveDocumentEditors?: Set<LiveDocumentEditor> };
const editors = (holder.__koersLiveDocumentEditors ??= new Set());

/** Called by the real-time server when it starts; returns the function that removes it. */
export function addLiveDocumentEditor(editor: LiveDocumentEditor): () => void {
  editors.add(editor);
  return () => editors.delete(editor);
}

/**
 * Applies `edit` to the document `name` in one Yjs transaction. Synchronous: when it
 * returns, the change is stored (and, for a live document, sent to its clients).
 */
export function editDocument(name: string, edit: DocumentEdit): void {
  for (const editor of editors) if (editor(name, edit)) return;

  const doc = new Y.Doc();
  try {
    const state = loadDocumentState(name);
    if (state) Y.applyUpdate(doc, state);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    Y.transact(doc, () => edit(doc));
    appendUpdates(name, updates);
  } finally {
    doc.destroy();
  }
}

/**
 * The notes as ProseMirror JSON, read from the stored state (which holds everything the
 * live document has relayed). `content` is empty for a document nobody has written in.
 */
export function readNotesJson(name: string): PMNode {
  const doc = new Y.Doc();
  try {
    const state = loadDocumentState(name);
    if (state) Y.applyUpdate(doc, state);
    return fragmentToJson(doc.getXmlFragment(NOTES_FIELD));
  } finally {
    doc.destroy();
  }
}
