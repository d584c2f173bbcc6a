import { heatmapChart, type HeatmapSpec } from '../../models/charts/heatmap';
import { ChartFigure } from './chart-figure';
import { type ChartProps, splitChartProps } from './chart-props';
import { keptDrawing } from './kept-drawings';

/** Rows × columns of cells, each with its value or mark as text. The table goes below by default. */
export function Heatmap(props: ChartProps<HeatmapSpec>) {
  const { spec, options, layout } = splitChartProps(props);
  return (
    <ChartFigure
      chart={keptDrawing(heatmapChart, spec, options)}
      tableLayout={layout.tableLayout ?? 'below'}
      className={layout.className}
    />
  );
}
