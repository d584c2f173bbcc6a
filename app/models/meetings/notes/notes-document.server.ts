/**
 * Reading a meeting's notes on the server. The stored state holds everything the live
 * document has relayed (stored before relayed, docs/decisions/006-realtime-persistence.md),
 * so pages read it without asking the real-time server. The server's own edits go
 * through the live bridge (app/models/collab/live-bridge.server.ts).
 */
import * as Y from 'yjs';

import { fragmentToJson, type PMNode } from '../../collab/compaction';
import { loadDocumentState, NOTES_FIELD } from '../../collab/document-store.server';

/**
 * The notes as ProseMirror JSON, read from the stored state. `content` is empty for a
 * document nobody has written in.
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
