/**
 * A real-time document's text as ProseMirror JSON, read from its stored state. The store
 * holds everything the live document has relayed (stored before relayed,
 * docs/decisions/006-realtime-persistence.md), so pages read it without asking the
 * real-time server.
 */
import * as Y from 'yjs';

import { fragmentToJson, type PMNode } from './compaction';
import { loadDocumentState, NOTES_FIELD } from './document-store.server';

/** `content` is empty for a document nobody has written in. */
export function readDocumentJson(name: string): PMNode {
  const doc = new Y.Doc();
  try {
    const state = loadDocumentState(name);
    if (state) Y.applyUpdate(doc, state);
    return fragmentToJson(doc.getXmlFragment(NOTES_FIELD));
  } finally {
    doc.destroy();
  }
}
