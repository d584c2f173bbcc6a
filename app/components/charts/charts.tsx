/**
 * The charts of Koers as React components. Each takes its data as props (the spec types
 * of app/models/charts), lays it out with the shared pure layer, and renders plain SVG
 * with a text alternative and a table — no JavaScript needed in the browser. For the same
 * chart in a .docx or PDF, see app/models/documents/chart-images.server.ts.
 */
import { barChart, type BarChartSpec } from '../../models/charts/bar';
import type { ChartOptions } from '../../models/charts/chart';
import { chartSvg } from '../../models/charts/chart';
import { heatmapChart, type HeatmapSpec } from '../../models/charts/heatmap';
import { lineChart, type LineChartSpec, smallMultiples, type SmallMultiplesSpec } from '../../models/charts/line';
import { stackedBarChart, type StackedBarSpec } from '../../models/charts/stacked-bar';
import { ChartFigure, ChartFrame, type ChartLayout } from './chart-figure';
import { SvgTree } from './svg-tree';

type Props<Spec> = Spec & ChartOptions & ChartLayout;

function split<Spec>({ width, tableLayout, className, ...spec }: Props<Spec>) {
  return { spec: spec as Spec, options: { width }, layout: { tableLayout, className } };
}

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

/** Grouped vertical bars (money: `valueFormat: 'money'`, values in cents). */
export function BarChart(props: Props<BarChartSpec>) {
  const { spec, options, layout } = split(props);
  return <ChartFigure chart={barChart(spec, options)} {...layout} />;
}

/** One small line chart per panel on a shared y scale, in a grid, with one table below. */
export function SmallMultiplesChart(props: Props<SmallMultiplesSpec>) {
  const { spec, options, layout } = split(props);
  const multiples = smallMultiples(spec, options);
  return (
    <ChartFrame
      id={multiples.id}
      title={multiples.title}
      table={multiples.table}
      notes={multiples.notes}
      tableLayout={layout.tableLayout ?? 'below'}
      className={['chart--multiples', layout.className].filter(Boolean).join(' ')}
    >
      <ul className="chart__panels">
        {multiples.charts.map((chart) => (
          <li key={chart.id}>
            <p className="chart__panel-title" aria-hidden="true">
              {chart.title}
            </p>
            <SvgTree node={chartSvg(chart)} />
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
