/**
 * Test-only: puts a meeting with written notes into the database of a running Koers
 * server, for tests/e2e/minutes.spec.ts. Run with KOERS_DATABASE set to that server's
 * database; prints `{"meetingId": <id>}`.
 *
 * Why not through the UI: the meetings pages and the live editor are built alongside the
 * minutes, and typing into a collaborative editor is what the notes' own browser tests
 * cover. Writing through the same model functions the server uses (createMeeting and the
 * notes' update log) gives the minutes test a stable starting point of its own.
 */
import * as Y from 'yjs';

import { appendUpdates, NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { notesDocumentName } from '../../app/models/meetings/notes/notes-nodes';

const [title = 'Werkgroep e2e', ...lines] = process.argv.slice(2);

const meeting = createMeeting({
  title,
  kind: 'werkgroep',
  startsAt: '2024-05-14T08:00:00.000Z',
  place: 'Stadhuis Haarlem',
  createdBy: null,
});

const doc = new Y.Doc();
const updates: Uint8Array[] = [];
doc.on('update', (update: Uint8Array) => updates.push(update));
doc.transact(() => {
  const fragment = doc.getXmlFragment(NOTES_FIELD);
  const block = (name: string, text: string, attrs: Record<string, number> = {}) => {
    const element = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as unknown as string);
    fragment.insert(fragment.length, [element]);
    const xmlText = new Y.XmlText();
    element.insert(0, [xmlText]);
    xmlText.insert(0, text);
  };
  block('heading', 'Opening en mededelingen', { level: 2 });
  for (const line of lines) block('paragraph', line);
});
appendUpdates(notesDocumentName(meeting.id), updates);
doc.destroy();

process.stdout.write(JSON.stringify({ meetingId: meeting.id }));
