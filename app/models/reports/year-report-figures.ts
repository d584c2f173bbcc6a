/**
 * The computed parts of a yearly report that need no database, browser-safe and unit
 * tested: status counts, the executive summary's key figures, the summary chart, the
 * monitor's comparison with the 0-meting and the target, figures in their unit.
 */
import { reports as reportsText } from '../../i18n/nl/reports';
import type { BarChartSpec } from '../charts/bar';
import { formatMoney, formatNumber, type ValueFormat } from '../charts/format';
import type { LineChartSpec } from '../charts/line';
import { ACTION_STATUSES, type ActionStatus, isClosedStatus } from '../tracker/action-status';
import type { KeyFigures, ProgressChapter, StatusCounts, YearDecision } from './year-report';
import type { FinanceYearSection, IndicatorUnit, MonitorAreaRow, MonitorIndicatorSection, MonitorYearSection } from './year-report-inputs';

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function countStatuses(statuses: readonly ActionStatus[]): StatusCounts {
  const counts = emptyCounts();
  for (const status of statuses) counts[status] += 1;
  return counts;
}

export function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  return Object.fromEntries(ACTION_STATUSES.map((s) => [s, a[s] + b[s]])) as StatusCounts;
}

/** Open: neither done nor cancelled (CLOSED_ACTION_STATUSES). */
export function openCount(counts: StatusCounts): number {
  return ACTION_STATUSES.filter((s) => !isClosedStatus(s)).reduce((sum, s) => sum + counts[s], 0);
}

/** The key figures of the summary, from the progress of the year. */
export function keyFigures(chapters: ProgressChapter[], decisions: YearDecision[]): KeyFigures {
  const goals = chapters.flatMap((c) => c.goals);
  const reports = goals.flatMap((g) => g.reports);
  const done = new Set(reports.filter((r) => r.statusTo === 'afgerond').map((r) => r.actionTitle));
  const totals = chapters.reduce((sum, c) => addCounts(sum, c.counts), emptyCounts());
  return {
    actionsDone: done.size,
    actionsLate: goals.reduce((sum, g) => sum + g.late.length, 0),
    actionsOpen: openCount(totals),
    decisions: decisions.length,
    progressReports: reports.length,
  };
}

const r = reportsText;

/** The summary's chart: the year's key figures as bars. */
export function keyFiguresChartSpec(year: number, figures: KeyFigures): BarChartSpec {
  const f = r.summary.figures;
  return {
    id: `jaarrapportage-${year}-kerncijfers`,
    title: r.summary.chartTitle(year),
    categoryHeader: r.summary.figureHeader,
    series: [{ key: 'n', label: r.summary.chartValueLabel }],
    categories: (['actionsDone', 'actionsLate', 'actionsOpen', 'decisions', 'progressReports'] as const).map((key) => ({
      key,
      label: f[key],
      values: { n: figures[key] },
    })),
  };
}

// ---------------------------------------------------------------------------------------
// Monitor figures in their unit (money through the charts' formatMoney: € 1.234.567,00).

/** How a chart shows an indicator's values, and the value it draws (percentages 0–100 as fractions; euro amounts arrive as cents). */
export function chartValue(value: number, unit: IndicatorUnit): number {
  if (unit === 'percentage') return value / 100;
  return value;
}

export function chartFormat(unit: IndicatorUnit): ValueFormat {
  return unit === 'percentage' ? 'percent' : unit === 'euro' ? 'money' : 'number';
}

/** A monitor figure in its unit: "1.234", "62,5%", "€ 1.234,00"; "–" when none was delivered. */
export function formatFigure(value: number | null, unit: IndicatorUnit): string {
  if (value === null) return r.monitor.noFigure;
  if (unit === 'percentage') return `${formatNumber(value, 1)}%`;
  if (unit === 'euro') return formatMoney(value);
  return formatNumber(value, 1);
}

export type TargetStanding = 'met' | 'notMet' | 'unknown';

/** Whether an area reached its target this year (higher is better for every indicator of the agenda). */
export function targetStanding(row: Pick<MonitorAreaRow, 'value' | 'target'>): TargetStanding {
  if (row.value === null || row.target === null) return 'unknown';
  return row.value >= row.target ? 'met' : 'notMet';
}

/** The change against the 0-meting in the indicator's unit, to one decimal; null without both figures. */
export function changeSinceBaseline(row: Pick<MonitorAreaRow, 'value' | 'baseline'>): number | null {
  if (row.value === null || row.baseline === null) return null;
  return Math.round((row.value - row.baseline) * 10) / 10;
}

/** "+120", "-3,5", "0"; "–" without a change. */
export function formatChange(change: number | null): string {
  if (change === null) return r.monitor.noFigure;
  return `${change > 0 ? '+' : ''}${formatNumber(change, 1)}`;
}

/** The regional and the national indicators apart (the national ones carry the LBV's caveats). */
export function splitMonitor(monitor: MonitorYearSection): { regional: MonitorIndicatorSection[]; national: MonitorIndicatorSection[] } {
  return {
    regional: monitor.indicators.filter((i) => i.monitor === 'regional'),
    national: monitor.indicators.filter((i) => i.monitor === 'national'),
  };
}

/** The caveats of an indicator's figures, in Dutch: records not persons, completeness, respondents. */
export function indicatorCaveats(indicator: MonitorIndicatorSection): string[] {
  const caveats: string[] = [];
  if (indicator.countedPer === 'record') caveats.push(r.monitor.caveatRecords);
  for (const row of indicator.rows) {
    if (row.completeness) caveats.push(r.monitor.caveatCompleteness(row.name, row.completeness));
    if (row.respondents !== null) caveats.push(r.monitor.caveatRespondents(row.name, row.respondents));
  }
  return caveats;
}

/** The year's figures of every area beside the 0-meting and the target, as grouped bars. */
export function indicatorAreasChartSpec(indicator: MonitorIndicatorSection, year: number, baselineYear: number): BarChartSpec {
  const unit = indicator.unit;
  const values = (row: MonitorAreaRow) => {
    const out: Record<string, number> = {};
    if (row.baseline !== null) out.baseline = chartValue(row.baseline, unit);
    if (row.value !== null) out.value = chartValue(row.value, unit);
    if (row.target !== null) out.target = chartValue(row.target, unit);
    return out;
  };
  return {
    id: `jaarrapportage-${year}-${indicator.code.toLowerCase()}`,
    title: r.monitor.areasChartTitle(indicator.name, year),
    categoryHeader: r.monitor.area,
    valueFormat: chartFormat(unit),
    series: [
      { key: 'baseline', label: r.monitor.baseline(baselineYear) },
      { key: 'value', label: String(year) },
      { key: 'target', label: r.monitor.target },
    ],
    categories: indicator.rows.map((row) => ({ key: String(row.municipalityId ?? 'regio'), label: row.name, values: values(row) })),
  };
}

/** The region's figure every year since the 0-meting against its target line. */
export function indicatorTrendSpec(indicator: MonitorIndicatorSection, year: number, baselineYear: number): LineChartSpec {
  const unit = indicator.unit;
  const point = (y: number, v: number | null) => ({ year: y, value: v === null ? null : chartValue(v, unit) });
  return {
    id: `jaarrapportage-${year}-${indicator.code.toLowerCase()}-trend`,
    title: r.monitor.trendTitle(indicator.name),
    valueFormat: chartFormat(unit),
    baselineYear,
    series: [
      { key: 'value', label: r.monitor.region, values: indicator.regionSeries.map((p) => point(p.year, p.value)) },
      { key: 'target', label: r.monitor.target, target: true, values: indicator.regionSeries.map((p) => point(p.year, p.target)) },
    ],
  };
}

/** The summary's money line, when the financial overview is there. */
export function financeSummary(finance: FinanceYearSection): string {
  return r.summary.money(formatMoney(finance.totals.receivedCents), formatMoney(finance.totals.spentCents));
}
