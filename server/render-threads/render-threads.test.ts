import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { threadId } from 'node:worker_threads';

import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { type LiveServer, registerLiveServer } from '../../app/models/collab/live-bridge.server';
import { type RenderThreads, startRenderThreads } from './index';

let server: http.Server;
let threads: RenderThreads;
let base = '';
const live = { edits: [] as [string, number[]][], rechecked: [] as number[] };
let unregister: () => void;
const actionsDone: number[] = [];

beforeAll(async () => {
  const realtime: LiveServer = {
    documentEdited: (name, update) => live.edits.push([name, [...update]]),
    recheckUser: (userId) => live.rechecked.push(userId),
    recheckAll: () => {},
  };
  unregister = registerLiveServer(realtime);
  threads = await startRenderThreads({
    count: 1,
    handlerModule: new URL('../../tests/fixtures/render-thread-handler.ts', import.meta.url).href,
    options: { greeting: 'hallo' },
    loadContext: (req) => ({ clientAddress: req.ip ?? '' }),
    browserOf: (req) => req.get('x-browser') ?? null,
    // Long enough that a revalidation never counts as overdue here.
    maxBackgroundWaitMs: 60_000,
  });
  const app = express();
  app.use(threads.formsInProgress);
  app.use(threads.handler);
  // What the main thread renders itself; a form that takes its time.
  app.post(
    '/traag-formulier',
    threads.onMainThread(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      actionsDone.push(Date.now());
      res.type('text').send('formulier');
    }),
  );
  app.use((req, res) => res.type('text').send(`hoofdthread ${req.method} ${req.originalUrl}`));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await threads.close();
  unregister();
});

describe('render threads', () => {
  it('render a page on another thread and answer with its status, headers, cookies and body', async () => {
    const response = await fetch(`${base}/acties?status=loopt&zoek=taal%20en%20rekenen`, { headers: { 'x-person': 'Velsen' } });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('x-thread'))).not.toBe(threadId);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await response.text()).toBe('hallo\n/acties?status=loopt&zoek=taal%20en%20rekenen\nVelsen\n127.0.0.1');
    expect((await fetch(`${base}/missing`)).status).toBe(404);
  });

  it('pass a download on byte for byte', async () => {
    const bytes = new Uint8Array(await (await fetch(`${base}/bytes`)).arrayBuffer());
    expect([...bytes]).toEqual(Array.from({ length: 256 }, (_, i) => i));
  });

  it('compress a page there for a browser that accepts gzip, and leave downloads and small answers as they are', async () => {
    const page = `<!DOCTYPE html><p>${'Taal en rekenen. '.repeat(200)}</p>`;
    const gzipped = await fetch(`${base}/pagina`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gzipped.headers.get('content-length'))).toBeLessThan(page.length / 10);
    expect(await gzipped.text()).toBe(page);

    const plain = await fetch(`${base}/pagina`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(page);

    const download = await fetch(`${base}/bytes`, { headers: { 'accept-encoding': 'gzip' } });
    expect(download.headers.get('content-encoding')).toBeNull();
    const small = await fetch(`${base}/acties`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('render live revalidations there too, and leave forms and the sign-in with an identity provider to the main thread', async () => {
    const text = async (path: string, init?: RequestInit) => (await fetch(base + path, init)).text();
    expect(await text('/acties.data?_routes=routes/acties._index')).toMatch(/^hallo\n\/acties\.data/);
    expect(await text('/acties', { method: 'POST', body: 'a=1' })).toBe('hoofdthread POST /acties');
    expect(await text('/login/oidc/haarlem')).toBe('hoofdthread GET /login/oidc/haarlem');
    expect(await text('/login/oidc/haarlem/callback?state=x')).toBe('hoofdthread GET /login/oidc/haarlem/callback?state=x');
  });

  it('render a page someone opens before the live revalidations that wait', async () => {
    const busy = fetch(`${base}/slow`); // the one thread is busy
    await new Promise((resolve) => setTimeout(resolve, 30));
    const finished: string[] = [];
    const track = (path: string) => fetch(base + path).then(() => finished.push(path));
    const revalidation = track('/slow.data');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all([busy, revalidation, track('/acties')]);
    expect(finished).toEqual(['/acties', '/slow.data']);
  });

  it('render a page only after the forms its own browser sent before it, not those of another browser', async () => {
    const finished: string[] = [];
    const send = (path: string, browser: string, method = 'GET') =>
      fetch(base + path, { method, headers: { 'x-browser': browser } }).then(() => finished.push(`${browser} ${method} ${path}`));
    const form = send('/traag-formulier', 'A', 'POST');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all([form, send('/login', 'A'), send('/login', 'B')]);
    expect(finished).toEqual(['B GET /login', 'A POST /traag-formulier', 'A GET /login']);
  });

  it('let a page wait for a form whose browser went away until its action has run', async () => {
    const leaving = new AbortController();
    const form = fetch(`${base}/traag-formulier`, { method: 'POST', headers: { 'x-browser': 'C' }, signal: leaving.signal }).catch(
      () => null,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    leaving.abort();
    await form;
    const before = actionsDone.length;
    await fetch(`${base}/login`, { headers: { 'x-browser': 'C' } });
    expect(actionsDone.length).toBe(before + 1);
  });

  it('hand what a loader changes in a live document, or in someone’s access, to the real-time server', async () => {
    expect(await (await fetch(`${base}/live`)).text()).toBe('live');
    expect(live.edits).toContainEqual(['notes-7', [1, 2, 3]]);
    expect(live.rechecked).toContain(42);
  });

  it('answer one request at a time per thread, in order of arrival', async () => {
    const [first, second] = await Promise.all([fetch(`${base}/slow`), fetch(`${base}/slow`)]);
    const [a, b] = [Number((await first.text()).split(' ')[1]), Number((await second.text()).split(' ')[1])];
    expect(Math.abs(a - b)).toBeGreaterThanOrEqual(140);
  });

  it('render on the main thread what a render thread could not answer', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await (await fetch(`${base}/throws`)).text()).toBe('hoofdthread GET /throws');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('could not answer'), '/throws', '-', 'buiten Remix om');
  });

  it('render on the main thread when a render thread stops, and start it again', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await (await fetch(`${base}/stop`)).text()).toBe('hoofdthread GET /stop');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('A render thread stopped'));
    await vi.waitFor(async () => expect((await fetch(`${base}/weer`)).headers.get('x-thread')).not.toBeNull(), {
      timeout: 10_000,
      interval: 200,
    });
  });
});
