/**
 * `npm run bench:compaction`: what compacting a meeting's notes costs the event loop
 * that relays keystrokes (docs/decisions/006, "Update log + background compaction").
 *
 * Notes typed by three people into the same paragraphs — the hardest case for Yjs, many
 * small items — are logged update by update, as the live server logs them, and then
 * compacted in two ways:
 *  - on the event loop (`compactDocument`: what the live server did until 2026-11-29,
 *    and still does at shutdown): the event loop is blocked for all of it;
 *  - as the live server does now (`Compactor`: the fold in the compaction thread, the
 *    store on the main thread): the event loop's worst delay while it runs is measured
 *    with `monitorEventLoopDelay` (1 ms resolution).
 * Also: how long loading a document with that many updates pending takes (on the event
 * loop, when its first client connects), which is what the compaction threshold bounds.
 * Median of 3 runs per size, on a fresh SQLite file in bench/.data/compaction.sqlite.
 *
 * Options: --no-write (print only)
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

import * as Y from 'yjs';

import { seededRandom } from './generate-workspace';
import { machineInfo, markdownTable, ms, replaceMarkedSection } from './load';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATABASE = path.join(ROOT, 'bench/.data/compaction.sqlite');
const DOCS_FILE = path.join(ROOT, 'docs/benchmarks.md');
const SIZES = [1_000, 5_000, 20_000];
const RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

fs.mkdirSync(path.dirname(DATABASE), { recursive: true });
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DATABASE + suffix, { force: true });
// The app modules bind to KOERS_DATABASE when loaded, hence the dynamic imports.
process.env.KOERS_DATABASE = DATABASE;
const { db } = await import('../app/utils/db.server');
const { migrateDatabase } = await import('../db/migrate');
const { appendUpdates, compactDocument, loadDocumentState, NOTES_FIELD } = await import('../app/models/collab/document-store.server');
const { Compactor } = await import('../server/collab/compaction');
migrateDatabase(db);

/** Three writers typing into the same two paragraphs at random places, every update logged. */
function typeNotes(name: string, updates: number, seed: number) {
  const random = seededRandom(seed);
  const writers = [1, 2, 3].map(() => new Y.Doc());
  let logged = 0;
  for (const writer of writers) {
    writer.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'relay') return;
      appendUpdates(name, [update]);
      logged++;
      for (const other of writers) if (other !== writer) Y.applyUpdate(other, update, 'relay');
    });
  }
  const fragment = writers[0]!.getXmlFragment(NOTES_FIELD);
  writers[0]!.transact(() => {
    for (const words of ['Opening', 'Rondvraag']) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(words)]);
      fragment.push([paragraph]);
    }
  });
  while (logged < updates) {
    const writer = random.pick(writers);
    const paragraph = writer.getXmlFragment(NOTES_FIELD).get(random.int(0, 1)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    if (text.length > 20 && random.next() < 0.15) text.delete(random.int(0, text.length - 2), 1);
    else text.insert(random.int(0, text.length), random.pick([...'abcdefghijklmnopqrstuvwxyz  ']));
  }
  for (const writer of writers) writer.destroy();
}

type Measurement = { blockedMs: number; backgroundWorstDelayMs: number; backgroundTotalMs: number; loadMs: number; snapshotKiB: number };

async function measure(size: number, run: number): Promise<Measurement> {
  const onEventLoop = `meeting.${size}${run}1`;
  const inBackground = `meeting.${size}${run}2`;
  typeNotes(onEventLoop, size, size + run);
  typeNotes(inBackground, size, size + run);

  let started = performance.now();
  loadDocumentState(onEventLoop);
  const loadMs = performance.now() - started;

  started = performance.now();
  compactDocument(onEventLoop);
  const blockedMs = performance.now() - started;

  const compactor = new Compactor((name, error) => console.error(`Compacting ${name} failed`, error));
  const delay = monitorEventLoopDelay({ resolution: 1 });
  started = performance.now();
  delay.enable();
  // The compaction thread does not keep a process alive (the server's sockets do).
  const keepAlive = setInterval(() => {}, 1_000);
  await new Promise<number>((resolve) => compactor.schedule(inBackground, resolve));
  clearInterval(keepAlive);
  delay.disable();
  const backgroundTotalMs = performance.now() - started;
  await compactor.close();

  const snapshot = db.$client.prepare('select length(state) as bytes from collab_snapshots where document_name = ?').get(inBackground) as {
    bytes: number;
  };
  // The histogram counts from the timer's due time in nanoseconds; its resolution is the floor.
  return { blockedMs, backgroundWorstDelayMs: delay.max / 1e6 - 1, backgroundTotalMs, loadMs, snapshotKiB: snapshot.bytes / 1024 };
}

const rows: string[][] = [];
for (const size of SIZES) {
  const runs: Measurement[] = [];
  for (let run = 1; run <= RUNS; run++) runs.push(await measure(size, run));
  const pick = (key: keyof Measurement) => median(runs.map((r) => r[key]));
  rows.push([
    size.toLocaleString('en'),
    ms(pick('loadMs')),
    ms(pick('blockedMs')),
    ms(Math.max(0, pick('backgroundWorstDelayMs'))),
    ms(pick('backgroundTotalMs')),
    pick('snapshotKiB').toFixed(0),
  ]);
  console.log(rows.at(-1)!.join('  '));
}

const machine = machineInfo();
const report = [
  '## Compaction benchmark (`npm run bench:compaction`)',
  '',
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Machine: ${machine.cpuCount} × ${machine.cpuModel}, Node ${machine.node}.`,
  "- A meeting's notes typed by three people into the same two paragraphs at random places (about one keystroke in seven a deletion), every update logged as the live server logs it; median of 3 runs per size.",
  "- *Load*: `loadDocumentState` with that many updates pending (on the event loop, when the first client connects). *On the event loop*: `compactDocument`, the event loop blocked for all of it (the live server until 2026-11-29; still at shutdown). *Background*: the live server's `Compactor` — the fold in the compaction thread, the store on the main thread — with the event loop's worst delay while it ran (`monitorEventLoopDelay`, 1 ms resolution) and the time until the snapshot was stored (each run starts a fresh compaction thread, which the server does once: most of that time).",
  '',
  markdownTable(
    [
      'updates folded',
      'load ms',
      'on the event loop: blocked ms',
      'background: worst event-loop delay ms',
      'background: until stored ms',
      'snapshot KiB',
    ],
    rows,
  ),
].join('\n');

console.log(`\n${report}`);
if (!process.argv.includes('--no-write')) {
  replaceMarkedSection(DOCS_FILE, 'compaction', report);
  console.log(`\nGeschreven naar ${path.relative(ROOT, DOCS_FILE)}.`);
}
db.$client.close();
