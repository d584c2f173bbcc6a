/**
 * What every benchmark needs around a server it starts: a free port, the app built,
 * a session cookie, and the end of a log when something fails.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

import { request } from './load';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Builds the app into `buildDir`; on failure throws with the cause (Vite appends its watched files after it). */
export function buildApp(buildDir: string, causeLines = 15) {
  try {
    execFileSync('npx', ['remix', 'vite:build'], {
      cwd: ROOT,
      stdio: 'pipe',
      encoding: 'utf8',
      env: { ...process.env, KOERS_BUILD_DIR: buildDir },
      timeout: 300_000,
    });
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    const cause = output
      .split(/\n\s*watchFiles:/)[0]!
      .split('\n')
      .slice(-causeLines)
      .join('\n');
    throw new Error(`De build is mislukt (npx remix vite:build):\n${cause}`);
  }
}

export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Logs in through the login form like a browser (the Origin header passes the CSRF check). */
export async function login(origin: string, email: string, password: string): Promise<string> {
  const body = new URLSearchParams({ email, password, redirectTo: '/' }).toString();
  const res = await request(`${origin}/login`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)), origin },
  });
  const setCookie = res.headers['set-cookie'] ?? [];
  if (res.status >= 400 || setCookie.length === 0)
    throw new Error(`Inloggen als ${email} mislukte: HTTP ${res.status}\n${res.body.toString('utf8').slice(0, 500)}`);
  return setCookie.map((c) => c.split(';')[0]).join('; ');
}
