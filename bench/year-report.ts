/**
 * `npx tsx bench/year-report.ts [database] [--no-write]` (also run by `npm run bench`):
 * generating a yearly report's .docx and PDF on the large workspace (issue 13: ≤ 2 s
 * each). The progress comes from the workspace's 2,000-action agenda; the monitor and the
 * money are hand-built at the large size — 40 indicators × 8 areas (the region and seven
 * municipalities) × 10 years — until the real sections are wired in
 * (app/models/reports/year-report-sources.server.ts). Writes its table into
 * docs/benchmarks.md between the bench:year-report markers.
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

const YEAR = 2026;
const INDICATORS = 40;
const YEARS = 10;
const RUNS = 5;
const TARGET_MS = 2000;

const progress = yearProgress(YEAR, `${YEAR}-12-31`);
const monitor = exampleMonitorSection(YEAR, { count: INDICATORS, baselineYear: YEAR - YEARS + 1 });
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

async function time(render: () => Promise<Buffer>) {
  await render(); // warm-up: fonts, chart rendering
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = (await render()).byteLength;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, bytes };
}

const docx = await time(() => renderYearReportDocx(content, edition));
const pdf = await time(() => renderYearReportPdf(content, edition));
const actions = progress.chapters.reduce(
  (n, c) => n + c.goals.reduce((m, g) => m + Object.values(g.counts).reduce((a, b) => a + b, 0), 0),
  0,
);
const rows = [
  ['.docx', docx],
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
    `Report ${YEAR} of the large workspace (${actions} actions in the period, ${progress.decisions.length} decisions that year) with hand-built monitor ` +
    `(${INDICATORS} indicators × ${monitor.indicators[0]!.rows.length} areas × ${YEARS} years, a chart and a table each) and finance sections; ` +
    `${RUNS} renders after a warm-up, in-process. Target: ≤ ${TARGET_MS} ms each ("within target" judges the slowest render).`,
  '',
  markdownTable(['document', 'median (ms)', 'max (ms)', 'size', 'within target'], rows),
].join('\n');
console.log(section);
if (!process.argv.includes('--no-write')) replaceMarkedSection(path.join(ROOT, 'docs/benchmarks.md'), 'year-report', section);
