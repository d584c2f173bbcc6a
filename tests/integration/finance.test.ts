/**
 * The financial overview through its routes: who may write (a 403 with the database
 * unchanged for everybody else, on every write path), bad input (a Dutch message beside
 * the field, nothing stored), the history of every change, and the exports.
 */
import { count, desc, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

import { loader as pageLoader } from '../../app/routes/financien._index';
import { action as editAction, loader as editLoader } from '../../app/routes/financien.$soort.$id';
import { action as deleteAction, loader as deleteLoader } from '../../app/routes/financien.$soort.$id_.verwijderen';
import { action as newAction, loader as newLoader } from '../../app/routes/financien.$soort.nieuw';
import { loader as csvLoader } from '../../app/routes/financien[.csv]';
import { loader as xlsxLoader } from '../../app/routes/financien[.xlsx]';
import { db } from '../../app/utils/db.server';
import { actions, agendas, financeAllocations, financeCommitments, financeSpending, financeStreams, history } from '../../db/schema';
import type { Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, statusOf } from '../setup/requests';

let cookies: Record<Who, string>;
let ids: { stream: number; allocation: number; commitment: number; spending: number };
/** An action of the period of 2026 (2025–2028) and one of the period before. */
let periodAction: { id: number; goalId: number };
let oldAction: { id: number; goalId: number };

/** Everything the finance writes could change, to compare before and after a refused request. */
function snapshot() {
  return JSON.stringify({
    streams: db.select().from(financeStreams).all(),
    allocations: db.select().from(financeAllocations).all(),
    commitments: db.select().from(financeCommitments).all(),
    spending: db.select().from(financeSpending).all(),
    history: db.select({ n: count() }).from(history).get(),
  });
}

beforeAll(async () => {
  await prepareDatabase({ periods: true });
  ({ cookies } = await signInDemoAccounts());
  const stream = db.select().from(financeStreams).where(eq(financeStreams.name, 'Rijksbijdrage educatie (WEB) 2026')).get()!;
  const allocation = db.select().from(financeAllocations).where(eq(financeAllocations.streamId, stream.id)).get()!;
  const commitment = db.select().from(financeCommitments).where(eq(financeCommitments.allocationId, allocation.id)).get()!;
  const spending = db.select().from(financeSpending).where(eq(financeSpending.commitmentId, commitment.id)).get()!;
  ids = { stream: stream.id, allocation: allocation.id, commitment: commitment.id, spending: spending.id };
  const actionOf = (slug: string) =>
    db
      .select({ id: actions.id, goalId: actions.goalId })
      .from(actions)
      .innerJoin(agendas, eq(agendas.id, actions.agendaId))
      .where(eq(agendas.slug, slug))
      .get()!;
  periodAction = actionOf('2025-2028');
  oldAction = actionOf('2020-2024');
});

const VALID: Record<string, () => Record<string, string>> = {
  geldstromen: () => ({
    year: '2026',
    kind: 'overig',
    name: 'Provinciale subsidie 2026',
    receivedCents: '12.500,00',
    municipalityId: '',
    notes: '',
  }),
  toewijzingen: () => ({
    streamId: String(ids.stream),
    purpose: 'non_formeel',
    municipalityId: '',
    goalId: '',
    amountCents: '1.000',
    description: '',
  }),
  verplichtingen: () => ({
    allocationId: String(ids.allocation),
    kind: 'contract',
    party: 'Nova College',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    amountCents: '500,00',
    reference: '',
  }),
  bestedingen: () => ({
    allocationId: String(ids.allocation),
    commitmentId: String(ids.commitment),
    date: '2026-05-01',
    amountCents: '250,00',
    description: '',
  }),
};
const KINDS = Object.keys(VALID);
const idOf = (kind: string) =>
  ({ geldstromen: ids.stream, toewijzingen: ids.allocation, verplichtingen: ids.commitment, bestedingen: ids.spending })[kind]!;

describe('who may write', () => {
  const refused: Who[] = ['zandvoort', 'adviseur', 'lezer'];
  for (const who of refused) {
    for (const kind of KINDS) {
      it(`${who}: 403 on the new ${kind} form and its post, the database unchanged`, async () => {
        const before = snapshot();
        expect(statusOf(await runLoader(newLoader, `/financien/${kind}/nieuw`, { params: { soort: kind }, cookie: cookies[who] }))).toBe(
          403,
        );
        expect(
          statusOf(
            await runAction(newAction, `/financien/${kind}/nieuw`, VALID[kind](), { params: { soort: kind }, cookie: cookies[who] }),
          ),
        ).toBe(403);
        expect(snapshot()).toBe(before);
      });

      it(`${who}: 403 on correcting a ${kind}, the database unchanged`, async () => {
        const before = snapshot();
        const params = { soort: kind, id: String(idOf(kind)) };
        expect(statusOf(await runLoader(editLoader, `/financien/${kind}/${params.id}`, { params, cookie: cookies[who] }))).toBe(403);
        expect(
          statusOf(await runAction(editAction, `/financien/${kind}/${params.id}`, VALID[kind](), { params, cookie: cookies[who] })),
        ).toBe(403);
        expect(snapshot()).toBe(before);
      });
    }
  }

  for (const who of refused) {
    it(`${who}: 403 on deleting any record, the database unchanged`, async () => {
      const before = snapshot();
      for (const kind of KINDS) {
        const params = { soort: kind, id: String(idOf(kind)) };
        const url = `/financien/${kind}/${params.id}/verwijderen`;
        expect(statusOf(await runLoader(deleteLoader, url, { params, cookie: cookies[who] }))).toBe(403);
        expect(statusOf(await runAction(deleteAction, url, { bevestig: 'ja' }, { params, cookie: cookies[who] }))).toBe(403);
      }
      expect(snapshot()).toBe(before);
    });
  }

  it('reads the overview for everybody, with edit controls only for the beheerder and werkgroep', async () => {
    for (const who of ['lezer', 'adviseur', 'zandvoort'] as Who[]) {
      const page = payloadOf(await runLoader(pageLoader, '/financien?jaar=2026', { cookie: cookies[who] }));
      expect(page.mayEdit).toBe(false);
      expect(page.overview.streams.length).toBeGreaterThan(0);
    }
    expect(payloadOf(await runLoader(pageLoader, '/financien?jaar=2026', { cookie: cookies.haarlem })).mayEdit).toBe(true);
    expect(payloadOf(await runLoader(pageLoader, '/financien?jaar=2026', { cookie: cookies.beheerder })).mayEdit).toBe(true);
  });

  it('answers an address without a signed-in user with the sign-in page, not the figures', async () => {
    const answer = await runLoader(pageLoader, '/financien');
    expect(statusOf(answer)).toBe(302);
  });
});

describe('bad input: a Dutch message beside the field, nothing stored', () => {
  const cases: [string, string, Record<string, string>, string, RegExp][] = [
    ['geldstromen', 'an amount in words', { receivedCents: 'twaalfduizend' }, 'receivedCents', /^Dit is geen bedrag/],
    ['geldstromen', 'a negative amount', { receivedCents: '-12.500' }, 'receivedCents', /niet negatief/],
    ['geldstromen', 'three decimals', { receivedCents: '12.500,005' }, 'receivedCents', /twee cijfers achter de komma/],
    ['geldstromen', 'a year outside the range', { year: '2099' }, 'year', /^Kies een jaar van 2015 tot en met 2040/],
    ['geldstromen', 'a year in words', { year: 'dit jaar' }, 'year', /^Kies een jaar/],
    ['geldstromen', 'an empty amount', { receivedCents: '' }, 'receivedCents', /^Vul een bedrag in/],
    ['geldstromen', 'an unknown kind', { kind: 'loterij' }, 'kind', /soort geldstroom/],
    ['geldstromen', 'a municipality that is a partner', { municipalityId: '8' }, 'municipalityId', /zeven gemeenten/],
    [
      'geldstromen',
      'a name that is taken that year',
      { name: 'Rijksbijdrage educatie (WEB) 2026' },
      'name',
      /al een geldstroom met deze naam/,
    ],
    ['toewijzingen', 'an unknown stream', { streamId: '999999' }, 'streamId', /bestaande geldstroom/],
    ['toewijzingen', 'a stream that is no id', { streamId: 'abc' }, 'streamId', /bestaande geldstroom/],
    ['toewijzingen', 'an unknown goal', { goalId: '999999' }, 'goalId', /bestaand doel/],
    ['toewijzingen', 'an unknown action', { actionId: '999999' }, 'actionId', /bestaande actie/],
    ['verplichtingen', 'a period that ends before it starts', { periodTo: '2025-12-31' }, 'periodTo', /eindigt voor hij begint/],
    ['verplichtingen', 'a date that does not exist', { periodFrom: '2026-02-30' }, 'periodFrom', /bestaande datum/],
    ['verplichtingen', 'an unknown allocation', { allocationId: '999999' }, 'allocationId', /bestaande toewijzing/],
    ['bestedingen', 'an unknown commitment', { commitmentId: '999999' }, 'commitmentId', /bestaande verplichting/],
    ['bestedingen', 'an amount with a decimal point', { amountCents: '250.50' }, 'amountCents', /^Dit is geen bedrag/],
  ];
  it.each(cases)('%s with %s', async (kind, _what, change, field, message) => {
    const before = snapshot();
    const answer = await runAction(
      newAction,
      `/financien/${kind}/nieuw`,
      { ...VALID[kind](), ...change },
      { params: { soort: kind }, cookie: cookies.haarlem },
    );
    expect(statusOf(answer)).toBe(400);
    expect(payloadOf(answer).fieldErrors[field]).toMatch(message);
    expect(snapshot()).toBe(before);
  });

  it('refuses an action of another period, and an action of another goal than the one chosen', async () => {
    const before = snapshot();
    const post = (change: Record<string, string>) =>
      runAction(
        newAction,
        '/financien/toewijzingen/nieuw',
        { ...VALID.toewijzingen(), ...change },
        {
          params: { soort: 'toewijzingen' },
          cookie: cookies.haarlem,
        },
      );
    const old = await post({ actionId: String(oldAction.id) });
    expect(statusOf(old)).toBe(400);
    expect(payloadOf(old).fieldErrors.actionId).toBe('Kies een actie uit de agendaperiode van 2026, of geen.');
    const otherGoal = await post({ actionId: String(periodAction.id), goalId: String(oldAction.goalId) });
    expect(statusOf(otherGoal)).toBe(400);
    expect(payloadOf(otherGoal).fieldErrors.actionId).toMatch(/hoort bij een ander doel/);
    expect(snapshot()).toBe(before);
  });

  it('refuses bad input on a correction too, keeping the stored row', async () => {
    const before = snapshot();
    const params = { soort: 'verplichtingen', id: String(ids.commitment) };
    const answer = await runAction(
      editAction,
      '/financien/verplichtingen/x',
      { ...VALID.verplichtingen(), amountCents: '1,234' },
      { params, cookie: cookies.haarlem },
    );
    expect(statusOf(answer)).toBe(400);
    expect(payloadOf(answer).fieldErrors.amountCents).toMatch(/twee cijfers/);
    expect(snapshot()).toBe(before);
  });

  it('answers an unknown kind of form or record with a 404', async () => {
    expect(
      statusOf(await runLoader(newLoader, '/financien/loterij/nieuw', { params: { soort: 'loterij' }, cookie: cookies.haarlem })),
    ).toBe(404);
    expect(
      statusOf(
        await runLoader(editLoader, '/financien/geldstromen/999999', {
          params: { soort: 'geldstromen', id: '999999' },
          cookie: cookies.haarlem,
        }),
      ),
    ).toBe(404);
    expect(statusOf(await runLoader(pageLoader, '/financien?jaar=1990', { cookie: cookies.lezer }))).toBe(404);
    expect(statusOf(await runLoader(pageLoader, '/financien?periode=1990-1994', { cookie: cookies.lezer }))).toBe(404);
  });
});

describe('writing', () => {
  it('stores a stream in exact cents and records it in the history', async () => {
    const answer = await runAction(newAction, '/financien/geldstromen/nieuw', VALID.geldstromen(), {
      params: { soort: 'geldstromen' },
      cookie: cookies.haarlem,
    });
    expect(statusOf(answer)).toBe(302);
    const stream = db.select().from(financeStreams).where(eq(financeStreams.name, 'Provinciale subsidie 2026')).get()!;
    expect(stream.receivedCents).toBe(1_250_000);
    const entry = db.select().from(history).where(eq(history.entityType, 'finance_stream')).orderBy(desc(history.id)).get()!;
    expect(entry).toMatchObject({ entityId: stream.id, change: 'create' });
  });

  it('allocates to an action of the period: the form offers it under its goal, the allocation counts for that goal', async () => {
    const form = payloadOf(
      await runLoader(newLoader, '/financien/toewijzingen/nieuw?jaar=2026', { params: { soort: 'toewijzingen' }, cookie: cookies.haarlem }),
    );
    const offered = form.choices.actionGroups.flatMap((g: { options: { id: number }[] }) => g.options.map((o) => o.id));
    expect(offered).toContain(periodAction.id);
    expect(offered).not.toContain(oldAction.id);
    const answer = await runAction(
      newAction,
      '/financien/toewijzingen/nieuw?jaar=2026',
      { ...VALID.toewijzingen(), actionId: String(periodAction.id), description: 'Voor één actie' },
      { params: { soort: 'toewijzingen' }, cookie: cookies.haarlem },
    );
    expect(statusOf(answer)).toBe(302);
    const stored = db.select().from(financeAllocations).where(eq(financeAllocations.description, 'Voor één actie')).get()!;
    expect(stored).toMatchObject({ actionId: periodAction.id, goalId: periodAction.goalId, amountCents: 100_000 });
  });

  it('corrects a commitment, recording before and after', async () => {
    const params = { soort: 'verplichtingen', id: String(ids.commitment) };
    const form = payloadOf(await runLoader(editLoader, `/financien/verplichtingen/${params.id}`, { params, cookie: cookies.beheerder }));
    const answer = await runAction(
      editAction,
      `/financien/verplichtingen/${params.id}`,
      { ...form.values, amountCents: '1.234,56' },
      { params, cookie: cookies.beheerder },
    );
    expect(statusOf(answer)).toBe(302);
    expect(db.select().from(financeCommitments).where(eq(financeCommitments.id, ids.commitment)).get()!.amountCents).toBe(123_456);
    const entry = db.select().from(history).where(eq(history.entityType, 'finance_commitment')).orderBy(desc(history.id)).get()!;
    expect(JSON.parse(entry.after!)).toEqual({ amountCents: 123_456 });
  });
});

describe('exports', () => {
  it('gives the CSV the amounts as Dutch text and keeps a formula as text', async () => {
    await runAction(
      newAction,
      '/financien/geldstromen/nieuw',
      { ...VALID.geldstromen(), name: '=HYPERLINK("http://x")' },
      { params: { soort: 'geldstromen' }, cookie: cookies.haarlem },
    );
    expect(db.select().from(financeStreams).where(like(financeStreams.name, '=HYPERLINK%')).get()).toBeDefined();
    const response = (await runLoader(csvLoader, '/financien.csv?jaar=2026', { cookie: cookies.lezer })) as Response;
    expect(response.headers.get('Content-Disposition')).toContain('financien-2026.csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Rijksbijdrage educatie (WEB) 2026;2026;Rijksbijdrage educatie (WEB);€\u00a03.990.000,00');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).not.toMatch(/(^|;)=HYPERLINK/m);
    expect(text).toContain('Voorbeeldcijfers');
  });

  it('gives the .xlsx the amounts as numbers in euros with a euro format', async () => {
    const response = (await runLoader(xlsxLoader, '/financien.xlsx?periode=2025-2028', { cookie: cookies.adviseur })) as Response;
    expect(response.headers.get('Content-Type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Geldstromen')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const web = rows.find((r) => r[1] === 'Rijksbijdrage educatie (WEB) 2025')!;
    expect(web[4]).toBe(3_905_000);
    const cell = sheet.getRow(rows.indexOf(web) + 1).getCell(4);
    expect(cell.numFmt).toContain('€');
    for (const row of rows)
      for (const value of row) if (typeof value === 'object' && value !== null) expect(value).not.toHaveProperty('formula');
  });
});

describe('deleting', () => {
  const del = (kind: string, id: number, form: Record<string, string> = { bevestig: 'ja' }) =>
    runAction(deleteAction, `/financien/${kind}/${id}/verwijderen`, form, {
      params: { soort: kind, id: String(id) },
      cookie: cookies.haarlem,
    });
  const create = async (kind: string, values: Record<string, string>) => {
    const answer = await runAction(newAction, `/financien/${kind}/nieuw?jaar=2026`, values, {
      params: { soort: kind },
      cookie: cookies.haarlem,
    });
    expect(statusOf(answer)).toBe(302);
  };
  const newest = <T extends typeof financeStreams | typeof financeAllocations | typeof financeCommitments | typeof financeSpending>(
    table: T,
  ) => db.select({ id: table.id }).from(table).orderBy(desc(table.id)).get()!.id;

  it('refuses, with the reason in Dutch, a record others depend on; the database unchanged', async () => {
    const before = snapshot();
    const page = payloadOf(
      await runLoader(deleteLoader, `/financien/geldstromen/${ids.stream}/verwijderen`, {
        params: { soort: 'geldstromen', id: String(ids.stream) },
        cookie: cookies.haarlem,
      }),
    );
    expect(page.refused).toMatch(/^Deze geldstroom kan niet worden verwijderd: er horen nog \d+ toewijzingen bij/);
    for (const [kind, id, message] of [
      ['geldstromen', ids.stream, /toewijzingen bij/],
      ['toewijzingen', ids.allocation, /^Deze toewijzing kan niet worden verwijderd: er horen nog 1 verplichting en \d+ bestedingen bij/],
      ['verplichtingen', ids.commitment, /^Deze verplichting kan niet worden verwijderd: er (is|zijn) nog/],
    ] as const) {
      const answer = await del(kind, id);
      expect(statusOf(answer)).toBe(409);
      expect(payloadOf(answer).refused).toMatch(message);
    }
    expect(snapshot()).toBe(before);
  });

  it('asks for the confirmation first, changing nothing without it', async () => {
    const before = snapshot();
    const answer = await del('bestedingen', ids.spending, {});
    expect(statusOf(answer)).toBe(400);
    expect(payloadOf(answer).confirmError).toBe('Vink aan dat u dit wilt verwijderen.');
    expect(snapshot()).toBe(before);
  });

  it('deletes spending, commitment, allocation and stream in turn, each into the history', async () => {
    await create('geldstromen', { ...VALID.geldstromen(), name: 'Te verwijderen 2026' });
    const stream = newest(financeStreams);
    await create('toewijzingen', { ...VALID.toewijzingen(), streamId: String(stream) });
    const allocation = newest(financeAllocations);
    await create('verplichtingen', { ...VALID.verplichtingen(), allocationId: String(allocation) });
    const commitment = newest(financeCommitments);
    await create('bestedingen', { ...VALID.bestedingen(), allocationId: String(allocation), commitmentId: String(commitment) });
    const spending = newest(financeSpending);

    expect(statusOf(await del('geldstromen', stream))).toBe(409);
    for (const [kind, id, table, entity] of [
      ['bestedingen', spending, financeSpending, 'finance_spending'],
      ['verplichtingen', commitment, financeCommitments, 'finance_commitment'],
      ['toewijzingen', allocation, financeAllocations, 'finance_allocation'],
      ['geldstromen', stream, financeStreams, 'finance_stream'],
    ] as const) {
      const answer = await del(kind, id);
      expect(statusOf(answer)).toBe(302);
      expect((answer as Response).headers.get('Location')).toBe('/financien?jaar=2026&verwijderd=1');
      expect(db.select().from(table).where(eq(table.id, id)).get()).toBeUndefined();
      const entry = db.select().from(history).where(eq(history.entityType, entity)).orderBy(desc(history.id)).get()!;
      expect(entry).toMatchObject({ entityId: id, change: 'delete' });
      expect(JSON.parse(entry.before!)).toMatchObject({ id });
    }
    expect(statusOf(await del('geldstromen', stream))).toBe(404);
  });
});
