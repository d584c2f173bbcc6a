import type { ChartTable } from '../../models/charts/chart';

/** The chart's figures as a data table: caption, column and row headers, numbers right-aligned. */
export function ChartDataTable({ table, captionId }: { table: ChartTable; captionId: string }) {
  const [rowHeader, ...columns] = table.columns;
  return (
    <table className="data compact chart-table">
      <caption id={captionId}>{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader?.label}</th>
          {columns.map((column, i) => (
            <th scope="col" key={i} className={column.numeric ? 'chart-table__number' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>
            <th scope="row">{row.href ? <a href={row.href}>{row.header}</a> : row.header}</th>
            {row.cells.map((cell, j) => (
              <td key={j} className={cell.numeric ? 'chart-table__number' : undefined}>
                {cell.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {table.footer ? (
        <tfoot>
          <tr>
            <th scope="row">{table.footer.header}</th>
            {table.footer.cells.map((cell, j) => (
              <td key={j} className={cell.numeric ? 'chart-table__number' : undefined}>
                {cell.text}
              </td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
