import type { ChartTable } from '../../models/charts/chart';
import { keptTableInnerHtml } from './kept-drawings';

/**
 * The chart's figures as a data table: caption, column and row headers, numbers
 * right-aligned. The <table> is React's; what is inside it is markup written once per kept
 * table (app/models/charts/table-markup.ts), like the drawings' SVG.
 */
export function ChartDataTable({ table, captionId }: { table: ChartTable; captionId: string }) {
  return <table className="data compact chart-table" dangerouslySetInnerHTML={{ __html: keptTableInnerHtml(table, captionId) }} />;
}
