/**
 * `npm run bench:capacity`: a busy day on the 2,000-action workspace (issue 14 §6).
 *
 * One Koers production server (server/index.ts, page cache on as by default) on a copy
 * of the page benchmark's workspace (bench/.data/bench.sqlite → capacity.sqlite, fresh
 * each run), and at the same time:
 *
 *  - 3 meetings × 12 people typing in the live notes: the real y-websocket clients of
 *    `npm run bench:collab` (bench/collab-worker.ts, one client process per meeting),
 *    each typing 5 characters/s (bench:collab scenario B's rate);
 *  - N browsing users, each with its own session, the live stream open and a loop of
 *    page views (overview, action list, an action page, search) with think time, who
 *    revalidate the page they show on every push (bench/capacity-users.ts);
 *  - one tracker change every 2 s: a werkgroeplid moves an action to another status
 *    through the board's form (`POST /bord.data`).
 *
 * Levels run in order on the same server, adding users: N = 0 (the baseline: notes and
 * changes only), 50, 100, 200, 500 by default. Per level: warm-up (the new users start, spread over it), then a measured
 * window. Reported per level: page p95 of first views (the HTML document) and of
 * revalidations (the page's data URL), notes p99 (an insert → its arrival at the other
 * clients of the meeting), push → revalidated p95 (change sent → each user's
 * revalidation done), server CPU % and memory, and the largest N with page p95 ≤ 100 ms
 * and notes p99 ≤ 10 ms. A level whose page p95 misses by more than 10× ends the run (the
 * levels above it would only queue longer), which also bounds the run time.
 *
 * Options: --levels 0,50,100,200,500  --duration S (measured window per level, default 60)
 *          --warmup S (default 10)  --think S (mean think time, default 10)
 *          --typing-rate R (inserts/s per typist, default 5)  --change-every S (default 2)
 *          --all-levels (no early end: on a shared machine even small N can miss by 10×)
 *          --rebuild  --no-write (print only)
 *          --cpu-prof DIR (V8 CPU profiles of the web and real-time processes, written when the server stops)
 *          --node-args "FLAGS" (extra Node flags for the server, e.g. "--max-semi-space-size=32", to compare settings)
 *          --revalidate-every-page (every open page revalidates on every change, as before decision 028, to compare)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

import Database from 'better-sqlite3';

import { MAX_SPREAD_MS, SPREAD_MS_PER_STREAM } from '../server/live/spread';
import {
  BrowsingUser,
  ChangeLog,
  type MovableAction,
  type Page,
  PAGE_KINDS,
  type PageKind,
  Recorder,
  TrackerChanger,
} from './capacity-users';
import { ClientPool } from './collab-clients';
import type { DocumentLoad, TypingResult } from './collab-messages';
import {
  cpuSeconds,
  DATA_DIR,
  killAllServersNow,
  memoryMiB,
  realtimePid,
  type ServerProcess,
  startKoers,
  stopAllServers,
} from './collab-servers';
import { DEFAULT_BENCH_DATABASE, seededRandom } from './generate-workspace';
import { machineInfo, markdownTable, ms, percentile, replaceMarkedSection } from './load';
import { ensureBenchBuild, ensureBenchWorkspace, gitCommit, ROOT } from './server-process';

const DOCS_FILE = path.join(ROOT, 'docs/benchmarks.md');
const DATABASE = path.join(DATA_DIR, 'capacity.sqlite');
const SERVER_LOG = path.join(DATA_DIR, 'capacity-server.log');
const BUILD_DIR = path.join(DATA_DIR, 'build');
const CHANGER_EMAIL = 'werkgroep.haarlem@koers.test';
const TARGET_PAGE_P95_MS = 100;
const TARGET_NOTES_P99_MS = 10;
/** A level this far over a target ends the run. */
const HOPELESS_FACTOR = 10;
const MEETINGS = 3;
const TYPISTS_PER_MEETING = 12;
const TYPING_GRACE_MS = 5_000;

const flag = (name: string) => process.argv.includes(`--${name}`);
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}
function levelsOption(): number[] {
  const i = process.argv.indexOf('--levels');
  const text = i === -1 ? '0,50,100,200,500' : (process.argv[i + 1] ?? '');
  const levels = text.split(',').map(Number);
  if (levels.length === 0 || levels.some((n) => !Number.isInteger(n) || n < 0))
    throw new Error('--levels needs whole numbers, e.g. 0,50,100,200');
  return [...new Set(levels)].sort((a, b) => a - b);
}

const settings = {
  levels: levelsOption(),
  durationMs: option('duration', 60) * 1000,
  warmupMs: option('warmup', 10) * 1000,
  thinkMs: option('think', 10) * 1000,
  typingRate: option('typing-rate', 5),
  changeEveryMs: option('change-every', 2) * 1000,
};

/** The text after `--name`: undefined without the option, '' when nothing follows it. */
function textOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : (process.argv[i + 1] ?? '');
}
const cpuProfileDir = (() => {
  const dir = textOption('cpu-prof');
  return dir === undefined ? null : path.resolve(dir || 'bench/.data/cpu-profiles');
})();
const serverNodeArgs = (textOption('node-args') ?? '').split(' ').filter(Boolean);

const log = (line: string) => console.log(line);
const sleep = (msDelay: number) => new Promise((resolve) => setTimeout(resolve, msDelay));
const loadAverage = () => os.loadavg()[0]!;

// --- the workspace --------------------------------------------------------------------

type Prepared = {
  /** Browsing users' cookies, one session each, over the workspace's people in turn. */
  browserCookies: string[];
  typistCookies: string[];
  changerCookie: string;
  meetingDocuments: string[];
  actionIds: number[];
  /** Open regional actions the changer moves, with the status each has at the start. */
  regionalActions: MovableAction[];
  heavyActionId: number;
  people: number;
};

/**
 * A fresh copy of the page benchmark's workspace with the sessions and the three
 * meetings of the day, made before the server starts. The app modules bind to
 * KOERS_DATABASE when loaded, hence the dynamic imports after setting it.
 */
async function prepare(sessions: number): Promise<Prepared> {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DATABASE + suffix, { force: true });
  const source = new Database(DEFAULT_BENCH_DATABASE, { readonly: true, fileMustExist: true });
  await source.backup(DATABASE);
  source.close();

  process.env.KOERS_DATABASE = DATABASE;
  const { db } = await import('../app/utils/db.server');
  const { migrateDatabase } = await import('../db/migrate');
  const { createSession } = await import('../app/models/accounts/session.server');
  const { sessionCookie } = await import('../app/utils/auth.server');
  const { createMeeting } = await import('../app/models/meetings/meeting.server');
  migrateDatabase(db);
  const sqlite = db.$client;
  try {
    const people = sqlite.prepare('select id, email, role from users where active = 1 order by id').all() as {
      id: number;
      email: string;
      role: string;
    }[];
    const writers = people.filter((p) => p.role === 'werkgroeplid' || p.role === 'beheerder');
    const changer = people.find((p) => p.email === CHANGER_EMAIL);
    if (!changer) throw new Error(`${CHANGER_EMAIL} ontbreekt in de werkruimte`);
    const cookieOf = async (userId: number) => (await sessionCookie.serialize(createSession(userId).id)).split(';')[0]!;

    const browserCookies: string[] = [];
    const typistCookies: string[] = [];
    const meetingIds = db.transaction(() =>
      Array.from(
        { length: MEETINGS },
        (_, i) =>
          createMeeting({
            title: `Capaciteitsoverleg ${i + 1}`,
            kind: 'werkgroep',
            startsAt: new Date().toISOString(),
            createdBy: changer.id,
          }).id,
      ),
    );
    for (let i = 0; i < sessions; i++) browserCookies.push(await cookieOf(people[i % people.length]!.id));
    for (let i = 0; i < MEETINGS * TYPISTS_PER_MEETING; i++) typistCookies.push(await cookieOf(writers[i % writers.length]!.id));
    const changerCookie = await cookieOf(changer.id);

    const ids = (query: string) => (sqlite.prepare(query).pluck().all() as number[]).map(Number);
    const heavyActionId = Number(
      sqlite
        .prepare(
          `select a.id from actions a order by
             (select count(*) from comments c where c.target_type = 'action' and c.target_id = a.id) +
             (select count(*) from history h where h.entity_type = 'action' and h.entity_id = a.id) desc limit 1`,
        )
        .pluck()
        .get(),
    );
    return {
      browserCookies,
      typistCookies,
      changerCookie,
      meetingDocuments: meetingIds.map((id) => `meeting.${id}`),
      actionIds: ids('select id from actions order by id'),
      // Regional actions still open, in a period that is not closed: the werkgroeplid may move them (canEditAgenda).
      regionalActions: sqlite
        .prepare(
          `select a.id, a.status from actions a join agendas g on g.id = a.agenda_id
            where a.municipality_id is null and a.status in ('loopt', 'besluit_nodig') and g.status <> 'afgesloten'
            order by a.id limit 40`,
        )
        .all() as MovableAction[],
      heavyActionId,
      people: people.length,
    };
  } finally {
    sqlite.close();
  }
}

// --- what the browsing users view -----------------------------------------------------

const LIST_PATHS = ['/acties?status=loopt&termijn=2022', '/acties', '/acties?status=besluit_nodig'];
const SEARCH_PATHS = ['/zoeken?q=taal', '/zoeken?q=bibliotheek', '/zoeken?q=lezen'];
/** Share of page views per kind (the rest: action pages). */
const MIX: [PageKind, number][] = [
  ['overview', 0.25],
  ['list', 0.3],
  ['search', 0.1],
  ['action', 0.35],
];

function pagePicker(seed: number, prepared: Prepared): () => Page {
  const rnd = seededRandom(seed);
  return () => {
    let roll = rnd.next();
    let kind: PageKind = 'action';
    for (const [k, share] of MIX) {
      if (roll < share) {
        kind = k;
        break;
      }
      roll -= share;
    }
    switch (kind) {
      case 'overview':
        return { kind, path: '/' };
      case 'list':
        return { kind, path: rnd.pick(LIST_PATHS) };
      case 'search':
        return { kind, path: rnd.pick(SEARCH_PATHS) };
      case 'action':
        // One in ten views is the heaviest action page (150 comments), as in `npm run bench`.
        return { kind, path: `/acties/${rnd.next() < 0.1 ? prepared.heavyActionId : rnd.pick(prepared.actionIds)}` };
    }
  };
}

// --- one level --------------------------------------------------------------------------

type LevelResult = {
  users: number;
  streamsOpen: number;
  firstView: Record<PageKind, number[]>;
  firstViewAll: number[];
  revalidation: Record<PageKind, number[]>;
  revalidationAll: number[];
  pushToRevalidated: number[];
  /** (user, change) pairs whose action page the change's event did not name: nothing to revalidate. */
  spared: number;
  /** users × measured changes: how many pages a push should bring up to date (revalidated or spared). */
  expectedRevalidations: number;
  errors: number;
  firstError: string | null;
  streamDrops: number;
  changes: { sent: number; failed: number; p95: number; firstError: string | null };
  notes: TypingResult;
  notesSorted: number[];
  /** The web process (pages, the live stream; all its threads): % of one core. */
  cpuPercent: number;
  /** The real-time process (the notes): % of one core, and its highest RSS. */
  realtimeCpuPercent: number;
  realtimeRssMiB: number;
  /** Page requests answered per second in the window. */
  pageRps: number;
  rssMiB: number;
  peakMiB: number;
  loopP99Ms: number;
  loadAverage: number[];
  pass: boolean;
  hopeless: boolean;
};

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const p = (values: number[], q: number) => percentile(values, q);

async function runLevel(
  target: number,
  users: BrowsingUser[],
  addUser: (index: number, startDelayMs: number) => BrowsingUser,
  context: { server: ServerProcess; pool: ClientPool; recorder: Recorder; changes: ChangeLog; changer: TrackerChanger },
): Promise<LevelResult> {
  const { server, pool, recorder, changes, changer } = context;
  const loads: number[] = [loadAverage()];
  // The new users start spread over the first half of the warm-up (no thundering herd).
  while (users.length < target) users.push(addUser(users.length, Math.random() * (settings.warmupMs / 2)));
  await pool.type('koers', settings.typingRate, settings.warmupMs, 0);

  recorder.reset();
  changer.sent = 0;
  changer.failed = 0;
  changer.firstError = null;
  changer.latenciesMs = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const realtime = realtimePid(server.pid);
  if (!realtime) throw new Error('The server has no real-time process (server/collab/child.ts).');
  let peakRss = memoryMiB(server.pid).rss;
  let peakRealtimeRss = memoryMiB(realtime).rss;
  const rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, memoryMiB(server.pid).rss);
    peakRealtimeRss = Math.max(peakRealtimeRss, memoryMiB(realtime).rss);
    loads.push(loadAverage());
  }, 5_000);
  const streamsOpen = users.filter((u) => u.streamOpen).length;
  const cpuStart = cpuSeconds(server.pid);
  const realtimeCpuStart = cpuSeconds(realtime);
  const t0 = performance.now();
  changes.recordedFrom = changes.changes.length;
  changes.recordedTo = Infinity;
  recorder.recording = true;
  let cpuEnd = cpuStart;
  let realtimeCpuEnd = realtimeCpuStart;
  let t1 = t0;
  const closeWindow = setTimeout(() => {
    recorder.recording = false;
    changes.recordedTo = changes.changes.length;
    cpuEnd = cpuSeconds(server.pid);
    realtimeCpuEnd = cpuSeconds(realtime);
    t1 = performance.now();
  }, settings.durationMs);
  const notes = await pool.type('koers', settings.typingRate, settings.durationMs, TYPING_GRACE_MS);
  clearTimeout(closeWindow);
  if (recorder.recording) {
    recorder.recording = false;
    changes.recordedTo = changes.changes.length;
    cpuEnd = cpuSeconds(server.pid);
    realtimeCpuEnd = cpuSeconds(realtime);
    t1 = performance.now();
  }
  // Revalidations for the window's last changes may still be on their way.
  await sleep(3_000);
  clearInterval(rssTimer);
  loop.disable();
  loads.push(loadAverage());

  const firstViewAll = sorted(PAGE_KINDS.flatMap((k) => recorder.firstView[k]));
  const revalidationAll = sorted(PAGE_KINDS.flatMap((k) => recorder.revalidation[k]));
  const notesSorted = sorted(Array.from(notes.latenciesMs));
  const measuredChanges = changes.recordedTo - changes.recordedFrom;
  // Level 0 (the baseline: notes and changes only) has no pages to judge.
  const pageP95 = firstViewAll.length + revalidationAll.length === 0 ? 0 : Math.max(p(firstViewAll, 95), p(revalidationAll, 95));
  const notesP99 = p(notesSorted, 99);
  const memory = memoryMiB(server.pid);
  return {
    users: users.length,
    streamsOpen,
    firstView: mapKinds(recorder.firstView),
    firstViewAll,
    revalidation: mapKinds(recorder.revalidation),
    revalidationAll,
    pushToRevalidated: sorted(recorder.pushToRevalidated),
    spared: recorder.spared,
    expectedRevalidations: measuredChanges * users.length,
    errors: recorder.errors,
    firstError: recorder.firstError,
    streamDrops: recorder.streamDrops,
    changes: { sent: changer.sent, failed: changer.failed, p95: p(sorted(changer.latenciesMs), 95), firstError: changer.firstError },
    notes,
    notesSorted,
    cpuPercent: ((cpuEnd - cpuStart) / ((t1 - t0) / 1000)) * 100,
    realtimeCpuPercent: ((realtimeCpuEnd - realtimeCpuStart) / ((t1 - t0) / 1000)) * 100,
    realtimeRssMiB: Math.max(peakRealtimeRss, memoryMiB(realtime).rss),
    pageRps: recorder.served / ((t1 - t0) / 1000),
    rssMiB: Math.max(peakRss, memory.rss),
    peakMiB: memory.peak,
    loopP99Ms: loop.percentile(99) / 1e6,
    loadAverage: loads,
    pass:
      pageP95 <= TARGET_PAGE_P95_MS &&
      notesP99 <= TARGET_NOTES_P99_MS &&
      recorder.errors === 0 &&
      notes.delivered === notes.expectedDeliveries,
    // Pages only: the notes' tail is mostly other processes' load (see the baseline), pages queue for the server.
    hopeless: pageP95 > TARGET_PAGE_P95_MS * HOPELESS_FACTOR,
  };
}

function mapKinds(byKind: Record<PageKind, number[]>): Record<PageKind, number[]> {
  return Object.fromEntries(PAGE_KINDS.map((k) => [k, sorted(byKind[k])])) as Record<PageKind, number[]>;
}

function describe(r: LevelResult): string {
  const lost = r.notes.expectedDeliveries - r.notes.delivered;
  return [
    `  N=${r.users}: eerste weergave p95 ${ms(p(r.firstViewAll, 95))} ms (${r.firstViewAll.length}), hervalidatie p95 ${ms(p(r.revalidationAll, 95))} ms (${r.revalidationAll.length}), push → bijgewerkt p95 ${ms(p(r.pushToRevalidated, 95))} ms (${r.pushToRevalidated.length} + ${r.spared} niet nodig/${r.expectedRevalidations})`,
    `    notities p99 ${ms(p(r.notesSorted, 99))} ms (${lost} kwijt); CPU web ${r.cpuPercent.toFixed(0)} % / real-time ${r.realtimeCpuPercent.toFixed(0)} %, RSS ${r.rssMiB.toFixed(0)} MiB; fouten ${r.errors}${r.firstError ? ` (${r.firstError})` : ''}; wijzigingen ${r.changes.sent} (${r.changes.failed} mislukt${r.changes.firstError ? `: ${r.changes.firstError}` : ''}); lus p99 ${ms(r.loopP99Ms)} ms; load ${r.loadAverage.map((l) => l.toFixed(1)).join(' ')} → ${r.pass ? 'PASS' : 'MISS'}`,
  ].join('\n');
}

// --- the report ---------------------------------------------------------------------------

/**
 * What the pages cost the server: CPU above the baseline level (N = 0: notes and tracker
 * changes only) per page request, and the N at which that would fill the one core the
 * server renders on. Contention from other processes inflates latency much more than
 * CPU time, so this is the figure that carries over to a machine of its own.
 */
function cpuPerRequestMs(r: LevelResult, baseline: LevelResult | undefined): number {
  if (!baseline || r.users === 0 || r.pageRps === 0) return NaN;
  return ((r.cpuPercent - baseline.cpuPercent) * 10) / r.pageRps;
}

function saturationUsers(r: LevelResult, baseline: LevelResult | undefined): number {
  if (!baseline || r.users === 0) return NaN;
  const perUser = (r.cpuPercent - baseline.cpuPercent) / r.users;
  return perUser > 0 ? (100 - baseline.cpuPercent) / perUser : NaN;
}

function levelTable(results: LevelResult[]): string {
  const baseline = results.find((r) => r.users === 0);
  return markdownTable(
    [
      'N browsing',
      'first views',
      'first view p50 / p95 ms',
      'revalidations',
      'revalidation p50 / p95 ms',
      'push → revalidated p50 / p95 ms',
      'revalidated + not needed / expected',
      'notes p50 / p99 ms',
      'notes lost',
      'errors',
      'page req/s',
      'web process CPU % of 1 core',
      'web CPU ms per page request',
      'N filling 1 core (projected)',
      'web process RSS MiB (peak)',
      'real-time process CPU % / RSS MiB',
      'bench loop p99 ms',
      'load avg (1 min)',
      `page p95 ≤ ${TARGET_PAGE_P95_MS} and notes p99 ≤ ${TARGET_NOTES_P99_MS}`,
    ],
    results.map((r) => [
      String(r.users),
      String(r.firstViewAll.length),
      `${ms(p(r.firstViewAll, 50))} / ${ms(p(r.firstViewAll, 95))}`,
      String(r.revalidationAll.length),
      `${ms(p(r.revalidationAll, 50))} / ${ms(p(r.revalidationAll, 95))}`,
      `${ms(p(r.pushToRevalidated, 50))} / ${ms(p(r.pushToRevalidated, 95))}`,
      `${r.pushToRevalidated.length} + ${r.spared} / ${r.expectedRevalidations}`,
      `${ms(p(r.notesSorted, 50))} / ${ms(p(r.notesSorted, 99))}`,
      String(r.notes.expectedDeliveries - r.notes.delivered),
      r.errors > 0 ? `${r.errors} (${r.firstError})` : '0',
      r.pageRps.toFixed(1),
      r.cpuPercent.toFixed(0),
      ms(cpuPerRequestMs(r, baseline)),
      Number.isFinite(saturationUsers(r, baseline)) ? saturationUsers(r, baseline).toFixed(0) : '–',
      r.rssMiB.toFixed(0),
      `${r.realtimeCpuPercent.toFixed(0)} / ${r.realtimeRssMiB.toFixed(0)}`,
      ms(r.loopP99Ms),
      `${Math.min(...r.loadAverage).toFixed(1)}–${Math.max(...r.loadAverage).toFixed(1)}`,
      r.pass ? 'PASS' : 'MISS',
    ]),
  );
}

function kindTable(results: LevelResult[]): string {
  return markdownTable(
    ['N browsing', ...PAGE_KINDS.map((k) => `${k}: first view p95 / revalidation p95 ms`)],
    results.map((r) => [String(r.users), ...PAGE_KINDS.map((k) => `${ms(p(r.firstView[k], 95))} / ${ms(p(r.revalidation[k], 95))}`)]),
  );
}

function report(
  results: LevelResult[],
  {
    skipped,
    started,
    uptimeBefore,
    uptimeAfter,
    people,
  }: { skipped: number[]; started: Date; uptimeBefore: string; uptimeAfter: string; people: number },
): string {
  const machine = machineInfo();
  const passing = results.filter((r) => r.pass).map((r) => r.users);
  const largest = passing.length > 0 ? Math.max(...passing) : null;
  const busy = Math.max(...results.flatMap((r) => r.loadAverage)) > machine.cpuCount;
  const mix = MIX.map(([k, share]) => `${k} ${Math.round(share * 100)} %`).join(', ');
  return [
    '## Capacity benchmark (`npm run bench:capacity`)',
    '',
    `Target (issue 14 §6): the largest number N of browsing users for which page p95 ≤ ${TARGET_PAGE_P95_MS} ms (first views and revalidations) and notes p99 ≤ ${TARGET_NOTES_P99_MS} ms, while ${MEETINGS} meetings × ${TYPISTS_PER_MEETING} people type in the live notes and the tracker changes every ${settings.changeEveryMs / 1000} s; aim N ≥ 500.`,
    '',
    `**Largest N that passed: ${largest ?? 'none of the levels measured'}**${skipped.length > 0 ? ` (levels ${skipped.join(', ')} not run: the page p95 of the level below was more than ${HOPELESS_FACTOR}× the target)` : ''}.`,
    '',
    `- Date: ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; commit ${gitCommit()}.`,
    `- Machine: ${machine.cpuCount} × ${machine.cpuModel}, ${machine.memoryGiB} GiB memory, Node ${machine.node}, ${machine.platform}. Server, typing clients and browsing users share the cores (loopback).`,
    `- Machine load: \`uptime\` before: \`${uptimeBefore}\`; after: \`${uptimeAfter}\`.${busy ? ` **The cores were oversubscribed**: the 1-minute load average went above ${machine.cpuCount} (their count) during the run. The benchmark's own clients count in it, so from the levels where it did, latencies include waiting for a core whether or not other work ran (the load before the run shows whether it did).` : ''}`,
    `- Server: the production server (\`server/index.ts\`, \`NODE_ENV=production\`, page cache on as by default${serverNodeArgs.length > 0 ? `, Node flags \`${serverNodeArgs.join(' ')}\`` : ''}) (a web process and the real-time process it starts, server/collab/child.ts; docs/decisions/024) on a fresh copy of the page benchmark's workspace (2,000 actions, 20,000 comments, 100,000 history rows; \`bench/generate-workspace.ts\`), the same build (\`bench/.data/build\`). One server for all levels: each level adds users to the ones before.`,
    `- Live notes: ${MEETINGS} meetings created for the run × ${TYPISTS_PER_MEETING} real \`y-websocket\` clients (bench/collab-worker.ts, one client process per meeting, sessions of werkgroepleden), each typing ${settings.typingRate} characters/s at the end of its own paragraph. Notes latency: an insert → its arrival at each of the other 11 clients of the meeting.`,
    `- Browsing users: each with its own session (the workspace's ${people} active people in turn) and \`GET /live\` open; views pages with a uniform think time of ${settings.thinkMs / 2000}–${(settings.thinkMs * 1.5) / 1000} s (mix: ${mix}; list: ${LIST_PATHS.map((x) => `\`${x}\``).join(', ')}; search: ${SEARCH_PATHS.map((x) => `\`${x}\``).join(', ')}; action: a random one of the 2,000, one view in ten the heaviest). *First view*: the HTML document (\`accept-encoding: gzip\`), as when a page is opened or reloaded. On every \`change\` event a user revalidates the page it shows as the browser does (150 ms debounce plus a random part of the event's spread window, min(${MAX_SPREAD_MS / 1000} s, ${SPREAD_MS_PER_STREAM} ms × open streams), never two requests of its own at once): *revalidation* is the page's single-fetch data URL with its route only (\`/acties.data?…&_routes=routes/acties._index\`, \`/_root.data?_routes=routes/_index\`: the root loader does not run on a live revalidation, the unread count comes with the event), which runs the route's loader; overview, list and search answers are shared by the users of one role (server/page-cache.ts, app/models/page-scope.ts), action pages stay per session; an action page sends nothing when the events it heard named only other actions (decision 028: *not needed*${flag('revalidate-every-page') ? '; not in this run: `--revalidate-every-page`' : ''}). *Push → revalidated*: from the moment the change was sent to the moment each user's revalidation was done (the server polls its data version every 200 ms, the browser waits 150 ms plus its part of the spread window, then the request). Every response must be 200; anything else counts as an error.`,
    `- Tracker change: ${CHANGER_EMAIL} (werkgroeplid) moves an open regional action between *loopt* and *besluit nodig* every ${settings.changeEveryMs / 1000} s with the board's form (\`POST /bord.data\`, as its fetcher sends it). Every change invalidates every cached page, so nearly every view and revalidation is a full render.`,
    `- Level 0 is the baseline: notes and tracker changes, nobody browsing. "Web CPU ms per page request": the web process's CPU above the baseline divided by the page requests it answered; "N filling 1 core": the N at which that CPU per user would fill one core (a projection: the web process's main thread and render threads together, decision 030, can use more than one; latency grows steeply well before it).`,
    `- Per level: ${settings.warmupMs / 1000} s warm-up (new users start spread over its first half), then ${settings.durationMs / 1000} s measured. CPU: user+sys of the web process and of the real-time process (/proc) over the window, % of one core (the web process's main thread and render threads together, so it may pass 100; the real-time process relays on one thread). RSS: each process's highest VmRSS sampled during the level. "Bench loop p99": the event-loop delay of the process that simulates the browsing users (if high, the measurement itself was slowed).`,
    '',
    levelTable(results),
    '',
    'Per page (p95 ms, first view / revalidation):',
    '',
    kindTable(results),
  ].join('\n');
}

// --- main -----------------------------------------------------------------------------------

function uptime(): string {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ') + ' (load average 1/5/15 min)';
  } catch {
    return os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  }
}

async function main() {
  const started = new Date();
  const runStart = performance.now();
  const uptimeBefore = uptime();
  log(`Belasting van de machine: ${uptimeBefore}`);
  fs.mkdirSync(DATA_DIR, { recursive: true });
  await ensureBenchWorkspace(log);
  ensureBenchBuild(BUILD_DIR, { rebuild: flag('rebuild'), log });

  const maxUsers = settings.levels[settings.levels.length - 1]!;
  log(`Werkruimte kopiëren naar ${path.relative(ROOT, DATABASE)}, ${maxUsers} + ${MEETINGS * TYPISTS_PER_MEETING + 1} sessies …`);
  const prepared = await prepare(maxUsers);
  fs.rmSync(SERVER_LOG, { force: true });
  const server = await startKoers({
    database: DATABASE,
    buildDir: BUILD_DIR,
    logFile: SERVER_LOG,
    nodeArgs: [...serverNodeArgs, ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])],
  });
  log(`Server op ${server.origin} (pid ${server.pid})`);

  const pool = new ClientPool(MEETINGS);
  const users: BrowsingUser[] = [];
  const changes = new ChangeLog();
  const recorder = new Recorder();
  const changer = new TrackerChanger({
    origin: server.origin,
    cookie: prepared.changerCookie,
    actions: prepared.regionalActions,
    intervalMs: settings.changeEveryMs,
    changes,
  });
  const results: LevelResult[] = [];
  const skipped: number[] = [];
  try {
    const loads: DocumentLoad[] = prepared.meetingDocuments.map((name, m) => ({
      name,
      cookies: prepared.typistCookies.slice(m * TYPISTS_PER_MEETING, (m + 1) * TYPISTS_PER_MEETING),
    }));
    const typists = await pool.connect('koers', server.wsUrl, loads);
    log(`${typists} typende deelnemers in ${MEETINGS} overleggen verbonden.`);
    changer.start();
    const thinkMin = settings.thinkMs / 2;
    const thinkRange = settings.thinkMs;
    const addUser = (index: number, startDelayMs: number) => {
      const user = new BrowsingUser({
        origin: server.origin,
        cookie: prepared.browserCookies[index]!,
        nextPage: pagePicker(1000 + index, prepared),
        thinkMs: () => thinkMin + Math.random() * thinkRange,
        startDelayMs,
        recorder,
        changes,
        namedActions: !flag('revalidate-every-page'),
      });
      user.start();
      return user;
    };
    for (const [i, level] of settings.levels.entries()) {
      log(`Niveau N=${level}: ${settings.warmupMs / 1000} s opwarmen, ${settings.durationMs / 1000} s meten …`);
      const result = await runLevel(level, users, addUser, { server, pool, recorder, changes, changer });
      results.push(result);
      log(describe(result));
      if (result.hopeless && !flag('all-levels') && i < settings.levels.length - 1) {
        skipped.push(...settings.levels.slice(i + 1));
        log(`  Ver boven het doel: de hogere niveaus (${skipped.join(', ')}) worden overgeslagen.`);
        break;
      }
    }
  } finally {
    changer.stop();
    for (const user of users) user.stop();
    pool.close();
    await stopAllServers(cpuProfileDir ? 60_000 : undefined);
  }

  const section = report(results, { skipped, started, uptimeBefore, uptimeAfter: uptime(), people: prepared.people });
  console.log(`\n${section}\n`);
  log(`Klaar in ${((performance.now() - runStart) / 1000).toFixed(0)} s.`);
  if (!flag('no-write')) {
    replaceMarkedSection(DOCS_FILE, 'capacity', section);
    log(`Geschreven in ${path.relative(ROOT, DOCS_FILE)}`);
  }
}

process.on('exit', killAllServersNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAllServers().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopAllServers(cpuProfileDir ? 60_000 : undefined);
}
