/**
 * Drawings kept between renders. A chart is a pure function of its spec and options, and
 * a page draws the same ones again until its data changes: the overview's chapter chart
 * on every view, the monitor's 48 panels. Laying one out and writing its SVG markup cost
 * the overview about a millisecond of each render (docs/decisions/029). The last 200 of
 * each kind are kept by their spec's text; functions in a spec (a `totalPhrase`) count by
 * identity. Kept drawings are shared between renders, so nothing may change them: the
 * components only read them.
 */
import { type Chart, type ChartOptions, chartSvg, type ChartTable } from '../../models/charts/chart';
import { innerSvgString, type SvgNode } from '../../models/charts/svg';
import { chartTableInnerHtml } from '../../models/charts/table-markup';

const MAX_KEPT_PER_KIND = 200;
const drawings = new Map<unknown, Map<string, unknown>>();
const functionIds = new WeakMap<object, number>();
let nextFunctionId = 0;

function specKey(spec: unknown, options: ChartOptions): string {
  return JSON.stringify([spec, options], (_key, value: unknown) => {
    if (typeof value !== 'function') return value;
    if (!functionIds.has(value)) functionIds.set(value, nextFunctionId++);
    return `ƒ${functionIds.get(value)}`;
  });
}

/** `draw(spec, options)`, or what it drew before from an equal spec and options. */
export function keptDrawing<Spec, Drawing>(
  draw: (spec: Spec, options: ChartOptions) => Drawing,
  spec: Spec,
  options: ChartOptions,
): Drawing {
  let kept = drawings.get(draw);
  if (!kept) drawings.set(draw, (kept = new Map()));
  const key = specKey(spec, options);
  if (kept.has(key)) return kept.get(key) as Drawing;
  const drawing = draw(spec, options);
  const oldest = kept.size >= MAX_KEPT_PER_KIND ? kept.keys().next().value : undefined;
  if (oldest !== undefined) kept.delete(oldest);
  kept.set(key, drawing);
  return drawing;
}

const svgs = new WeakMap<Chart, SvgNode>();
const innerMarkup = new WeakMap<SvgNode, string>();

/** The chart's SVG tree, made once per kept chart. */
export function keptChartSvg(chart: Chart): SvgNode {
  let svg = svgs.get(chart);
  if (!svg) svgs.set(chart, (svg = chartSvg(chart)));
  return svg;
}

/** The markup inside an SVG root, written once per tree. */
export function keptInnerSvgString(node: SvgNode): string {
  let markup = innerMarkup.get(node);
  if (markup === undefined) innerMarkup.set(node, (markup = innerSvgString(node)));
  return markup;
}

const tableMarkup = new WeakMap<ChartTable, { captionId: string; html: string }>();

/** The markup inside a chart's <table>, written once per kept table. */
export function keptTableInnerHtml(table: ChartTable, captionId: string): string {
  const kept = tableMarkup.get(table);
  if (kept?.captionId === captionId) return kept.html;
  const html = chartTableInnerHtml(table, captionId);
  tableMarkup.set(table, { captionId, html });
  return html;
}
