/**
 * The financial overview as a download, with the same figures as the page
 * (docs/decisions/021-finance.md, "Exports"):
 * - CSV for Dutch Excel: UTF-8 with a BOM, ';' between fields, one block per table with a
 *   "# <name>" line above it; amounts as Dutch text ("€ 1.234.567,00"), exactly as shown.
 * - .xlsx: one sheet per table; amounts as numbers in euros with two decimals and a euro
 *   number format, so they add up in Excel.
 * Both are formula-injection safe: every text cell goes through csvCell (a leading
 * = + - @ becomes text), and the .xlsx writes text as text cells, never as formulas.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

import { t } from '../../i18n';
import { finance as financeText } from '../../i18n/nl/finance';
import { csvCell } from '../../utils/csv';
import { ALLOCATION_PURPOSE_LABELS, STREAM_KIND_LABELS } from './finance-rules';
import type { FinanceOverviewView } from './finance-view.server';
import { centsToEuros, formatEuro } from './money';
import { warningText } from './warnings';

const c = financeText.columns;
const d = financeText.downloads;
const tb = financeText.tables;

type Cell = string | { cents: number };
type Table = { name: string; header: string[]; rows: Cell[][] };

/** The tables of an overview, once, for both formats. */
function financeTables(overview: FinanceOverviewView): Table[] {
  const money = (cents: number) => ({ cents });
  const spent = (label: string, r: { allocatedCents: number; committedCents: number; spentCents: number }): Cell[] => [
    label,
    money(r.allocatedCents),
    money(r.committedCents),
    money(r.spentCents),
  ];
  const spentHeader = (first: string) => [first, c.allocated, c.committed, c.spent];
  return [
    {
      name: d.sheetStreams,
      header: [c.stream, c.year, c.kind, c.received, c.allocated, c.committed, c.spent, c.left, c.carryOver, c.repayment],
      rows: [
        ...overview.streams.map((s) => [
          s.name,
          String(s.year),
          STREAM_KIND_LABELS[s.kind],
          money(s.receivedCents),
          money(s.allocatedCents),
          money(s.committedCents),
          money(s.spentCents),
          money(s.leftCents),
          s.settled ? money(s.carryOverCents) : '',
          s.settled ? money(s.repaymentCents) : '',
        ]),
        [
          tb.total,
          '',
          '',
          money(overview.totals.receivedCents),
          money(overview.totals.allocatedCents),
          money(overview.totals.committedCents),
          money(overview.totals.spentCents),
          money(overview.totals.leftCents),
          money(overview.totals.carryOverCents),
          money(overview.totals.repaymentCents),
        ],
      ],
    },
    {
      name: tb.perPurpose,
      header: spentHeader(c.purpose),
      rows: overview.perPurpose.map((r) => spent(ALLOCATION_PURPOSE_LABELS[r.purpose], r)),
    },
    { name: d.sheetMunicipalities, header: spentHeader(c.municipality), rows: overview.perMunicipality.map((r) => spent(r.name, r)) },
    { name: d.sheetGoals, header: spentHeader(c.goal), rows: overview.perGoal.map((r) => spent(`${r.code} ${r.title}`, r)) },
    { name: financeText.warningsHeading, header: [financeText.warningsHeading], rows: overview.warnings.map((w) => [warningText(w)]) },
  ];
}

export function financeCsv(overview: FinanceOverviewView): string {
  const records: string[][] = [];
  for (const table of financeTables(overview)) {
    if (records.length > 0) records.push([]);
    records.push(
      [d.csvSection(table.name)],
      table.header,
      ...table.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? csvCell(cell) : formatEuro(cell.cents)))),
    );
  }
  if (overview.containsExampleFigures) records.unshift([`${financeText.exampleBadge}. ${financeText.exampleNote}`], []);
  return stringify(records, { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

/** Excel's euro format: "€ 1.234,56" in a Dutch Excel, negative amounts with a minus. */
const EURO_FORMAT = '"€" #,##0.00;"€" -#,##0.00';

export async function financeXlsx(overview: FinanceOverviewView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t.common.appName;
  for (const table of financeTables(overview)) {
    // Sheet names may not hold : \ / ? * [ ] and are at most 31 characters.
    const sheet = workbook.addWorksheet(table.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
    if (overview.containsExampleFigures) sheet.addRow([`${financeText.exampleBadge}. ${financeText.exampleNote}`]);
    const header = sheet.addRow(table.header);
    header.font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((cell) => (typeof cell === 'string' ? csvCell(cell) : centsToEuros(cell.cents))));
      row.forEach((cell, i) => {
        if (typeof cell !== 'string') added.getCell(i + 1).numFmt = EURO_FORMAT;
      });
    }
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 48 : 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
