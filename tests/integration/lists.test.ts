import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { compareDeadlines } from '../../app/models/tracker/deadline';
import { loader as listLoader } from '../../app/routes/acties._index';
import { loader as mineLoader } from '../../app/routes/acties.mijn';
import { loader as csvLoader } from '../../app/routes/acties[.csv]';
import { action as boardAction, loader as boardLoader } from '../../app/routes/bord';
import { loader as timelineLoader } from '../../app/routes/tijdlijn';
import { db } from '../../app/utils/db.server';
import { todayInNL } from '../../app/utils/today';
import { actions, goals, history, organisations, themes, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

const cookies = {} as Record<Who, string>;

type Row = {
  id: number;
  code: string | null;
  title: string;
  status: string;
  overdue: boolean;
  themeCode: string;
  goalId: number;
  deadlineStart: string | null;
  deadlineEnd: string | null;
  ownerUserId: number | null;
};

const actionByCode = (code: string) => db.select().from(actions).where(eq(actions.code, code)).get()!;
const allActions = () => db.select().from(actions).all();
const idOf = (code: string) => actionByCode(code).id;
const codes = (rows: Row[]) => rows.map((r) => r.code);
const goalTheme = (goalId: number) => db.select().from(goals).where(eq(goals.id, goalId)).get()!.themeId;

async function list(path: string, who: Who = 'lezer') {
  const result = await runLoader(listLoader, path, { cookie: cookies[who] });
  expect(statusOf(result)).toBe(200);
  return payloadOf(result) as {
    list: { total: number; rows: Row[]; page: number; pageCount: number };
    fieldErrors: Record<string, string>;
    filters: any;
  };
}

beforeAll(async () => {
  await prepareDatabase();
  for (const [key, email] of Object.entries(ACCOUNTS)) cookies[key as Who] = await sessionFor(email);
});

describe('action list /acties', () => {
  it('lists every action in agenda order with the count, for any role', async () => {
    const { list: result, fieldErrors } = await list('/acties');
    expect(fieldErrors).toEqual({});
    expect(result.total).toBe(allActions().length);
    expect(result.rows).toHaveLength(allActions().length);
    expect(result.rows[0]!.code).toBe('1.2-A1');
    // Local actions are in the list too.
    expect(result.rows.some((r: any) => r.municipalityName === 'Zandvoort')).toBe(true);
  });

  it('sends visitors without a session to the login page', async () => {
    const result = await runLoader(listLoader, '/acties?status=loopt');
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe('/login?redirectTo=%2Facties%3Fstatus%3Dloopt');
  });

  it('filters by several statuses', async () => {
    const { list: result } = await list('/acties?status=loopt&status=besluit_nodig');
    const expected = allActions().filter((a) => a.status === 'loopt' || a.status === 'besluit_nodig');
    expect(result.total).toBe(expected.length);
    expect(new Set(result.rows.map((r) => r.status))).toEqual(new Set(['loopt', 'besluit_nodig']));
  });

  it('filters by theme, goal, organisation and scope', async () => {
    const theme = db.select().from(themes).where(eq(themes.code, '1.3.a')).get()!;
    const byTheme = (await list(`/acties?thema=${theme.id}`)).list.rows;
    expect(byTheme.length).toBeGreaterThan(0);
    const goalsOfTheme = new Set(
      db
        .select({ id: goals.id })
        .from(goals)
        .where(eq(goals.themeId, theme.id))
        .all()
        .map((g) => g.id),
    );
    expect(byTheme.every((r) => goalsOfTheme.has(r.goalId))).toBe(true);

    const goalId = actionByCode('1.3.c-B1').goalId;
    const byGoal = (await list(`/acties?doel=${goalId}`)).list.rows;
    expect(codes(byGoal)).toEqual(['1.3.c-B1']);

    // Haarlem: actions Haarlem owns and Haarlem's local actions.
    const haarlem = db.select().from(organisations).where(eq(organisations.name, 'Haarlem')).get()!.id;
    const byOrg = (await list(`/acties?organisatie=${haarlem}`)).list.rows;
    const expected = allActions().filter((a) => a.ownerOrganisationId === haarlem || a.municipalityId === haarlem);
    expect(byOrg.map((r) => r.id).sort()).toEqual(expected.map((a) => a.id).sort());

    const local = (await list('/acties?bereik=lokaal')).list.rows;
    expect(local.length).toBe(allActions().filter((a) => a.municipalityId !== null).length);
    const regional = (await list('/acties?bereik=regionaal')).list.rows;
    expect(regional.length + local.length).toBe(allActions().length);
  });

  it('shows only overdue actions: window ended, not done or cancelled', async () => {
    const { list: result } = await list('/acties?telaat=1');
    // "medio 2022", loopt; "besluit in 2021", besluit nodig.
    expect(codes(result.rows)).toEqual(expect.arrayContaining(['1.3.a-A3', '1.3.b-A2']));
    // "besluit in 2021" but afgerond is not overdue.
    expect(codes(result.rows)).not.toContain('1.3.b-A1');
    expect(result.rows.every((r) => r.overdue)).toBe(true);
    const today = todayInNL();
    const expected = allActions().filter(
      (a) => a.deadlineEnd !== null && a.deadlineEnd < today && a.status !== 'afgerond' && a.status !== 'vervallen',
    );
    expect(result.total).toBe(expected.length);
  });

  it('filters by a deadline window: actions whose window overlaps "2021"', async () => {
    const { list: result, fieldErrors } = await list('/acties?termijn=2021');
    expect(fieldErrors).toEqual({});
    const found = codes(result.rows);
    // A window in 2021, an "uiterlijk" (open start) and a "vanaf" (open end) window.
    expect(found).toEqual(expect.arrayContaining(['1.3.c-B1', '1.3.c-C1', '1.2-A1', '1.2-A2']));
    // "medio 2022" and actions without a deadline are not in 2021.
    expect(found).not.toContain('1.3.a-A3');
    expect(found).not.toContain('1.3.a-A1');
    expect(result.rows.every((r) => (r.deadlineStart ?? '0000') <= '2021-12-31' && (r.deadlineEnd ?? '9999') >= '2021-01-01')).toBe(true);
  });

  it('ignores only a bad filter and says why beside it, never a 500', async () => {
    const bad = await list('/acties?termijn=binnenkort&status=loopt');
    expect(bad.fieldErrors.termijn).toMatch(/binnenkort/);
    expect(bad.fieldErrors.termijn).toMatch(/bijvoorbeeld/i);
    // The status filter still applies; the window filter does not.
    expect(bad.list.total).toBe(allActions().filter((a) => a.status === 'loopt').length);

    const worse = await list('/acties?status=foo&thema=abc&doel=99999&telaat=misschien&sort=kleur&richting=zijwaarts&pagina=-1');
    expect(Object.keys(worse.fieldErrors).sort()).toEqual(['doel', 'pagina', 'richting', 'sort', 'status', 'telaat', 'thema']);
    expect(worse.fieldErrors.status).toBe('Kies een of meer statussen uit de lijst.');
    expect(worse.fieldErrors.thema).toBe('Kies een thema uit de lijst.');
    expect(worse.list.total).toBe(allActions().length);
  });

  it('searches in the title', async () => {
    const { list: result } = await list('/acties?q=' + encodeURIComponent('taalcafé'));
    expect(codes(result.rows)).toEqual([actionByCode('K19').code]);
    // LIKE wildcards typed by a user are literal.
    expect((await list('/acties?q=%25')).list.total).toBe(0);
  });

  it('sorts by title, deadline and status, both ways', async () => {
    const byTitle = (await list('/acties?sort=titel')).list.rows.map((r) => r.title.toLowerCase());
    expect(byTitle).toEqual([...byTitle].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byTitleDown = (await list('/acties?sort=titel&richting=af')).list.rows.map((r) => r.title.toLowerCase());
    expect(byTitleDown).toEqual([...byTitle].reverse());

    const byDeadline = (await list('/acties?sort=termijn')).list.rows;
    for (let i = 1; i < byDeadline.length; i++) {
      const [a, b] = [byDeadline[i - 1]!, byDeadline[i]!];
      expect(
        compareDeadlines({ start: a.deadlineStart, end: a.deadlineEnd }, { start: b.deadlineStart, end: b.deadlineEnd }),
      ).toBeLessThanOrEqual(0);
    }
    const byDeadlineDown = (await list('/acties?sort=termijn&richting=af')).list.rows;
    expect(byDeadlineDown[0]!.deadlineEnd).toBeNull();
    expect(byDeadlineDown[byDeadlineDown.length - 1]!.deadlineEnd).not.toBeNull();

    const order = ['niet_gestart', 'loopt', 'besluit_nodig', 'afgerond', 'vervallen'];
    const byStatus = (await list('/acties?sort=status')).list.rows.map((r) => order.indexOf(r.status));
    expect(byStatus).toEqual([...byStatus].sort((a, b) => a - b));
  });

  it('clamps a page number past the end to the last page', async () => {
    const { list: result } = await list('/acties?pagina=9');
    expect(result.page).toBe(1);
    expect(result.pageCount).toBe(1);
    expect(result.rows.length).toBe(allActions().length);
  });
});

describe('CSV export /acties.csv', () => {
  it('exports the filtered list for Dutch Excel: BOM, ";" separator, header row, Dutch labels', async () => {
    const result = (await runLoader(csvLoader, '/acties.csv?status=besluit_nodig&termijn=2021', { cookie: cookies.adviseur })) as Response;
    expect(result.status).toBe(200);
    expect(result.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(result.headers.get('Content-Disposition')).toBe(`attachment; filename="koers-acties-${todayInNL()}.csv"`);
    const bytes = new Uint8Array(await result.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    const lines = text.trim().split(/\r\n/);
    expect(lines[0]).toBe(
      'Code;Titel;Thema;Doel;Trekker;Organisatie;Partners;Termijn;Termijn begin;Termijn eind;Status;Voortgang;Te laat;Bereik;Laatst gewijzigd',
    );
    const expected = allActions().filter(
      (a) => a.status === 'besluit_nodig' && a.deadlineStart !== null && a.deadlineStart <= '2021-12-31',
    );
    expect(lines).toHaveLength(1 + expected.length);
    const row = lines.find((l) => l.startsWith('1.3.b-A2;'))!;
    expect(row).toBeDefined();
    const cells = row.split(';');
    expect(cells[7]).toBe('besluit in 2021');
    expect(cells[8]).toBe('2021-01-01');
    expect(cells[9]).toBe('2021-12-31');
    expect(cells[10]).toBe('Besluit nodig');
    expect(cells[12]).toBe('ja');
    expect(cells[13]).toBe('Regionaal');
    expect(cells[14]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('keeps formulas as text and quotes separators', async () => {
    const k19 = actionByCode('K19');
    db.update(actions).set({ title: '=HYPERLINK("x";"klik")', partners: 'Bibliotheek; Taalhuis' }).where(eq(actions.id, k19.id)).run();
    try {
      const result = (await runLoader(csvLoader, '/acties.csv?q=HYPERLINK', { cookie: cookies.lezer })) as Response;
      const lines = (await result.text()).trim().split(/\r\n/);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(`"'=HYPERLINK(""x"";""klik"")"`);
      expect(lines[1]).toContain('"Bibliotheek; Taalhuis"');
      expect(lines[1]).toContain('Lokaal (Zandvoort)');
    } finally {
      db.update(actions).set({ title: k19.title, partners: k19.partners }).where(eq(actions.id, k19.id)).run();
    }
  });

  it('needs a session', async () => {
    expect(statusOf(await runLoader(csvLoader, '/acties.csv'))).toBe(302);
  });
});

describe('timeline /tijdlijn', () => {
  it('draws the agenda years up to today, bars over deadline windows and target years as milestones', async () => {
    const result = await runLoader(timelineLoader, '/tijdlijn', { cookie: cookies.lezer });
    expect(statusOf(result)).toBe(200);
    const { timeline, fieldErrors } = payloadOf(result);
    expect(fieldErrors).toEqual({});
    const todayYear = Number(todayInNL().slice(0, 4));
    expect(timeline.years[0]).toBe(2020);
    expect(timeline.years).toEqual(expect.arrayContaining([2020, 2021, 2022, 2023, 2024, todayYear]));
    expect(timeline.today.position).toBeGreaterThan(0);
    expect(timeline.today.position).toBeLessThanOrEqual(100);

    const bars = timeline.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.bars));
    expect(bars).toHaveLength(timeline.barCount);
    const bar = (code: string) => bars.find((b: Row) => b.code === code);
    const medio = bar('1.3.a-A3');
    expect(medio).toMatchObject({
      deadlineStart: '2022-05-01',
      deadlineEnd: '2022-08-31',
      openStart: false,
      openEnd: false,
      overdue: true,
    });
    expect(medio.left).toBeGreaterThan(0);
    expect(medio.left + medio.width).toBeLessThan(100);
    // "uiterlijk 31-12-2021": from the start of the period; "vanaf medio 2021": to its end.
    expect(bar('1.2-A1')).toMatchObject({ openStart: true, left: 0 });
    const from = bar('1.2-A2');
    expect(from.openEnd).toBe(true);
    expect(from.left + from.width).toBeCloseTo(100, 0);
    // Windows later in time sit further right.
    expect(bar('1.3.c-C1').left).toBeLessThan(medio.left);

    // Actions without a deadline are listed apart.
    expect(timeline.unscheduled.map((a: Row) => a.code)).toContain('1.3.a-A1');
    expect(bars.map((b: Row) => b.code)).not.toContain('1.3.a-A1');

    // Target years of goals as milestones, also on the goal rows of the chart.
    expect(timeline.milestones).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '1.2-A', year: 2021 }),
        expect.objectContaining({ code: '1.3.c-C', year: 2022 }),
        expect.objectContaining({ code: '1.3.b-A', year: 2024 }),
      ]),
    );
    const goals = timeline.chapters.flatMap((c: any) => c.goals);
    const g2021 = goals.find((g: any) => g.code === '1.2-A');
    const g2024 = goals.find((g: any) => g.code === '1.3.b-A');
    const yearWidth = 100 / timeline.years.length;
    expect(g2021.milestone).toBeCloseTo(2 * yearWidth, 1); // the end of 2021 = after 2020 and 2021
    expect(g2024.milestone).toBeCloseTo(5 * yearWidth, 1);
    // Bars are grouped under their goal.
    expect(goals.find((g: any) => g.code === '1.3.a-A').bars.map((b: Row) => b.code)).toContain('1.3.a-A3');
  });

  it('filters by theme and status, and ignores a bad window with a message', async () => {
    const theme = db.select().from(themes).where(eq(themes.code, '1.3.c')).get()!;
    const byTheme = payloadOf(
      await runLoader(timelineLoader, `/tijdlijn?thema=${theme.id}&status=afgerond`, { cookie: cookies.lezer }),
    ).timeline;
    const themeBars = byTheme.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.bars));
    expect(themeBars.length).toBeGreaterThan(0);
    expect(themeBars.every((b: Row) => b.themeCode === '1.3.c' && b.status === 'afgerond')).toBe(true);
    expect(byTheme.chapters.map((c: { code: string }) => c.code)).toEqual(['1.3.c']);

    const bad = payloadOf(await runLoader(timelineLoader, '/tijdlijn?termijn=ooit', { cookie: cookies.lezer }));
    expect(bad.fieldErrors.termijn).toMatch(/ooit/);
    expect(bad.timeline.barCount + bad.timeline.unscheduled.length).toBe(allActions().length);
  });
});

describe('my actions /acties/mijn', () => {
  const ownerOf = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!;

  it('shows my actions and my organisation’s apart, overdue first, closed ones behind a link', async () => {
    const me = db.select().from(users).where(eq(users.email, ACCOUNTS.haarlem)).get()!;
    // Give the Haarlem working-group member an overdue action and one without a deadline.
    db.update(actions).set({ ownerUserId: me.id }).where(eq(actions.code, '1.3.b-A4')).run();
    db.update(actions).set({ ownerUserId: me.id }).where(eq(actions.code, '1.3.b-A2')).run();

    const result = await runLoader(mineLoader, '/acties/mijn', { cookie: cookies.haarlem });
    expect(statusOf(result)).toBe(200);
    const { own, organisation, organisationName, ownClosedInList } = payloadOf(result);
    expect(organisationName).toBe('Haarlem');
    expect(codes(own.open.rows)).toEqual(['1.3.b-A2', '1.3.b-A4']); // overdue first, then no deadline
    expect(own.open.rows[0].overdue).toBe(true);
    expect(own.open.rows.every((r: Row) => ownerOf(r.id).ownerUserId === me.id)).toBe(true);

    // My closed ones: their number, and the list filtered to exactly them.
    const myClosed = allActions().filter((a) => a.ownerUserId === me.id && (a.status === 'afgerond' || a.status === 'vervallen'));
    expect(own.closedTotal).toBe(myClosed.length);
    const { list: closedList } = await list(ownClosedInList, 'haarlem');
    expect(closedList.total).toBe(myClosed.length);
    expect(codes(closedList.rows)).toEqual(expect.arrayContaining(['1.3.a-A1', 'K20']));

    // The organisation's: owned by Haarlem (or Haarlem's local actions), not mine.
    expect(codes(organisation.open.rows)).toContain('1.3.a-A3');
    expect(organisation.open.rows.some((r: Row) => ownerOf(r.id).ownerUserId === me.id)).toBe(false);
    expect(organisation.open.rows.every((r: any) => r.ownerOrganisationName === 'Haarlem' || r.municipalityName === 'Haarlem')).toBe(true);
    // Its closed ones are counted, and shown only when asked for.
    expect(organisation.closed.total).toBeGreaterThan(0);
    expect(organisation.closed.shown).toBeNull();
    const asked = payloadOf(await runLoader(mineLoader, '/acties/mijn?pagina-afgerond=1', { cookie: cookies.haarlem }));
    const closed = asked.organisation.closed.shown.rows as Row[];
    expect(codes(closed)).toContain('1.2-A2');
    expect(closed).toHaveLength(organisation.closed.total);
    expect(closed.every((r) => r.status === 'afgerond' || r.status === 'vervallen')).toBe(true);
    expect(closed.some((r) => ownerOf(r.id).ownerUserId === me.id)).toBe(false);
  });

  it('for the Zandvoort officer: Zandvoort’s local actions', async () => {
    const { own, organisation, ownClosedInList } = payloadOf(await runLoader(mineLoader, '/acties/mijn', { cookie: cookies.zandvoort }));
    const { list: closedList } = await list(ownClosedInList, 'zandvoort');
    expect(codes([...own.open.rows, ...closedList.rows])).toEqual(expect.arrayContaining(['K18', 'K19']));
    expect(organisation.open.total + organisation.closed.total).toBe(0);
  });
});

describe('board /bord', () => {
  const move = (who: Who, fields: Record<string, string>) => runAction(boardAction, '/bord', fields, { cookie: cookies[who] });
  const statusHistory = (id: number) =>
    db
      .select()
      .from(history)
      .where(and(eq(history.entityType, 'action'), eq(history.entityId, id)))
      .all();

  it('shows five status columns; move controls only where the user may edit', async () => {
    const asHaarlem = payloadOf(await runLoader(boardLoader, '/bord', { cookie: cookies.haarlem }));
    expect(asHaarlem.columns.map((c: { status: string }) => c.status)).toEqual([
      'niet_gestart',
      'loopt',
      'besluit_nodig',
      'afgerond',
      'vervallen',
    ]);
    const cards = asHaarlem.columns.flatMap((c: { actions: unknown[] }) => c.actions);
    expect(cards).toHaveLength(allActions().length);
    expect(cards.find((c: Row) => c.id === idOf('1.3.a-A3')).mayMove).toBe(true);
    // A Zandvoort local action is not Haarlem's to move.
    expect(cards.find((c: Row) => c.id === idOf('K18')).mayMove).toBe(false);

    const asAdviser = payloadOf(await runLoader(boardLoader, '/bord', { cookie: cookies.adviseur }));
    expect(asAdviser.mayMoveAny).toBe(false);
    expect(asAdviser.columns.flatMap((c: any) => c.actions).some((c: any) => c.mayMove)).toBe(false);

    const theme = db.select().from(themes).where(eq(themes.code, '1.3.d')).get()!;
    const filtered = payloadOf(await runLoader(boardLoader, `/bord?thema=${theme.id}`, { cookie: cookies.lezer }));
    const goalsOf = (themeId: number) =>
      db
        .select()
        .from(actions)
        .all()
        .filter((a) => goalTheme(a.goalId) === themeId)
        .map((a) => a.id);
    expect(filtered.columns.flatMap((c: any) => c.actions.map((a: Row) => a.id)).sort()).toEqual(goalsOf(theme.id).sort());
  });

  it('moves a card as a working-group member and records it in the history', async () => {
    const id = idOf('1.3.a-B6');
    expect(actionByCode('1.3.a-B6').status).toBe('besluit_nodig');
    const before = statusHistory(id).length;
    const result = await move('haarlem', { intent: 'move', actionId: String(id), status: 'afgerond' });
    expect(statusOf(result)).toBe(200);
    const payload = payloadOf(result);
    expect(payload.ok).toBe(true);
    expect(payload.message).toMatch(/verplaatst naar Afgerond/);
    const after = actionByCode('1.3.a-B6');
    expect(after.status).toBe('afgerond');
    expect(after.progress).toBe(100);
    const entries = statusHistory(id);
    expect(entries).toHaveLength(before + 1);
    const last = entries[entries.length - 1]!;
    expect(JSON.parse(last.after!)).toMatchObject({ status: 'afgerond' });
    expect(JSON.parse(last.before!)).toMatchObject({ status: 'besluit_nodig' });

    const board = payloadOf(await runLoader(boardLoader, '/bord', { cookie: cookies.haarlem }));
    const done = board.columns.find((c: { status: string }) => c.status === 'afgerond');
    expect(done.actions.map((a: Row) => a.id)).toContain(id);
  });

  it('lets a municipality officer move its own local action', async () => {
    const id = idOf('K18');
    const result = await move('zandvoort', { intent: 'move', actionId: String(id), status: 'besluit_nodig' });
    expect(statusOf(result)).toBe(200);
    expect(actionByCode('K18').status).toBe('besluit_nodig');
  });

  it('refuses the adviser, the reader and another municipality with 403, changing nothing', async () => {
    const id = idOf('1.3.a-A3');
    const k18 = idOf('K18');
    const snapshot = JSON.stringify(allActions());
    const historyCount = db.select().from(history).all().length;
    for (const who of ['adviseur', 'lezer'] as const) {
      expect(statusOf(await move(who, { intent: 'move', actionId: String(id), status: 'vervallen' }))).toBe(403);
    }
    expect(statusOf(await move('haarlem', { intent: 'move', actionId: String(k18), status: 'vervallen' }))).toBe(403);
    expect(statusOf(await move('zandvoort', { intent: 'move', actionId: String(id), status: 'vervallen' }))).toBe(403);
    expect(JSON.stringify(allActions())).toBe(snapshot);
    expect(db.select().from(history).all().length).toBe(historyCount);
  });

  it('answers a bad status with 400 and an unknown action with 404, changing nothing', async () => {
    const id = idOf('1.3.a-A3');
    const snapshot = JSON.stringify(allActions());
    const bad = await move('haarlem', { intent: 'move', actionId: String(id), status: 'klaar' });
    expect(statusOf(bad)).toBe(400);
    expect(payloadOf(bad).ok).toBe(false);
    expect(statusOf(await move('haarlem', { intent: 'move', actionId: 'abc', status: 'loopt' }))).toBe(400);
    expect(statusOf(await move('haarlem', { intent: 'move', actionId: '99999', status: 'loopt' }))).toBe(404);
    expect(JSON.stringify(allActions())).toBe(snapshot);
  });
});
