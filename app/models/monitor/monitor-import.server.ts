/**
 * Importing a yearly delivery (docs/monitor-format.md): the file's rows checked one by
 * one into figures or errors (row and column named), a preview of what would change,
 * kept server-side under a token, and the commit of exactly that preview — everything
 * or nothing, in one transaction. A changed or new upload gets a new token: confirming
 * can never store anything but what the preview showed.
 */
import { randomBytes } from 'node:crypto';

import { monitor as monitorText } from '../../i18n/nl/monitor';
import { db } from '../../utils/db.server';
import { singleton } from '../../utils/singleton.server';
import { ForbiddenError } from '../errors';
import { type Actor, canEnterFigure } from '../permissions';
import { type FigureChange, figureChange, type FigureInput, listMonitorMunicipalities, upsertFigure } from './figure.server';
import { listIndicators } from './indicator.server';
import {
  columnLetter,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  MONITOR_COLUMNS,
  type MonitorColumn,
  readSheet,
  REQUIRED_COLUMNS,
  type SheetCell,
  type SheetRow,
} from './monitor-file.server';
import { BASELINE_YEAR, type IndicatorUnit, parseBreakdownKey, toStored, valueProblem } from './monitor-rules';

const e = monitorText.importErrors;

export type ImportError = { row: number | null; column: string | null; message: string };

export type ImportContext = {
  actor: Actor;
  /** The period the delivery is for: its years (and the 0-meting year) are allowed. */
  period: { periodStart: number; periodEnd: number };
  indicators: { id: number; code: string; unit: IndicatorUnit; source: string }[];
  municipalities: { id: number; name: string }[];
};

export type ImportRow = FigureInput & { row: number; indicatorCode: string; unit: IndicatorUnit; areaName: string };

/** A text starting like a formula (=, +, -, @) that is not a plain number: never stored, never run. */
const looksLikeFormula = (cell: SheetCell) => cell.formula || (/^[=+\-@]/.test(cell.text) && !/^[+-]?\d+([.,]\d+)?$/.test(cell.text));

/** Number of a cell: a spreadsheet number as it is, text read the Dutch way ("42,5", "1.250"). */
function cellNumber(cell: SheetCell): number | null {
  if (cell.number !== null) return cell.number;
  const text = cell.text.replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) || /^-?\d+(,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return null;
}

/** Checks every row of a sheet; every problem is reported, with its row and column. */
export function checkRows(rows: SheetRow[], context: ImportContext): { rows: ImportRow[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const [header, ...body] = rows;
  const positions = new Map<MonitorColumn, number>();
  header.cells.forEach((cell, index) => {
    const name = cell.text.toLowerCase() as MonitorColumn;
    if ((MONITOR_COLUMNS as readonly string[]).includes(name) && !positions.has(name)) positions.set(name, index);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length > 0) return { rows: [], errors: [{ row: header.row, column: null, message: e.missingColumns(missing.join(', ')) }] };

  const indicators = new Map(context.indicators.map((i) => [i.code.toUpperCase(), i]));
  const areas = new Map<string, { id: number | null; name: string }>([
    [monitorText.region.toLowerCase(), { id: null, name: monitorText.region }],
    ...context.municipalities.map((mu) => [mu.name.toLowerCase(), { id: mu.id, name: mu.name }] as const),
  ]);
  const seen = new Map<string, number>();
  const result: ImportRow[] = [];

  for (const { row, cells } of body) {
    const at = (column: MonitorColumn): SheetCell => {
      const index = positions.get(column);
      return (index === undefined ? undefined : cells[index]) ?? { text: '', number: null, formula: false };
    };
    if (MONITOR_COLUMNS.every((c) => at(c).text === '')) continue; // an empty row
    const rowErrors: ImportError[] = [];
    const fail = (column: MonitorColumn, message: string) =>
      rowErrors.push({ row, column: `${columnLetter(positions.get(column) ?? 0)} (${column})`, message });

    for (const column of MONITOR_COLUMNS) if (positions.has(column) && looksLikeFormula(at(column))) fail(column, e.formula);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }

    const indicator = indicators.get(at('indicator').text.toUpperCase());
    if (!indicator) fail('indicator', at('indicator').text ? e.unknownIndicator(at('indicator').text) : e.required);

    const area = areas.get(at('gemeente').text.toLowerCase());
    if (!area) fail('gemeente', at('gemeente').text ? e.unknownMunicipality(at('gemeente').text) : e.required);
    else if (!canEnterFigure(context.actor, { municipalityId: area.id })) fail('gemeente', e.notYourMunicipality(area.name));

    const year = cellNumber(at('jaar'));
    const { periodStart, periodEnd } = context.period;
    if (year === null || !Number.isInteger(year)) fail('jaar', e.yearNotANumber);
    else if (year !== BASELINE_YEAR && (year < periodStart || year > periodEnd))
      fail('jaar', e.yearOutsidePeriod(year, periodStart, periodEnd));

    const breakdownKey = at('uitsplitsing').text;
    if (breakdownKey !== '' && !parseBreakdownKey(breakdownKey)) fail('uitsplitsing', e.unknownBreakdown(breakdownKey));

    let stored: number | null = null;
    const valueCell = at('waarde');
    const value = cellNumber(valueCell);
    if (valueCell.text === '') fail('waarde', e.required);
    else if (value === null) fail('waarde', e.textInNumber(valueCell.text));
    else if (indicator) {
      const problem = valueProblem(indicator.unit, value);
      if (problem === 'negative') fail('waarde', e.negative);
      else if (problem === 'above100') fail('waarde', e.above100);
      else if (problem === 'precision') fail('waarde', e.precision[indicator.unit]);
      else stored = toStored(indicator.unit, value);
    }

    let respondents: number | null = null;
    if (at('respondenten').text !== '') {
      const n = cellNumber(at('respondenten'));
      if (n === null || !Number.isInteger(n) || n < 0) fail('respondenten', e.respondents);
      else respondents = n;
    }
    const completeness = at('volledigheid').text || null;
    if (completeness && completeness.length > 200) fail('volledigheid', e.tooLong(200));
    const source = at('bron').text || indicator?.source || '';
    if (source.length > 200) fail('bron', e.tooLong(200));

    if (indicator && area && year !== null) {
      const key = `${indicator.id}|${area.id ?? 0}|${year}|${breakdownKey}`;
      const first = seen.get(key);
      if (first !== undefined) rowErrors.push({ row, column: null, message: e.duplicate(first) });
      else seen.set(key, row);
    }

    if (rowErrors.length > 0 || !indicator || !area || year === null || stored === null) {
      errors.push(...rowErrors);
      continue;
    }
    result.push({
      row,
      indicatorCode: indicator.code,
      unit: indicator.unit,
      areaName: area.name,
      indicatorId: indicator.id,
      municipalityId: area.id,
      year,
      breakdownKey,
      value: stored,
      source,
      completeness,
      respondents,
    });
  }
  if (result.length === 0 && errors.length === 0) errors.push({ row: null, column: null, message: e.noRows });
  return { rows: result, errors };
}

export type PreviewRow = ImportRow & { change: FigureChange };

export type ImportPreview = {
  token: string | null;
  rows: PreviewRow[];
  errors: ImportError[];
  counts: Record<FigureChange, number>;
};

type Stored = { userId: number; rows: ImportRow[]; expires: number };
const PREVIEW_TTL_MS = 60 * 60 * 1000;
const previews = singleton('monitor:import-previews', () => new Map<string, Stored>());

function forget(now: number) {
  for (const [token, stored] of previews) if (stored.expires < now) previews.delete(token);
}

export function fileProblemMessage(problem: 'tooLarge' | 'notSpreadsheet' | 'tooManyRows' | 'empty'): string {
  switch (problem) {
    case 'tooLarge':
      return e.tooLarge(MAX_IMPORT_BYTES / 1024 / 1024);
    case 'tooManyRows':
      return e.tooManyRows(MAX_IMPORT_ROWS);
    case 'empty':
      return e.noRows;
    default:
      return e.notSpreadsheet;
  }
}

/** Reads and checks an upload and, when it has no errors, keeps its figures under a token for the commit. */
export async function previewImport(actor: Actor, bytes: Uint8Array, period: ImportContext['period']): Promise<ImportPreview> {
  const counts = { new: 0, changed: 0, unchanged: 0 };
  const sheet = await readSheet(bytes);
  if (!sheet.ok)
    return { token: null, rows: [], errors: [{ row: null, column: null, message: fileProblemMessage(sheet.problem) }], counts };
  const context: ImportContext = {
    actor,
    period,
    indicators: listIndicators({ includeInactive: true }),
    municipalities: listMonitorMunicipalities(),
  };
  const checked = checkRows(sheet.rows, context);
  const rows = checked.rows.map((row): PreviewRow => {
    const change = figureChange(row);
    counts[change]++;
    return { ...row, change };
  });
  if (checked.errors.length > 0) return { token: null, rows, errors: checked.errors, counts };
  const now = Date.now();
  forget(now);
  const token = randomBytes(18).toString('base64url');
  previews.set(token, { userId: actor.id, rows: checked.rows, expires: now + PREVIEW_TTL_MS });
  return { token, rows, errors: [], counts };
}

export type CommitResult = { ok: true; counts: Record<FigureChange, number> } | { ok: false; message: string };

/**
 * Stores exactly the previewed figures, all in one transaction: a refusal or failure of
 * any row stores none. The token is spent either way.
 */
export function commitImport(actor: Actor, token: string): CommitResult {
  forget(Date.now());
  const stored = previews.get(token);
  if (!stored || stored.userId !== actor.id) return { ok: false, message: e.previewExpired };
  previews.delete(token);
  const counts = { new: 0, changed: 0, unchanged: 0 };
  db.transaction((tx) => {
    for (const row of stored.rows) {
      // Rights may have changed since the preview: asked again, for every row.
      if (!canEnterFigure(actor, row)) throw new ForbiddenError('monitor import');
      const { row: _row, indicatorCode: _code, unit: _unit, areaName: _area, ...figure } = row;
      counts[upsertFigure(tx, actor.id, figure, 'import')]++;
    }
  });
  return { ok: true, counts };
}
