/**
 * What every benchmark needs around a server it starts: a free port, the app built,
 * a session cookie, and the end of a log when something fails.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { DEFAULT_BENCH_DATABASE } from './generate-workspace';
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

/** The page benchmark's workspace (bench/.data/bench.sqlite), generated when missing or when `fresh`. */
export function ensureBenchWorkspace(log: (line: string) => void, { fresh = false, file = DEFAULT_BENCH_DATABASE } = {}) {
  if (fresh || !fs.existsSync(file)) {
    log(`Werkruimte genereren in ${path.relative(ROOT, file)} …`);
    // In a child process: the generator binds app modules to its database at import time.
    execFileSync('npx', ['tsx', path.join(ROOT, 'bench/generate-workspace.ts'), file], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
  } else {
    log(`Bestaande werkruimte: ${path.relative(ROOT, file)} (--fresh maakt hem opnieuw)`);
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * A production build in `buildDir` for the page benchmarks: built when missing, when a
 * file in app/ is newer than it, or with `rebuild`; `noBuild` keeps a stale one.
 */
export function ensureBenchBuild(
  buildDir: string,
  { rebuild = false, noBuild = false, log }: { rebuild?: boolean; noBuild?: boolean; log: (line: string) => void },
) {
  const serverEntry = path.join(buildDir, 'server/index.js');
  const stale = fs.existsSync(serverEntry) && newestMtime(path.join(ROOT, 'app')) > fs.statSync(serverEntry).mtimeMs;
  if (fs.existsSync(serverEntry) && (noBuild || (!rebuild && !stale))) {
    log(`Bestaande build: ${path.relative(ROOT, buildDir)}${stale ? ' (ouder dan app/, --no-build)' : ''}`);
    return;
  }
  log(`App bouwen in ${path.relative(ROOT, buildDir)}${stale ? ' (app/ is nieuwer dan de build)' : ''} …`);
  buildApp(buildDir);
}

/** The commit measured, marked when app/, server/ or db/ hold uncommitted changes. */
export function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--', 'app', 'server', 'db'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (+ uncommitted changes in app/, server/ or db/)` : commit;
  } catch {
    return 'unknown';
  }
}
