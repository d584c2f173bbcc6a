/**
 * Vertical bars, grouped: per category (a year, a stream) one bar per series (received,
 * allocated, committed, spent). Made for money: values in integer cents with
 * `valueFormat: 'money'`; negative values hang below the zero line.
 */
import { scaleBand, scaleLinear } from 'd3-scale';

import { t } from '../../i18n';
import {
  type Chart,
  type ChartOptions,
  type ChartTable,
  DEFAULT_WIDTH,
  emptyChart,
  legend,
  LINE_HEIGHT,
  numberCell,
  SMALL_FONT_SIZE,
  text,
} from './chart';
import { formatTick, formatValue, type ValueFormat } from './format';
import { AXIS, type Fill, filledRect, GRID, MUTED, seriesFill } from './palette';
import { el, r, type SvgNode } from './svg';
import { textWidth, wrapText } from './text';
import { axisTicks } from './ticks';

export type BarSeries = {
  key: string;
  /** Legend and table header: "Ontvangen". */
  label: string;
  /** In the text alternative; default the label in lower case. */
  phrase?: string;
  fill?: Fill;
};

export type BarCategory = { key: string; label: string; values: Record<string, number> };

export type BarChartSpec = {
  id: string;
  title: string;
  categories: BarCategory[];
  series: BarSeries[];
  /** Header of the table's first column: "Jaar". */
  categoryHeader: string;
  valueFormat?: ValueFormat;
  notes?: string[];
  description?: string;
};

const PLOT_HEIGHT = 180;

function barTable(spec: BarChartSpec): ChartTable {
  const format = spec.valueFormat ?? 'number';
  return {
    caption: t.charts.tableOf(spec.title),
    columns: [{ label: spec.categoryHeader, numeric: false }, ...spec.series.map((s) => ({ label: s.label, numeric: true }))],
    rows: spec.categories.map((c) => ({
      header: c.label,
      cells: spec.series.map((s) => numberCell(c.values[s.key] === undefined ? '–' : formatValue(c.values[s.key], format))),
    })),
  };
}

/** "2021: ontvangen € 1.000,00 en besteed € 500,00." */
export function describeBars(spec: BarChartSpec): string {
  const format = spec.valueFormat ?? 'number';
  return spec.categories
    .map((c) =>
      t.charts.bar.category(
        c.label,
        spec.series
          .filter((s) => c.values[s.key] !== undefined)
          .map((s) => t.charts.bar.part(s.phrase ?? s.label.toLowerCase(), formatValue(c.values[s.key], format))),
      ),
    )
    .join(' ');
}

export function barChart(spec: BarChartSpec, options: ChartOptions = {}): Chart {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = spec.valueFormat ?? 'number';
  const table = barTable(spec);
  if (spec.categories.length === 0 || spec.series.length === 0) return emptyChart(spec.id, spec.title, table, width);

  const fills = spec.series.map((s, i) => s.fill ?? seriesFill(i));
  const nodes: SvgNode[] = [];
  const key = legend(
    spec.series.map((s, i) => ({ label: s.label, fill: fills[i] })),
    width,
    0,
  );
  nodes.push(...key.nodes);

  const values = spec.categories.flatMap((c) => spec.series.map((s) => c.values[s.key] ?? 0));
  const integers = format === 'number' && values.every(Number.isInteger);
  const { domain, ticks } = axisTicks(Math.min(0, ...values), Math.max(0, ...values), { integers });
  const tickLabels = ticks.map((tick) => formatTick(tick, format));
  const left = Math.max(...tickLabels.map((label) => textWidth(label, SMALL_FONT_SIZE))) + 8;
  const top = key.height + 12;
  const bottom = top + PLOT_HEIGHT;
  const y = scaleLinear().domain(domain).range([bottom, top]);
  const outer = scaleBand<string>()
    .domain(spec.categories.map((c) => c.key))
    .range([left + 4, width])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const inner = scaleBand<string>()
    .domain(spec.series.map((s) => s.key))
    .range([0, outer.bandwidth()])
    .padding(0.06);

  const grid: SvgNode[] = [];
  ticks.forEach((tick, i) => {
    if (tick !== 0) grid.push(el('line', { x1: r(left), y1: r(y(tick)), x2: width, y2: r(y(tick)), stroke: GRID }));
    grid.push(text(left - 6, y(tick) + 4, tickLabels[i], { anchor: 'end', size: SMALL_FONT_SIZE, colour: MUTED }));
  });
  nodes.push(el('g', { class: 'chart__grid' }, grid));

  const bars: SvgNode[] = [];
  const labels: SvgNode[] = [];
  let labelLines = 1;
  spec.categories.forEach((c) => {
    const x0 = outer(c.key)!;
    spec.series.forEach((s, i) => {
      const value = c.values[s.key];
      if (value === undefined || value === 0) return;
      const x = x0 + inner(s.key)!;
      const y1 = y(Math.max(0, value));
      const y2 = y(Math.min(0, value));
      bars.push(...filledRect(fills[i], x, y1, inner.bandwidth(), y2 - y1, 0.5));
    });
    const lines = wrapText(c.label, outer.bandwidth() + outer.step() * 0.25, SMALL_FONT_SIZE, { maxLines: 2 });
    labelLines = Math.max(labelLines, lines.length);
    const centre = x0 + outer.bandwidth() / 2;
    labels.push(
      lines.length === 1
        ? text(centre, bottom + 17, lines[0], { anchor: 'middle', size: SMALL_FONT_SIZE })
        : el(
            'text',
            { 'text-anchor': 'middle', 'font-size': SMALL_FONT_SIZE },
            lines.map((line, i) => el('tspan', { x: r(centre), y: r(bottom + 17 + i * LINE_HEIGHT) }, [line])),
          ),
    );
  });
  // The zero line over the bars' feet.
  const zero = el('line', { x1: r(left), y1: r(y(0)), x2: width, y2: r(y(0)), stroke: AXIS, 'stroke-width': 1.5 });
  nodes.push(el('g', { class: 'chart__bars' }, bars), zero, el('g', { class: 'chart__axis' }, labels));

  return {
    id: spec.id,
    title: spec.title,
    description: spec.description ?? describeBars(spec),
    width,
    height: bottom + 10 + labelLines * LINE_HEIGHT,
    body: nodes,
    table,
    notes: spec.notes ?? [],
  };
}
