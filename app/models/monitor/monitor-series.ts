/**
 * A year series per area from stored figures and targets, browser-safe and pure: what the
 * monitor page, the municipality page and the yearly report draw. The target of a year
 * is the one of the period that holds the year (set, or on the straight line from the
 * 0-meting to the period's final target: monitor-rules.targetForYear).
 */
import { formatMoney, formatNumber } from '../charts/format';
import { BASELINE_YEAR, fromStored, type IndicatorUnit, targetForYear, type YearValue } from './monitor-rules';

export type SeriesFigure = {
  municipalityId: number | null;
  year: number;
  value: number;
  completeness: string | null;
  respondents: number | null;
  isExample: boolean;
};
export type SeriesTarget = { municipalityId: number | null; agendaId: number; year: number; value: number };
export type SeriesPeriod = { id: number; periodStart: number; periodEnd: number };

/**
 * One year of an area. What most years lack is left out rather than null or false: the
 * monitor page sends 432 of these to the browser (six indicators, eight areas, nine years),
 * and every field is a value to encode and decode (docs/scaling.md, "Uncached, with every
 * loader running").
 */
export type SeriesPoint = {
  year: number;
  value: number | null;
  target: number | null;
  /** The target lies on the line from the 0-meting to the period's final target. */
  targetInterpolated?: true;
  /** The delivery was incomplete, e.g. "3 van 4 aanbieders geleverd". */
  completeness?: string;
  respondents?: number;
  /** A demo "voorbeeldcijfer". */
  isExample?: true;
};

export function yearsBetween(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** One area's points from the 0-meting (or `fromYear`) to `toYear`. */
export function areaSeries(
  municipalityId: number | null,
  figures: SeriesFigure[],
  targets: SeriesTarget[],
  periods: SeriesPeriod[],
  { fromYear = BASELINE_YEAR, toYear }: { fromYear?: number; toYear: number },
): SeriesPoint[] {
  const mine = figures.filter((f) => f.municipalityId === municipalityId);
  const byYear = new Map(mine.map((f) => [f.year, f]));
  const baselineFigure = byYear.get(BASELINE_YEAR);
  const baseline: YearValue | null = baselineFigure ? { year: BASELINE_YEAR, value: baselineFigure.value } : null;
  const myTargets = targets.filter((tg) => tg.municipalityId === municipalityId);
  return yearsBetween(fromYear, toYear).map((year) => {
    const figure = byYear.get(year);
    const period = periods.find((p) => p.periodStart <= year && year <= p.periodEnd);
    const periodTargets = period ? myTargets.filter((tg) => tg.agendaId === period.id) : [];
    const target = targetForYear(year, periodTargets, baseline);
    const point: SeriesPoint = { year, value: figure?.value ?? null, target: target?.value ?? null };
    if (target?.interpolated) point.targetInterpolated = true;
    if (figure?.completeness) point.completeness = figure.completeness;
    if (figure?.respondents != null) point.respondents = figure.respondents;
    if (figure?.isExample) point.isExample = true;
    return point;
  });
}

/** A stored value the Dutch way: "1.234", "42,5%", "€ 1.234,50"; "–" for none. */
export function formatFigure(unit: IndicatorUnit, stored: number | null): string {
  if (stored === null) return '–';
  if (unit === 'euro') return formatMoney(stored);
  if (unit === 'percentage') return `${formatNumber(fromStored(unit, stored), 1)}%`;
  return formatNumber(stored);
}
