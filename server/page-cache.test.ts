import type http from 'node:http';
import type { AddressInfo } from 'node:net';

import compression from 'compression';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pageCache } from './page-cache';

let version = 1;
let renders = 0;
let server: http.Server;
let base = '';

beforeAll(async () => {
  const app = express();
  app.use(pageCache({ dataVersion: () => String(version), sessionCookieName: 'koers_session' }));
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
