/**
 * A chart's table (chart.ts `ChartTable`) as HTML markup: what is inside the <table>
 * element, caption to footer. The pages draw the <table> element with React and put this
 * inside it, like the drawing's SVG (app/components/charts/svg-tree.tsx): the monitor's
 * six indicators have a thousand cells, and a React element per cell was about half of
 * that page's render (docs/scaling.md, "Uncached, with every loader running"). The table
 * is static: nothing in it needs React.
 */
import { escapeMarkup } from '../../utils/markup';
import type { ChartTable, ChartTableCell, ChartTableRow } from './chart';

const NUMBER_CLASS = ' class="chart-table__number"';

function cellMarkup(cell: ChartTableCell): string {
  return `<td${cell.numeric ? NUMBER_CLASS : ''}>${escapeMarkup(cell.text)}</td>`;
}

function rowMarkup(row: ChartTableRow): string {
  const header = row.href ? `<a href="${escapeMarkup(row.href)}">${escapeMarkup(row.header)}</a>` : escapeMarkup(row.header);
  return `<tr><th scope="row">${header}</th>${row.cells.map(cellMarkup).join('')}</tr>`;
}

/** Caption (with `captionId`, which the table's scroll region is labelled by), header row, rows and totals row. */
export function chartTableInnerHtml(table: ChartTable, captionId: string): string {
  const [rowHeader, ...columns] = table.columns;
  const headerCells = columns.map((column) => `<th scope="col"${column.numeric ? NUMBER_CLASS : ''}>${escapeMarkup(column.label)}</th>`);
  return [
    `<caption id="${escapeMarkup(captionId)}">${escapeMarkup(table.caption)}</caption>`,
    `<thead><tr><th scope="col">${escapeMarkup(rowHeader?.label ?? '')}</th>${headerCells.join('')}</tr></thead>`,
    `<tbody>${table.rows.map(rowMarkup).join('')}</tbody>`,
    table.footer ? `<tfoot>${rowMarkup(table.footer)}</tfoot>` : '',
  ].join('');
}
