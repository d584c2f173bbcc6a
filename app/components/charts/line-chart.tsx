import { lineChart, type LineChartSpec } from '../../models/charts/line';
import { ChartFigure } from './chart-figure';
import { type ChartProps, splitChartProps } from './chart-props';
import { keptDrawing } from './kept-drawings';

/** Lines over years, a dashed target series, an optional baseline-year marker. */
export function LineChart(props: ChartProps<LineChartSpec>) {
  const { spec, options, layout } = splitChartProps(props);
  return <ChartFigure chart={keptDrawing(lineChart, spec, options)} {...layout} />;
}
