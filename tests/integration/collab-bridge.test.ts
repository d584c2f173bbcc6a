/**
 * The bridge between the app and the real-time server (app/models/collab/live-bridge.server.ts):
 * an edit the app makes reaches the live document when a server holds it, and the stored
 * document otherwise; an access change reaches every registered server and never fails
 * the account change. Plus the process-wide singletons it and the database rely on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';

import { countPendingUpdates, loadDocumentState, NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { editLiveDocument, registerLiveServer, userAccessChanged } from '../../app/models/collab/live-bridge.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { notesDocumentName } from '../../app/models/meetings/notes/notes-nodes';
import { prepareDatabase } from '../setup/database';
import { sessionFor } from '../setup/requests';
import {
  connectClient,
  destroyAllClients,
  docSatisfies,
  startCollabServer,
  synced,
  type TestServer,
  textOfState,
} from './fixtures/collab-clients';

let meetingCount = 0;
function newDocument(): string {
  meetingCount += 1;
  const meeting = createMeeting({
    title: `Brug ${meetingCount}`,
    kind: 'werkgroep',
    startsAt: '2024-05-14T08:00:00.000Z',
    createdBy: null,
  });
  return notesDocumentName(meeting.id);
}

/** An edit as the server makes one: a paragraph with `text` at the end of the notes. */
const addParagraph = (text: string) => (doc: Y.Doc) => {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(NOTES_FIELD).push([paragraph]);
};

const storedText = (name: string) => textOfState(loadDocumentState(name));

beforeAll(async () => {
  await prepareDatabase();
});

describe('without a live server (CLIs, scripts)', () => {
  it('edits the stored document, logging one update per edit and none for an edit that changes nothing', () => {
    const name = newDocument();
    editLiveDocument(name, addParagraph('Vastgesteld zonder editor.'));
    expect(storedText(name)).toContain('Vastgesteld zonder editor.');
    expect(countPendingUpdates(name)).toBe(1);

    editLiveDocument(name, () => {});
    expect(countPendingUpdates(name)).toBe(1);
  });

  it('has no connections to close when a user’s access changes, and does not fail', () => {
    expect(() => userAccessChanged(424242)).not.toThrow();
  });
});

describe('with a live server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startCollabServer();
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => {
    destroyAllClients();
    await server?.stop();
  });

  it('sends an edit of an open document to its clients, stored before it arrives', async () => {
    const name = newDocument();
    const client = connectClient(server.url, name, await sessionFor('lezer@koers.test'));
    await synced(client);

    editLiveDocument(name, addParagraph('Agendapunt toegevoegd.'));
    // Synchronous: stored when the call returns, before any client could have it.
    expect(storedText(name)).toContain('Agendapunt toegevoegd.');
    await docSatisfies(client.doc, () => client.text().includes('Agendapunt toegevoegd.'));
  });

  it('edits a document nobody has open in the store, without loading it', () => {
    const name = newDocument();
    editLiveDocument(name, addParagraph('Niemand kijkt mee.'));
    expect(storedText(name)).toContain('Niemand kijkt mee.');
    expect(server.collab.liveDocuments()).not.toContain(name);
  });

  it('edits the store again once the server has stopped', async () => {
    const own = await startCollabServer();
    const name = newDocument();
    const client = connectClient(own.url, name, await sessionFor('lezer@koers.test'));
    await synced(client);
    client.destroy();
    await own.stop();

    editLiveDocument(name, addParagraph('Na de herstart.'));
    expect(storedText(name)).toContain('Na de herstart.');
  });

  it('tells every registered server about an access change; one that fails does not fail the caller', () => {
    const rechecked: number[] = [];
    const unregisterFailing = registerLiveServer({
      documentEdited: () => {},
      recheckAll: () => {},
      recheckUser: () => {
        throw new Error('kapot');
      },
    });
    const unregisterCounting = registerLiveServer({
      documentEdited: () => {},
      recheckUser: (id) => rechecked.push(id),
      recheckAll: () => {},
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() => userAccessChanged(7)).not.toThrow();
      expect(rechecked).toEqual([7]);
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      unregisterFailing();
      unregisterCounting();
    }
  });
});

describe('process-wide singletons', () => {
  // The server and the Remix build load app/ twice in one process; a fresh module graph
  // (vi.resetModules) plays the second copy.
  it('gives every module graph the same object, made once', async () => {
    const first = await import('../../app/utils/singleton.server');
    vi.resetModules();
    const second = await import('../../app/utils/singleton.server');
    expect(second).not.toBe(first);

    const factory = vi.fn(() => ({ made: Date.now() }));
    expect(second.singleton('test:object', factory)).toBe(first.singleton('test:object', factory));
    expect(factory).toHaveBeenCalledOnce();
  });

  it('shares one database connection and one set of live servers between module graphs', async () => {
    const db = (await import('../../app/utils/db.server')).db;
    const bridge = await import('../../app/models/collab/live-bridge.server');
    vi.resetModules();
    expect((await import('../../app/utils/db.server')).db).toBe(db);

    const name = newDocument();
    const edited: string[] = [];
    const unregister = bridge.registerLiveServer({
      documentEdited: (n) => void edited.push(n),
      recheckUser: () => {},
      recheckAll: () => {},
    });
    try {
      // The other copy of the bridge (the Remix build's) reaches the server registered with this one.
      const otherBridge = await import('../../app/models/collab/live-bridge.server');
      expect(otherBridge).not.toBe(bridge);
      otherBridge.editLiveDocument(name, addParagraph('Via de andere kopie.'));
      expect(edited).toEqual([name]);
    } finally {
      unregister();
    }
  });
});
