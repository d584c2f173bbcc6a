/**
 * A horizontal stacked bar per category (for example the actions of a chapter by status).
 * Category labels sit above their bar, so the drawing stays readable when a phone scales
 * it down; each segment is labelled with its value where it fits, each bar with its total.
 * Negative values stack to the left of zero (d3-shape's diverging offset).
 */
import { scaleLinear } from 'd3-scale';
import { stack, stackOffsetDiverging } from 'd3-shape';

import { t } from '../../i18n';
import {
  type Chart,
  type ChartOptions,
  type ChartTable,
  DEFAULT_WIDTH,
  emptyChart,
  FONT_SIZE,
  legend,
  LINE_HEIGHT,
  numberCell,
  SMALL_FONT_SIZE,
  text,
  textLines,
} from './chart';
import { formatTick, formatValue, type ValueFormat } from './format';
import { AXIS, type Fill, filledRect, GRID, MUTED, seriesFill, textOn } from './palette';
import { el, r, type SvgNode } from './svg';
import { textWidth, wrapText } from './text';
import { axisTicks } from './ticks';

export type StackedBarSegment = {
  key: string;
  /** Legend and table header: "Afgerond". */
  label: string;
  /** In the text alternative: "5 afgerond", "3 te laat". Default: the label in lower case. */
  phrase?: string;
  /** Default: the series palette in order. */
  fill?: Fill;
};

export type StackedBarCategory = {
  key: string;
  /** "1.3.a Bereik NT1-ers" */
  label: string;
  /** Value per segment key; a missing key counts as 0. */
  values: Record<string, number>;
  /** A link for the category in the table (for example to its section on the page). */
  href?: string;
};

export type StackedBarSpec = {
  /** Unique on the page: prefix of the element ids. */
  id: string;
  /** The figure's caption and the image's name. */
  title: string;
  categories: StackedBarCategory[];
  /** In stacking order, left to right. */
  segments: StackedBarSegment[];
  /** Header of the table's first column: "Hoofdstuk". */
  categoryHeader: string;
  /** The total of a category in words for the text alternative ("12 acties"). Default: the number. */
  totalPhrase?: (total: number) => string;
  valueFormat?: ValueFormat;
  /** Remarks under the figure ("Te laat: …"). */
  notes?: string[];
  /** Replaces the generated text alternative. */
  description?: string;
};

const BAR = 22;
const GAP = 14;

export type StackedSegment = { segment: number; value: number; from: number; to: number };

/** The stacked extent of each segment per category: d3-shape's stack with negative values to the left of zero. */
export function stackCategories(spec: Pick<StackedBarSpec, 'categories' | 'segments'>): StackedSegment[][] {
  const keys = spec.segments.map((s) => s.key);
  const series = stack<Record<string, number>, string>()
    .keys(keys)
    .value((d, key) => d[key] ?? 0)
    .offset(stackOffsetDiverging)(spec.categories.map((c) => c.values));
  return spec.categories.map((category, i) =>
    spec.segments.map((segment, s) => {
      const [from, to] = series[s][i];
      return { segment: s, value: category.values[segment.key] ?? 0, from, to };
    }),
  );
}

function total(category: StackedBarCategory, segments: StackedBarSegment[]) {
  return segments.reduce((sum, s) => sum + (category.values[s.key] ?? 0), 0);
}

function stackedBarTable(spec: StackedBarSpec): ChartTable {
  const format = spec.valueFormat ?? 'number';
  const totals = spec.segments.map((s) => spec.categories.reduce((sum, c) => sum + (c.values[s.key] ?? 0), 0));
  return {
    caption: t.charts.tableOf(spec.title),
    columns: [
      { label: spec.categoryHeader, numeric: false },
      ...spec.segments.map((s) => ({ label: s.label, numeric: true })),
      { label: t.charts.total, numeric: true },
    ],
    rows: spec.categories.map((c) => ({
      header: c.label,
      href: c.href,
      cells: [
        ...spec.segments.map((s) => numberCell(formatValue(c.values[s.key] ?? 0, format))),
        numberCell(formatValue(total(c, spec.segments), format)),
      ],
    })),
    footer:
      spec.categories.length > 1
        ? {
            header: t.charts.total,
            cells: [
              ...totals.map((v) => numberCell(formatValue(v, format))),
              numberCell(
                formatValue(
                  totals.reduce((a, b) => a + b, 0),
                  format,
                ),
              ),
            ],
          }
        : undefined,
  };
}

/** "1.3.a Bereik NT1-ers: 12 acties, waarvan 5 afgerond en 3 te laat." for each category. */
export function describeStackedBars(spec: StackedBarSpec): string {
  const format = spec.valueFormat ?? 'number';
  return spec.categories
    .map((c) => {
      const parts = spec.segments
        .filter((s) => (c.values[s.key] ?? 0) !== 0)
        .map((s) => `${formatValue(c.values[s.key], format)} ${s.phrase ?? s.label.toLowerCase()}`);
      const sum = total(c, spec.segments);
      return t.charts.stackedBar.category(c.label, spec.totalPhrase ? spec.totalPhrase(sum) : formatValue(sum, format), parts);
    })
    .join(' ');
}

export function stackedBarChart(spec: StackedBarSpec, options: ChartOptions = {}): Chart {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = spec.valueFormat ?? 'number';
  const table = stackedBarTable(spec);
  if (spec.categories.length === 0 || spec.segments.length === 0) return emptyChart(spec.id, spec.title, table, width);

  const fills = spec.segments.map((s, i) => s.fill ?? seriesFill(i));
  const stacked = stackCategories(spec);
  const low = Math.min(0, ...stacked.flat().map((s) => s.from));
  const high = Math.max(0, ...stacked.flat().map((s) => s.to));
  const integers = format === 'number' && spec.categories.every((c) => Object.values(c.values).every(Number.isInteger));
  const { domain, ticks } = axisTicks(low, high, { integers });

  const totals = spec.categories.map((c) => total(c, spec.segments));
  const totalLabels = totals.map((v) => formatTick(v, format));
  const totalPad = Math.max(...totalLabels.map((label) => textWidth(label, FONT_SIZE))) + 8;
  const firstTick = formatTick(ticks[0] ?? 0, format);
  // Room for half the first tick's label, which is centred on its line.
  const left = textWidth(firstTick, SMALL_FONT_SIZE) / 2 + 1;
  const x = scaleLinear()
    .domain(domain)
    .range([left, width - totalPad]);

  const nodes: SvgNode[] = [];
  const key = legend(
    spec.segments.map((s, i) => ({ label: s.label, fill: fills[i] })),
    width,
    0,
  );
  nodes.push(...key.nodes);

  let y = key.height + 10;
  // Grid lines run behind each bar only, never through the category labels above it.
  const grid: SvgNode[] = [];
  const bars: SvgNode[] = [];
  spec.categories.forEach((category, i) => {
    const lines = wrapText(category.label, width, FONT_SIZE, { maxLines: 2, bold: true });
    bars.push(textLines(0, y + FONT_SIZE, lines, { bold: true }));
    y += lines.length * LINE_HEIGHT + 4;
    const mid = y + BAR / 2;
    for (const tick of ticks) {
      grid.push(
        el('line', {
          x1: r(x(tick)),
          y1: r(y - 3),
          x2: r(x(tick)),
          y2: r(y + BAR + 3),
          stroke: tick === 0 ? AXIS : GRID,
          'stroke-width': tick === 0 ? 1.5 : 1,
        }),
      );
    }
    for (const part of stacked[i]) {
      if (part.value === 0) continue;
      const x1 = x(Math.min(part.from, part.to));
      const x2 = x(Math.max(part.from, part.to));
      const fill = fills[part.segment];
      bars.push(...filledRect(fill, x1, y, x2 - x1, BAR));
      const label = formatTick(part.value, format);
      const labelWidth = textWidth(label, SMALL_FONT_SIZE, true);
      if (x2 - x1 >= labelWidth + 8) {
        const centre = (x1 + x2) / 2;
        // A patterned segment gets a plain patch behind its number, so the lines never cross the text.
        if (fill.pattern && fill.pattern !== 'none') {
          bars.push(
            el('rect', { x: r(centre - labelWidth / 2 - 2), y: r(mid - 8), width: r(labelWidth + 4), height: 16, fill: fill.colour }),
          );
        }
        bars.push(text(centre, mid + 4.5, label, { anchor: 'middle', size: SMALL_FONT_SIZE, bold: true, colour: textOn(fill.colour) }));
      }
    }
    const end = x(Math.max(0, ...stacked[i].map((p) => p.to)));
    bars.push(text(end + 6, mid + 4.5, totalLabels[i], totals[i] === 0 ? { colour: MUTED } : {}));
    y += BAR + GAP;
  });

  // The value axis under the last bar.
  const axisY = y - GAP + 8;
  const axis: SvgNode[] = [
    el('line', { x1: r(x(domain[0])), y1: r(axisY), x2: r(x(domain[1])), y2: r(axisY), stroke: AXIS }),
    ...ticks.flatMap((tick) => [
      el('line', { x1: r(x(tick)), y1: r(axisY), x2: r(x(tick)), y2: r(axisY + 4), stroke: AXIS }),
      text(x(tick), axisY + 17, formatTick(tick, format), { anchor: 'middle', size: SMALL_FONT_SIZE, colour: MUTED }),
    ]),
  ];
  nodes.push(el('g', { class: 'chart__grid' }, grid), el('g', { class: 'chart__bars' }, bars), el('g', { class: 'chart__axis' }, axis));

  return {
    id: spec.id,
    title: spec.title,
    description: spec.description ?? describeStackedBars(spec),
    width,
    height: axisY + 24,
    body: nodes,
    table,
    notes: spec.notes ?? [],
  };
}
