import { and, count, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { createMeeting } from '../../app/models/meetings/meeting.server';
import { getIndicatorByCode } from '../../app/models/monitor/indicator.server';
import { loader as monitorLoader } from '../../app/routes/monitor._index';
import { loader as municipalityLoader } from '../../app/routes/monitor.gemeenten.$municipalityId';
import { action as catalogueAction, loader as catalogueLoader } from '../../app/routes/monitor.indicatoren._index';
import { action as indicatorAction, loader as indicatorLoader } from '../../app/routes/monitor.indicatoren.$code';
import { action as editIndicatorAction, loader as editIndicatorLoader } from '../../app/routes/monitor.indicatoren.$code_.bewerken';
import { action as commentAction } from '../../app/routes/reacties';
import { db } from '../../app/utils/db.server';
import { agendaPoints, comments, history, monitorFigures, monitorIndicators, monitorTargets, organisations } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

const cookies = {} as Record<Who, string>;
const org = {} as Record<string, number>;

const orgId = (name: string) => db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get()!.id;
const snapshot = () => ({
  figures: db.select().from(monitorFigures).all(),
  targets: db.select().from(monitorTargets).all(),
  history: db.select({ n: count() }).from(history).get()!.n,
});

function postFigure(who: Who, code: string, fields: Record<string, string>) {
  return runAction(
    indicatorAction,
    `/monitor/indicatoren/${code}`,
    { intent: 'cijfer', bron: 'Qwasp', ...fields },
    { params: { code }, cookie: cookies[who] },
  );
}
function postTarget(who: Who, code: string, fields: Record<string, string>) {
  return runAction(
    indicatorAction,
    `/monitor/indicatoren/${code}`,
    { intent: 'streefwaarde', ...fields },
    { params: { code }, cookie: cookies[who] },
  );
}
const figureOf = (code: string, municipalityId: number | null, year: number) =>
  db
    .select()
    .from(monitorFigures)
    .where(
      and(
        eq(monitorFigures.indicatorId, getIndicatorByCode(code)!.id),
        municipalityId === null ? isNull(monitorFigures.municipalityId) : eq(monitorFigures.municipalityId, municipalityId),
        eq(monitorFigures.year, year),
        eq(monitorFigures.breakdownKey, ''),
      ),
    )
    .get();

beforeAll(async () => {
  await prepareDatabase({ periods: true });
  for (const [key, email] of Object.entries(ACCOUNTS)) cookies[key as Who] = await sessionFor(email);
  for (const name of ['Zandvoort', 'Haarlem']) org[name] = orgId(name);
});

describe('the monitor pages', () => {
  it('shows every indicator with the region and the seven municipalities, labelled as example figures', async () => {
    const result = await runLoader(monitorLoader, '/monitor', { cookie: cookies.lezer });
    expect(statusOf(result)).toBe(200);
    const { view } = payloadOf(result) as Awaited<ReturnType<typeof monitorLoader>>;
    expect(view.containsExampleFigures).toBe(true);
    // Six indicators a page (each is eight charts); the next page has the rest, an address past the end the last page.
    const total = db.select({ n: count() }).from(monitorIndicators).where(eq(monitorIndicators.active, true)).get()!.n;
    expect(view.indicatorCount).toBe(total);
    expect(view.indicators).toHaveLength(6);
    expect(view.pageCount).toBe(Math.ceil(total / 6));
    const shown = [...view.indicators.map((i) => i.code)];
    for (let page = 2; page <= view.pageCount; page++) {
      const next = payloadOf(await runLoader(monitorLoader, `/monitor?pagina=${page}`, { cookie: cookies.lezer })).view;
      shown.push(...next.indicators.map((i: { code: string }) => i.code));
    }
    expect(new Set(shown).size).toBe(total);
    expect(shown).toContain('TH-CERT');
    const beyond = payloadOf(await runLoader(monitorLoader, '/monitor?pagina=99', { cookie: cookies.lezer })).view;
    expect(beyond.page).toBe(view.pageCount);
    expect(view.indicators[0].areas.map((a) => a.name)).toEqual([
      'Regio',
      'Beverwijk',
      'Bloemendaal',
      'Haarlem',
      'Heemskerk',
      'Heemstede',
      'Velsen',
      'Zandvoort',
    ]);
  });

  it('filters by level and compares the region with one municipality, from the address', async () => {
    const result = await runLoader(monitorLoader, `/monitor?niveau=outcome&gemeente=${org.Zandvoort}&periode=2020-2024`, {
      cookie: cookies.lezer,
    });
    const { view } = payloadOf(result) as Awaited<ReturnType<typeof monitorLoader>>;
    expect(view.indicators.every((i) => i.level === 'outcome')).toBe(true);
    expect(view.indicators[0].areas.map((a) => a.name)).toEqual(['Regio', 'Zandvoort']);
    expect(view.indicators[0].areas[0].points.at(-1)!.year).toBe(2024);
  });

  it('answers 404 for an unknown period, indicator or municipality', async () => {
    expect(statusOf(await runLoader(monitorLoader, '/monitor?periode=1999-2000', { cookie: cookies.lezer }))).toBe(404);
    expect(
      statusOf(await runLoader(indicatorLoader, '/monitor/indicatoren/NOPE', { params: { code: 'NOPE' }, cookie: cookies.lezer })),
    ).toBe(404);
    const partner = orgId('Nova College');
    expect(
      statusOf(
        await runLoader(municipalityLoader, `/monitor/gemeenten/${partner}`, {
          params: { municipalityId: String(partner) },
          cookie: cookies.lezer,
        }),
      ),
    ).toBe(404);
  });

  it('shows a municipality against the region', async () => {
    const id = String(org.Haarlem);
    const result = await runLoader(municipalityLoader, `/monitor/gemeenten/${id}`, {
      params: { municipalityId: id },
      cookie: cookies.adviseur,
    });
    const { view } = payloadOf(result) as Awaited<ReturnType<typeof municipalityLoader>>;
    expect(view.indicators[0].areas.map((a) => a.name)).toEqual(['Regio', 'Haarlem']);
    // The page reads only the region's and Haarlem's figures: the same series as the monitor of all areas shows.
    const all = (
      payloadOf(await runLoader(monitorLoader, '/monitor', { cookie: cookies.adviseur })) as Awaited<ReturnType<typeof monitorLoader>>
    ).view;
    const seriesOf = (v: typeof view, name: string) =>
      new Map(v.indicators.map((i) => [i.id, i.areas.find((a) => a.name === name)!.points]));
    let compared = 0;
    for (const name of ['Regio', 'Haarlem']) {
      const everywhere = seriesOf(all, name);
      for (const [indicatorId, points] of seriesOf(view, name)) {
        if (!everywhere.has(indicatorId)) continue;
        expect(points).toEqual(everywhere.get(indicatorId));
        compared += points.filter((p) => p.value !== null).length;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('entering figures', () => {
  it('lets the Zandvoort user correct its own figure, with history', async () => {
    const historyBefore = snapshot().history;
    const result = await postFigure('zandvoort', 'IN-BEREIK', {
      gebied: String(org.Zandvoort),
      jaar: '2025',
      waarde: '81',
      volledigheid: '2 van 3 aanbieders',
    });
    expect(statusOf(result)).toBe(302);
    expect(figureOf('IN-BEREIK', org.Zandvoort, 2025)).toMatchObject({ value: 81, completeness: '2 van 3 aanbieders', isExample: false });
    expect(snapshot().history).toBe(historyBefore + 1);
  });

  it('stores percentages as tenths and refuses more than 100% beside the field, changing nothing', async () => {
    expect(statusOf(await postFigure('haarlem', 'UIT-TAAL', { gebied: 'regio', jaar: '2024', waarde: '57,5', respondenten: '410' }))).toBe(
      302,
    );
    expect(figureOf('UIT-TAAL', null, 2024)).toMatchObject({ value: 575, respondents: 410 });
    const before = snapshot();
    const result = await postFigure('haarlem', 'UIT-TAAL', { gebied: 'regio', jaar: '2024', waarde: '100,5' });
    expect(statusOf(result)).toBe(400);
    expect((payloadOf(result) as { fieldErrors: Record<string, string> }).fieldErrors.waarde).toBe(
      'Een percentage kan niet boven 100 liggen.',
    );
    for (const [waarde, message] of [
      ['-4', 'Een waarde kan niet negatief zijn.'],
      ['veel', 'Vul een getal in, bijvoorbeeld 1250 of 42,5.'],
    ]) {
      const bad = await postFigure('haarlem', 'IN-ACT', { gebied: 'regio', jaar: '2024', waarde });
      expect((payloadOf(bad) as { fieldErrors: Record<string, string> }).fieldErrors.waarde).toBe(message);
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses (403) the Zandvoort user on Haarlem’s and the region’s figures, and changes nothing', async () => {
    const before = snapshot();
    expect(statusOf(await postFigure('zandvoort', 'IN-BEREIK', { gebied: String(org.Haarlem), jaar: '2025', waarde: '1' }))).toBe(403);
    expect(statusOf(await postFigure('zandvoort', 'IN-BEREIK', { gebied: 'regio', jaar: '2025', waarde: '1' }))).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it.each(['adviseur', 'lezer'] as const)('refuses (403) the %s any figure and changes nothing', async (who) => {
    const before = snapshot();
    expect(statusOf(await postFigure(who, 'IN-BEREIK', { gebied: 'regio', jaar: '2025', waarde: '1' }))).toBe(403);
    expect(snapshot()).toEqual(before);
  });
});

describe('setting targets', () => {
  it('lets the werkgroep set a target of the current period, with history', async () => {
    const historyBefore = snapshot().history;
    expect(
      statusOf(await postTarget('velsen', 'IN-ACT', { periode: '2025-2028', gebied: String(org.Haarlem), jaar: '2026', waarde: '200' })),
    ).toBe(302);
    const target = db
      .select()
      .from(monitorTargets)
      .where(
        and(
          eq(monitorTargets.municipalityId, org.Haarlem),
          eq(monitorTargets.year, 2026),
          eq(monitorTargets.indicatorId, getIndicatorByCode('IN-ACT')!.id),
        ),
      )
      .get();
    expect(target?.value).toBe(200);
    expect(snapshot().history).toBe(historyBefore + 1);
  });

  it('refuses a year outside the chosen period beside the field', async () => {
    const before = snapshot();
    const result = await postTarget('velsen', 'IN-ACT', { periode: '2025-2028', gebied: 'regio', jaar: '2022', waarde: '200' });
    expect(statusOf(result)).toBe(400);
    expect((payloadOf(result) as { fieldErrors: Record<string, string> }).fieldErrors.jaar).toBe(
      'Het jaar ligt buiten de gekozen periode.',
    );
    expect(snapshot()).toEqual(before);
  });

  it.each(['zandvoort', 'adviseur', 'lezer'] as const)('refuses (403) the %s and changes nothing', async (who) => {
    const before = snapshot();
    expect(
      statusOf(await postTarget(who, 'IN-ACT', { periode: '2025-2028', gebied: String(org.Zandvoort), jaar: '2026', waarde: '1' })),
    ).toBe(403);
    expect(snapshot()).toEqual(before);
  });
});

describe('the indicator catalogue', () => {
  const fields = {
    code: 'uit-gezondheid',
    name: 'Betere gezondheid',
    level: 'outcome',
    unit: 'percentage',
    source: 'Qwasp',
    monitor: 'regional',
    countedPer: 'person',
    definition: '',
  };
  const indicators = () => db.select().from(monitorIndicators).all();
  const post = (who: Who, extra: Record<string, string> = {}) =>
    runAction(catalogueAction, '/monitor/indicatoren', { ...fields, ...extra }, { cookie: cookies[who] });

  it.each(['zandvoort', 'adviseur', 'lezer'] as const)('refuses (403) the %s a new indicator and changes nothing', async (who) => {
    const before = { indicators: indicators(), history: snapshot().history };
    expect(statusOf(await post(who))).toBe(403);
    expect({ indicators: indicators(), history: snapshot().history }).toEqual(before);
  });

  it('lets the werkgroep add one (code in capitals), with history, and refuses the same code again', async () => {
    const result = await post('velsen');
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe('/monitor/indicatoren/UIT-GEZONDHEID');
    const created = getIndicatorByCode('UIT-GEZONDHEID')!;
    expect(created).toMatchObject({ name: 'Betere gezondheid', level: 'outcome', unit: 'percentage', active: true });
    expect(
      db
        .select()
        .from(history)
        .where(and(eq(history.entityType, 'indicator'), eq(history.entityId, created.id)))
        .all(),
    ).toHaveLength(1);
    const again = await post('velsen');
    expect(statusOf(again)).toBe(400);
    expect((payloadOf(again) as { fieldErrors: Record<string, string> }).fieldErrors.code).toBe('Deze code bestaat al.');
  });

  it('refuses a code with spaces beside the field', async () => {
    const result = await post('velsen', { code: 'met spatie' });
    expect((payloadOf(result) as { fieldErrors: Record<string, string> }).fieldErrors.code).toBe(
      'Een code bestaat uit hoofdletters, cijfers en streepjes, bijvoorbeeld LBV-DEELN.',
    );
  });
});

describe('steering from an indicator', () => {
  it('an action started from an indicator page is linked to it and listed there', async () => {
    const { action: newAction } = await import('../../app/routes/acties.nieuw');
    const { goals } = await import('../../db/schema');
    const goal = db.select().from(goals).where(eq(goals.code, '1.3.d-A')).all().at(-1)!;
    const result = await runAction(
      newAction,
      '/acties/nieuw?indicator=UIT-WERK',
      { title: 'Werkgeversaanpak bijsturen', goalId: String(goal.id), municipalityId: '', status: 'niet_gestart', progress: '0' },
      { cookie: cookies.velsen },
    );
    expect(statusOf(result)).toBe(302);
    const page = await runLoader(indicatorLoader, '/monitor/indicatoren/UIT-WERK', { params: { code: 'UIT-WERK' }, cookie: cookies.lezer });
    expect((payloadOf(page) as Awaited<ReturnType<typeof indicatorLoader>>).actions.map((a) => a.title)).toEqual([
      'Werkgeversaanpak bijsturen',
    ]);
  });
});

describe('comments on an indicator', () => {
  it('an adviser asks about the figures; the lezer is refused with nothing stored; the page shows the thread', async () => {
    const indicator = getIndicatorByCode('IN-BEREIK')!;
    const path = `/monitor/indicatoren/IN-BEREIK`;
    const fields = {
      intent: 'create',
      targetType: 'indicator',
      targetId: String(indicator.id),
      body: 'Waar komt de daling in Velsen in 2021 vandaan?',
      redirectTo: path,
    };
    const onIndicator = () => db.select().from(comments).where(eq(comments.targetType, 'indicator')).all();
    expect(statusOf(await runAction(commentAction, '/reacties', fields, { cookie: cookies.lezer }))).toBe(403);
    expect(onIndicator()).toEqual([]);
    expect(statusOf(await runAction(commentAction, '/reacties', { ...fields, targetId: '999999' }, { cookie: cookies.adviseur }))).toBe(
      404,
    );
    expect(statusOf(await runAction(commentAction, '/reacties', fields, { cookie: cookies.adviseur }))).toBe(302);
    expect(onIndicator().map((c) => c.body)).toEqual(['Waar komt de daling in Velsen in 2021 vandaan?']);
    const page = payloadOf(await runLoader(indicatorLoader, path, { params: { code: 'IN-BEREIK' }, cookie: cookies.haarlem }));
    expect(page.threads.map((thread: { body: string }) => thread.body)).toEqual(['Waar komt de daling in Velsen in 2021 vandaan?']);
  });
});

describe('steering: an indicator onto the agenda of the next werkgroep meeting', () => {
  const path = '/monitor/indicatoren/IN-BEREIK';
  const params = { code: 'IN-BEREIK' };
  const pointsOf = (meetingId: number) => db.select().from(agendaPoints).where(eq(agendaPoints.meetingId, meetingId)).all();

  it('puts the question on the agenda, linked to the indicator and a goal it measures; the indicator page lists it', async () => {
    // The very next werkgroep meeting (earlier than any other planned one).
    const soon = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const meeting = createMeeting({ title: 'Werkgroep bijsturen', kind: 'werkgroep', startsAt: soon, createdBy: null });
    const page = payloadOf(await runLoader(indicatorLoader, path, { params, cookie: cookies.haarlem }));
    expect(page.nextMeeting.id).toBe(meeting.id);
    const goal = page.goals[0] ?? null;

    // Bad input first: an empty question and a goal the indicator does not measure; nothing is added.
    const empty = await runAction(indicatorAction, path, { intent: 'bijsturen', vraag: '  ' }, { params, cookie: cookies.haarlem });
    expect(statusOf(empty)).toBe(400);
    expect(payloadOf(empty).fieldErrors.vraag).toBe('Schrijf wat de werkgroep moet bespreken of besluiten.');
    const otherGoal = await runAction(
      indicatorAction,
      path,
      { intent: 'bijsturen', vraag: 'Wat doen we?', doel: '999999' },
      { params, cookie: cookies.haarlem },
    );
    expect(statusOf(otherGoal)).toBe(400);
    expect(payloadOf(otherGoal).fieldErrors.doel).toBeTruthy();
    // Who may not steer: 403, nothing added.
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as const) {
      const refused = await runAction(
        indicatorAction,
        path,
        { intent: 'bijsturen', vraag: 'Wat doen we?' },
        { params, cookie: cookies[who] },
      );
      expect(statusOf(refused)).toBe(403);
    }
    expect(pointsOf(meeting.id).filter((p) => p.title === 'Wat doen we?')).toEqual([]);

    const question = 'Bereik in Velsen blijft achter bij de streefwaarde: wat doen we?';
    const done = await runAction(
      indicatorAction,
      path,
      { intent: 'bijsturen', vraag: question, doel: goal ? String(goal.id) : '' },
      { params, cookie: cookies.haarlem },
    );
    expect(statusOf(done)).toBe(302);
    const point = pointsOf(meeting.id).find((p) => p.title === question)!;
    expect(point.goalId).toBe(goal ? goal.id : null);
    const after = payloadOf(await runLoader(indicatorLoader, path, { params, cookie: cookies.lezer }));
    expect(after.steeringPoints).toEqual([expect.objectContaining({ id: point.id, title: question, meetingId: meeting.id })]);
  });
});

describe('correcting an indicator of the catalogue', () => {
  const path = '/monitor/indicatoren/TH-CERT/bewerken';
  const params = { code: 'TH-CERT' };
  const row = () => db.select().from(monitorIndicators).where(eq(monitorIndicators.code, 'TH-CERT')).get()!;
  const fields = {
    name: 'Gecertificeerde Taalhuizen (Keurmerk)',
    level: 'output',
    monitor: 'regional',
    countedPer: 'person',
    source: 'Stichting Lezen en Schrijven',
    definition: 'Taalhuizen met het keurmerk van Stichting Lezen en Schrijven op 31 december.',
  };

  it.each(['zandvoort', 'adviseur', 'lezer'] as const)('refuses %s the form and the post (403), changing nothing', async (who) => {
    const before = row();
    expect(statusOf(await runLoader(editIndicatorLoader, path, { params, cookie: cookies[who] }))).toBe(403);
    expect(statusOf(await runAction(editIndicatorAction, path, fields, { params, cookie: cookies[who] }))).toBe(403);
    expect(row()).toEqual(before);
  });

  it('lets the werkgroep correct the name, definition and activity, never the code or unit; with history', async () => {
    const before = row();
    const empty = await runAction(editIndicatorAction, path, { ...fields, name: ' ' }, { params, cookie: cookies.haarlem });
    expect(statusOf(empty)).toBe(400);
    expect(payloadOf(empty).fieldErrors.name).toBeTruthy();
    expect(row()).toEqual(before);

    const saved = (await runAction(
      editIndicatorAction,
      path,
      { ...fields, code: 'ANDERS', unit: 'euro' },
      { params, cookie: cookies.haarlem },
    )) as Response;
    expect(saved.status).toBe(302);
    const after = row();
    expect(after).toMatchObject({ code: 'TH-CERT', unit: before.unit, name: fields.name, definition: fields.definition, active: false });
    const change = db
      .select()
      .from(history)
      .where(and(eq(history.entityType, 'indicator'), eq(history.entityId, after.id)))
      .all()
      .at(-1)!;
    expect(change.change).toBe('update');
    // Inactive: off the monitor page, still in the catalogue.
    const shown = payloadOf(await runLoader(monitorLoader, '/monitor?indicator=TH-CERT', { cookie: cookies.lezer })).view;
    expect(shown.indicators).toEqual([]);
    const catalogue = payloadOf(await runLoader(catalogueLoader, '/monitor/indicatoren', { cookie: cookies.lezer }));
    expect(catalogue.indicators.map((i: { code: string }) => i.code)).toContain('TH-CERT');
  });
});
