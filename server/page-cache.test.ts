import type http from 'node:http';
import type { AddressInfo } from 'node:net';

import compression from 'compression';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { pageCache } from './page-cache';
import { renderQueue } from './render-queue';

let version = 1;
let renders = 0;
let server: http.Server;
let base = '';
const cache = pageCache({ dataVersion: () => String(version), sessionCookieName: 'koers_session' });

beforeAll(async () => {
  const app = express();
  app.use(cache);
  app.use(compression());
  app.get('/page', (req, res) => {
    renders += 1;
    res.type('html').send(`<p>render ${renders} for ${req.headers.cookie}</p>`.repeat(50));
  });
  app.get('/missing', (_req, res) => {
    renders += 1;
    res.status(404).type('html').send('<p>niet gevonden</p>');
  });
  app.get('/login-like', (_req, res) => {
    renders += 1;
    res.cookie('koers_session', 'new').type('html').send('<p>hallo</p>');
  });
  server = app.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string, cookie?: string) => {
  const response = await fetch(base + path, { headers: cookie ? { cookie } : {} });
  return { status: response.status, text: await response.text() };
};

describe('the page cache', () => {
  it('serves the same page to the same session again without rendering it, until the data changes', async () => {
    const first = await get('/page', 'koers_session=a');
    const rendersAfterFirst = renders;
    const second = await get('/page', 'koers_session=a');
    expect(second.text).toBe(first.text);
    expect(renders).toBe(rendersAfterFirst);

    version += 1; // any database write
    const third = await get('/page', 'koers_session=a');
    expect(renders).toBe(rendersAfterFirst + 1);
    expect(third.text).not.toBe(first.text);
  });

  it('never shares a page between sessions, nor keeps pages without a session', async () => {
    await get('/page', 'koers_session=a');
    const before = renders;
    const other = await get('/page', 'koers_session=b');
    expect(renders).toBe(before + 1);
    expect(other.text).toContain('koers_session=b');
    await get('/page');
    await get('/page');
    expect(renders).toBe(before + 3);
  });

  it('keeps no error pages and no responses that set a cookie', async () => {
    const before = renders;
    await get('/missing', 'koers_session=a');
    await get('/missing', 'koers_session=a');
    await get('/login-like', 'koers_session=a');
    await get('/login-like', 'koers_session=a');
    expect(renders).toBe(before + 4);
  });
});

describe('what the page cache can answer without loaders (the render queue lets those by)', () => {
  // As fetch sends them: the same headers as `get` above.
  const asked = (path: string, cookie?: string, method = 'GET') =>
    ({
      method,
      path: path.split('?')[0],
      originalUrl: path,
      headers: { 'accept-encoding': 'gzip, deflate', ...(cookie ? { cookie } : {}) },
    }) as unknown as express.Request;

  it('is a page kept for this session at the current data version, nothing else', async () => {
    version += 1;
    expect(await cache.needsNoTurn(asked('/page', 'koers_session=q'))).toBe(false);
    await get('/page', 'koers_session=q');
    expect(await cache.needsNoTurn(asked('/page', 'koers_session=q'))).toBe(true);
    expect(await cache.needsNoTurn(asked('/page', 'koers_session=other'))).toBe(false);
    expect(await cache.needsNoTurn(asked('/page'))).toBe(false);
    expect(await cache.needsNoTurn(asked('/page', 'koers_session=q', 'POST'))).toBe(false);
    version += 1; // a write
    expect(await cache.needsNoTurn(asked('/page', 'koers_session=q'))).toBe(false);
  });
});

// The live revalidation of the action list, which people of one permission scope share.
const LIST = '/acties.data?_routes=routes/acties._index';
/** The test's sessions name their scope: koers_session=<scope>-<person>. */
const scopeInCookie = async (req: express.Request) => /koers_session=(\w+)-/.exec(req.headers.cookie ?? '')?.[1] ?? null;

describe('a shared answer asked for by several people at once', () => {
  let sharedServer: http.Server;
  let sharedBase = '';
  let runs = 0;
  let answerWith = 200;
  let writeDuringRun = false;
  let sharedVersion = 1;

  beforeAll(async () => {
    const app = express();
    app.use(
      pageCache({
        dataVersion: () => String(sharedVersion),
        sessionCookieName: 'koers_session',
        scopeOf: scopeInCookie,
      }),
    );
    app.use(compression());
    app.use((_req, res, next) => {
      res.setHeader('Content-Security-Policy', `script-src 'nonce-${Math.random().toString(36).slice(2)}'`);
      next();
    });
    app.get('/acties.data', async (_req, res) => {
      runs += 1;
      const run = runs;
      // A loader that takes a while, as on a busy server: the others arrive meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (writeDuringRun) sharedVersion += 1;
      res.status(answerWith).type('text/x-script').send(`{"run":${run},"version":${sharedVersion}}`);
    });
    sharedServer = app.listen(0);
    sharedBase = `http://127.0.0.1:${(sharedServer.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    sharedServer.closeAllConnections();
    return new Promise<void>((resolve) => sharedServer.close(() => resolve()));
  });

  beforeEach(() => {
    sharedVersion += 1; // nothing kept from the test before
    runs = 0;
    answerWith = 200;
    writeDuringRun = false;
  });

  const ask = async (cookie: string, signal?: AbortSignal) => {
    const response = await fetch(sharedBase + LIST, { headers: { cookie, 'accept-encoding': 'gzip' }, signal });
    return { status: response.status, text: await response.text(), csp: response.headers.get('content-security-policy') };
  };
  const people = (scope: string, count: number) => Array.from({ length: count }, (_, i) => `koers_session=${scope}-${i}`);

  it('runs the loaders once for everyone of one scope, each with a nonce of their own', async () => {
    const answers = await Promise.all(people('werkgroeplid', 6).map((cookie) => ask(cookie)));
    expect(runs).toBe(1);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.csp)).size).toBe(6);
  });

  it('never lets another scope wait for it', async () => {
    const answers = await Promise.all([...people('werkgroeplid', 3), ...people('lezer', 3)].map((cookie) => ask(cookie)));
    expect(runs).toBe(2);
    expect(answers[0]!.text).not.toBe(answers[3]!.text);
  });

  it('lets each of them through to the loaders when the first answer is not one to keep', async () => {
    answerWith = 500;
    const answers = await Promise.all(people('werkgroeplid', 4).map((cookie) => ask(cookie)));
    expect(runs).toBe(4);
    expect(new Set(answers.map((a) => a.text)).size).toBe(4);
  });

  it('lets them through when the data changed while the first answer was made', async () => {
    writeDuringRun = true;
    await Promise.all(people('werkgroeplid', 3).map((cookie) => ask(cookie)));
    expect(runs).toBe(3);
  });

  it('still answers the others when the first person closes the connection', async () => {
    const leaving = new AbortController();
    const first = ask('koers_session=werkgroeplid-0', leaving.signal).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const others = Promise.all(people('werkgroeplid', 3).map((cookie) => ask(cookie)));
    leaving.abort();
    expect(await first).toBeNull();
    const answers = await others;
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});

describe('a shared answer whose first request waits in the render queue', () => {
  // The server as in server/index.ts: the render queue, then the page cache. A page held
  // open keeps the turn, so the shared revalidations that arrive meanwhile have to queue.
  let queuedServer: http.Server;
  let queuedBase = '';
  let queuedVersion = 1;
  let runs = 0;
  const held = new Map<string, () => void>();
  const started: string[] = [];

  beforeAll(async () => {
    const queuedCache = pageCache({
      dataVersion: () => String(queuedVersion),
      sessionCookieName: 'koers_session',
      scopeOf: scopeInCookie,
    });
    const app = express();
    app.use(renderQueue({ maxTurnMs: 30_000, needsNoTurn: queuedCache.needsNoTurn }));
    app.use(queuedCache);
    app.get(['/held', '/held.data'], (req, res) => {
      const name = String(req.query.name);
      started.push(name);
      held.set(name, () => res.type('html').send(`<p>${name}</p>`));
    });
    app.get('/acties.data', (_req, res) => {
      runs += 1;
      started.push('list');
      res.type('text/x-script').send(`{"run":${runs}}`);
    });
    queuedServer = app.listen(0);
    queuedBase = `http://127.0.0.1:${(queuedServer.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    for (const release of held.values()) release();
    queuedServer.closeAllConnections();
    return new Promise<void>((resolve) => queuedServer.close(() => resolve()));
  });

  beforeEach(() => {
    queuedVersion += 1;
    runs = 0;
    started.length = 0;
  });

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(condition()).toBe(true);
  };
  const release = (name: string) => {
    held.get(name)!();
    held.delete(name);
  };
  /** A request that keeps its turn until released: a page being opened, or (`.data`) another revalidation. */
  const hold = (name: string, path = '/held') => fetch(`${queuedBase}${path}?name=${name}`).then((r) => r.text());
  /** A revalidation of the list by someone of the werkgroeplid scope; its text once answered. */
  const revalidate = (person: number, signal?: AbortSignal) => {
    const answered = { text: null as string | null };
    const done = fetch(queuedBase + LIST, { headers: { cookie: `koers_session=werkgroeplid-${person}` }, signal })
      .then((r) => r.text())
      .then((text) => (answered.text = text));
    return Object.assign(answered, { done });
  };
  const arrived = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('lets the others of the scope wait for the first, not for a turn of their own behind other work', async () => {
    const page = hold('page'); // has the turn
    await until(() => started.includes('page'));
    const first = revalidate(0); // queued: it will make the answer
    await arrived();
    const other = hold('other', '/held.data'); // another revalidation, queued behind it
    const rest = [revalidate(1), revalidate(2)];
    await arrived();

    release('page'); // the first revalidation has its turn, then the other page keeps the turn
    await until(() => started.includes('other'));
    // Answered while the other revalidation still holds the turn: they never queued behind it.
    await until(() => [first, ...rest].every((r) => r.text !== null));
    expect(held.has('other')).toBe(true);
    expect(runs).toBe(1);
    expect(rest.map((r) => r.text)).toEqual([first.text, first.text]);
    release('other');
    await Promise.all([page, other]);
  });

  it('still answers the others, rendering once, when the first leaves before its turn', async () => {
    const page = hold('page');
    await until(() => started.includes('page'));
    const leaving = new AbortController();
    const first = revalidate(0, leaving.signal);
    first.done.catch(() => null);
    await arrived();
    const rest = [revalidate(1), revalidate(2), revalidate(3)];
    await arrived();
    leaving.abort();
    // Answered while the page still holds the turn.
    await until(() => rest.every((r) => r.text !== null));
    expect(runs).toBe(1);
    expect(new Set(rest.map((r) => r.text)).size).toBe(1);
    release('page');
    await page;
  });
});
