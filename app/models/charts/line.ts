/**
 * Line charts over years: one or more series, a target series drawn dashed, an optional
 * marker for the baseline year (the 2020 "0-meting"), and small multiples (the region and
 * the seven municipalities) that share one y scale so their lines compare at a glance.
 * Every series has its own point shape, so lines are told apart without colour.
 */
import { scaleLinear } from 'd3-scale';
import { line as linePath } from 'd3-shape';

import { t } from '../../i18n';
import { type Chart, type ChartOptions, type ChartTable, DEFAULT_WIDTH, emptyChart, legend, SMALL_FONT_SIZE, text } from './chart';
import { formatTick, formatValue, type ValueFormat } from './format';
import { AXIS, BACKGROUND, type Fill, GRID, MUTED, seriesFill } from './palette';
import { el, r, type SvgNode } from './svg';
import { textWidth } from './text';
import { axisTicks } from './ticks';

export type LinePoint = { year: number; value: number | null };

export type LineSeries = {
  key: string;
  label: string;
  values: LinePoint[];
  /** A target (streefwaarde): drawn dashed, without point marks. */
  target?: boolean;
  /** Default: the series palette in order. */
  fill?: Fill;
};

export type LineChartSpec = {
  id: string;
  title: string;
  series: LineSeries[];
  valueFormat?: ValueFormat;
  /** A vertical marker at this year, labelled "0-meting <year>". */
  baselineYear?: number;
  /** A fixed y domain (small multiples share one); default: from 0 (or the lowest value) to the highest. */
  yDomain?: [number, number];
  /** Header of the table's first column. Default: "Reeks". */
  seriesHeader?: string;
  notes?: string[];
  description?: string;
};

const PLOT_HEIGHT = 170;
const MARKS = ['circle', 'square', 'triangle', 'diamond'] as const;

function mark(shape: (typeof MARKS)[number], x: number, y: number, colour: string): SvgNode {
  const s = 4.5;
  const common = { fill: colour, stroke: BACKGROUND, 'stroke-width': 1.5 };
  switch (shape) {
    case 'circle':
      return el('circle', { cx: r(x), cy: r(y), r: s, ...common });
    case 'square':
      return el('rect', { x: r(x - s + 0.5), y: r(y - s + 0.5), width: 2 * s - 1, height: 2 * s - 1, ...common });
    case 'triangle':
      return el('path', { d: `M${r(x)} ${r(y - s - 1)}L${r(x + s + 0.5)} ${r(y + s - 1)}L${r(x - s - 0.5)} ${r(y + s - 1)}Z`, ...common });
    case 'diamond':
      return el('path', {
        d: `M${r(x)} ${r(y - s - 1)}L${r(x + s + 1)} ${r(y)}L${r(x)} ${r(y + s + 1)}L${r(x - s - 1)} ${r(y)}Z`,
        ...common,
      });
  }
}

/** Every year any series has, in order. */
export function yearsOf(series: LineSeries[]): number[] {
  return [...new Set(series.flatMap((s) => s.values.map((v) => v.year)))].sort((a, b) => a - b);
}

/** The y domain that holds every value of every series (and 0). */
export function valueExtent(series: LineSeries[]): [number, number] {
  const values = series.flatMap((s) => s.values.flatMap((v) => (v.value === null ? [] : [v.value])));
  return [Math.min(0, ...values), Math.max(0, ...values)];
}

/** A target series says so, once: "Bereik (streefwaarde)", but "Streefwaarde" as it is. */
function seriesLabel(s: LineSeries) {
  const saysTarget = s.label.toLowerCase().includes(t.charts.line.target.toLowerCase());
  return s.target && !saysTarget ? `${s.label} (${t.charts.line.target})` : s.label;
}

function lineTable(spec: LineChartSpec): ChartTable {
  const format = spec.valueFormat ?? 'number';
  const years = yearsOf(spec.series);
  return {
    caption: t.charts.tableOf(spec.title),
    columns: [
      { label: spec.seriesHeader ?? t.charts.smallMultiples.series, numeric: false },
      ...years.map((y) => ({ label: String(y), numeric: true })),
    ],
    rows: spec.series.map((s) => ({
      header: seriesLabel(s),
      cells: years.map((year) => {
        const value = s.values.find((v) => v.year === year)?.value ?? null;
        return { text: value === null ? '–' : formatValue(value, format), numeric: true };
      }),
    })),
  };
}

/** "Bereik: 2020 12, 2021 15 en 2022 18. Bereik (streefwaarde): 2024 25. De 0-meting is van 2020." */
export function describeLines(spec: LineChartSpec): string {
  const format = spec.valueFormat ?? 'number';
  const sentences = spec.series.map((s) =>
    t.charts.line.series(
      seriesLabel(s),
      s.values.filter((v) => v.value !== null).map((v) => t.charts.line.point(v.year, formatValue(v.value!, format))),
    ),
  );
  if (spec.baselineYear !== undefined) sentences.push(t.charts.line.baselineSentence(spec.baselineYear));
  return sentences.join(' ');
}

export function lineChart(spec: LineChartSpec, options: ChartOptions = {}): Chart {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = spec.valueFormat ?? 'number';
  const table = lineTable(spec);
  const years = yearsOf(spec.series);
  if (years.length === 0) return emptyChart(spec.id, spec.title, table, width);

  const fills = spec.series.map((s, i) => s.fill ?? (s.target ? { colour: MUTED } : seriesFill(i)));
  const nodes: SvgNode[] = [];
  const key = legend(
    spec.series.map((s, i) => ({ label: seriesLabel(s), fill: fills[i], marker: s.target ? ('dashed' as const) : ('line' as const) })),
    width,
    0,
  );
  nodes.push(...key.nodes);

  const [low, high] = spec.yDomain ?? valueExtent(spec.series);
  const integers = format === 'number' && spec.series.every((s) => s.values.every((v) => v.value === null || Number.isInteger(v.value)));
  const { domain, ticks } = axisTicks(low, high, { integers });
  const tickLabels = ticks.map((tick) => formatTick(tick, format));
  const left = Math.max(...tickLabels.map((label) => textWidth(label, SMALL_FONT_SIZE))) + 8;
  const top = key.height + (spec.baselineYear !== undefined ? 28 : 12);
  const bottom = top + PLOT_HEIGHT;
  const yearSpan: [number, number] = years.length === 1 ? [years[0] - 0.5, years[0] + 0.5] : [years[0], years[years.length - 1]];
  const x = scaleLinear()
    .domain(yearSpan)
    .range([left + 14, width - 14]);
  const y = scaleLinear().domain(domain).range([bottom, top]);

  const grid: SvgNode[] = [];
  ticks.forEach((tick, i) => {
    grid.push(
      el('line', {
        x1: r(left),
        y1: r(y(tick)),
        x2: width,
        y2: r(y(tick)),
        stroke: tick === 0 ? AXIS : GRID,
        'stroke-width': tick === 0 ? 1.5 : 1,
      }),
    );
    grid.push(text(left - 6, y(tick) + 4, tickLabels[i], { anchor: 'end', size: SMALL_FONT_SIZE, colour: MUTED }));
  });
  // Every year if there is room, else every other one (always the first and the last).
  const every = (width - left) / years.length >= 38 ? 1 : 2;
  years.forEach((year, i) => {
    if (i % every !== 0 && i !== years.length - 1) return;
    grid.push(text(x(year), bottom + 17, String(year), { anchor: 'middle', size: SMALL_FONT_SIZE, colour: MUTED }));
  });
  nodes.push(el('g', { class: 'chart__grid' }, grid));

  if (spec.baselineYear !== undefined && spec.baselineYear >= yearSpan[0] && spec.baselineYear <= yearSpan[1]) {
    const bx = x(spec.baselineYear);
    const label = t.charts.line.baseline(spec.baselineYear);
    const anchor =
      bx + textWidth(label, SMALL_FONT_SIZE) > width ? 'end' : bx - textWidth(label, SMALL_FONT_SIZE) / 2 < 0 ? 'start' : 'middle';
    nodes.push(
      el('g', { class: 'chart__baseline' }, [
        el('line', { x1: r(bx), y1: r(top - 6), x2: r(bx), y2: r(bottom), stroke: AXIS, 'stroke-width': 1.5, 'stroke-dasharray': '2 3' }),
        text(anchor === 'start' ? bx - 4 : bx, top - 10, label, { anchor, size: SMALL_FONT_SIZE, colour: MUTED }),
      ]),
    );
  }

  const lines: SvgNode[] = [];
  let shape = 0;
  spec.series.forEach((s, i) => {
    const points = [...s.values].sort((a, b) => a.year - b.year);
    const path = linePath<LinePoint>()
      .defined((p) => p.value !== null)
      .x((p) => r(x(p.year)))
      .y((p) => r(y(p.value ?? 0)))(points);
    if (path) {
      lines.push(
        el('path', {
          d: path,
          fill: 'none',
          stroke: fills[i].colour,
          'stroke-width': s.target ? 2 : 2.5,
          'stroke-dasharray': s.target ? '6 4' : undefined,
          'stroke-linejoin': 'round',
        }),
      );
    }
    if (!s.target) {
      const form = MARKS[shape++ % MARKS.length];
      for (const p of points) if (p.value !== null) lines.push(mark(form, x(p.year), y(p.value), fills[i].colour));
    }
  });
  nodes.push(el('g', { class: 'chart__lines' }, lines));

  return {
    id: spec.id,
    title: spec.title,
    description: spec.description ?? describeLines(spec),
    width,
    height: bottom + 24,
    body: nodes,
    table,
    notes: spec.notes ?? [],
  };
}

export type SmallMultiplesSpec = {
  id: string;
  /** The whole figure: "Bereik per gemeente". */
  title: string;
  /** One panel each: the region, then the municipalities. */
  panels: { key: string; title: string; series: LineSeries[] }[];
  valueFormat?: ValueFormat;
  baselineYear?: number;
  notes?: string[];
};

export type SmallMultiples = { id: string; title: string; charts: Chart[]; table: ChartTable; notes: string[] };

/** Design width of one panel: a phone shows one per row, a wide screen three or four. */
export const PANEL_WIDTH = 300;

/**
 * A line chart per panel, all on one y scale (the extent of every panel's values), and
 * one table with every panel's figures.
 */
export function smallMultiples(spec: SmallMultiplesSpec, options: ChartOptions = {}): SmallMultiples {
  const [low, high] = valueExtent(spec.panels.flatMap((p) => p.series));
  const charts = spec.panels.map((panel) =>
    lineChart(
      {
        id: `${spec.id}-${panel.key}`,
        title: panel.title,
        series: panel.series,
        valueFormat: spec.valueFormat,
        baselineYear: spec.baselineYear,
        yDomain: [low, high],
      },
      { width: options.width ?? PANEL_WIDTH },
    ),
  );
  const format = spec.valueFormat ?? 'number';
  const years = yearsOf(spec.panels.flatMap((p) => p.series));
  return {
    id: spec.id,
    title: spec.title,
    charts,
    notes: spec.notes ?? [],
    table: {
      caption: t.charts.tableOf(spec.title),
      columns: [{ label: t.charts.smallMultiples.panel, numeric: false }, ...years.map((year) => ({ label: String(year), numeric: true }))],
      rows: spec.panels.flatMap((panel) =>
        panel.series.map((s) => ({
          // A panel's own series is named after the panel ("Haarlem"): once is enough.
          header: seriesLabel(s) === panel.title ? panel.title : `${panel.title} — ${seriesLabel(s)}`,
          cells: years.map((year) => {
            const value = s.values.find((v) => v.year === year)?.value ?? null;
            return { text: value === null ? '–' : formatValue(value, format), numeric: true };
          }),
        })),
      ),
    },
  };
}
