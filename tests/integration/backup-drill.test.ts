/**
 * The restore drill: a real Koers server (server/index.ts in its own process) on this
 * file's database, people writing through its pages (progress reports, comments, a
 * document upload) and typing in live notes through y-websocket while the backup runs;
 * then the archive is restored into a fresh folder and a second Koers started there.
 * Everything acknowledged before the backup began must be there — every page write
 * that had its response, every keystroke the server had relayed to another client —
 * and every uploaded file the restored database knows must download with its bytes.
 *
 * Both servers run in development mode (Vite compiles the app on demand): vitest runs
 * before `npm run build` in `npm test`, so there is no production build to rely on.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

import { uploadsDir } from '../../app/models/library/upload.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { db } from '../../app/utils/db.server';
import { env } from '../../app/utils/env.server';
import { actions } from '../../db/schema';
import { restoreBackup } from '../../server/backups/restore-backup';
import { writeBackup } from '../../server/backups/write-backup';
import { makePdf } from '../fixtures/library-files';
import { prepareDatabase } from '../setup/database';
import { connectClient, destroyAllClients, docSatisfies, synced, type TestClient, typeInFirstParagraph } from './fixtures/collab-clients';
import { killAllKoers, type Koers, login, startKoers, stopKoers } from './fixtures/koers-process';

vi.hoisted(() => {
  process.env.KOERS_UPLOADS_DIR = `${process.env.KOERS_DATABASE}-uploads`;
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-drill-'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Posts a form as a browser without JavaScript does; resolves when Koers has answered (the write is acknowledged). */
async function post(koers: Koers, cookie: string, pathname: string, body: URLSearchParams | FormData): Promise<Response> {
  const res = await fetch(koers.origin + pathname, { method: 'POST', redirect: 'manual', headers: { origin: koers.origin, cookie }, body });
  if (res.status !== 302) throw new Error(`POST ${pathname}: HTTP ${res.status}\n${(await res.text()).slice(0, 500)}`);
  return res;
}

async function page(koers: Koers, cookie: string, pathname: string): Promise<Response> {
  const res = await fetch(koers.origin + pathname, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${pathname}: HTTP ${res.status}`);
  return res;
}

let actionId: number;
let meetingId: number;

beforeAll(async () => {
  await prepareDatabase();
  actionId = db.select({ id: actions.id }).from(actions).orderBy(asc(actions.id)).limit(1).get()!.id;
  meetingId = createMeeting({ title: 'Werkgroep herstel', kind: 'werkgroep', startsAt: '2024-06-11T08:00:00.000Z', createdBy: null }).id;
});

afterAll(async () => {
  destroyAllClients();
  killAllKoers();
  fs.rmSync(work, { recursive: true, force: true });
});

it(
  'a backup taken while people write restores into a fresh folder with every acknowledged change and every file',
  { timeout: 120_000 },
  async () => {
    const first = await startKoers(env.KOERS_DATABASE, uploadsDir());
    const writer = await login(first, 'werkgroep.haarlem@koers.test');
    const reader = await login(first, 'adviseur@koers.test');

    // Live notes: one person types without pause, another receives what the server relays.
    const notesName = `meeting.${meetingId}`;
    const typist = connectClient(first.collabUrl, notesName, writer);
    const receiver = connectClient(first.collabUrl, notesName, reader);
    await Promise.all([synced(typist, 20_000), synced(receiver, 20_000)]);
    let typed = 0;
    const typing = setInterval(() => {
      for (let i = 0; i < 3; i++) typeInFirstParagraph(typist.doc, typist.text().length, String(typed++ % 10));
    }, 10);

    // Page writes, one after another as people click; each counts once its response is in.
    const acknowledged = { progress: [] as string[], comments: [] as string[], uploads: [] as { title: string; bytes: Buffer }[] };
    let n = 0;
    const writeOnce = async () => {
      const i = ++n;
      const progress = `Voortgang drill ${i}`;
      await post(
        first,
        writer,
        `/acties/${actionId}`,
        new URLSearchParams({ intent: 'progress', body: progress, status: '', progress: '' }),
      );
      acknowledged.progress.push(progress);
      const comment = `Reactie drill ${i}`;
      await post(
        first,
        writer,
        '/reacties',
        new URLSearchParams({
          intent: 'create',
          targetType: 'action',
          targetId: String(actionId),
          body: comment,
          redirectTo: `/acties/${actionId}`,
        }),
      );
      acknowledged.comments.push(comment);
      if (i % 3 === 1) {
        const title = `Drillverslag ${i}`;
        const bytes = await makePdf([title, 'Opgeslagen tijdens de back-up-oefening.']);
        const form = new FormData();
        form.append('kind', 'document');
        form.append('title', title);
        form.append('summary', '');
        form.append('file', new File([new Uint8Array(bytes)], `${title}.pdf`, { type: 'application/pdf' }));
        await post(first, writer, '/kennisbank/nieuw?soort=document', form);
        acknowledged.uploads.push({ title, bytes });
      }
    };
    for (let i = 0; i < 3; i++) await writeOnce();
    await docSatisfies(receiver.doc, () => receiver.text().length >= 50, 10_000, 'keystrokes at the receiver');

    // The backup, while the writing goes on.
    let writing = true;
    const writers = (async () => {
      while (writing) await writeOnce();
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = {
      progress: [...acknowledged.progress],
      comments: [...acknowledged.comments],
      uploads: [...acknowledged.uploads],
      notes: receiver.text(),
    };
    const archive = path.join(work, 'backups', 'drill.tar.gz');
    const backup = await writeBackup({ databaseFile: env.KOERS_DATABASE, uploadsDir: uploadsDir(), target: archive });
    writing = false;
    await writers;
    clearInterval(typing);
    // Writes were in flight during the backup (else this would prove little). Counted over
    // every kind: on a loaded machine the backup may end while the one write in flight is
    // an upload, and then no comment was acknowledged meanwhile (CI, 6 December).
    const writesIn = (writes: typeof acknowledged) => writes.progress.length + writes.comments.length + writes.uploads.length;
    expect(writesIn(acknowledged)).toBeGreaterThan(writesIn(before));
    expect(typed).toBeGreaterThan(before.notes.length);
    expect(backup.missingUploads).toEqual([]);
    typist.destroy();
    receiver.destroy();
    await stopKoers(first);

    // Restore into a fresh folder and start Koers there (uploads beside the database: the default).
    const folder = path.join(work, 'restored');
    const database = path.join(folder, 'koers.sqlite');
    const restored = await restoreBackup({ archive, databaseFile: database, uploadsDir: path.join(folder, 'uploads') });
    expect(restored.uploads.count).toBe(backup.uploads.count);
    const second = await startKoers(database, undefined);

    // While it runs there, a restore onto it is refused.
    await expect(restoreBackup({ archive, databaseFile: database, uploadsDir: path.join(folder, 'uploads') })).rejects.toThrow(
      /is in gebruik/,
    );

    const cookie = await login(second, 'adviseur@koers.test');
    const actionPage = await (await page(second, cookie, `/acties/${actionId}`)).text();
    for (const text of [...before.progress, ...before.comments]) expect(actionPage).toContain(text);

    // Every file the restored database knows downloads with its bytes, among them each upload acknowledged before the backup.
    const rows = (() => {
      const sqlite = new Database(database, { readonly: true });
      try {
        return sqlite
          .prepare('select f.id, f.item_id as itemId, f.sha256, i.title from library_files f join library_items i on i.id = f.item_id')
          .all() as { id: number; itemId: number; sha256: string; title: string }[];
      } finally {
        sqlite.close();
      }
    })();
    for (const upload of before.uploads) expect(rows.find((r) => r.title === upload.title)?.sha256).toBe(sha256(upload.bytes));
    expect(rows.length).toBe(backup.uploads.count);
    for (const row of rows) {
      const bytes = new Uint8Array(await (await page(second, cookie, `/kennisbank/${row.itemId}/bestand/${row.id}`)).arrayBuffer());
      expect(sha256(bytes)).toBe(row.sha256);
    }

    // The notes: everything the server had relayed before the backup began.
    const notes: TestClient = connectClient(second.collabUrl, notesName, cookie);
    await synced(notes, 20_000);
    expect(notes.text().startsWith(before.notes)).toBe(true);
    expect(before.notes.length).toBeGreaterThanOrEqual(50);
    notes.destroy();
    await stopKoers(second);
  },
);
