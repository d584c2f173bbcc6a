/** The monitor's downloads as responses: the view export and the template, as CSV or .xlsx. */
import { monitor as monitorText } from '../../i18n/nl/monitor';
import { contentDisposition } from '../../utils/content-disposition';
import { monitorCsv, monitorXlsx, type OutCell } from './monitor-file.server';

export type DownloadFormat = 'csv' | 'xlsx';

export async function spreadsheetResponse(
  format: DownloadFormat,
  basename: string,
  header: string[],
  rows: OutCell[][],
): Promise<Response> {
  const headers = { 'Cache-Control': 'private, no-store', 'Content-Disposition': contentDisposition(`${basename}.${format}`) };
  if (format === 'csv')
    return new Response(monitorCsv(header, rows), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
  const bytes = await monitorXlsx(monitorText.sheetName, header, rows);
  return new Response(bytes, {
    headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
}
