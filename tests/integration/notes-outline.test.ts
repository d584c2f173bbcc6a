/**
 * The agenda outline of a meeting's notes: one level-2 heading per agenda point, kept in
 * step with the agenda without deleting anyone's notes — through the update log when no
 * real-time server runs, and through the live document (to connected clients) when one does.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import type { PMNode } from '../../app/models/collab/compaction';
import { countPendingUpdates, NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { readNotesJson } from '../../app/models/meetings/notes/notes-document.server';
import { notesDocumentName } from '../../app/models/meetings/notes/notes-nodes';
import { syncNotesOutline } from '../../app/models/meetings/notes/notes-outline.server';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { sessionFor } from '../setup/requests';
import {
  addParagraph,
  connectClient,
  destroyAllClients,
  docSatisfies,
  eventually,
  startCollabServer,
  synced,
  type TestServer,
} from './fixtures/collab-clients';
import { addAgendaPoint, removeAgendaPoint, renameAgendaPoint, seedMeeting } from './fixtures/meetings';

/** The top-level blocks of the notes: type, heading level and agenda point, and text. */
function outlineOf(doc: PMNode) {
  return (doc.content ?? []).map((node) => ({
    type: node.type,
    ...(node.attrs?.agendaPointId !== undefined ? { point: node.attrs.agendaPointId } : {}),
    ...(node.type === 'heading' ? { level: node.attrs?.level } : {}),
    text: (node.content ?? []).map((c) => c.text ?? '').join(''),
  }));
}

function storedOutline(meetingId: number) {
  return outlineOf(readNotesJson(notesDocumentName(meetingId)));
}

function fragmentOutline(doc: Y.Doc) {
  return doc
    .getXmlFragment(NOTES_FIELD)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? `${node.nodeName}:${node
            .toArray()
            .map((c) => (c instanceof Y.XmlText ? c.toString() : ''))
            .join('')}`
        : '?',
    );
}

beforeAll(async () => {
  await prepareDatabase();
});

describe('without a real-time server (the update log)', () => {
  it('adds a level-2 heading per agenda point, in agenda order, each with room to write', () => {
    const meeting = seedMeeting(['Opening en mededelingen', 'Bereik NT1-ers', 'Rondvraag']);
    syncNotesOutline(meeting.id);
    expect(storedOutline(meeting.id)).toEqual([
      { type: 'heading', point: meeting.pointIds[0], level: 2, text: 'Opening en mededelingen' },
      { type: 'paragraph', text: '' },
      { type: 'heading', point: meeting.pointIds[1], level: 2, text: 'Bereik NT1-ers' },
      { type: 'paragraph', text: '' },
      { type: 'heading', point: meeting.pointIds[2], level: 2, text: 'Rondvraag' },
      { type: 'paragraph', text: '' },
    ]);
    // Nothing changed: nothing is written.
    const pending = countPendingUpdates(notesDocumentName(meeting.id));
    syncNotesOutline(meeting.id);
    expect(countPendingUpdates(notesDocumentName(meeting.id))).toBe(pending);
  });

  it('renames headings, inserts a new point in its place, and keeps a removed point’s text and all notes', async () => {
    const meeting = seedMeeting(['Opening', 'Monitoring', 'Rondvraag']);
    syncNotesOutline(meeting.id);
    // Someone writes notes under each point, through a client as the editor would.
    const server = await startCollabServer();
    try {
      const client = connectClient(server.url, notesDocumentName(meeting.id), await sessionFor(ACCOUNTS.haarlem));
      await synced(client);
      const fragment = client.doc.getXmlFragment(NOTES_FIELD);
      client.doc.transact(() => {
        (fragment.get(1) as Y.XmlElement).insert(0, [new Y.XmlText('Iedereen welkom.')]);
        (fragment.get(3) as Y.XmlElement).insert(0, [new Y.XmlText('De 0-meting is binnen.')]);
      });
      await eventually(() => storedOutline(meeting.id)[3].text === 'De 0-meting is binnen.', 5000, 'stored notes');
    } finally {
      destroyAllClients();
      await server.stop();
    }

    const [opening, monitoring, rondvraag] = meeting.pointIds;
    renameAgendaPoint(monitoring, 'Monitoring bereik, kwaliteit en impact');
    removeAgendaPoint(opening);
    const between = addAgendaPoint(meeting.id, 'Taalakkoord werkgevers', 2.5);
    syncNotesOutline(meeting.id);

    expect(storedOutline(meeting.id)).toEqual([
      { type: 'paragraph', text: 'Opening' },
      { type: 'paragraph', text: 'Iedereen welkom.' },
      { type: 'heading', point: monitoring, level: 2, text: 'Monitoring bereik, kwaliteit en impact' },
      { type: 'paragraph', text: 'De 0-meting is binnen.' },
      { type: 'heading', point: between, level: 2, text: 'Taalakkoord werkgevers' },
      { type: 'paragraph', text: '' },
      { type: 'heading', point: rondvraag, level: 2, text: 'Rondvraag' },
      { type: 'paragraph', text: '' },
    ]);
  });

  it('appends the headings after notes typed before there was an agenda', () => {
    const meeting = seedMeeting();
    syncNotesOutline(meeting.id);
    expect(storedOutline(meeting.id)).toEqual([]);
    addAgendaPoint(meeting.id, 'Verantwoording', 1);
    syncNotesOutline(meeting.id);
    expect(storedOutline(meeting.id).map((n) => n.text)).toEqual(['Verantwoording', '']);
  });
});

describe('with a real-time server (the live document)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startCollabServer();
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => {
    destroyAllClients();
    await server?.stop();
  });

  it('sends the outline to connected writers and readers at once, and stores it', async () => {
    const meeting = seedMeeting(['Bereik jongvolwassenen']);
    const name = notesDocumentName(meeting.id);
    const writer = connectClient(server.url, name, await sessionFor(ACCOUNTS.velsen));
    const reader = connectClient(server.url, name, await sessionFor(ACCOUNTS.adviseur));
    await Promise.all([synced(writer), synced(reader)]);
    addParagraph(writer.doc, 'Notitie vooraf');
    await docSatisfies(reader.doc, () => reader.text() === 'Notitie vooraf');
    expect(server.collab.liveDocuments()).toContain(name);

    syncNotesOutline(meeting.id);
    // Stored before relayed: the log already has it when the function returns.
    expect(storedOutline(meeting.id).map((n) => n.text)).toEqual(['Notitie vooraf', 'Bereik jongvolwassenen', '']);
    await docSatisfies(reader.doc, () => fragmentOutline(reader.doc).length === 3);
    await docSatisfies(writer.doc, () => fragmentOutline(writer.doc).length === 3);
    expect(fragmentOutline(reader.doc)).toEqual(['paragraph:Notitie vooraf', 'heading:Bereik jongvolwassenen', 'paragraph:']);
    expect(fragmentOutline(writer.doc)).toEqual(fragmentOutline(reader.doc));

    renameAgendaPoint(meeting.pointIds[0], 'Bereik jongvolwassenen en ouders');
    syncNotesOutline(meeting.id);
    await docSatisfies(writer.doc, () => fragmentOutline(writer.doc)[1] === 'heading:Bereik jongvolwassenen en ouders');
    const heading = writer.doc.getXmlFragment(NOTES_FIELD).get(1) as Y.XmlElement;
    expect(heading.getAttribute('level')).toBe(2);
    expect(heading.getAttribute('agendaPointId')).toBe(meeting.pointIds[0]);
  });
});
