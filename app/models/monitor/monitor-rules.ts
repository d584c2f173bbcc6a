/**
 * The monitor's vocabulary and its arithmetic, browser-safe: what an indicator is, how a
 * figure's value is stored (exact integers), and how a year compares with the 0-meting and
 * the target (streefwaarde). Pages, the import, the yearly report and the demo use these;
 * nothing else computes a trend. docs/decisions/020-monitor.md.
 */

export const INDICATOR_LEVELS = ['input', 'output', 'outcome'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

export const INDICATOR_UNITS = ['count', 'percentage', 'euro'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const MONITOR_KINDS = ['regional', 'national'] as const;
export type MonitorKind = (typeof MONITOR_KINDS)[number];

export const COUNTED_PER = ['record', 'person'] as const;
export type CountedPer = (typeof COUNTED_PER)[number];

/** The national 0-meting: the first year of every series, always allowed in an import. */
export const BASELINE_YEAR = 2020;

/** The LBV breakdowns (uitsplitsingen): dimension → its categories, as stored in breakdown keys. */
export const BREAKDOWNS = {
  soort_cursus: ['formeel', 'non-formeel-professional', 'non-formeel-vrijwilliger'],
  type_cursus: ['taal', 'rekenen', 'digitaal', 'combinatie'],
  moedertaal: ['NT1', 'NT2'],
  geslacht: ['man', 'vrouw'],
  leeftijd: ['18-26', '27-45', '46-65', '66+'],
} as const;
export type BreakdownDimension = keyof typeof BREAKDOWNS;

/** '' for the total; otherwise "dimension/category", e.g. "moedertaal/NT2". */
export function breakdownKey(dimension: string, category: string): string {
  return dimension === '' ? '' : `${dimension}/${category}`;
}

export function parseBreakdownKey(key: string): { dimension: string; category: string } | null {
  const [dimension, category] = key.split('/');
  if (!dimension || !category || !(dimension in BREAKDOWNS)) return null;
  return (BREAKDOWNS[dimension as BreakdownDimension] as readonly string[]).includes(category) ? { dimension, category } : null;
}

/**
 * How a value is kept: counts as the count, euros as integer cents, percentages as integer
 * tenths of a percent (42,5% → 425). Integers keep every sum and comparison exact.
 */
export const STORED_SCALE: Record<IndicatorUnit, number> = { count: 1, euro: 100, percentage: 10 };

/** A typed value (count, euros, percent) as stored; null when it cannot be kept exactly at the unit's scale. */
export function toStored(unit: IndicatorUnit, value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = value * STORED_SCALE[unit];
  const rounded = Math.round(scaled);
  // Float noise (0.1 * 10) is fine; a real extra digit (42.55%) is not.
  if (Math.abs(scaled - rounded) > 1e-6) return null;
  return rounded;
}

/** The stored integer back in the unit people read: a count, euros, or percent. */
export function fromStored(unit: IndicatorUnit, stored: number): number {
  return stored / STORED_SCALE[unit];
}

/** The value for the charts' formats: counts as they are, percentages as a fraction, euros in cents. */
export function chartValue(unit: IndicatorUnit, stored: number): number {
  if (unit === 'percentage') return stored / 1000;
  return stored;
}

export function chartFormat(unit: IndicatorUnit): 'number' | 'percent' | 'money' {
  return unit === 'percentage' ? 'percent' : unit === 'euro' ? 'money' : 'number';
}

/** Why a value cannot be a figure of this unit: a Dutch-free reason code the callers word. */
export type ValueProblem = 'negative' | 'above100' | 'precision';

export function valueProblem(unit: IndicatorUnit, value: number): ValueProblem | null {
  if (value < 0) return 'negative';
  if (unit === 'percentage' && value > 100) return 'above100';
  if (toStored(unit, value) === null) return 'precision';
  return null;
}

export type YearValue = { year: number; value: number | null };

/** Change of a year against the 0-meting: absolute (stored units) and relative (fraction); null without both. */
export function changeSinceBaseline(baseline: number | null, value: number | null): { absolute: number; relative: number | null } | null {
  if (baseline === null || value === null) return null;
  return { absolute: value - baseline, relative: baseline === 0 ? null : (value - baseline) / baseline };
}

/**
 * The target of a year: the one set for that year, or — when the werkgroep set none —
 * the point on the straight line from the 0-meting to the period's final target (the
 * latest year that has one). Rounded to a stored integer. Null when there is no final
 * target, or no 0-meting to draw the line from.
 */
export function targetForYear(
  year: number,
  targets: YearValue[],
  baseline: YearValue | null,
): { value: number; interpolated: boolean } | null {
  const set = targets.find((tg) => tg.year === year && tg.value !== null);
  if (set) return { value: set.value!, interpolated: false };
  const finals = targets.filter((tg) => tg.value !== null).sort((a, b) => a.year - b.year);
  const final = finals.at(-1);
  if (!final || !baseline || baseline.value === null || year <= baseline.year || year > final.year) return null;
  // Between the nearest set target (or the 0-meting) before the year and the next after it.
  const before = [...finals].reverse().find((tg) => tg.year < year) ?? baseline;
  const after = finals.find((tg) => tg.year > year)!;
  const share = (year - before.year) / (after.year - before.year);
  return { value: Math.round(before.value! + share * (after.value! - before.value!)), interpolated: true };
}

export type TargetStatus = 'on-track' | 'behind' | 'no-target' | 'no-figure';

/**
 * On track: the figure has reached the target of its year. Targets are "at least"
 * (bereik, afgeronde trajecten, effects all should rise), as the agenda states them.
 */
export function targetStatus(value: number | null, target: number | null): TargetStatus {
  if (value === null) return 'no-figure';
  if (target === null) return 'no-target';
  return value >= target ? 'on-track' : 'behind';
}

/**
 * A number as people type it in Dutch or as a spreadsheet exports it: "1250", "42,5",
 * "1.250" (a thousands dot), "1.250,50", "42.5" (a decimal point). Null for anything
 * else (text, formulas, several signs). A comma is always the decimal sign; dots are
 * thousands separators only in groups of three.
 */
export function parseDutchNumber(input: string): number | null {
  const text = input.trim().replace(/\s/g, '');
  if (text === '') return null;
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(text) || /^-?\d+(,\d+)?$/.test(text)) normal = text.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(\.\d+)?$/.test(text)) normal = text;
  else return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}
