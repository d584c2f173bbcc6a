import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

import { getIndicatorByCode } from '../../app/models/monitor/indicator.server';
import type { ImportPreview } from '../../app/models/monitor/monitor-import.server';
import { action as importAction } from '../../app/routes/monitor.import';
import { loader as csvLoader } from '../../app/routes/monitor[.csv]';
import { loader as xlsxLoader } from '../../app/routes/monitor[.xlsx]';
import { db } from '../../app/utils/db.server';
import { history, monitorFigures, organisations } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { BASE, payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

const cookies = {} as Record<Who, string>;
let zandvoort: number;

const snapshot = () => ({ figures: db.select().from(monitorFigures).all(), history: db.select({ n: count() }).from(history).get()!.n });
const HEADER = 'indicator;gemeente;jaar;uitsplitsing;waarde;respondenten;volledigheid;bron';

async function upload(who: Who, body: string | Uint8Array, name = 'levering.csv', periode = '2025-2028') {
  const form = new FormData();
  form.append('periode', periode);
  form.append('bestand', new Blob([body as BlobPart]), name);
  const request = new Request(`${BASE}/monitor/import`, { method: 'POST', body: form, headers: { Cookie: cookies[who] } });
  try {
    return await importAction({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
const previewOf = (result: unknown) => (payloadOf(result) as { preview: ImportPreview | null; error: string | null }).preview!;
const confirm = (who: Who, token: string) => runAction(importAction, '/monitor/import', { token }, { cookie: cookies[who] });
const figure = (code: string, municipalityId: number, year: number) =>
  db
    .select()
    .from(monitorFigures)
    .where(
      and(
        eq(monitorFigures.indicatorId, getIndicatorByCode(code)!.id),
        eq(monitorFigures.municipalityId, municipalityId),
        eq(monitorFigures.year, year),
        eq(monitorFigures.breakdownKey, ''),
      ),
    )
    .get();

beforeAll(async () => {
  await prepareDatabase({ periods: true });
  for (const [key, email] of Object.entries(ACCOUNTS)) cookies[key as Who] = await sessionFor(email);
  zandvoort = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Zandvoort')).get()!.id;
});

describe('importing a delivery', () => {
  it('previews new, changed and unchanged figures and stores nothing until confirmed', async () => {
    const current = figure('IN-BEREIK', zandvoort, 2020)!;
    const before = snapshot();
    const file = [
      HEADER,
      `IN-BEREIK;Zandvoort;2020;;${current.value};;;${current.source}`,
      'IN-BEREIK;Zandvoort;2025;;99;;;Qwasp',
      'IN-BEREIK;Zandvoort;2026;;101;;;Qwasp',
    ].join('\n');
    const result = await upload('zandvoort', file);
    expect(statusOf(result)).toBe(200);
    const preview = previewOf(result);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.year, r.change])).toEqual([
      [2020, 'unchanged'],
      [2025, 'changed'],
      [2026, 'new'],
    ]);
    expect(snapshot()).toEqual(before);

    const done = await confirm('zandvoort', preview.token!);
    expect(statusOf(done)).toBe(302);
    expect(figure('IN-BEREIK', zandvoort, 2025)!.value).toBe(99);
    expect(figure('IN-BEREIK', zandvoort, 2026)!.value).toBe(101);
    // Two figures written, two history entries; the unchanged one recorded nothing.
    expect(snapshot().history).toBe(before.history + 2);

    // A token is spent once: confirming again stores nothing and says so.
    const again = await confirm('zandvoort', preview.token!);
    expect(statusOf(again)).toBe(400);
  });

  it('shows every error with row and column and gives nothing to confirm', async () => {
    const before = snapshot();
    const result = await upload(
      'zandvoort',
      [HEADER, 'IN-BEREIK;Zandvoort;2025;;12;;;', 'IN-BEREIK;Haarlem;2025;;12;;;', 'UIT-TAAL;Zandvoort;2025;;120;;;'].join('\n'),
    );
    expect(statusOf(result)).toBe(400);
    const preview = previewOf(result);
    expect(preview.token).toBeNull();
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'B (gemeente)'],
      [4, 'E (waarde)'],
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a file that is no spreadsheet, with a message', async () => {
    const result = await upload('haarlem', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]), 'verslag.pdf');
    expect(previewOf(result).errors[0].message).toBe('Dit is geen CSV- of Excel-bestand (.xlsx). Gebruik het sjabloon.');
  });

  it('imports an .xlsx the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cijfers');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow(['UIT-TAAL', 'Regio', 2025, '', 61.5, 399, '', 'Qwasp']);
    const result = await upload('haarlem', new Uint8Array(await workbook.xlsx.writeBuffer()), 'levering.xlsx');
    const preview = previewOf(result);
    expect(preview.errors).toEqual([]);
    expect(statusOf(await confirm('haarlem', preview.token!))).toBe(302);
    const region = db
      .select()
      .from(monitorFigures)
      .where(
        and(
          eq(monitorFigures.indicatorId, getIndicatorByCode('UIT-TAAL')!.id),
          eq(monitorFigures.areaKey, 0),
          eq(monitorFigures.year, 2025),
          eq(monitorFigures.breakdownKey, ''),
        ),
      )
      .get()!;
    expect([region.value, region.respondents]).toEqual([615, 399]);
  });

  it('writes all or nothing: a row refused at commit time stores none of the rows', async () => {
    const result = await upload('haarlem', [HEADER, 'IN-ACT;Haarlem;2025;;5;;;', 'IN-ACT;Zandvoort;2025;;6;;;'].join('\n'));
    const preview = previewOf(result);
    expect(preview.errors).toEqual([]);
    const before = snapshot();
    // Between preview and confirmation this werkgroeplid of Haarlem becomes a gemeente user: the
    // Haarlem row (first) is still allowed, the Zandvoort row not — and the Haarlem row is not stored either.
    db.update((await import('../../db/schema')).users)
      .set({ role: 'gemeente' })
      .where(eq((await import('../../db/schema')).users.email, ACCOUNTS.haarlem))
      .run();
    try {
      expect(statusOf(await confirm('haarlem', preview.token!))).toBe(403);
    } finally {
      db.update((await import('../../db/schema')).users)
        .set({ role: 'werkgroeplid' })
        .where(eq((await import('../../db/schema')).users.email, ACCOUNTS.haarlem))
        .run();
    }
    expect(snapshot()).toEqual(before);
  });

  it.each(['adviseur', 'lezer'] as const)('refuses (403) the %s an upload and a confirmation, and changes nothing', async (who) => {
    const before = snapshot();
    expect(statusOf(await upload(who, [HEADER, 'IN-ACT;Regio;2025;;5;;;'].join('\n')))).toBe(403);
    expect(statusOf(await confirm(who, 'whatever'))).toBe(403);
    expect(snapshot()).toEqual(before);
  });
});

describe('exporting a view', () => {
  it('exports the filtered view as CSV with Dutch decimals and targets', async () => {
    const result = (await runLoader(csvLoader, '/monitor.csv?indicator=UIT-TAAL&gemeente=' + zandvoort, {
      cookie: cookies.lezer,
    })) as Response;
    expect(result.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const lines = (await result.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('indicator;gemeente;jaar;uitsplitsing;waarde;respondenten;volledigheid;bron;streefwaarde');
    expect(
      lines
        .slice(1)
        .filter(Boolean)
        .every((l) => l.startsWith('UIT-TAAL;Regio;') || l.startsWith('UIT-TAAL;Zandvoort;')),
    ).toBe(true);
    expect(lines.some((l) => /;\d+,\d;/.test(l))).toBe(true);
  });

  it('never hands a spreadsheet a formula', async () => {
    const admin = (await import('../../app/models/permissions')).asActor(
      db
        .select()
        .from((await import('../../db/schema')).users)
        .where(eq((await import('../../db/schema')).users.email, ACCOUNTS.beheerder))
        .get()!,
    );
    const { saveFigure } = await import('../../app/models/monitor/figure.server');
    saveFigure(admin, {
      indicatorId: getIndicatorByCode('IN-ACT')!.id,
      municipalityId: zandvoort,
      year: 2025,
      breakdownKey: '',
      value: 3,
      source: '=HYPERLINK("x")',
      completeness: '@SUM(1)',
      respondents: null,
    });
    const csv = await ((await runLoader(csvLoader, '/monitor.csv?indicator=IN-ACT', { cookie: cookies.lezer })) as Response).text();
    expect(csv).toContain(`;'@SUM(1);"'=HYPERLINK(""x"")"`);
    const xlsx = (await runLoader(xlsxLoader, '/monitor.xlsx?indicator=IN-ACT', { cookie: cookies.lezer })) as Response;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(cells.some((c) => c.value === '=HYPERLINK("x")')).toBe(true);
  });
});
