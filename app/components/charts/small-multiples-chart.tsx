import { smallMultiples, type SmallMultiplesSpec } from '../../models/charts/line';
import { ChartFrame } from './chart-figure';
import { type ChartProps, splitChartProps } from './chart-props';
import { keptChartSvg, keptDrawing } from './kept-drawings';
import { SvgTree } from './svg-tree';

/** One small line chart per panel on a shared y scale, in a grid, with one table below. */
export function SmallMultiplesChart(props: ChartProps<SmallMultiplesSpec>) {
  const { spec, options, layout } = splitChartProps(props);
  const multiples = keptDrawing(smallMultiples, spec, options);
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
            <SvgTree node={keptChartSvg(chart)} />
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
