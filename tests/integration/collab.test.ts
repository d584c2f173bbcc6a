/**
 * The real-time server with real y-websocket clients in Node: admission (401/403/404),
 * read-only connections, convergence, persistence across a restart, protocol abuse,
 * background compaction, unloading, and closing connections when access changes.
 */
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';

import { setUserActive, updateUserAccess } from '../../app/models/accounts/user.server';
import { appendUpdates, countPendingUpdates, getDocumentSnapshot, loadDocumentState } from '../../app/models/collab/document-store.server';
import { userAccessChanged } from '../../app/models/collab/live-bridge.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { getSessionId } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import { users } from '../../db/schema';
import { Compactor } from '../../server/collab/compaction';
import { prepareDatabase } from '../setup/database';
import { sessionFor } from '../setup/requests';
import {
  addParagraph,
  closed,
  connectClient,
  destroyAllClients,
  docSatisfies,
  eventually,
  nextClose,
  openRaw,
  startCollabServer,
  synced,
  type TestServer,
  textOfState,
  typeInFirstParagraph,
} from './fixtures/collab-clients';

const cookies: Record<string, string> = {};
let server: TestServer;
let meetingCount = 0;

function userId(email: string) {
  return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
}

/** Every test writes in its own meeting's notes. */
function newMeeting(): string {
  meetingCount++;
  const { id } = createMeeting({
    title: `Werkgroep ${meetingCount}`,
    kind: 'werkgroep',
    startsAt: '2024-05-14T08:00:00.000Z',
    createdBy: null,
  });
  return `meeting.${id}`;
}

beforeAll(async () => {
  await prepareDatabase();
  for (const email of [
    'beheer@koers.test',
    'werkgroep.haarlem@koers.test',
    'werkgroep.velsen@koers.test',
    'adviseur@koers.test',
    'lezer@koers.test',
  ])
    cookies[email] = await sessionFor(email);
  server = await startCollabServer();
});

afterEach(() => destroyAllClients());

afterAll(async () => {
  destroyAllClients();
  await server?.stop();
});

describe('admission at the upgrade', () => {
  it('refuses without a session (401), also with a bogus or expired cookie', async () => {
    const name = newMeeting();
    expect(await openRaw(`${server.url}/${name}`)).toEqual({ opened: false, status: 401 });
    expect(await openRaw(`${server.url}/${name}`, { Cookie: 'koers_session=verzonnen' })).toEqual({ opened: false, status: 401 });
    expect(await openRaw(`${server.url}/${name}`, { Cookie: 'koers_session=' })).toEqual({ opened: false, status: 401 });
  });

  it('refuses a document the user may not read (403) and names that are no document (404)', async () => {
    const cookie = cookies['beheer@koers.test'];
    // Every role reads every meeting (docs/permissions.md); a meeting that does not exist is readable by nobody.
    expect(await openRaw(`${server.url}/meeting.99999`, { Cookie: cookie })).toEqual({ opened: false, status: 403 });
    for (const path of ['meeting.abc', 'agenda.1', 'meeting.1/extra', '%E0%A4%A'])
      expect(await openRaw(`${server.url}/${path}`, { Cookie: cookie }), path).toEqual({ opened: false, status: 404 });
  });

  it('refuses a page from another site (403) and accepts its own origin', async () => {
    const name = newMeeting();
    const cookie = cookies['werkgroep.haarlem@koers.test'];
    expect(await openRaw(`${server.url}/${name}`, { Cookie: cookie, Origin: 'https://evil.example' })).toEqual({
      opened: false,
      status: 403,
    });
    const own = await openRaw(`${server.url}/${name}`, { Cookie: cookie, Origin: server.origin });
    expect(own.opened).toBe(true);
    if (own.opened) own.socket.close();
  });

  it('refuses other paths', async () => {
    const cookie = cookies['beheer@koers.test'];
    for (const path of ['/', '/collab', '/collabx/meeting.1', '/ws/meeting.1'])
      expect(await openRaw(`ws://127.0.0.1:${server.port}${path}`, { Cookie: cookie }), path).toEqual({ opened: false, status: 404 });
  });

  it('connects every role that may read, the y-websocket client included', async () => {
    const name = newMeeting();
    for (const email of Object.keys(cookies)) {
      const client = connectClient(server.url, name, cookies[email]);
      await synced(client);
    }
  });
});

describe('editing together', () => {
  it('sends a writer’s text to a read-only adviser, and drops what the adviser types', async () => {
    const name = newMeeting();
    const writer = connectClient(server.url, name, cookies['werkgroep.haarlem@koers.test']);
    const adviser = connectClient(server.url, name, cookies['adviseur@koers.test']);
    await Promise.all([synced(writer), synced(adviser)]);

    addParagraph(writer.doc, 'Besluit: de 0-meting wordt herhaald.');
    await docSatisfies(adviser.doc, () => adviser.text() === 'Besluit: de 0-meting wordt herhaald.');

    addParagraph(adviser.doc, 'Door de adviseur getypt');
    // Sent after the update on the same socket: when the writer sees it, the server has handled the update.
    adviser.provider.awareness.setLocalStateField('user', { name: 'Adviseur' });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('awareness never arrived')), 5000);
      const onChange = () => {
        const state = writer.provider.awareness.getStates().get(adviser.doc.clientID);
        if (state?.user) {
          clearTimeout(timer);
          writer.provider.awareness.off('change', onChange);
          resolve();
        }
      };
      writer.provider.awareness.on('change', onChange);
      onChange();
    });

    expect(writer.text()).toBe('Besluit: de 0-meting wordt herhaald.');
    expect(textOfState(loadDocumentState(name))).toBe('Besluit: de 0-meting wordt herhaald.');
    // The adviser still receives what writers type.
    addParagraph(writer.doc, 'Actie: Taalhuis benaderen.');
    await docSatisfies(adviser.doc, () => adviser.text().includes('Actie: Taalhuis benaderen.'));
    expect(textOfState(loadDocumentState(name))).not.toContain('Door de adviseur');
  });

  it('makes two writers typing at once converge, and stores the result', async () => {
    const name = newMeeting();
    const a = connectClient(server.url, name, cookies['werkgroep.haarlem@koers.test']);
    const b = connectClient(server.url, name, cookies['beheer@koers.test']);
    await Promise.all([synced(a), synced(b)]);
    addParagraph(a.doc, '');
    await docSatisfies(b.doc, () => b.doc.getXmlFragment('default').length === 1);

    for (let i = 0; i < 20; i++) {
      typeInFirstParagraph(a.doc, 0, 'a');
      typeInFirstParagraph(b.doc, 0, 'b');
    }
    await docSatisfies(a.doc, () => a.text().length === 40);
    await docSatisfies(b.doc, () => b.text() === a.text());
    expect(a.text().replace(/b/g, '')).toBe('a'.repeat(20));

    // Read back through a connection of its own, as another process would.
    const other = new Database(process.env.KOERS_DATABASE!, { readonly: true });
    try {
      const rows = other.prepare('select "update" from collab_updates where document_name = ? order by seq').all(name) as {
        update: Buffer;
      }[];
      expect(textOfState(Y.mergeUpdates(rows.map((r) => new Uint8Array(r.update))))).toBe(a.text());
    } finally {
      other.close();
    }
  });

  it('keeps the content across a restart of the server', async () => {
    const name = newMeeting();
    const first = await startCollabServer();
    const writer = connectClient(first.url, name, cookies['werkgroep.velsen@koers.test']);
    await synced(writer);
    addParagraph(writer.doc, 'Agendapunt 1: bereik NT1-ers');
    await eventually(() => textOfState(loadDocumentState(name)) === 'Agendapunt 1: bereik NT1-ers', 5000, 'stored text');
    writer.destroy();
    await first.stop();
    // Stopping compacted the document.
    expect(countPendingUpdates(name)).toBe(0);
    expect(getDocumentSnapshot(name)?.text).toBe('Agendapunt 1: bereik NT1-ers');

    const second = await startCollabServer();
    try {
      const reader = connectClient(second.url, name, cookies['lezer@koers.test']);
      await synced(reader);
      expect(reader.text()).toBe('Agendapunt 1: bereik NT1-ers');
    } finally {
      destroyAllClients();
      await second.stop();
    }
  });

  it('merges offline edits when a writer reconnects', async () => {
    const name = newMeeting();
    const a = connectClient(server.url, name, cookies['werkgroep.haarlem@koers.test']);
    const b = connectClient(server.url, name, cookies['werkgroep.velsen@koers.test']);
    await Promise.all([synced(a), synced(b)]);
    a.provider.disconnect();
    addParagraph(a.doc, 'Offline getypt');
    addParagraph(b.doc, 'Online getypt');
    a.provider.connect();
    await docSatisfies(b.doc, () => b.text().includes('Offline getypt'));
    await docSatisfies(a.doc, () => a.text() === b.text());
    await eventually(() => textOfState(loadDocumentState(name)) === b.text(), 5000, 'stored text');
  });
});

describe('when storing fails', () => {
  it('relays nothing it could not store, and takes the change again when the writer reconnects', async () => {
    const name = newMeeting();
    const writer = connectClient(server.url, name, cookies['werkgroep.haarlem@koers.test']);
    const watcher = connectClient(server.url, name, cookies['adviseur@koers.test']);
    await Promise.all([synced(writer), synced(watcher)]);
    const received: string[] = [];
    watcher.doc.on('update', () => received.push(watcher.text()));
    // The failure is expected and logged; keep it from failing the test.
    const logged: unknown[][] = [];
    vi.mocked(console.error).mockImplementation((...args: unknown[]) => void logged.push(args));

    // A full disk, simulated for this document only (a temp trigger lives on this connection).
    db.$client.exec(
      `create temp trigger collab_fail before insert on collab_updates when new.document_name = '${name}' begin select raise(abort, 'disk full'); end`,
    );
    const writerClosed = nextClose(writer);
    const watcherClosed = nextClose(watcher);
    addParagraph(writer.doc, 'Eerst niet opgeslagen');
    try {
      expect(await writerClosed).toEqual({ code: 1011, reason: 'persistence-failed' });
      expect(await watcherClosed).toEqual({ code: 1011, reason: 'persistence-failed' });
    } finally {
      db.$client.exec('drop trigger if exists temp.collab_fail');
    }
    expect(received).toEqual([]);
    expect(logged.some((args) => String(args[0]).includes(name))).toBe(true);

    await docSatisfies(watcher.doc, () => watcher.text() === 'Eerst niet opgeslagen');
    expect(textOfState(loadDocumentState(name))).toBe('Eerst niet opgeslagen');
  });
});

describe('protocol abuse', () => {
  async function watcherAndWriter(name: string) {
    const watcher = connectClient(server.url, name, cookies['adviseur@koers.test']);
    const writer = connectClient(server.url, name, cookies['werkgroep.haarlem@koers.test']);
    await Promise.all([synced(watcher), synced(writer)]);
    return { watcher, writer };
  }

  it('closes only the connection that sends a malformed message', async () => {
    const name = newMeeting();
    const { watcher, writer } = await watcherAndWriter(name);
    const garbage: (Uint8Array | string)[] = [
      new Uint8Array([0, 2, 50, 1, 2, 3]), // an update whose length runs past the message
      new Uint8Array([0, 9, 0]), // unknown sync message type
      new Uint8Array([7]), // unknown message type
      new Uint8Array([]), // nothing at all
      new Uint8Array([1, 5, 1, 1, 1, 1, 1]), // awareness that is no awareness
      'hallo', // a text frame
    ];
    for (const message of garbage) {
      const raw = await openRaw(`${server.url}/${name}`, { Cookie: cookies['werkgroep.velsen@koers.test'] });
      if (!raw.opened) throw new Error('raw socket refused');
      const closing = closed(raw.socket);
      raw.socket.send(message);
      expect(await closing, String(message)).toEqual({ code: 1003, reason: 'malformed-message' });
    }
    expect(watcher.provider.wsconnected).toBe(true);
    expect(writer.provider.wsconnected).toBe(true);
    addParagraph(writer.doc, 'Nog steeds verbonden');
    await docSatisfies(watcher.doc, () => watcher.text() === 'Nog steeds verbonden');
  });

  it('closes only the connection that sends a message over the size limit', async () => {
    const name = newMeeting();
    const { watcher, writer } = await watcherAndWriter(name);
    const raw = await openRaw(`${server.url}/${name}`, { Cookie: cookies['werkgroep.velsen@koers.test'] });
    if (!raw.opened) throw new Error('raw socket refused');
    const closing = closed(raw.socket);
    raw.socket.send(new Uint8Array(1024 * 1024 + 1));
    expect((await closing).code).toBe(1009);
    expect(watcher.provider.wsconnected).toBe(true);
    addParagraph(writer.doc, 'Na het te grote bericht');
    await docSatisfies(watcher.doc, () => watcher.text() === 'Na het te grote bericht');
  });
});

describe('compaction and unloading', () => {
  it('compacts a document in the background once enough updates are logged, without changing it', async () => {
    const own = await startCollabServer({ compactAfterUpdates: 10 });
    try {
      const name = newMeeting();
      const writer = connectClient(own.url, name, cookies['werkgroep.haarlem@koers.test']);
      const reader = connectClient(own.url, name, cookies['lezer@koers.test']);
      await Promise.all([synced(writer), synced(reader)]);
      addParagraph(writer.doc, '');
      for (const letter of 'samenwerkingsagenda') typeInFirstParagraph(writer.doc, writer.text().length, letter);
      await docSatisfies(reader.doc, () => reader.text() === 'samenwerkingsagenda');
      await eventually(() => getDocumentSnapshot(name) !== undefined, 5000, 'snapshot');
      // The snapshot holds what was logged when it ran; the rest waits in the log.
      expect('samenwerkingsagenda'.startsWith(getDocumentSnapshot(name)!.text)).toBe(true);
      expect(countPendingUpdates(name)).toBeLessThanOrEqual(10);
      expect(textOfState(loadDocumentState(name))).toBe('samenwerkingsagenda');
    } finally {
      destroyAllClients();
      await own.stop();
    }
  });

  it('unloads a document some time after its last client left, after a final compaction', async () => {
    const own = await startCollabServer({ unloadAfterMs: 50 });
    try {
      const name = newMeeting();
      const writer = connectClient(own.url, name, cookies['werkgroep.haarlem@koers.test']);
      await synced(writer);
      addParagraph(writer.doc, 'Tot de volgende keer');
      await eventually(() => countPendingUpdates(name) > 0, 5000, 'logged update');
      expect(own.collab.liveDocuments()).toEqual([name]);
      writer.destroy();
      await eventually(() => own.collab.liveDocuments().length === 0, 5000, 'unload');
      // The last compaction runs in the background, in the compaction thread.
      await eventually(() => countPendingUpdates(name) === 0, 5000, 'final compaction');
      expect(getDocumentSnapshot(name)?.text).toBe('Tot de volgende keer');
    } finally {
      await own.stop();
    }
  });
});

describe('the compactor', () => {
  it('runs once more for a document scheduled again while it was being compacted, so nothing logged meanwhile is left out', async () => {
    const compactor = new Compactor((name, error) => {
      throw new Error(`Compacting ${name} failed: ${String(error)}`);
    });
    try {
      const name = newMeeting();
      const doc = new Y.Doc();
      doc.on('update', (update: Uint8Array) => appendUpdates(name, [update]));
      addParagraph(doc, 'eerst');
      const first = new Promise<number>((resolve) => compactor.schedule(name, resolve));
      expect(compactor.isCompacting(name)).toBe(true);
      addParagraph(doc, 'terwijl de eerste liep');
      const second = new Promise<number>((resolve) => compactor.schedule(name, resolve));
      // Two rows logged, each folded in exactly once, by one run or the other.
      expect((await first) + (await second)).toBe(2);
      expect(compactor.isCompacting(name)).toBe(false);
      expect(countPendingUpdates(name)).toBe(0);
      expect(getDocumentSnapshot(name)?.text).toBe('eerst\nterwijl de eerste liep');
    } finally {
      await compactor.close();
    }
  });
});

describe('access changes', () => {
  it('closes a user’s connections with a named code when their role changes; they come back read-only', async () => {
    const name = newMeeting();
    const email = 'werkgroep.velsen@koers.test';
    const id = userId(email);
    const organisationId = db.select({ o: users.organisationId }).from(users).where(eq(users.id, id)).get()!.o;
    const changed = connectClient(server.url, name, cookies[email]);
    const other = connectClient(server.url, name, cookies['werkgroep.haarlem@koers.test']);
    await Promise.all([synced(changed), synced(other)]);

    expect(updateUserAccess({ userId: id, role: 'lezer', organisationId, actorId: userId('beheer@koers.test') })).toEqual({ ok: true });
    try {
      const closing = nextClose(changed);
      let otherClosed = false;
      other.provider.on('connection-close', () => (otherClosed = true));
      userAccessChanged(id);
      expect(await closing).toEqual({ code: 4000, reason: 'access-changed' });

      // The y-websocket client reconnects by itself and is now read-only.
      await synced(changed);
      addParagraph(changed.doc, 'Als lezer getypt');
      addParagraph(other.doc, 'Door de werkgroep');
      await docSatisfies(changed.doc, () => changed.text().includes('Door de werkgroep'));
      await eventually(() => textOfState(loadDocumentState(name)).includes('Door de werkgroep'), 5000, 'stored text');
      expect(textOfState(loadDocumentState(name))).not.toContain('Als lezer');
      expect(otherClosed).toBe(false);
    } finally {
      updateUserAccess({ userId: id, role: 'werkgroeplid', organisationId, actorId: userId('beheer@koers.test') });
    }
  });

  it('notices a session that ended behind its back (another process) at the next re-check', async () => {
    const email = 'werkgroep.velsen@koers.test';
    const own = await startCollabServer({ recheckEveryMs: 400 });
    try {
      const name = newMeeting();
      const cookie = await sessionFor(email);
      const client = connectClient(own.url, name, cookie);
      const stays = connectClient(own.url, name, cookies['beheer@koers.test']);
      await Promise.all([synced(client), synced(stays)]);
      let stayedOpen = true;
      stays.provider.on('connection-close', () => (stayedOpen = false));
      const ended = new Promise<{ code: number; reason: string }>((resolve) => client.provider.on('closed', (event) => resolve(event)));

      // As `npm run demo-accounts -- off` or a logout in another server process would: no hook fires here.
      const other = new Database(process.env.KOERS_DATABASE!);
      other.prepare('delete from sessions where id = ?').run(await getSessionId(cookie));
      other.close();

      expect(await ended).toEqual({ code: 4401, reason: 'session-ended' });
      expect(stayedOpen).toBe(true);
    } finally {
      await own.stop();
    }
  });

  it('closes the connections of a deactivated account for good', async () => {
    const name = newMeeting();
    const email = 'lezer@koers.test';
    const id = userId(email);
    const client = connectClient(server.url, name, cookies[email]);
    await synced(client);
    const ended = new Promise<{ code: number; reason: string }>((resolve) => client.provider.on('closed', (event) => resolve(event)));
    expect(setUserActive({ userId: id, active: false, actorId: userId('beheer@koers.test') })).toEqual({ ok: true });
    try {
      userAccessChanged(id);
      expect(await ended).toEqual({ code: 4401, reason: 'session-ended' });
      expect(client.provider.shouldConnect).toBe(false);
      expect(await openRaw(`${server.url}/${name}`, { Cookie: cookies[email] })).toEqual({ opened: false, status: 401 });
    } finally {
      setUserActive({ userId: id, active: true, actorId: userId('beheer@koers.test') });
      cookies[email] = await sessionFor(email);
    }
  });
});
