import type http from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { renderQueue } from './render-queue';

/**
 * Servers whose handler holds requests until the test lets them answer, so what the queue
 * admits, and in which order, can be watched one step at a time.
 */
const servers: http.Server[] = [];
let base = '';
let arrived: string[] = [];
let started: string[] = [];
const held = new Map<string, () => void>();

const nameOf = (req: express.Request) => String(req.query.name);

/** A server with the queue in front of a handler that holds the requests `holds` names; its address. */
function listen(options: Parameters<typeof renderQueue>[0], holds: (name: string) => boolean = () => true): string {
  const app = express();
  app.use((req, _res, next) => {
    arrived.push(nameOf(req));
    next();
  });
  app.use(renderQueue(options));
  app.all('*', (req, res) => {
    const name = nameOf(req);
    started.push(name);
    const reply = () => res.type('html').send(`<p>${name}</p>`);
    if (holds(name)) held.set(name, reply);
    else reply();
  });
  const server = app.listen(0);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(() => {
  arrived = [];
  started = [];
  held.clear();
  // Nothing waits long enough here to be overdue; that rule has its own test.
  base = listen({ maxTurnMs: 30_000, maxBackgroundWaitMs: 30_000 });
});

afterEach(async () => {
  for (const answer of held.values()) answer();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

const send = (path: string, init: RequestInit = {}) =>
  fetch(base + path, init).then(async (response) => ({ status: response.status, text: await response.text() }));

const answer = (name: string) => {
  held.get(name)!();
  held.delete(name);
};

describe('the render queue', () => {
  it('lets one request at a time run, and a page being opened before the revalidations that waited longer', async () => {
    const first = send('/acties?name=first');
    await until(() => started.includes('first'));
    const revalidation = send('/acties.data?name=revalidation&_routes=routes%2Facties._index');
    await until(() => arrived.includes('revalidation'));
    const form = send('/bord.data?name=form', { method: 'POST' });
    const page = send('/?name=page');
    await until(() => arrived.length === 4);
    expect(started).toEqual(['first']);

    answer('first');
    await until(() => started.length === 2);
    answer('form');
    await until(() => started.length === 3);
    answer('page');
    await until(() => started.length === 4);
    answer('revalidation');

    expect(started).toEqual(['first', 'form', 'page', 'revalidation']);
    expect((await page).text).toBe('<p>page</p>');
    expect((await revalidation).text).toBe('<p>revalidation</p>');
    await Promise.all([first, form]);
  });

  it('drops a request whose connection closes while it waits', async () => {
    const first = send('/?name=first');
    await until(() => started.includes('first'));
    const gone = new AbortController();
    const leaving = send('/?name=leaving', { signal: gone.signal }).catch(() => 'aborted');
    const staying = send('/?name=staying');
    await until(() => arrived.length === 3);
    gone.abort();
    expect(await leaving).toBe('aborted');
    // The closed connection reaches the server as an event; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 50));

    answer('first');
    await until(() => started.includes('staying'));
    answer('staying');
    expect((await staying).text).toBe('<p>staying</p>');
    expect(started).toEqual(['first', 'staying']);
    await first;
  });
});

describe('a revalidation that has waited too long', () => {
  it('goes next after a page, then the pages and the overdue revalidations take turns', async () => {
    const own = listen({ maxTurnMs: 30_000, maxBackgroundWaitMs: 20 });
    const get = (path: string) => fetch(own + path).then((r) => r.text());
    const first = get('/acties?name=first');
    await until(() => started.includes('first'));
    const revalidations = [
      get('/acties.data?name=rev1&_routes=routes%2Facties._index'),
      get('/_root.data?name=rev2&_routes=routes%2F_index'),
    ];
    await until(() => arrived.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 40)); // both overdue now
    const pages = [get('/?name=page2'), get('/zoeken?name=page3')];
    await until(() => arrived.length === 5);

    const order = ['first', 'rev1', 'page2', 'rev2', 'page3'];
    for (const [turn, name] of order.entries()) {
      await until(() => started.length > turn);
      expect(started[turn]).toBe(name);
      answer(name);
    }
    await Promise.all([first, ...revalidations, ...pages]);
  });
});

describe('a request the page cache can answer', () => {
  it('needs no turn: it is let by while another request has the turn', async () => {
    const own = listen({ maxTurnMs: 30_000, needsNoTurn: async (req) => nameOf(req) === 'kept' }, (name) => name === 'slow');
    const slow = fetch(`${own}/?name=slow`).then((r) => r.text());
    await until(() => started.includes('slow'));
    expect(await fetch(`${own}/acties.data?name=kept`).then((r) => r.text())).toBe('<p>kept</p>');
    expect(held.has('slow')).toBe(true);
    answer('slow');
    expect(await slow).toBe('<p>slow</p>');
  });
});

describe('a request that waits for something other than the thread', () => {
  it('gives up its turn after the longest turn, so the others are not held up by it', async () => {
    // A queue of its own with a short turn, in front of the same handler.
    const own = listen({ maxTurnMs: 20 }, (name) => name === 'slow');
    const slow = fetch(`${own}/bibliotheek/1/download?name=slow`).then((r) => r.text());
    await until(() => started.includes('slow'));
    const quick = await fetch(`${own}/?name=quick`).then((r) => r.text());
    expect(quick).toBe('<p>quick</p>');
    expect(held.has('slow')).toBe(true);
    answer('slow');
    expect(await slow).toBe('<p>slow</p>');
  });
});
