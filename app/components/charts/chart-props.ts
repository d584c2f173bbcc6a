/** What every chart component takes: its spec, layout options and where its table goes. */
import type { ChartOptions } from '../../models/charts/chart';
import type { ChartLayout } from './chart-figure';

export type ChartProps<Spec> = Spec & ChartOptions & ChartLayout;

/** The spec, the layout options and the figure's layout, apart. */
export function splitChartProps<Spec>({ width, tableLayout, className, ...spec }: ChartProps<Spec>) {
  return { spec: spec as Spec, options: { width }, layout: { tableLayout, className } };
}
