/**
 * Where a page's time goes, without HTTP or concurrency: loads the benchmark's
 * production build in this process, signs in, and calls the Remix request handler
 * for each path one request at a time. Every SQLite statement is timed (better-sqlite3
 * is patched before the build is imported), so the report shows per request: total
 * time, SQL time and query count (an N+1 shows up as a large count), the rest
 * (loaders' JavaScript, React rendering, serialization), the HTML size, and the
 * slowest statements with their EXPLAIN QUERY PLAN.
 *
 *   npx tsx bench/profile.ts [/path ...]        (after `npm run bench` built the workspace and build)
 *   KOERS_BUILD_DIR=build/x npx tsx bench/profile.ts …   (profile the build in build/x instead)
 *
 * Options: --requests N (default 200), --explain N (statements to explain per path, default 5),
 * --dump DIR (write each page's HTML there, to see what makes it heavy)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { DEFAULT_BENCH_DATABASE } from './generate-workspace';
import { markdownTable, ms, percentile } from './load';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// KOERS_BUILD_DIR: profile another build (e.g. a worktree's own) while `npm run bench` uses bench/.data/build.
const BUILD_DIR = process.env.KOERS_BUILD_DIR ? path.resolve(process.env.KOERS_BUILD_DIR) : path.join(ROOT, 'bench/.data/build');

const numberOption = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const requests = numberOption('requests', 200);
const dumpIndex = process.argv.indexOf('--dump');
const dumpDir = dumpIndex === -1 ? null : process.argv[dumpIndex + 1]!;
const explainCount = numberOption('explain', 5);
const paths = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));

if (!fs.existsSync(DEFAULT_BENCH_DATABASE) || !fs.existsSync(path.join(BUILD_DIR, 'server/index.js'))) {
  console.error('Run `npm run bench` first: it generates bench/.data/bench.sqlite and bench/.data/build.');
  process.exit(1);
}

process.env.KOERS_DATABASE = DEFAULT_BENCH_DATABASE;
process.env.NODE_ENV = 'production';
// Production requires it; the benchmark database holds no two-factor secrets, so any key does.
process.env.KOERS_SECRET_KEY ??= randomBytes(32).toString('hex');

// --- statement timing ---------------------------------------------------------------
type StatementStats = { sql: string; params: unknown[]; calls: number; ms: number };
let current: Map<string, StatementStats> | null = null;

const { default: Database } = await import('better-sqlite3');
const proto = Database.prototype as unknown as { prepare: (sql: string) => Record<string, (...args: unknown[]) => unknown> };
const originalPrepare = proto.prepare;
proto.prepare = function prepare(this: unknown, sql: string) {
  const statement = originalPrepare.call(this, sql);
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = statement[method];
    if (typeof original !== 'function') continue;
    statement[method] = function timed(this: unknown, ...args: unknown[]) {
      const t0 = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        if (current) {
          const stats = current.get(sql) ?? { sql, params: args, calls: 0, ms: 0 };
          stats.calls += 1;
          stats.ms += performance.now() - t0;
          current.set(sql, stats);
        }
      }
    };
  }
  return statement;
};

// --- the app, in process --------------------------------------------------------------
const { createRequestHandler } = await import('@remix-run/node');
const build = await import(pathToFileURL(path.join(BUILD_DIR, 'server/index.js')).href);
const handler = createRequestHandler(build, 'production');
const context = { cspNonce: 'profile', clientAddress: '127.0.0.1' };
const origin = 'http://127.0.0.1:3000';

const loginBody = new URLSearchParams({ email: 'werkgroep.haarlem@koers.test', password: 'koers-demo', redirectTo: '/' });
const loginResponse = await handler(
  new Request(`${origin}/login`, {
    method: 'POST',
    body: loginBody,
    headers: { origin, host: '127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded' },
  }),
  context,
);
const cookie = (loginResponse.headers.get('set-cookie') ?? '').split(';')[0]!;
if (!cookie) throw new Error(`Login failed: HTTP ${loginResponse.status}`);

const sqlite = new Database(DEFAULT_BENCH_DATABASE, { readonly: true });
const heavyAction = (
  sqlite
    .prepare(
      `select a.id from actions a order by
     (select count(*) from comments c where c.target_type = 'action' and c.target_id = a.id) +
     (select count(*) from history h where h.entity_type = 'action' and h.entity_id = a.id) desc limit 1`,
    )
    .get() as { id: number }
).id;
const targets = paths.length > 0 ? paths : ['/', '/acties?status=loopt&termijn=2022', `/acties/${heavyAction}`];

async function once(url: string) {
  current = new Map();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const response = await handler(new Request(origin + url, { headers: { cookie, host: '127.0.0.1:3000' } }), context);
  const body = await response.text();
  const total = performance.now() - t0;
  const cpuUsed = process.cpuUsage(cpu0);
  // CPU time of this process (all its threads, GC included): on a shared machine it moves far less with the load than wall time.
  const cpu = (cpuUsed.user + cpuUsed.system) / 1000;
  if (dumpDir) fs.writeFileSync(path.join(dumpDir, `${url.replace(/[^a-z0-9]+/gi, '_') || 'root'}.html`), body);
  const statements = current;
  current = null;
  return { status: response.status, bytes: Buffer.byteLength(body), total, cpu, statements };
}

for (const url of targets) {
  const first = await once(url);
  if (first.status !== 200) {
    console.log(`\n## ${url}: HTTP ${first.status}, skipped`);
    continue;
  }
  for (let i = 0; i < Math.min(50, requests); i++) await once(url);
  const totals: number[] = [];
  const cpuTimes: number[] = [];
  const sqlTimes: number[] = [];
  const merged = new Map<string, StatementStats>();
  let queries = 0;
  for (let i = 0; i < requests; i++) {
    const run = await once(url);
    totals.push(run.total);
    cpuTimes.push(run.cpu);
    let sqlMs = 0;
    for (const s of run.statements.values()) {
      sqlMs += s.ms;
      queries += s.calls;
      const m = merged.get(s.sql) ?? { sql: s.sql, params: s.params, calls: 0, ms: 0 };
      m.calls += s.calls;
      m.ms += s.ms;
      merged.set(s.sql, m);
    }
    sqlTimes.push(sqlMs);
  }
  totals.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const meanTotal = totals.reduce((s, v) => s + v, 0) / requests;
  const meanSql = sqlTimes.reduce((s, v) => s + v, 0) / requests;
  console.log(`\n## ${url}`);
  console.log(
    `one request at a time, ${requests} requests: mean ${ms(meanTotal)} ms (p50 ${ms(percentile(totals, 50))}, p95 ${ms(percentile(totals, 95))}); ` +
      `CPU p50 ${ms(percentile(cpuTimes, 50))} ms; ` +
      `SQL ${ms(meanSql)} ms in ${(queries / requests).toFixed(1)} statements; rest (loader JS, React render, serialization) ${ms(meanTotal - meanSql)} ms; ` +
      `HTML ${(first.bytes / 1024).toFixed(1)} KiB uncompressed`,
  );
  const slowest = [...merged.values()].sort((a, b) => b.ms - a.ms);
  console.log(
    markdownTable(
      ['ms/request', 'calls/request', 'statement'],
      slowest.slice(0, 12).map((s) => [ms(s.ms / requests), (s.calls / requests).toFixed(1), s.sql.replace(/\s+/g, ' ').slice(0, 160)]),
    ),
  );
  for (const s of slowest.slice(0, explainCount)) {
    try {
      const plan = sqlite.prepare(`explain query plan ${s.sql}`).all(...(s.params as never[])) as {
        id: number;
        parent: number;
        detail: string;
      }[];
      console.log(
        `\n${ms(s.ms / requests)} ms/request: ${s.sql.replace(/\s+/g, ' ').slice(0, 400)}\n  params: ${JSON.stringify(s.params).slice(0, 200)}`,
      );
      for (const row of plan) console.log(`  ${row.parent === 0 ? '' : '  '}${row.detail}`);
    } catch (error) {
      console.log(`  (no plan: ${(error as Error).message})`);
    }
  }
}
sqlite.close();
process.exit(0);
