/**
 * The monitor's spreadsheet layout (docs/monitor-format.md) on disk: reading an uploaded
 * .csv or .xlsx into cells (each marked when it held a formula), and writing rows as CSV
 * or .xlsx that no spreadsheet runs as formulas.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

import { csvCell } from '../../utils/csv';

/** The columns, in the template's order; the header row names them (any case, any order). */
export const MONITOR_COLUMNS = ['indicator', 'gemeente', 'jaar', 'uitsplitsing', 'waarde', 'respondenten', 'volledigheid', 'bron'] as const;
export type MonitorColumn = (typeof MONITOR_COLUMNS)[number];
export const REQUIRED_COLUMNS: MonitorColumn[] = ['indicator', 'gemeente', 'jaar', 'waarde'];

/** A year's delivery is a few thousand rows at most; a larger file is refused before it is read. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type SheetCell = { text: string; number: number | null; formula: boolean };
/** Rows as in the file: `row` is the spreadsheet's row number (1 = the header). */
export type SheetRow = { row: number; cells: SheetCell[] };

export type SheetResult = { ok: true; rows: SheetRow[] } | { ok: false; problem: 'tooLarge' | 'notSpreadsheet' | 'tooManyRows' | 'empty' };

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function textCell(text: string): SheetCell {
  return { text: text.trim(), number: null, formula: false };
}

async function readXlsx(bytes: Uint8Array): Promise<SheetResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: 'notSpreadsheet' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: 'empty' };
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) return { ok: false, problem: 'tooManyRows' };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    for (let col = 1; col <= Math.max(row.cellCount, MONITOR_COLUMNS.length); col++) {
      const cell = row.getCell(col);
      if (cell.type === ExcelJS.ValueType.Formula) {
        cells.push({ text: `=${cell.formula ?? ''}`, number: null, formula: true });
      } else if (typeof cell.value === 'number') {
        cells.push({ text: String(cell.value), number: cell.value, formula: false });
      } else {
        cells.push(textCell(cell.text ?? ''));
      }
    }
    rows.push({ row: rowNumber, cells });
  });
  return rows.length === 0 ? { ok: false, problem: 'empty' } : { ok: true, rows };
}

function readCsv(bytes: Uint8Array): SheetResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'notSpreadsheet' };
  }
  // Binary files (images, PDFs, documents) hold NULs or control characters; a CSV does not.
  // eslint-disable-next-line no-control-regex -- looking for exactly these
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return { ok: false, problem: 'notSpreadsheet' };
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch {
    return { ok: false, problem: 'notSpreadsheet' };
  }
  if (records.length > MAX_IMPORT_ROWS + 1) return { ok: false, problem: 'tooManyRows' };
  if (records.length === 0) return { ok: false, problem: 'empty' };
  return { ok: true, rows: records.map((cells, i) => ({ row: i + 1, cells: cells.map(textCell) })) };
}

/** An uploaded file's cells: .xlsx by its content (a zip), anything else read as CSV text. */
export async function readSheet(bytes: Uint8Array): Promise<SheetResult> {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' };
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  return isZip(bytes) ? readXlsx(bytes) : readCsv(bytes);
}

/** Column letter of a 0-based index, as a spreadsheet names it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell written to a file: text, or a number (written as a number in .xlsx, with a decimal comma in CSV). */
export type OutCell = string | number;

/** CSV for Dutch Excel: UTF-8 with a BOM, ';' between fields, decimal commas, no cell run as a formula. */
export function monitorCsv(header: string[], rows: OutCell[][]): string {
  const cell = (value: OutCell) => (typeof value === 'number' ? String(value).replace('.', ',') : csvCell(value));
  return stringify([header, ...rows.map((r) => r.map(cell))], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/** An .xlsx with one sheet: text is written as text (never a formula), numbers as numbers. */
export async function monitorXlsx(sheetName: string, header: string[], rows: OutCell[][]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}
