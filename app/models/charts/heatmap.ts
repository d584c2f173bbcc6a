/**
 * A heatmap: rows × columns of cells, each shaded by its level and carrying its value or
 * mark as text, so the colour is never the only clue. Column labels turn 45° when they
 * do not fit their column.
 */
import { t } from '../../i18n';
import {
  type Chart,
  type ChartOptions,
  type ChartTable,
  DEFAULT_WIDTH,
  emptyChart,
  FONT_SIZE,
  legend,
  SMALL_FONT_SIZE,
  text,
} from './chart';
import { formatNumber, formatTick, formatValue, type ValueFormat } from './format';
import { EMPTY_EDGE, isLight, SEQUENTIAL, TEXT, textOn } from './palette';
import { el, r, type SvgNode } from './svg';
import { fitText, textWidth } from './text';
import { axisTicks } from './ticks';

export type HeatmapLevel = {
  /** Legend: "Accent", "3–5". */
  label: string;
  /** A cell belongs to the highest level whose `min` it reaches. */
  min: number;
  /** Default: a step of the sequential blues. */
  colour?: string;
};

export type HeatmapCell = {
  /** Null: no value (drawn empty, "–"). */
  value: number | null;
  /** Shown in the cell: "ja 2"; '' for none (an empty cell). Default: the value, or "–" without one. */
  text?: string;
  /** In the table: "ja, 2 lokale acties". Default: the text, or the value in full. */
  label?: string;
};

export type HeatmapSpec = {
  id: string;
  title: string;
  /** `label` in the drawing (short: a code), `longLabel` in the table. */
  rows: { key: string; label: string; longLabel?: string; href?: string }[];
  columns: { key: string; label: string }[];
  /** cells[row][column]. */
  cells: HeatmapCell[][];
  /** Header of the table's first column: "Doel". */
  rowHeader: string;
  /** In ascending order of `min`. Default: derived from the values. */
  levels?: HeatmapLevel[];
  valueFormat?: ValueFormat;
  notes?: string[];
  description?: string;
};

const ROW = 26;
const MAX_COLUMN = 64;
const COS45 = Math.SQRT1_2;

/** Levels for plain values: one per value for small counts, else four equal bands over nice bounds. */
export function defaultLevels(values: number[], format: ValueFormat = 'number'): HeatmapLevel[] {
  const max = Math.max(0, ...values);
  const integers = values.every(Number.isInteger);
  if (integers && max <= 4) {
    return Array.from({ length: max + 1 }, (_, v) => ({ label: formatNumber(v), min: v }));
  }
  const { domain } = axisTicks(Math.min(0, ...values), max, { integers, count: 4 });
  const step = (domain[1] - domain[0]) / 4;
  return Array.from({ length: 4 }, (_, i) => {
    const from = domain[0] + i * step;
    const to = domain[0] + (i + 1) * step;
    return { label: t.charts.heatmap.levelRange(formatTick(from, format), formatTick(to, format)), min: from };
  });
}

/** The colour of each level: white for the lowest, then darker steps. */
function levelColours(levels: HeatmapLevel[]): string[] {
  const steps = SEQUENTIAL.length - 1;
  return levels.map((level, i) => {
    if (level.colour) return level.colour;
    if (i === 0) return SEQUENTIAL[0];
    // Spread the remaining levels over the darker steps, always ending on the darkest.
    const index = levels.length === 2 ? steps : Math.round(1 + ((i - 1) * (steps - 1)) / Math.max(1, levels.length - 2));
    return SEQUENTIAL[Math.min(steps, index)];
  });
}

export function levelIndex(levels: HeatmapLevel[], value: number | null): number | null {
  if (value === null) return null;
  let found = 0;
  levels.forEach((level, i) => {
    if (value >= level.min) found = i;
  });
  return found;
}

function cellText(cell: HeatmapCell, format: ValueFormat) {
  return cell.text ?? (cell.value === null ? '–' : formatTick(cell.value, format));
}

function heatmapTable(spec: HeatmapSpec): ChartTable {
  const format = spec.valueFormat ?? 'number';
  const numeric = !spec.cells.some((row) => row.some((cell) => cell.label !== undefined || cell.text !== undefined));
  return {
    caption: t.charts.tableOf(spec.title),
    columns: [{ label: spec.rowHeader, numeric: false }, ...spec.columns.map((c) => ({ label: c.label, numeric }))],
    rows: spec.rows.map((row, i) => ({
      header: row.longLabel ?? row.label,
      href: row.href,
      cells: spec.columns.map((_, j) => {
        const cell = spec.cells[i]?.[j] ?? { value: null };
        const shown = cell.label ?? cell.text ?? (cell.value === null ? '–' : formatValue(cell.value, format));
        return { text: shown, numeric };
      }),
    })),
  };
}

/** Per column, how many cells fall in each level: "Beverwijk: 3 × Accent en 5 × Geen accent." */
function describeHeatmap(spec: HeatmapSpec, levels: HeatmapLevel[]): string {
  return spec.columns
    .map((column, j) => {
      const counts = levels.map(() => 0);
      let empty = 0;
      spec.rows.forEach((_, i) => {
        const index = levelIndex(levels, spec.cells[i]?.[j]?.value ?? null);
        if (index === null) empty += 1;
        else counts[index] += 1;
      });
      const parts = levels
        .map((level, i) => ({ level, n: counts[i] }))
        .filter(({ n }) => n > 0)
        .reverse()
        .map(({ level, n }) => t.charts.heatmap.levelCount(formatNumber(n), level.label));
      if (empty > 0) parts.push(t.charts.heatmap.levelCount(formatNumber(empty), t.charts.line.noValue));
      return t.charts.heatmap.column(column.label, parts);
    })
    .join(' ');
}

export function heatmapChart(spec: HeatmapSpec, options: ChartOptions = {}): Chart {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = spec.valueFormat ?? 'number';
  const table = heatmapTable(spec);
  if (spec.rows.length === 0 || spec.columns.length === 0) return emptyChart(spec.id, spec.title, table, width);

  const values = spec.cells.flat().flatMap((c) => (c.value === null ? [] : [c.value]));
  const levels = spec.levels ?? defaultLevels(values, format);
  const colours = levelColours(levels);

  const rowHeader = Math.min(Math.max(...spec.rows.map((row) => textWidth(row.label, FONT_SIZE, true))) + 10, width * 0.32);
  const longest = Math.max(...spec.columns.map((c) => textWidth(c.label, SMALL_FONT_SIZE)));
  let column = Math.min(MAX_COLUMN, (width - rowHeader) / spec.columns.length);
  const rotate = longest > column - 4;
  if (rotate) {
    // The last label runs up and to the right of its column: keep room for it.
    const overhang = Math.max(0, longest * COS45 - column / 2);
    column = Math.min(MAX_COLUMN, (width - rowHeader - overhang) / spec.columns.length);
  }
  const headerHeight = rotate ? longest * COS45 + SMALL_FONT_SIZE + 6 : SMALL_FONT_SIZE + 10;

  const nodes: SvgNode[] = [];
  const key = legend(
    levels.map((level, i) => ({ label: level.label, fill: { colour: colours[i] } })),
    width,
    0,
  );
  nodes.push(...key.nodes);

  const top = key.height + 10 + headerHeight;
  const headers = spec.columns.map((c, j) => {
    const centre = rowHeader + (j + 0.5) * column;
    return rotate
      ? text(centre - 2, top - 6, c.label, { size: SMALL_FONT_SIZE, transform: `rotate(-45 ${centre - 2} ${top - 6})` })
      : text(centre, top - 8, c.label, { size: SMALL_FONT_SIZE, anchor: 'middle' });
  });
  nodes.push(el('g', { class: 'chart__columns' }, headers));

  // A heatmap has hundreds of cells: the cells of one colour are one path, shared text
  // attributes sit on the group, and a cell without a mark gets no text element.
  const labels: SvgNode[] = [];
  const shapes = new Map<string, string[]>();
  const marks: SvgNode[] = [];
  const inset = 1.5;
  spec.rows.forEach((row, i) => {
    const y = top + i * ROW;
    labels.push(el('text', { x: 0, y: r(y + ROW / 2 + 4.5) }, [fitText(row.label, rowHeader - 8, FONT_SIZE, true)]));
    spec.columns.forEach((_, j) => {
      const cell = spec.cells[i]?.[j] ?? { value: null };
      const index = levelIndex(levels, cell.value);
      const colour = index === null ? SEQUENTIAL[0] : colours[index];
      const x = rowHeader + j * column;
      const edge = isLight(colour) ? 0.5 : 0;
      const list = shapes.get(colour) ?? [];
      list.push(
        `M${r(x + inset + edge)} ${r(y + inset + edge)}h${r(column - 2 * (inset + edge))}v${r(ROW - 2 * (inset + edge))}h${r(-(column - 2 * (inset + edge)))}z`,
      );
      shapes.set(colour, list);
      const mark = cellText(cell, format);
      if (mark === '') return;
      const onColour = textOn(colour);
      marks.push(
        el('text', { x: r(x + column / 2), y: r(y + ROW / 2 + 4.5), fill: onColour === TEXT ? undefined : onColour }, [
          fitText(mark, column - 6, SMALL_FONT_SIZE, true),
        ]),
      );
    });
  });
  const cells = [...shapes].map(([colour, parts]) =>
    el('path', { d: parts.join(''), fill: colour, stroke: isLight(colour) ? EMPTY_EDGE : undefined }),
  );
  nodes.push(
    el('g', { class: 'chart__rows', 'font-weight': 'bold' }, labels),
    el('g', { class: 'chart__cells' }, cells),
    el('g', { class: 'chart__marks', 'text-anchor': 'middle', 'font-size': SMALL_FONT_SIZE, 'font-weight': 'bold' }, marks),
  );

  return {
    id: spec.id,
    title: spec.title,
    description: spec.description ?? describeHeatmap(spec, levels),
    width,
    height: Math.ceil(top + spec.rows.length * ROW + 4),
    body: nodes,
    table,
    notes: spec.notes ?? [],
  };
}
