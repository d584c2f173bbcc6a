import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { staticFiles } from './static-files';

let server: http.Server;
let base = '';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-static-'));

beforeAll(() => {
  fs.mkdirSync(path.join(folder, 'assets'));
  fs.writeFileSync(path.join(folder, 'favicon.svg'), '<svg/>');
  fs.writeFileSync(path.join(folder, 'assets', 'entry.js'), 'console.log(1)');
  const app = express();
  app.use(staticFiles(folder, { maxAge: '1h' }));
  app.use((req, res) => res.type('html').send(`pagina ${req.path}`));
  server = app.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(folder, { recursive: true, force: true });
});

const get = async (p: string) => {
  const response = await fetch(base + p);
  return { status: response.status, cache: response.headers.get('cache-control'), body: await response.text() };
};

describe('static files, looked up only under the folder’s own names', () => {
  it('serves the folder’s files and files in its subfolders, with their cache time', async () => {
    expect(await get('/favicon.svg')).toEqual({ status: 200, cache: 'public, max-age=3600', body: '<svg/>' });
    expect((await get('/assets/entry.js')).body).toBe('console.log(1)');
  });

  it('hands every other address to the pages, and a missing file under a known name too', async () => {
    expect((await get('/acties/12')).body).toBe('pagina /acties/12');
    expect((await get('/')).body).toBe('pagina /');
    expect((await get('/assets/weg.js')).body).toBe('pagina /assets/weg.js');
  });

  it('reads the names once: a top-level file added later is not served', async () => {
    fs.writeFileSync(path.join(folder, 'later.txt'), 'later');
    expect((await get('/later.txt')).body).toBe('pagina /later.txt');
  });
});
