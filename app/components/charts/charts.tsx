/**
 * The charts of Koers as React components. Each takes its data as props (the spec types
 * of app/models/charts), lays it out with the shared pure layer, and renders plain SVG
 * with a text alternative and a table — no JavaScript needed in the browser. For the same
 * chart in a .docx or PDF, see app/models/documents/chart-images.server.ts.
 *
 * The bar chart and the small multiples live in their own modules (bar-chart.tsx,
 * small-multiples-chart.tsx): only the money and the monitor pages use them, and a module
 * shared by many pages ships every chart it holds to each of them (the ≤ 150 KB budget).
 */
import { heatmapChart, type HeatmapSpec } from '../../models/charts/heatmap';
import { lineChart, type LineChartSpec } from '../../models/charts/line';
import { stackedBarChart, type StackedBarSpec } from '../../models/charts/stacked-bar';
import { ChartFigure } from './chart-figure';
import { type ChartProps as Props, splitChartProps as split } from './chart-props';

/** Horizontal stacked bars, one per category, segments in order, with a legend. */
export function StackedBarChart(props: Props<StackedBarSpec>) {
  const { spec, options, layout } = split(props);
  return <ChartFigure chart={stackedBarChart(spec, options)} {...layout} />;
}

/** Rows × columns of cells, each with its value or mark as text. The table goes below by default. */
export function Heatmap(props: Props<HeatmapSpec>) {
  const { spec, options, layout } = split(props);
  return <ChartFigure chart={heatmapChart(spec, options)} tableLayout={layout.tableLayout ?? 'below'} className={layout.className} />;
}

/** Lines over years, a dashed target series, an optional baseline-year marker. */
export function LineChart(props: Props<LineChartSpec>) {
  const { spec, options, layout } = split(props);
  return <ChartFigure chart={lineChart(spec, options)} {...layout} />;
}
