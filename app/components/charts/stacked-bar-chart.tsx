import { stackedBarChart, type StackedBarSpec } from '../../models/charts/stacked-bar';
import { ChartFigure } from './chart-figure';
import { type ChartProps, splitChartProps } from './chart-props';
import { keptDrawing } from './kept-drawings';

/** Horizontal stacked bars, one per category, segments in order, with a legend. */
export function StackedBarChart(props: ChartProps<StackedBarSpec>) {
  const { spec, options, layout } = splitChartProps(props);
  return <ChartFigure chart={keptDrawing(stackedBarChart, spec, options)} {...layout} />;
}
