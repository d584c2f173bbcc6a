import { barChart, type BarChartSpec } from '../../models/charts/bar';
import { ChartFigure } from './chart-figure';
import { type ChartProps, splitChartProps } from './chart-props';

/** Grouped vertical bars (money: `valueFormat: 'money'`, values in cents). */
export function BarChart(props: ChartProps<BarChartSpec>) {
  const { spec, options, layout } = splitChartProps(props);
  return <ChartFigure chart={barChart(spec, options)} {...layout} />;
}
