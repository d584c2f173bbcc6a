/**
 * What every chart is made of, whatever its kind: the graphic (an SVG tree), a text
 * alternative that states the figures in a sentence, and a table with the same figures.
 * Layout functions (stacked-bar.ts, heatmap.ts, line.ts, bar.ts) return a Chart; the
 * page component and the document renderers only draw it.
 */
import { t } from '../../i18n';
import { type Fill, filledRect, MUTED, TEXT } from './palette';
import { el, r, type SvgNode } from './svg';
import { textWidth, wrapText } from './text';

/** The graphic's standard measures, in SVG units (≈ CSS pixels at the design width). */
export const FONT_SIZE = 14;
export const SMALL_FONT_SIZE = 13;
export const LINE_HEIGHT = 17;
/** Design width: shown about 1:1 on a 390 px phone, at most 1.2 times on a wide screen (27 rem). */
export const DEFAULT_WIDTH = 360;
/**
 * Noto Sans in documents (embedded); on a page the nearest common font of similar or
 * smaller width — never a wider fallback such as DejaVu Sans, which would outgrow the
 * estimated label widths.
 */
export const FONT_FAMILY = "'Noto Sans', 'Segoe UI', -apple-system, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

export type ChartTableCell = { text: string; numeric: boolean };
export type ChartTableRow = { header: string; href?: string; cells: ChartTableCell[] };

/** The figures as a table: one row per category, one column per series. */
export type ChartTable = {
  caption: string;
  /** Header of the column of row headers, then of each value column. */
  columns: { label: string; numeric: boolean }[];
  rows: ChartTableRow[];
  /** A totals row, if the chart has one. */
  footer?: ChartTableRow;
};

export type Chart = {
  /** Prefix of the element ids (title, description); unique on the page. */
  id: string;
  title: string;
  /** The text alternative: the figures in sentences. */
  description: string;
  width: number;
  height: number;
  /** The drawing, without the <svg> element (see chartSvg). */
  body: SvgNode[];
  table: ChartTable;
  /** Remarks shown under the figure (what a category means), in the table's caption of documents too. */
  notes: string[];
};

/** Options every layout takes. */
export type ChartOptions = {
  /** Width of the drawing in SVG units (the height follows from the content). */
  width?: number;
};

/** The <svg> element of a chart: an image named by its title and described by its text alternative. */
export function chartSvg(chart: Chart, options: { forDocument?: boolean } = {}): SvgNode {
  const titleId = `${chart.id}-titel`;
  const descId = `${chart.id}-beschrijving`;
  return el(
    'svg',
    {
      viewBox: `0 0 ${r(chart.width)} ${r(chart.height)}`,
      // A document needs a size; on a page the stylesheet sizes the drawing to its column.
      width: options.forDocument ? r(chart.width) : undefined,
      height: options.forDocument ? r(chart.height) : undefined,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      'font-family': FONT_FAMILY,
      'font-size': FONT_SIZE,
      fill: TEXT,
      class: options.forDocument ? undefined : 'chart__svg',
    },
    [el('title', { id: titleId }, [chart.title]), el('desc', { id: descId }, [chart.description]), ...chart.body],
  );
}

/** A line of text; `y` is the baseline. */
export function text(
  x: number,
  y: number,
  content: string,
  attrs: { anchor?: 'start' | 'middle' | 'end'; size?: number; bold?: boolean; colour?: string; transform?: string } = {},
): SvgNode {
  return el(
    'text',
    {
      x: r(x),
      y: r(y),
      'text-anchor': attrs.anchor && attrs.anchor !== 'start' ? attrs.anchor : undefined,
      'font-size': attrs.size && attrs.size !== FONT_SIZE ? attrs.size : undefined,
      'font-weight': attrs.bold ? 'bold' : undefined,
      // The drawing's text colour is set once, on the <svg>.
      fill: attrs.colour && attrs.colour !== TEXT ? attrs.colour : undefined,
      transform: attrs.transform,
    },
    [content],
  );
}

/** Several lines under each other, the first baseline at `y`. */
export function textLines(x: number, y: number, lines: string[], attrs: { size?: number; bold?: boolean; lineHeight?: number } = {}) {
  const lineHeight = attrs.lineHeight ?? LINE_HEIGHT;
  if (lines.length === 1) return text(x, y, lines[0], attrs);
  return el(
    'text',
    {
      x: r(x),
      y: r(y),
      'font-size': attrs.size && attrs.size !== FONT_SIZE ? attrs.size : undefined,
      'font-weight': attrs.bold ? 'bold' : undefined,
    },
    lines.map((line, i) => el('tspan', { x: r(x), y: r(y + i * lineHeight) }, [line])),
  );
}

export type LegendItem = { label: string; fill: Fill; marker?: 'line' | 'dashed' };

const SWATCH = 14;
const LEGEND_ROW = 20;

/**
 * The legend, items flowing left to right and onto the next row when the width is used up.
 * Returns its nodes and its height.
 */
export function legend(items: LegendItem[], width: number, y: number): { nodes: SvgNode[]; height: number } {
  const nodes: SvgNode[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const labelWidth = Math.min(textWidth(item.label, SMALL_FONT_SIZE), width - SWATCH - 6);
    const itemWidth = SWATCH + 6 + labelWidth + 16;
    if (x > 0 && x + itemWidth - 16 > width) {
      x = 0;
      row += 1;
    }
    const top = y + row * LEGEND_ROW + 2;
    if (item.marker) {
      nodes.push(
        el('line', {
          x1: r(x),
          y1: r(top + SWATCH / 2),
          x2: r(x + SWATCH),
          y2: r(top + SWATCH / 2),
          stroke: item.fill.colour,
          'stroke-width': 3,
          'stroke-dasharray': item.marker === 'dashed' ? '4 3' : undefined,
        }),
      );
    } else {
      nodes.push(...filledRect(item.fill, x, top, SWATCH, SWATCH, 0));
    }
    const label = wrapText(item.label, width - SWATCH - 6, SMALL_FONT_SIZE, { maxLines: 1 })[0] ?? '';
    nodes.push(text(x + SWATCH + 6, top + SWATCH - 2, label, { size: SMALL_FONT_SIZE }));
    x += itemWidth;
  }
  return {
    nodes: items.length > 0 ? [el('g', { class: 'chart__legend' }, nodes)] : [],
    height: items.length > 0 ? (row + 1) * LEGEND_ROW : 0,
  };
}

/** The drawing of a chart without data: one line saying so. */
export function emptyChart(id: string, title: string, table: ChartTable, width: number): Chart {
  return {
    id,
    title,
    description: t.charts.noData,
    width,
    height: 32,
    body: [text(0, 20, t.charts.noData, { colour: MUTED })],
    table,
    notes: [],
  };
}

/** A number cell of a table. */
export function numberCell(textValue: string): ChartTableCell {
  return { text: textValue, numeric: true };
}
