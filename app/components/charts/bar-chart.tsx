import { barChart, type BarChartSpec } from '../../models/charts/bar';
import { ChartFigure } from './chart-figure';
import { type ChartProps, splitChartProps } from './chart-props';
import { keptDrawing } from './kept-drawings';

/** Grouped vertical bars (money: `valueFormat: 'money'`, values in cents). */
export function BarChart(props: ChartProps<BarChartSpec>) {
  const { spec, options, layout } = splitChartProps(props);
  return <ChartFigure chart={keptDrawing(barChart, spec, options)} {...layout} />;
}
