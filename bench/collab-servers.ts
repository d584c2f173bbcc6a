/**
 * The two servers of the real-time benchmark as child processes — Koers'
 * production server (server/index.ts) and a bare @y/websocket-server
 * (bench/collab-bare-server.ts) — started as `node --import tsx <entry>` so the child
 * *is* the server process: its CPU time and peak memory are read from /proc/<pid>.
 * Each runs in its own process group, stopped by group at the end (also on errors).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { request } from './load';
import { buildApp, freePort, ROOT, tail } from './server-process';

export { freePort, login, ROOT, tail } from './server-process';

export const DATA_DIR = path.join(ROOT, 'bench/.data');
/** The same build directory as the page benchmark (bench/pages.ts), so both share one build. */
export const BUILD_DIR = path.join(DATA_DIR, 'build');
const FALLBACK_BUILD_DIR = path.join(ROOT, 'build');

export type ServerKind = 'koers' | 'bare';

export type ServerProcess = {
  kind: ServerKind;
  child: ChildProcess;
  pid: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The y-websocket `serverUrl`: documents are `${wsUrl}/<name>`. */
  wsUrl: string;
  logFile: string;
};

const running = new Set<ServerProcess>();

/**
 * A build of the app for the production server. The real-time endpoint does not use
 * the Remix build (server/collab/ runs from source), only /login does, so an existing
 * build is used even when app/ is newer; `rebuild` builds again. When building fails
 * (work in progress elsewhere in app/), an existing `build/` is used instead.
 */
export function ensureBuild({ rebuild, log }: { rebuild: boolean; log: (line: string) => void }): string {
  const entry = (dir: string) => path.join(dir, 'server/index.js');
  if (fs.existsSync(entry(BUILD_DIR)) && !rebuild) return BUILD_DIR;
  log(`App bouwen in ${path.relative(ROOT, BUILD_DIR)} …`);
  try {
    buildApp(BUILD_DIR, 8);
    return BUILD_DIR;
  } catch (error) {
    if (!fs.existsSync(entry(FALLBACK_BUILD_DIR))) throw error;
    log(
      `  de build mislukte; de bestaande build in ${path.relative(ROOT, FALLBACK_BUILD_DIR)}/ wordt gebruikt (alleen /login gebruikt hem):\n${(error as Error).message}`,
    );
    return FALLBACK_BUILD_DIR;
  }
}

function spawnServer(
  kind: ServerKind,
  entry: string,
  env: NodeJS.ProcessEnv,
  port: number,
  logFile: string,
  nodeArgs: string[] = [],
): ServerProcess {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', out, out],
    env,
  });
  fs.closeSync(out);
  if (!child.pid) throw new Error(`${entry} did not start`);
  const origin = `http://127.0.0.1:${port}`;
  const server: ServerProcess = { kind, child, pid: child.pid, origin, wsUrl: `ws://127.0.0.1:${port}/collab`, logFile };
  running.add(server);
  child.once('exit', () => running.delete(server));
  return server;
}

/** `nodeArgs`: e.g. `--cpu-prof --cpu-prof-dir=…` to profile the server (written when it stops cleanly). */
export async function startKoers({
  database,
  buildDir,
  logFile,
  nodeArgs,
}: {
  database: string;
  buildDir: string;
  logFile: string;
  nodeArgs?: string[];
}): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    KOERS_DATABASE: database,
    // Production requires it; the benchmark's fresh database can have a fresh one.
    KOERS_SECRET_KEY: process.env.KOERS_SECRET_KEY ?? randomBytes(32).toString('hex'),
    KOERS_BUILD_DIR: buildDir,
    KOERS_DEMO: 'on',
  };
  // The page cache as configured by default; no timing log; the loopback origin must pass the Origin check.
  delete env.KOERS_PAGE_CACHE;
  delete env.KOERS_TIMING_LOG;
  delete env.KOERS_PUBLIC_URL;
  const server = spawnServer('koers', 'server/index.ts', env, port, logFile, nodeArgs);
  await waitForHttp(`${server.origin}/healthz`, server);
  return server;
}

export async function startBare({ logFile, nodeArgs }: { logFile: string; nodeArgs?: string[] }): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) };
  delete env.YPERSISTENCE; // bare means bare: in memory only
  const server = spawnServer('bare', 'bench/collab-bare-server.ts', env, port, logFile, nodeArgs);
  await waitForHttp(server.origin, server);
  return server;
}

async function waitForHttp(url: string, server: ServerProcess, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null)
      throw new Error(`De ${server.kind}-server stopte bij het starten (code ${server.child.exitCode}):\n${tail(server.logFile)}`);
    try {
      if ((await request(url, { timeoutMs: 2_000 })).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`De ${server.kind}-server antwoordde niet binnen ${timeoutMs / 1000} s op ${url}:\n${tail(server.logFile)}`);
}

function exited(server: ServerProcess): boolean {
  return server.child.exitCode !== null || server.child.signalCode !== null;
}

function waitForExit(server: ServerProcess, timeoutMs: number): Promise<boolean> {
  if (exited(server)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    server.child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalGroup(server: ServerProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-server.pid, signal);
  } catch {
    /* already gone */
  }
}

/** A clean stop (Koers stores and compacts its documents on SIGTERM); SIGKILL after 10 s. */
/** SIGTERM, then SIGKILL after `graceMs` (longer when the server writes a CPU profile on its way out). */
export async function stopServer(server: ServerProcess, graceMs = 10_000) {
  if (exited(server)) return;
  signalGroup(server, 'SIGTERM');
  if (!(await waitForExit(server, graceMs))) {
    signalGroup(server, 'SIGKILL');
    await waitForExit(server, 5_000);
  }
}

/** `kill -9`: no shutdown handler runs. Resolves once the process is gone. */
export async function killHard(server: ServerProcess) {
  signalGroup(server, 'SIGKILL');
  if (!(await waitForExit(server, 5_000))) throw new Error(`De ${server.kind}-server (pid ${server.pid}) stopte niet na SIGKILL`);
}

export async function stopAllServers(graceMs?: number) {
  await Promise.all([...running].map((server) => stopServer(server, graceMs)));
}

/** Last resort when the benchmark itself dies (process 'exit'): no server outlives it. */
export function killAllServersNow() {
  for (const server of running) signalGroup(server, 'SIGKILL');
}

// --- /proc --------------------------------------------------------------------------

let clockTicks: number | null = null;
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU time of the process (all its threads) so far, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its ')' start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  return (utime + stime) / ticksPerSecond();
}

/**
 * The real-time process a Koers server started (server/collab/child.ts), if any: the
 * bare server has none. Read from /proc each time, as it is started again should it die.
 */
export function realtimePid(serverPid: number): number | undefined {
  let children: string;
  try {
    children = fs.readFileSync(`/proc/${serverPid}/task/${serverPid}/children`, 'utf8').trim();
  } catch {
    return undefined;
  }
  for (const pid of children ? children.split(/\s+/).map(Number) : []) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('collab/process.ts')) return pid;
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** CPU seconds of the whole server: its own process plus its real-time process. */
export function serverCpuSeconds(serverPid: number): number {
  const realtime = realtimePid(serverPid);
  return cpuSeconds(serverPid) + (realtime ? cpuSeconds(realtime) : 0);
}

/** Memory of the whole server (its process plus its real-time process), in MiB; the peak is the sum of both peaks. */
export function serverMemoryMiB(serverPid: number): { rss: number; peak: number } {
  const own = memoryMiB(serverPid);
  const realtime = realtimePid(serverPid);
  if (!realtime) return own;
  const other = memoryMiB(realtime);
  return { rss: own.rss + other.rss, peak: own.peak + other.peak };
}

/** Resident memory now and its peak since the process started (VmRSS, VmHWM), in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

// --- sessions -------------------------------------------------------------------------
