/**
 * `npx tsx bench/year-report.ts [database] [--no-write]` (also run by `npm run bench`):
 * generating a yearly report's .docx and PDF on the large workspace (issue 13: ≤ 2 s
 * each). The progress and the monitor come from the workspace as the report reads them
 * (app/models/reports/year-report-sources.server.ts): its 2,000-action agenda and its
 * monitor of 40 indicators × 8 areas (the region and seven municipalities) × 10 years;
 * the workspace records no money, so the financial section is hand-built. Each document
 * is measured twice: a first download (no chart picture kept from before) and a download
 * again (the .docx's chart PNGs kept, app/models/documents/svg-png.server.ts). Writes
 * its table into docs/benchmarks.md between the bench:year-report markers.
 */
import os from 'node:os';
import path from 'node:path';

import { exampleFinanceSection, exampleMonitorSection } from '../tests/setup/year-report-sections';
import { DEFAULT_BENCH_DATABASE } from './generate-workspace';
import { machineInfo, markdownTable, replaceMarkedSection } from './load';
import { ensureBenchWorkspace, ROOT } from './server-process';

const file = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : DEFAULT_BENCH_DATABASE;
// The large workspace (generated once, in a child process), then the app bound to it.
ensureBenchWorkspace(console.log, { file });
process.env.KOERS_DATABASE = file;
const { yearProgress } = await import('../app/models/reports/year-report-progress.server');
const { keyFigures } = await import('../app/models/reports/year-report-figures');
const { renderYearReportDocx, renderYearReportPdf } = await import('../app/models/reports/year-report-document.server');
const { yearReportSources } = await import('../app/models/reports/year-report-sources.server');
const { clearPngCache } = await import('../app/models/documents/svg-png.server');
const { db } = await import('../app/utils/db.server');

const YEAR = 2026;
const YEARS = 10;
const RUNS = 5;
const TARGET_MS = 2000;

const progress = yearProgress(YEAR, `${YEAR}-12-31`);
const monitor = yearReportSources(db, YEAR).monitor ?? exampleMonitorSection(YEAR, { count: 40, baselineYear: YEAR - YEARS + 1 });
const empty = { type: 'doc', content: [] };
const content = {
  year: YEAR,
  keyFigures: keyFigures(progress.chapters, progress.decisions),
  progress,
  monitor,
  finance: exampleFinanceSection(YEAR),
  narratives: { summary: empty, national: empty, quality: empty, steering: empty },
};
const edition = { concept: true as const, madeAt: new Date().toISOString(), isExample: false };

async function time(render: () => Promise<Buffer>, options: { first: boolean }) {
  await render(); // warm-up: fonts, modules
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    if (options.first) clearPngCache();
    const start = performance.now();
    bytes = (await render()).byteLength;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, bytes };
}

const docx = await time(() => renderYearReportDocx(content, edition), { first: true });
const docxAgain = await time(() => renderYearReportDocx(content, edition), { first: false });
const pdf = await time(() => renderYearReportPdf(content, edition), { first: true });
const actions = progress.chapters.reduce(
  (n, c) => n + c.goals.reduce((m, g) => m + Object.values(g.counts).reduce((a, b) => a + b, 0), 0),
  0,
);
const rows = [
  ['.docx, first download', docx],
  ['.docx, again (chart pictures kept)', docxAgain],
  ['PDF', pdf],
].map(([name, r]) => {
  const m = r as typeof docx;
  return [name as string, m.median.toFixed(0), m.max.toFixed(0), `${(m.bytes / 1024).toFixed(0)} KiB`, m.max <= TARGET_MS ? 'ja' : 'NEE'];
});
const machine = machineInfo();
const section = [
  '## Yearly report documents (`npm run bench`, bench/year-report.ts)',
  '',
  `Generated ${new Date().toISOString().slice(0, 10)} on ${machine.cpuModel} (${machine.cpuCount} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end: other work shares the machine), Node ${machine.node}. ` +
    `Report ${YEAR} of the large workspace (${actions} actions in the period, ${progress.decisions.length} decisions that year) with its monitor ` +
    `(${monitor.indicators.length} indicators × ${monitor.indicators[0]!.rows.length} areas, a chart and a table each) and a hand-built finance section; ` +
    `${RUNS} renders after a warm-up, in-process; a *first download* forgets every chart picture before it renders. Target: ≤ ${TARGET_MS} ms each ("within target" judges the slowest render).`,
  '',
  markdownTable(['document', 'median (ms)', 'max (ms)', 'size', 'within target'], rows),
].join('\n');
console.log(section);
if (!process.argv.includes('--no-write')) replaceMarkedSection(path.join(ROOT, 'docs/benchmarks.md'), 'year-report', section);
