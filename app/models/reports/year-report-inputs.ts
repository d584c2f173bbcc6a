/**
 * What the yearly report ("jaarrapportage") takes from the monitor and from the financial
 * overview, browser-safe. The monitor (app/models/monitor/) and the money
 * (app/models/finance/) each answer one function with these shapes for a given year:
 *
 *   monitorYearSection(db, year): MonitorYearSection | null   (app/models/monitor/year-section.server.ts)
 *   financeYearSection(db, year): FinanceYearSection | null   (app/models/finance/year-section.server.ts)
 *
 * The report copies what they answer into its frozen version when it is adopted, so an
 * adopted report keeps its figures when a figure is corrected later. That is why these are
 * plain data (numbers, strings, no dates or class instances): they are stored as JSON.
 */

/** A place a figure is about: one of the seven municipalities, or the region as a whole. */
export type MonitorArea = { municipalityId: number | null; name: string };

export type IndicatorLevel = 'input' | 'output' | 'outcome';
export type IndicatorUnit = 'count' | 'percentage' | 'euro';

/**
 * One area's figure for one indicator in the report's year, beside its 0-meting and target.
 * Values are in the indicator's unit: a count, a percentage as 0–100 (42.5), euro amounts as
 * integer cents (like the money below).
 */
export type MonitorAreaRow = MonitorArea & {
  /** The 0-meting (2020) value; null when none was delivered. */
  baseline: number | null;
  /** The report year's value; null when none was delivered. */
  value: number | null;
  /** The target (streefwaarde) for the report year; null when none was set. */
  target: number | null;
  /** For outcome figures from a questionnaire: how many people answered. */
  respondents: number | null;
  /** E.g. "3 van 4 aanbieders geleverd"; null when complete. */
  completeness: string | null;
};

export type MonitorIndicatorSection = {
  code: string;
  name: string;
  level: IndicatorLevel;
  unit: IndicatorUnit;
  /** Who delivers the figure, e.g. "CBS Landelijk Beeld Volwasseneneducatie" or "Qwasp". */
  source: string;
  /** 'national': the CBS national monitor (LBV), shown in the report with its caveats; 'regional': the region's own monitor. */
  monitor: 'regional' | 'national';
  /** LBV counts course participants ('record'): one person in two courses counts twice. */
  countedPer: 'record' | 'person';
  definition: string;
  /** Region first, then the seven municipalities by name. */
  rows: MonitorAreaRow[];
  /** Every year from the 0-meting up to the report year, region-wide, for the chart. */
  regionSeries: { year: number; value: number | null; target: number | null }[];
};

export type MonitorYearSection = {
  year: number;
  baselineYear: number;
  /** Regional (Qwasp) and national (CBS LBV) indicators alike; `source` tells them apart. */
  indicators: MonitorIndicatorSection[];
  /** True while any figure shown is a demo "voorbeeldcijfer". */
  containsExampleFigures: boolean;
};

/** Amounts are integer euro cents everywhere, never floating euros. */
export type FinanceStreamRow = {
  /** E.g. "Rijksbijdrage educatie (WEB)", "Decentralisatie-uitkering basisvaardigheden". */
  name: string;
  receivedCents: number;
  allocatedCents: number;
  committedCents: number;
  spentCents: number;
  /** Received minus spent. */
  leftCents: number;
  /** Carried over to next year / paid back, where the stream allows it. */
  carryOverCents: number;
  repaymentCents: number;
};

export type FinanceYearSection = {
  year: number;
  streams: FinanceStreamRow[];
  totals: Omit<FinanceStreamRow, 'name'>;
  /** Allocated and spent per municipality (and one row for regional/unassigned money). */
  perMunicipality: { municipalityId: number | null; name: string; allocatedCents: number; spentCents: number }[];
  /** Allocated and spent per goal of the agenda, where money was tied to a goal. */
  perGoal: { goalId: number; code: string; title: string; allocatedCents: number; spentCents: number }[];
  /** Dutch sentences, e.g. the spending obligation at risk; empty when there is nothing to warn about. */
  warnings: string[];
  containsExampleFigures: boolean;
};
