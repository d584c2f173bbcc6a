/**
 * Persistence of the real-time documents, without sockets: the update log, compaction
 * into a snapshot with derived text/JSON, and who may open which document.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { foldDocument, fragmentToJson, readStoredDocument } from '../../app/models/collab/compaction';
import { documentAccess, parseDocumentName } from '../../app/models/collab/document-kinds.server';
import {
  appendUpdates,
  compactDocument,
  countPendingUpdates,
  getDocumentSnapshot,
  loadDocumentState,
  NOTES_FIELD,
  writeCompaction,
} from '../../app/models/collab/document-store.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { asActor } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import { collabSnapshots, collabUpdates, users } from '../../db/schema';
import { prepareDatabase } from '../setup/database';
import { addParagraph, textOfState } from './fixtures/collab-clients';

let meetingName: string;

function actorOf(email: string) {
  const user = db.select().from(users).where(eq(users.email, email)).get()!;
  return asActor({ ...user, organisationName: '', organisationKind: 'gemeente' });
}

/** A doc whose every change is appended to the log, as the server does. */
function loggedDoc(name: string) {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => appendUpdates(name, [update]));
  return doc;
}

function rowsOf(name: string) {
  return db.select({ seq: collabUpdates.seq }).from(collabUpdates).where(eq(collabUpdates.documentName, name)).all();
}

beforeAll(async () => {
  await prepareDatabase();
  const meeting = createMeeting({ title: 'Werkgroep mei', kind: 'werkgroep', startsAt: '2024-05-14T08:00:00.000Z', createdBy: null });
  meetingName = `meeting.${meeting.id}`;
});

describe('document names and access', () => {
  it('parses <kind>.<id> and nothing else', () => {
    expect(parseDocumentName('meeting.12')).toEqual({ kind: 'meeting', id: 12 });
    for (const bad of [
      'meeting',
      'meeting.',
      'meeting.0',
      'meeting.012',
      'meeting.1.2',
      'Meeting.1',
      'note.1',
      'meeting.-1',
      'meeting.1e3',
      '../meeting.1',
      'meeting.9999999999999999',
    ])
      expect(parseDocumentName(bad), bad).toBeNull();
  });

  it('gives write access to those who edit meetings and read access to every other role', () => {
    expect(documentAccess(actorOf('beheer@koers.test'), meetingName)).toBe('write');
    expect(documentAccess(actorOf('werkgroep.haarlem@koers.test'), meetingName)).toBe('write');
    expect(documentAccess(actorOf('gemeente.zandvoort@koers.test'), meetingName)).toBe('read');
    expect(documentAccess(actorOf('adviseur@koers.test'), meetingName)).toBe('read');
    expect(documentAccess(actorOf('lezer@koers.test'), meetingName)).toBe('read');
  });

  it('gives no access to a missing meeting, an unknown kind or a malformed name', () => {
    const admin = actorOf('beheer@koers.test');
    for (const name of ['meeting.99999', 'agenda.1', 'meeting.abc', '']) expect(documentAccess(admin, name), name).toBe('none');
  });

  it('knows only the kinds it has an entry for, whatever their names look like', () => {
    const admin = actorOf('beheer@koers.test');
    for (const name of ['agenda-section.1', 'report-section.1', 'meeting-.1', '-meeting.1', 'constructor.1', '__proto__.1']) {
      expect(parseDocumentName(name), name).toBeNull();
      expect(documentAccess(admin, name), name).toBe('none');
    }
  });
});

describe('update log and compaction', () => {
  it('has no state for a document nobody wrote in', () => {
    expect(loadDocumentState('meeting.424242')).toBeNull();
  });

  it('loads what was appended, in one merged state', () => {
    const name = 'meeting.1001';
    const doc = loggedDoc(name);
    addParagraph(doc, 'Opening');
    addParagraph(doc, 'Besluit: de monitor gaat door.');
    expect(rowsOf(name)).toHaveLength(2);
    expect(textOfState(loadDocumentState(name))).toBe('Opening\nBesluit: de monitor gaat door.');
  });

  it('appends several updates in one transaction', () => {
    const name = 'meeting.1002';
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    addParagraph(source, 'een');
    addParagraph(source, 'twee');
    appendUpdates(name, updates);
    expect(countPendingUpdates(name)).toBe(2);
    expect(textOfState(loadDocumentState(name))).toBe('een\ntwee');
  });

  it('folds the log into a snapshot with the same state and derived text and JSON', () => {
    const name = 'meeting.1003';
    const doc = loggedDoc(name);
    const fragment = doc.getXmlFragment(NOTES_FIELD);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('1. Opening')]);
    fragment.insert(0, [heading]);
    addParagraph(doc, 'Iedereen welkom.');
    const text = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(8, 8);
    text.insert(8, ' – ook de adviseur.');
    text.format(0, 9, { bold: {} });
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const itemParagraph = new Y.XmlElement('paragraph');
    itemParagraph.insert(0, [new Y.XmlText('Actie: Taalhuis benaderen')]);
    item.insert(0, [itemParagraph]);
    list.insert(0, [item]);
    fragment.insert(2, [list]);

    const before = loadDocumentState(name)!;
    expect(rowsOf(name).length).toBeGreaterThan(3);

    expect(compactDocument(name)).toEqual({ merged: expect.any(Number) });
    expect(rowsOf(name)).toHaveLength(0);
    expect(countPendingUpdates(name)).toBe(0);

    const after = loadDocumentState(name)!;
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, before);
    Y.applyUpdate(b, after);
    expect(b.getXmlFragment(NOTES_FIELD).toString()).toBe(a.getXmlFragment(NOTES_FIELD).toString());
    expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a));

    const snapshot = getDocumentSnapshot(name)!;
    expect(snapshot.text).toBe('1. Opening\nIedereen – ook de adviseur.\nActie: Taalhuis benaderen');
    expect(JSON.parse(snapshot.json!)).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '1. Opening' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Iedereen ', marks: [{ type: 'bold' }] },
            { type: 'text', text: '– ook de adviseur.' },
          ],
        },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Actie: Taalhuis benaderen' }] }] }],
        },
      ],
    });
    expect(fragmentToJson(b.getXmlFragment(NOTES_FIELD))).toEqual(JSON.parse(snapshot.json!));
  });

  it('keeps later updates apart from the snapshot and folds them in at the next compaction', () => {
    const name = 'meeting.1004';
    const doc = loggedDoc(name);
    addParagraph(doc, 'eerst');
    compactDocument(name);
    const firstSnapshotId = getDocumentSnapshot(name)!.lastUpdateId;
    addParagraph(doc, 'daarna');
    expect(countPendingUpdates(name)).toBe(1);
    expect(textOfState(loadDocumentState(name))).toBe('eerst\ndaarna');
    expect(compactDocument(name).merged).toBe(1);
    expect(getDocumentSnapshot(name)!.lastUpdateId).toBeGreaterThan(firstSnapshotId);
    expect(getDocumentSnapshot(name)!.text).toBe('eerst\ndaarna');
    // Nothing new: nothing to do.
    expect(compactDocument(name).merged).toBe(0);
    expect(db.select().from(collabSnapshots).where(eq(collabSnapshots.documentName, name)).all()).toHaveLength(1);
  });

  // The live server folds in a worker thread while keystrokes keep being logged, then
  // stores the result on the main thread (server/collab/compaction.ts).
  it('stores a fold made in the background without the keystrokes logged meanwhile, and discards one overtaken by another compaction', () => {
    const name = 'meeting.1005';
    const doc = loggedDoc(name);
    addParagraph(doc, 'eerst');
    const fold = foldDocument(readStoredDocument(db.$client, name))!;
    addParagraph(doc, 'tijdens het vouwen');

    expect(writeCompaction(name, fold)).toBe(fold.merged);
    expect(getDocumentSnapshot(name)!.text).toBe('eerst');
    expect(countPendingUpdates(name)).toBe(1);
    expect(textOfState(loadDocumentState(name))).toBe('eerst\ntijdens het vouwen');

    // Two folds read the same snapshot; the second to finish must not undo the first.
    const slow = foldDocument(readStoredDocument(db.$client, name))!;
    addParagraph(doc, 'daarna');
    expect(compactDocument(name).merged).toBe(2);
    expect(writeCompaction(name, slow)).toBe(0);
    expect(getDocumentSnapshot(name)!.text).toBe('eerst\ntijdens het vouwen\ndaarna');
    expect(countPendingUpdates(name)).toBe(0);
    expect(textOfState(loadDocumentState(name))).toBe('eerst\ntijdens het vouwen\ndaarna');
  });
});
