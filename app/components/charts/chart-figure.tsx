/**
 * The charts of Koers as React components, one module per chart so a page ships only the
 * chart it draws (the overview must stay within its ≤ 150 KB of JavaScript,
 * tests/e2e/all-pages.spec.ts). Each takes its data as props (the spec types of
 * app/models/charts), lays it out with the shared pure layer, and renders plain SVG with a
 * text alternative and a table — no JavaScript needed in the browser. For the same chart
 * in a .docx or PDF, see app/models/documents/chart-images.server.ts.
 */
import { type Chart, type ChartTable } from '../../models/charts/chart';
import { ChartDataTable } from './chart-table';
import { keptChartSvg } from './kept-drawings';
import { SvgTree } from './svg-tree';

export type ChartLayout = {
  /**
   * Where the table goes: `beside` the drawing on a wide screen (below it on a narrow
   * one), or always `below` (wide tables, such as a heatmap's).
   */
  tableLayout?: 'beside' | 'below';
  className?: string;
};

/** The figure around one drawing or several (small multiples): caption, drawing(s), table, notes. */
export function ChartFrame({
  id,
  title,
  table,
  notes,
  tableLayout = 'beside',
  className,
  children,
}: {
  id: string;
  title: string;
  table: ChartTable;
  notes: string[];
  children: React.ReactNode;
} & ChartLayout) {
  const captionId = `${id}-tabel`;
  return (
    <figure className={['chart', `chart--table-${tableLayout}`, className].filter(Boolean).join(' ')} id={id}>
      <figcaption className="chart__caption">{title}</figcaption>
      <div className="chart__body">
        <div className="chart__graphic">{children}</div>
        {/* Focusable so a keyboard can scroll a table wider than the screen. */}
        <div className="chart__table table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
          <ChartDataTable table={table} captionId={captionId} />
        </div>
      </div>
      {notes.length > 0 ? (
        <div className="chart__notes">
          {notes.map((note, i) => (
            <p key={i}>{note}</p>
          ))}
        </div>
      ) : null}
    </figure>
  );
}

/**
 * A chart on a page: a <figure> with its caption, the drawing as an <svg role="img"> named
 * by its title and its text alternative, and the same figures as a table.
 */
export function ChartFigure({ chart, ...layout }: { chart: Chart } & ChartLayout) {
  return (
    <ChartFrame id={chart.id} title={chart.title} table={chart.table} notes={chart.notes} {...layout}>
      <SvgTree node={keptChartSvg(chart)} />
    </ChartFrame>
  );
}
