import { asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { createMeeting } from '../../app/models/meetings/meeting.server';
import { action as meetingAction, loader as meetingLoader } from '../../app/routes/overleggen.$meetingId._index';
import { loader as choiceLoader } from '../../app/routes/overleggen.$meetingId.actiekeuze';
import { action as pointAction, loader as pointLoader } from '../../app/routes/overleggen.$meetingId.agendapunten.$pointId';
import { db } from '../../app/utils/db.server';
import { actions, agendaPoints, agendas, goals } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

// An agenda point names its action in a text field (decision 035): the actions of the
// meeting's period, by code, "#number" or exact title; suggestions come from a resource
// route with the page's rights. The demo with two periods: 2020–2024 closed, 2025–2028 current.
const cookies = {} as Record<Who, string>;
let oldPeriod: number;
let currentPeriod: number;
/** A meeting in 2023 (works under 2020–2024) and one in 2026 (under 2025–2028). */
let meeting2023: number;
let meeting2026: number;

const periodId = (slug: string) => db.select({ id: agendas.id }).from(agendas).where(eq(agendas.slug, slug)).get()!.id;
const actionsOf = (agendaId: number) => db.select().from(actions).where(eq(actions.agendaId, agendaId)).orderBy(asc(actions.id)).all();
const pointsOf = (meetingId: number) =>
  db.select().from(agendaPoints).where(eq(agendaPoints.meetingId, meetingId)).orderBy(asc(agendaPoints.id)).all();

function addPoint(meetingId: number, actionChoice: string, who: Who = 'haarlem', title = 'Punt') {
  return runAction(
    meetingAction,
    `/overleggen/${meetingId}`,
    { intent: 'addPoint', title, duration: '', presenter: '', goalId: '', actionChoice },
    { params: { meetingId: String(meetingId) }, cookie: cookies[who] },
  );
}

async function suggestions(meetingId: number | string, q: string, who: Who = 'haarlem') {
  const result = await runLoader(choiceLoader, `/overleggen/${meetingId}/actiekeuze?q=${encodeURIComponent(q)}`, {
    params: { meetingId: String(meetingId) },
    cookie: cookies[who],
  });
  return {
    status: statusOf(result),
    body: result instanceof Response && result.ok ? ((await result.json()) as { actions: string[] }) : null,
  };
}

beforeAll(async () => {
  await prepareDatabase({ periods: true });
  for (const who of Object.keys(ACCOUNTS) as Who[]) cookies[who] = await sessionFor(ACCOUNTS[who]);
  oldPeriod = periodId('2020-2024');
  currentPeriod = periodId('2025-2028');
  meeting2023 = createMeeting({ title: 'Werkgroep 2023', kind: 'werkgroep', startsAt: '2023-05-01T08:00:00.000Z', createdBy: null }).id;
  meeting2026 = createMeeting({ title: 'Werkgroep 2026', kind: 'werkgroep', startsAt: '2026-05-01T08:00:00.000Z', createdBy: null }).id;
});

describe("an agenda point's action, typed", () => {
  it('links the action of the meeting’s period named by its code, label, number or exact title; empty is none', async () => {
    const [first, second] = actionsOf(currentPeriod).filter((a) => a.code !== null);
    // A title that only the second action has, so the title alone names it.
    db.update(actions).set({ title: 'Een titel die maar één actie heeft' }).where(eq(actions.id, second.id)).run();
    const named: [string, number | null][] = [
      [first.code!.toLowerCase(), first.id],
      [`${first.code} — ${first.title}`, first.id],
      [`#${second.id}`, second.id],
      ['  EEN TITEL DIE MAAR één ACTIE HEEFT  ', second.id],
      ['', null],
    ];
    for (const [text, expected] of named) {
      const before = pointsOf(meeting2026).length;
      expect(statusOf(await addPoint(meeting2026, text))).toBe(302);
      const points = pointsOf(meeting2026);
      expect(points).toHaveLength(before + 1);
      expect(points.at(-1)!.actionId).toBe(expected);
    }
  });

  it('refuses an unknown code, a title of several actions and an action of another period, in Dutch, and saves nothing', async () => {
    const old = actionsOf(oldPeriod).find((a) => a.code !== null && a.periodOutcome !== 'meegenomen')!;
    const twins = actionsOf(currentPeriod).slice(-2);
    for (const twin of twins) db.update(actions).set({ title: 'Tweemaal dezelfde titel' }).where(eq(actions.id, twin.id)).run();
    const before = pointsOf(meeting2026);
    const cases: [string, RegExp][] = [
      ['Z-999', /Er is geen actie van 2025–2028 met de code of titel "Z-999"/],
      [`#${old.id}`, /geen actie van 2025–2028/],
      [`#${old.id} — ${old.title}`, /geen actie van 2025–2028/],
      ['tweemaal dezelfde titel', /Meer dan één actie van 2025–2028 heeft deze titel/],
      ['#99999999', /geen actie van 2025–2028/],
    ];
    for (const [text, message] of cases) {
      const result = await addPoint(meeting2026, text);
      expect(statusOf(result)).toBe(400);
      expect(payloadOf(result).fieldErrors.actionChoice).toMatch(message);
      // What was typed stays in the field.
      expect(payloadOf(result).values.actionChoice).toBe(text);
    }
    expect(pointsOf(meeting2026)).toEqual(before);
  });

  it('takes a 2023 meeting’s actions from 2020–2024', async () => {
    const old = actionsOf(oldPeriod).find((a) => a.code !== null)!;
    expect(statusOf(await addPoint(meeting2023, old.code!))).toBe(302);
    expect(pointsOf(meeting2023).at(-1)!.actionId).toBe(old.id);
    const current = actionsOf(currentPeriod).find((a) => a.code !== null && a.code !== old.code)!;
    expect(statusOf(await addPoint(meeting2023, `#${current.id}`))).toBe(400);
  });

  it('refuses a goal of another period beside the goal field', async () => {
    const oldGoal = db.select({ id: goals.id }).from(goals).where(eq(goals.agendaId, oldPeriod)).get()!;
    const before = pointsOf(meeting2026);
    const result = await runAction(
      meetingAction,
      `/overleggen/${meeting2026}`,
      { intent: 'addPoint', title: 'Oud doel', goalId: String(oldGoal.id), actionChoice: '' },
      { params: { meetingId: String(meeting2026) }, cookie: cookies.haarlem },
    );
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.goalId).toBe('Kies een doel van 2025–2028 uit de lijst, of geen.');
    expect(pointsOf(meeting2026)).toEqual(before);
  });

  it('refuses those who may not edit the agenda (403), whatever they type', async () => {
    const before = pointsOf(meeting2026);
    const code = actionsOf(currentPeriod)[0].code!;
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as Who[]) expect(statusOf(await addPoint(meeting2026, code, who))).toBe(403);
    expect(pointsOf(meeting2026)).toEqual(before);
  });
});

describe('the edit page of a point', () => {
  it('shows the linked action in the field and keeps it, even of another period, while the field still names it', async () => {
    const old = actionsOf(oldPeriod).find((a) => a.code !== null)!;
    // A link made before this rule: a 2026 meeting's point about a 2020–2024 action.
    const [point] = db
      .insert(agendaPoints)
      .values({ meetingId: meeting2026, title: 'Oude koppeling', position: 99, actionId: old.id })
      .returning()
      .all();
    const params = { meetingId: String(meeting2026), pointId: String(point.id) };
    const path = `/overleggen/${meeting2026}/agendapunten/${point.id}`;
    const page = payloadOf(await runLoader(pointLoader, path, { params, cookie: cookies.velsen }));
    expect(page.values.actionChoice).toBe(`${old.code} — ${old.title}`);

    const save = (actionChoice: string) =>
      runAction(
        pointAction,
        path,
        { title: 'Oude koppeling', duration: '', presenter: '', goalId: '', actionChoice },
        { params, cookie: cookies.velsen },
      );
    expect(statusOf(await save(page.values.actionChoice))).toBe(302);
    expect(pointsOf(meeting2026).find((p) => p.id === point.id)!.actionId).toBe(old.id);

    // Another action of the old period is refused; the point keeps its link.
    const other = actionsOf(oldPeriod).find((a) => a.code !== null && a.id !== old.id)!;
    const refused = await save(other.code!);
    expect(statusOf(refused)).toBe(400);
    expect(payloadOf(refused).fieldErrors.actionChoice).toMatch(/geen actie van 2025–2028/);
    expect(payloadOf(refused).values.actionChoice).toBe(other.code);
    expect(pointsOf(meeting2026).find((p) => p.id === point.id)!.actionId).toBe(old.id);

    expect(statusOf(await save(''))).toBe(302);
    expect(pointsOf(meeting2026).find((p) => p.id === point.id)!.actionId).toBeNull();
  });
});

describe('the suggestions', () => {
  it('gives at most 20 actions of the meeting’s period whose code or title holds the text', async () => {
    const { status, body } = await suggestions(meeting2026, 'we');
    expect(status).toBe(200);
    expect(body!.actions.length).toBeGreaterThan(0);
    expect(body!.actions.length).toBeLessThanOrEqual(20);
    const labels = new Set(actionsOf(currentPeriod).map((a) => `${a.code ?? `#${a.id}`} — ${a.title}`));
    for (const label of body!.actions) expect(labels.has(label)).toBe(true);

    const code = actionsOf(currentPeriod).find((a) => a.code !== null)!.code!;
    expect((await suggestions(meeting2026, code)).body!.actions[0]).toMatch(new RegExp(`^${code.replace(/[.]/g, '\\.')} — `));
    // The same code in 2020–2024 is not offered for a 2026 meeting, and a 2023 meeting gets the old one.
    const oldAction = actionsOf(oldPeriod).find((a) => a.code === code);
    if (oldAction) expect((await suggestions(meeting2023, code)).body!.actions[0]).toBe(`${code} — ${oldAction.title}`);
    expect((await suggestions(meeting2026, '')).body!.actions).toEqual([]);
    expect((await suggestions(meeting2026, '%_\\')).body!.actions).toEqual([]);
  });

  it('refuses those who may not edit the agenda (403), and an unknown meeting is a 404', async () => {
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as Who[]) expect((await suggestions(meeting2026, 'we', who)).status).toBe(403);
    expect((await suggestions(99999999, 'we')).status).toBe(404);
    expect((await suggestions('abc', 'we')).status).toBe(404);
  });
});

describe('the meeting page', () => {
  it('lists a period of few actions in the field, and none of a period of many', async () => {
    const page = async () =>
      payloadOf(
        await runLoader(meetingLoader, `/overleggen/${meeting2026}`, {
          params: { meetingId: String(meeting2026) },
          cookie: cookies.haarlem,
        }),
      );
    const few = db.select({ n: count() }).from(actions).where(eq(actions.agendaId, currentPeriod)).get()!.n;
    expect(few).toBeLessThanOrEqual(60);
    const before = (await page()).choices;
    expect(before.action.period).toBe('2025–2028');
    expect(before.action.shortList).toHaveLength(few);
    // Goals of the meeting's period only: 2020–2024's goals share their codes and would be listed twice.
    const currentGoals = db.select({ id: goals.id }).from(goals).where(eq(goals.agendaId, currentPeriod)).all();
    expect(before.goals.map((g: { id: number }) => g.id).sort()).toEqual(currentGoals.map((g) => g.id).sort());

    const goalId = currentGoals[0].id;
    for (let i = 0; i < 61 - few; i++) {
      db.insert(actions)
        .values({ goalId, agendaId: currentPeriod, code: `T-${i}`, title: `Extra actie ${i}`, position: 1000 + i })
        .run();
    }
    const after = (await page()).choices;
    expect(after.action.shortList).toBeNull();
  });

  it('gives readers no field and no list', async () => {
    const data = payloadOf(
      await runLoader(meetingLoader, `/overleggen/${meeting2026}`, { params: { meetingId: String(meeting2026) }, cookie: cookies.lezer }),
    );
    expect(data.choices).toBeNull();
  });
});
