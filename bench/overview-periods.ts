/**
 * `npx tsx bench/overview-periods.ts <database>`: the agenda overview of each period,
 * rendered in-process without any cache (the model the page's loader calls), N times
 * after a warm-up: its median and p95 in ms. Run it on a one-period and a two-period
 * workspace (BENCH_PERIODS=1 npx tsx bench/generate-workspace.ts <file>) to see that the
 * overview of one period does not grow with the number of periods (docs/benchmarks.md).
 */
export {};

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx bench/overview-periods.ts <database>');
process.env.KOERS_DATABASE = file;
const { getAgendaOverview } = await import('../app/models/tracker/agenda.server');
const { listPeriods } = await import('../app/models/periods/period.server');

const RUNS = 200;
const today = '2026-06-01';
for (const period of listPeriods()) {
  for (let i = 0; i < 10; i++) getAgendaOverview({ today, includeLocal: false, periodId: period.id });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    getAgendaOverview({ today, includeLocal: false, periodId: period.id });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`${period.slug} (${period.status}): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${RUNS} renders`);
}
