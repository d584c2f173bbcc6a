/**
 * Migration 0006 rebuilds the real-time update log (WITHOUT ROWID, keyed by document and
 * seq). A database from before it, with compacted notes and keystrokes typed after the
 * last compaction, must come out with every word of the notes, and keep appending in
 * order after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import {
  appendUpdates,
  compactDocument,
  countPendingUpdates,
  loadDocumentState,
  NOTES_FIELD,
} from '../../app/models/collab/document-store.server';
import { db } from '../../app/utils/db.server';
import { migrateDatabase } from '../../db/migrate';
import { addParagraph, textOfState } from './fixtures/collab-clients';

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-collab-migration-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A copy of the migrations folder that stops before `firstLeftOut`. */
function migrationsBefore(firstLeftOut: string): string {
  const folder = path.join(work, 'migrations-before');
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === firstLeftOut);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/** All Yjs updates a doc produces while `edit` runs. */
function updatesOf(doc: Y.Doc, edit: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  edit();
  doc.off('update', listener);
  return updates;
}

describe('migration 0006: the update log without rowid', () => {
  it('keeps compacted notes and the keystrokes typed after the compaction, and appends after them', () => {
    // This test file's own database (tests/setup), still empty: brought to migration 0005 here.
    const sqlite = new Database(process.env.KOERS_DATABASE!);
    sqlite.pragma('foreign_keys = ON');
    migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore('0006_collab_log_without_rowid') });

    // The old layout: global ids; the snapshot says which ones it holds.
    const doc = new Y.Doc();
    const compacted = updatesOf(doc, () => addParagraph(doc, 'Opening door de voorzitter.'));
    const insert = sqlite.prepare('insert into collab_updates (document_name, "update") values (?, ?)');
    for (let i = 0; i < 3; i++) insert.run('meeting.1', Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())));
    const afterSnapshot = updatesOf(doc, () => addParagraph(doc, 'Taalhuis Velsen presenteert.'));
    const compactedIds = compacted.map((update) => Number(insert.run('meeting.1', Buffer.from(update)).lastInsertRowid));
    const snapshotDoc = new Y.Doc();
    for (const update of compacted) Y.applyUpdate(snapshotDoc, update);
    sqlite
      .prepare('insert into collab_snapshots (document_name, state, last_update_id, text) values (?, ?, ?, ?)')
      .run('meeting.1', Buffer.from(Y.encodeStateAsUpdate(snapshotDoc)), Math.max(...compactedIds), 'Opening door de voorzitter.');
    sqlite.prepare('delete from collab_updates where document_name = ? and id <= ?').run('meeting.1', Math.max(...compactedIds));
    for (const update of afterSnapshot) insert.run('meeting.1', Buffer.from(update));
    sqlite.close();

    // Upgrade, then read and write through the application's own module.
    migrateDatabase(db);

    expect(textOfState(loadDocumentState('meeting.1'))).toBe('Opening door de voorzitter.\nTaalhuis Velsen presenteert.');
    expect(countPendingUpdates('meeting.1')).toBe(afterSnapshot.length);

    appendUpdates(
      'meeting.1',
      updatesOf(doc, () => addParagraph(doc, 'Besluit: we starten in september.')),
    );
    expect(textOfState(loadDocumentState('meeting.1'))).toBe(
      'Opening door de voorzitter.\nTaalhuis Velsen presenteert.\nBesluit: we starten in september.',
    );
    compactDocument('meeting.1');
    appendUpdates(
      'meeting.1',
      updatesOf(doc, () => addParagraph(doc, 'Rondvraag.')),
    );
    const after = new Y.Doc();
    Y.applyUpdate(after, loadDocumentState('meeting.1')!);
    expect(after.getXmlFragment(NOTES_FIELD).length).toBe(4);
    expect(countPendingUpdates('meeting.1')).toBe(1);
  });
});
