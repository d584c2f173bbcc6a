import type { ChartTable } from '../../models/charts/chart';
import { chartTableInnerHtml } from '../../models/charts/table-markup';

/** The markup of a table, written once per kept table (kept-drawings.ts keeps the charts that hold them). */
const innerMarkup = new WeakMap<ChartTable, { captionId: string; html: string }>();

function keptTableInnerHtml(table: ChartTable, captionId: string): string {
  const kept = innerMarkup.get(table);
  if (kept?.captionId === captionId) return kept.html;
  const html = chartTableInnerHtml(table, captionId);
  innerMarkup.set(table, { captionId, html });
  return html;
}

/**
 * The chart's figures as a data table: caption, column and row headers, numbers
 * right-aligned. The <table> is React's; what is inside it is markup written once
 * (app/models/charts/table-markup.ts).
 */
export function ChartDataTable({ table, captionId }: { table: ChartTable; captionId: string }) {
  return <table className="data compact chart-table" dangerouslySetInnerHTML={{ __html: keptTableInnerHtml(table, captionId) }} />;
}
