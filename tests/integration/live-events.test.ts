/**
 * The live workspace stream (`GET /live`, server/live) on a real HTTP server with the
 * real data version: who may listen, what causes an event (a change to workspace data)
 * and what does not (keystrokes in meeting notes), cleanup when a browser goes, and the
 * page cache serving fresh pages right after a change.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import Database from 'better-sqlite3';
import compression from 'compression';
import { and, eq, isNull } from 'drizzle-orm';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { deleteSession } from '../../app/models/accounts/session.server';
import { appendUpdates } from '../../app/models/collab/document-store.server';
import { createComment } from '../../app/models/comments/comment.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { NOTIFICATION_KINDS } from '../../app/models/notifications/notification-kinds';
import { setActionStatus } from '../../app/models/tracker/action.server';
import { getSessionId } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import { env } from '../../app/utils/env.server';
import { actions, goals, notifications, twoFactorRequirements, users } from '../../db/schema';
import { createLiveEvents, type LiveEvents } from '../../server/live';
import { workspaceChangedActions, workspaceDataVersion } from '../../server/live/data-version';
import { spreadWindowMs } from '../../server/live/spread';
import { pageCache } from '../../server/page-cache';
import { prepareDatabase } from '../setup/database';
import { sessionFor } from '../setup/requests';
import { eventually } from './fixtures/collab-clients';

const HAARLEM = 'werkgroep.haarlem@koers.test';
const VELSEN = 'werkgroep.velsen@koers.test';
const MAX_PER_SESSION = 3;

let server: http.Server;
let base = '';
let live: LiveEvents;
let renders = 0;
const cookies: Record<string, string> = {};
const streams = new Set<Stream>();

beforeAll(async () => {
  await prepareDatabase();
  for (const email of [HAARLEM, VELSEN]) cookies[email] = await sessionFor(email);
  const dataVersion = workspaceDataVersion();
  live = createLiveEvents({ dataVersion, changedActions: workspaceChangedActions(), maxPerSession: MAX_PER_SESSION, heartbeatMs: 400 });

  // The order of server/index.ts: the stream before the page cache and compression.
  const app = express();
  app.get('/live', live.handler);
  app.use(pageCache({ dataVersion, sessionCookieName: 'koers_session' }));
  app.use(compression());
  app.get('/acties/:id', (req, res) => {
    renders++;
    const row = db
      .select({ status: actions.status })
      .from(actions)
      .where(eq(actions.id, Number(req.params.id)))
      .get();
    res.type('html').send(`<p>status: ${row?.status}</p>`);
  });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const stream of streams) stream.close();
  await eventually(() => live.connectionCount() === 0, 2000, 'every stream to close');
});

afterAll(async () => {
  live?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

type ServerEvent = { event: string; data: string };
type Stream = {
  events: ServerEvent[];
  ended: boolean;
  /** Resolves with the first event named `name` that arrives after this call. */
  next: (name: string, timeoutMs?: number) => Promise<ServerEvent>;
  /** Resolves false if an event named `name` arrives within `ms`, true otherwise. */
  quietFor: (name: string, ms: number) => Promise<boolean>;
  close: () => void;
};

/** Opens /live like EventSource does and parses what arrives; a refusal gives its status. */
async function openStream(headers: Record<string, string> = {}): Promise<{ status: number; stream?: Stream }> {
  const aborter = new AbortController();
  const response = await fetch(`${base}/live`, { headers: { Accept: 'text/event-stream', ...headers }, signal: aborter.signal });
  if (response.status !== 200) {
    await response.text();
    return { status: response.status };
  }
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(response.headers.get('content-encoding')).toBeNull();
  expect(response.headers.get('cache-control')).toContain('no-store');

  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const stream: Stream = {
    events: [],
    ended: false,
    next(name, timeoutMs = 5000) {
      const from = stream.events.length;
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = stream.events.slice(from).find((e) => e.event === name);
          if (found) done(() => resolve(found));
          else if (stream.ended) done(() => reject(new Error(`stream ended before a '${name}' event`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no '${name}' event within ${timeoutMs} ms`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
      });
    },
    quietFor(name, ms) {
      return stream.next(name, ms).then(
        () => false,
        () => true,
      );
    },
    close() {
      aborter.abort();
      streams.delete(stream);
    },
  };
  streams.add(stream);

  void (async () => {
    let buffer = '';
    try {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6) ?? '';
          if (event) stream.events.push({ event, data });
          notify();
        }
      }
    } catch {
      // Aborted by the test.
    }
    stream.ended = true;
    notify();
  })();
  return { status: 200, stream };
}

async function listen(email: string): Promise<Stream> {
  const opened = await openStream({ Cookie: cookies[email] });
  expect(opened.status).toBe(200);
  await opened.stream!.next('ready');
  return opened.stream!;
}

function userId(email: string) {
  return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
}

function someAction() {
  return db.select({ id: actions.id, status: actions.status }).from(actions).orderBy(actions.id).limit(1).get()!;
}

/** A status other than the current one, so the write changes a row. */
function otherStatus(status: string) {
  return status === 'loopt' ? 'besluit_nodig' : 'loopt';
}

describe('who may listen', () => {
  it('refuses without a session (401), also with a bogus cookie', async () => {
    expect((await openStream()).status).toBe(401);
    expect((await openStream({ Cookie: 'koers_session=verzonnen' })).status).toBe(401);
    expect(live.connectionCount()).toBe(0);
  });

  it('refuses a request from another site (403), even with a cookie', async () => {
    expect((await openStream({ Cookie: cookies[HAARLEM], 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    const own = await openStream({ Cookie: cookies[HAARLEM], 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(200);
    own.stream!.close();
  });

  it('refuses a person who must first set up two-factor (403), like every page', async () => {
    const haarlem = db.select({ id: users.id }).from(users).where(eq(users.email, HAARLEM)).get()!;
    // As on an installation without demo accounts that requires two-factor of werkgroepleden.
    db.update(users).set({ isDemo: false }).where(eq(users.id, haarlem.id)).run();
    db.insert(twoFactorRequirements).values({ role: 'werkgroeplid', required: true }).run();
    try {
      const refused = await openStream({ Cookie: cookies[HAARLEM] });
      expect(refused.status).toBe(403);
      expect(live.connectionCount()).toBe(0);
    } finally {
      db.delete(twoFactorRequirements).run();
      db.update(users).set({ isDemo: true }).where(eq(users.id, haarlem.id)).run();
    }
    const allowed = await openStream({ Cookie: cookies[HAARLEM] });
    expect(allowed.status).toBe(200);
    allowed.stream!.close();
  });

  it('limits the streams of one session (429) without affecting another session', async () => {
    const mine = await Promise.all(Array.from({ length: MAX_PER_SESSION }, () => listen(HAARLEM)));
    expect((await openStream({ Cookie: cookies[HAARLEM] })).status).toBe(429);
    const other = await listen(VELSEN);
    for (const stream of [...mine, other]) stream.close();
    await eventually(() => live.connectionCount() === 0, 2000, 'streams to close');
    // A slot is free again once a stream closed.
    (await listen(HAARLEM)).close();
  });
});

describe('what causes an event', () => {
  it('tells every listener within a second after a change made through a model function', async () => {
    const [haarlem, velsen] = await Promise.all([listen(HAARLEM), listen(VELSEN)]);
    const action = someAction();
    const changes = [haarlem.next('change', 1000), velsen.next('change', 1000)];
    const started = Date.now();
    setActionStatus({ userId: userId(HAARLEM), id: action.id, status: otherStatus(action.status) });
    const [event] = await Promise.all(changes);
    expect(Date.now() - started).toBeLessThan(1000);
    // The event carries the new data version, which a reconnecting browser compares with its
    // last one, and the window over which the browsers spread their revalidations: it grows
    // with the open streams (two here: a few milliseconds).
    const data = JSON.parse(event.data) as { version: string; spreadMs: number };
    expect(data.version).not.toBe('');
    expect(data.spreadMs).toBe(spreadWindowMs(2));
    haarlem.close();
    velsen.close();
  });

  it('brings each listener their own count of unread notifications, so the page need not reload its header', async () => {
    const [haarlem, velsen] = await Promise.all([listen(HAARLEM), listen(VELSEN)]);
    const unreadOf = (email: string) =>
      db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, userId(email)), isNull(notifications.readAt)))
        .all().length;
    const changes = [haarlem.next('change', 1000), velsen.next('change', 1000)];
    db.insert(notifications)
      .values({ userId: userId(VELSEN), kind: NOTIFICATION_KINDS[0], message: 'Test', link: '/', dedupeKey: `live-test:${Date.now()}` })
      .run();
    const [toHaarlem, toVelsen] = (await Promise.all(changes)).map((event) => JSON.parse(event.data) as { unread: number });
    expect(toVelsen.unread).toBe(unreadOf(VELSEN));
    expect(toVelsen.unread).toBeGreaterThan(0);
    expect(toHaarlem.unread).toBe(unreadOf(HAARLEM));
    haarlem.close();
    velsen.close();
  });

  it('stays quiet when only meeting notes are typed, and still reports the next real change', async () => {
    const stream = await listen(VELSEN);
    const meetingCreated = stream.next('change', 1000);
    const { id } = createMeeting({ title: 'Werkgroep live', kind: 'werkgroep', startsAt: '2024-05-14T08:00:00.000Z', createdBy: null });
    await meetingCreated; // a new meeting is workspace data
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => appendUpdates(`meeting.${id}`, [update]));
    const quiet = stream.quietFor('change', 800);
    for (const word of ['Besluit: ', 'de 0-meting ', 'wordt herhaald.']) {
      doc.getText('t').insert(doc.getText('t').length, word);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await quiet).toBe(true);
    doc.destroy();

    const action = someAction();
    const change = stream.next('change', 1000);
    setActionStatus({ userId: userId(VELSEN), id: action.id, status: otherStatus(action.status) });
    await change;
    stream.close();
  });

  it('pings while nothing changes', async () => {
    const stream = await listen(HAARLEM);
    const ping = await stream.next('ping', 2000);
    expect(ping.data).toBe(stream.events[0].data); // the version of 'ready': nothing changed
    stream.close();
  });
});

describe('which action pages an event names (decision 028)', () => {
  /** The `actions` of the next change event after `write`; undefined: any page may have changed. */
  async function namedBy(write: () => void): Promise<number[] | undefined> {
    const stream = await listen(HAARLEM);
    const change = stream.next('change', 1000);
    write();
    const data = JSON.parse((await change).data) as { actions?: number[] };
    stream.close();
    return data.actions;
  }

  it("names the action of a status change (its history and its followers' notifications included)", async () => {
    const action = someAction();
    expect(await namedBy(() => setActionStatus({ userId: userId(HAARLEM), id: action.id, status: otherStatus(action.status) }))).toEqual([
      action.id,
    ]);
  });

  it('names the action a comment was posted on', async () => {
    const action = someAction();
    const named = await namedBy(() =>
      createComment({ authorId: userId(VELSEN), targetType: 'action', targetId: action.id, body: 'Loopt dit nog?' }),
    );
    expect(named).toEqual([action.id]);
  });

  it('names the action when another process changes it (an import, the real-time process)', async () => {
    const action = someAction();
    const named = await namedBy(() => {
      const other = new Database(env.KOERS_DATABASE);
      try {
        other.prepare(`update actions set status = ? where id = ?`).run(otherStatus(action.status), action.id);
      } finally {
        other.close();
      }
    });
    expect(named).toEqual([action.id]);
  });

  it('names no action for a notification on its own, which no action page shows', async () => {
    const named = await namedBy(() =>
      db
        .insert(notifications)
        .values({ userId: userId(VELSEN), kind: NOTIFICATION_KINDS[0], message: 'Test', link: '/', dedupeKey: `named:${Date.now()}` })
        .run(),
    );
    expect(named).toEqual([]);
  });

  it('names nothing, so every page revalidates, when a goal changes: action pages show their goal', async () => {
    const goal = db.select({ id: goals.id, title: goals.title }).from(goals).limit(1).get()!;
    const named = await namedBy(() =>
      db
        .update(goals)
        .set({ title: `${goal.title} (bijgewerkt)` })
        .where(eq(goals.id, goal.id))
        .run(),
    );
    expect(named).toBeUndefined();
  });
});

describe('cleaning up', () => {
  it('forgets a stream when the browser goes, and stops polling when nobody listens', async () => {
    const stream = await listen(HAARLEM);
    expect(live.connectionCount()).toBe(1);
    expect(live.polling()).toBe(true);
    stream.close();
    await eventually(() => live.connectionCount() === 0, 2000, 'the stream to be forgotten');
    expect(live.polling()).toBe(false);
  });

  it('ends the stream of a session that signed out, and keeps the others', async () => {
    const cookie = await sessionFor(HAARLEM);
    const leaving = await openStream({ Cookie: cookie });
    await leaving.stream!.next('ready');
    const staying = await listen(VELSEN);
    const change = staying.next('change', 1000);
    deleteSession((await getSessionId(cookie))!); // what logging out does
    await change;
    await eventually(() => leaving.stream!.ended, 1000, 'the signed-out stream to end');
    expect(staying.ended).toBe(false);
    expect((await openStream({ Cookie: cookie })).status).toBe(401);
    staying.close();
  });
});

describe('the page cache and live revalidation', () => {
  it('serves the fresh page on the revalidation right after a change', async () => {
    const action = someAction();
    const get = async () => (await fetch(`${base}/acties/${action.id}`, { headers: { Cookie: cookies[VELSEN] } })).text();
    expect(await get()).toContain(`status: ${action.status}`);
    const rendered = renders;
    await get();
    expect(renders).toBe(rendered); // kept while nothing changes

    const stream = await listen(VELSEN);
    const change = stream.next('change', 1000);
    const status = otherStatus(action.status);
    setActionStatus({ userId: userId(HAARLEM), id: action.id, status });
    await change;
    // What the browser does on the event: fetch the page's data again.
    expect(await get()).toContain(`status: ${status}`);
    expect(renders).toBe(rendered + 1);
    stream.close();
  });
});
