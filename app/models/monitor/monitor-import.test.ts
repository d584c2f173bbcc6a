import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import type { Actor } from '../permissions';
import { MAX_IMPORT_BYTES, readSheet } from './monitor-file.server';
import { checkRows, fileProblemMessage, type ImportContext } from './monitor-import.server';

const HAARLEM = 3;
const ZANDVOORT = 7;
const werkgroep: Actor = { id: 1, role: 'werkgroeplid', organisationId: HAARLEM };
const zandvoort: Actor = { id: 2, role: 'gemeente', organisationId: ZANDVOORT };

const context = (actor: Actor = werkgroep): ImportContext => ({
  actor,
  period: { periodStart: 2025, periodEnd: 2028 },
  indicators: [
    { id: 1, code: 'IN-BEREIK', unit: 'count', source: 'Qwasp' },
    { id: 2, code: 'UIT-TAAL', unit: 'percentage', source: 'Qwasp' },
  ],
  municipalities: [
    { id: HAARLEM, name: 'Haarlem' },
    { id: ZANDVOORT, name: 'Zandvoort' },
  ],
});

const HEADER = 'indicator;gemeente;jaar;uitsplitsing;waarde;respondenten;volledigheid;bron';
const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n'));

async function check(lines: string[], actor?: Actor) {
  const sheet = await readSheet(csv(...lines));
  if (!sheet.ok) throw new Error(sheet.problem);
  return checkRows(sheet.rows, context(actor));
}

describe('reading a delivery', () => {
  it('reads good rows into stored figures: Dutch decimals, Regio, breakdowns, the 0-meting year', async () => {
    const { rows, errors } = await check([
      'IN-BEREIK;Haarlem;2025;;1.250;;3 van 4 aanbieders;',
      'UIT-TAAL;Regio;2020;;42,5;410;;Qwasp impactmeting',
      'in-bereik;zandvoort;2026;moedertaal/NT2;80;;;',
    ]);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.indicatorId, r.municipalityId, r.year, r.breakdownKey, r.value, r.respondents, r.source])).toEqual([
      [2, 1, HAARLEM, 2025, '', 1250, null, 'Qwasp'],
      [3, 2, null, 2020, '', 425, 410, 'Qwasp impactmeting'],
      [4, 1, ZANDVOORT, 2026, 'moedertaal/NT2', 80, null, 'Qwasp'],
    ]);
    expect(rows[0].completeness).toBe('3 van 4 aanbieders');
  });

  it.each([
    [
      'an unknown municipality',
      'IN-BEREIK;Amsterdam;2025;;10;;;',
      'B (gemeente)',
      'Onbekende gemeente "Amsterdam". Gebruik "Regio" of de naam van een van de zeven gemeenten.',
    ],
    ['an unknown indicator', 'XX-1;Haarlem;2025;;10;;;', 'A (indicator)', 'Onbekende indicator "XX-1". Gebruik een code uit de catalogus.'],
    ['text in a number column', 'IN-BEREIK;Haarlem;2025;;veel;;;', 'E (waarde)', '"veel" is geen getal.'],
    ['a negative count', 'IN-BEREIK;Haarlem;2025;;-5;;;', 'E (waarde)', 'Een waarde kan niet negatief zijn.'],
    ['a percentage above 100', 'UIT-TAAL;Haarlem;2025;;100,5;;;', 'E (waarde)', 'Een percentage kan niet boven 100 liggen.'],
    ['a half count', 'IN-BEREIK;Haarlem;2025;;10,5;;;', 'E (waarde)', 'Een aantal is een heel getal.'],
    [
      'a year outside the period',
      'IN-BEREIK;Haarlem;2023;;10;;;',
      'C (jaar)',
      'Het jaar 2023 ligt buiten de gekozen periode 2025–2028 (2020, de 0-meting, mag altijd).',
    ],
    [
      'a formula',
      'IN-BEREIK;Haarlem;2025;;=SUM(A1:A3);;;',
      'E (waarde)',
      'Deze cel bevat een formule of begint met =, +, - of @. Vul de waarde zelf in.',
    ],
    [
      'a formula in a text column',
      'IN-BEREIK;Haarlem;2025;;10;;@cmd;',
      'G (volledigheid)',
      'Deze cel bevat een formule of begint met =, +, - of @. Vul de waarde zelf in.',
    ],
    ['an unknown breakdown', 'IN-BEREIK;Haarlem;2025;schoenmaat/42;10;;;', 'D (uitsplitsing)', 'Onbekende uitsplitsing "schoenmaat/42".'],
    [
      'respondents that are no whole number',
      'UIT-TAAL;Haarlem;2025;;40;veel;;',
      'F (respondenten)',
      'Het aantal respondenten is een heel getal van 0 of meer.',
    ],
    ['a missing value', 'IN-BEREIK;Haarlem;2025;;;;;', 'E (waarde)', 'Deze cel is verplicht.'],
  ])('refuses %s with its row and column', async (_kind, line, column, message) => {
    const { rows, errors } = await check(['IN-BEREIK;Zandvoort;2026;;10;;;', line]);
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([{ row: 3, column, message }]);
  });

  it('refuses a duplicate row, naming the first', async () => {
    const { errors } = await check(['IN-BEREIK;Haarlem;2025;;10;;;', 'IN-BEREIK;haarlem;2025;;11;;;']);
    expect(errors).toEqual([{ row: 3, column: null, message: 'Dezelfde indicator, gemeente, jaar en uitsplitsing staan al op rij 2.' }]);
  });

  it('refuses a gemeente user’s rows of another municipality or of the region', async () => {
    const { rows, errors } = await check(
      ['IN-BEREIK;Zandvoort;2025;;10;;;', 'IN-BEREIK;Haarlem;2025;;10;;;', 'IN-BEREIK;Regio;2025;;10;;;'],
      zandvoort,
    );
    expect(rows.map((r) => r.areaName)).toEqual(['Zandvoort']);
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, 'B (gemeente)', 'U mag geen cijfers van Haarlem importeren, alleen van uw eigen gemeente.'],
      [4, 'B (gemeente)', 'U mag geen cijfers van Regio importeren, alleen van uw eigen gemeente.'],
    ]);
  });

  it('refuses a header without the required columns', async () => {
    const sheet = await readSheet(new TextEncoder().encode('code;plaats\nIN-BEREIK;Haarlem'));
    expect(sheet.ok && checkRows(sheet.rows, context()).errors).toEqual([
      { row: 1, column: null, message: 'De kopregel mist de kolom(men) indicator, gemeente, jaar, waarde. Gebruik het sjabloon.' },
    ]);
  });

  it('refuses a huge file and a file that is no spreadsheet', async () => {
    expect(await readSheet(new Uint8Array(MAX_IMPORT_BYTES + 1))).toEqual({ ok: false, problem: 'tooLarge' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await readSheet(png)).toEqual({ ok: false, problem: 'notSpreadsheet' });
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(await readSheet(brokenZip)).toEqual({ ok: false, problem: 'notSpreadsheet' });
    expect(fileProblemMessage('tooLarge')).toBe('Het bestand is groter dan 2 MB. Splits de levering in kleinere bestanden.');
    expect(fileProblemMessage('notSpreadsheet')).toBe('Dit is geen CSV- of Excel-bestand (.xlsx). Gebruik het sjabloon.');
  });

  it('reads an .xlsx: numbers as numbers, and refuses a cell with a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cijfers');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow(['UIT-TAAL', 'Haarlem', 2025, '', 42.5, 300, '', '']);
    sheet.addRow(['IN-BEREIK', 'Haarlem', 2025, '', { formula: 'SUM(1,2)', result: 3 }, '', '', '']);
    const read = await readSheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.problem);
    const { rows, errors } = checkRows(read.rows, context());
    expect(rows.map((r) => [r.value, r.respondents])).toEqual([[425, 300]]);
    expect(errors).toEqual([
      { row: 3, column: 'E (waarde)', message: 'Deze cel bevat een formule of begint met =, +, - of @. Vul de waarde zelf in.' },
    ]);
  });
});
