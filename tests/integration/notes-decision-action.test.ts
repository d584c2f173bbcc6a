/**
 * The action of a decision in the notes, typed instead of chosen from a menu of every
 * action (decision 037): the decision route resolves it within the meeting's period and
 * answers beside the field when it cannot; the suggestions tell the dialog whether to offer
 * the status change; the notes page no longer sends the workspace's actions.
 * The demo with two periods: 2020–2024 closed, 2025–2028 current.
 */
import { and, asc, count, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { createMeeting } from '../../app/models/meetings/meeting.server';
import { loader as choiceLoader } from '../../app/routes/overleggen.$meetingId.actiekeuze';
import { action as decisionAction } from '../../app/routes/overleggen.$meetingId.besluit';
import { loader as notesLoader } from '../../app/routes/overleggen.$meetingId.notities';
import { db } from '../../app/utils/db.server';
import { actions, agendas, decisions, organisations, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

const cookies = {} as Record<Who, string>;
let oldPeriod: number;
let currentPeriod: number;
/** Meetings that have begun: one in 2023 (works under 2020–2024), one in 2026 (under 2025–2028). */
let meeting2023: number;
let meeting2026: number;

const periodId = (slug: string) => db.select({ id: agendas.id }).from(agendas).where(eq(agendas.slug, slug)).get()!.id;
const actionsOf = (agendaId: number) => db.select().from(actions).where(eq(actions.agendaId, agendaId)).orderBy(asc(actions.id)).all();
const statusOfAction = (id: number) => db.select({ status: actions.status }).from(actions).where(eq(actions.id, id)).get()!.status;
const decisionsOf = (meetingId: number) => db.select().from(decisions).where(eq(decisions.meetingId, meetingId)).all();

function postDecision(meetingId: number, fields: Record<string, string>, who: Who = 'haarlem') {
  return runAction(decisionAction, `/overleggen/${meetingId}/besluit`, fields, {
    params: { meetingId: String(meetingId) },
    cookie: cookies[who],
  });
}

async function named(meetingId: number, q: string, who: Who = 'haarlem') {
  const result = await runLoader(choiceLoader, `/overleggen/${meetingId}/actiekeuze?q=${encodeURIComponent(q)}&status=1`, {
    params: { meetingId: String(meetingId) },
    cookie: cookies[who],
  });
  return { status: statusOf(result), body: result instanceof Response && result.ok ? await result.json() : null };
}

/** A regional action and a local action of a municipality other than Haarlem's, in 2025–2028, both waiting for a decision. */
function waitingActions() {
  const haarlemOrganisation = db.select({ id: users.organisationId }).from(users).where(eq(users.email, ACCOUNTS.haarlem)).get()!.id;
  const inCurrent = eq(actions.agendaId, currentPeriod);
  const regional = db
    .select()
    .from(actions)
    .where(and(inCurrent, isNull(actions.municipalityId), isNotNull(actions.code)))
    .get()!;
  const local = db
    .select()
    .from(actions)
    .innerJoin(organisations, eq(organisations.id, actions.municipalityId))
    .where(and(inCurrent, isNotNull(actions.code), ne(actions.municipalityId, haarlemOrganisation!)))
    .get()!.actions;
  for (const action of [regional, local]) db.update(actions).set({ status: 'besluit_nodig' }).where(eq(actions.id, action.id)).run();
  return { regional, local };
}

beforeAll(async () => {
  await prepareDatabase({ periods: true });
  for (const who of Object.keys(ACCOUNTS) as Who[]) cookies[who] = await sessionFor(ACCOUNTS[who]);
  oldPeriod = periodId('2020-2024');
  currentPeriod = periodId('2025-2028');
  meeting2023 = createMeeting({ title: 'Werkgroep 2023', kind: 'werkgroep', startsAt: '2023-05-01T08:00:00.000Z', createdBy: null }).id;
  meeting2026 = createMeeting({ title: 'Werkgroep 2026', kind: 'werkgroep', startsAt: '2026-05-01T08:00:00.000Z', createdBy: null }).id;
});

describe("a decision's action, typed", () => {
  it('links the action of the meeting’s period named by its code, label, number or exact title; empty is none', async () => {
    const [first, second] = actionsOf(currentPeriod).filter((a) => a.code !== null);
    db.update(actions).set({ title: 'Een besluit over maar één actie' }).where(eq(actions.id, second.id)).run();
    const cases: [string, number | null][] = [
      [first.code!.toLowerCase(), first.id],
      [`${first.code} — ${first.title}`, first.id],
      [`#${second.id}`, second.id],
      ['een besluit over MAAR één actie', second.id],
      ['', null],
    ];
    for (const [actionChoice, expected] of cases) {
      const result = await postDecision(meeting2026, { text: `Besluit over ${actionChoice}`, actionChoice });
      expect(statusOf(result), actionChoice).toBe(201);
      const { decisionId } = await (result as Response).json();
      expect(db.select().from(decisions).where(eq(decisions.id, decisionId)).get()!.actionId).toBe(expected);
    }
    // A 2023 meeting's decision links 2020–2024's actions.
    const old = actionsOf(oldPeriod).find((a) => a.code !== null)!;
    const result = await postDecision(meeting2023, { text: 'Een besluit van 2023', actionChoice: old.code! });
    expect(statusOf(result)).toBe(201);
    expect(decisionsOf(meeting2023).at(-1)!.actionId).toBe(old.id);
  });

  it('refuses an unknown code, a title of several actions and an action of another period beside the field, storing nothing', async () => {
    const old = actionsOf(oldPeriod).find((a) => a.code !== null && a.periodOutcome !== 'meegenomen')!;
    db.update(actions).set({ status: 'besluit_nodig' }).where(eq(actions.id, old.id)).run();
    for (const twin of actionsOf(currentPeriod).slice(-2)) {
      db.update(actions).set({ title: 'Twee acties, één titel' }).where(eq(actions.id, twin.id)).run();
    }
    const before = decisionsOf(meeting2026).length;
    const cases: [string, RegExp][] = [
      ['Z-999', /^Er is geen actie van 2025–2028 met de code of titel "Z-999"/],
      [`#${old.id}`, /geen actie van 2025–2028/],
      [`${old.code} — ${old.title}`, /geen actie van 2025–2028/],
      ['twee acties, één titel', /^Meer dan één actie van 2025–2028 heeft deze titel/],
    ];
    for (const [actionChoice, message] of cases) {
      const result = await postDecision(meeting2026, { text: 'Mag niet', actionChoice, actionStatus: 'loopt' });
      expect(statusOf(result), actionChoice).toBe(400);
      const { fieldErrors } = await (result as Response).json();
      expect(fieldErrors.actionChoice, actionChoice).toMatch(message);
      // Only the action's message: the status is not judged while the action is not known.
      expect(Object.keys(fieldErrors)).toEqual(['actionChoice']);
    }
    expect(decisionsOf(meeting2026)).toHaveLength(before);
    expect(statusOfAction(old.id)).toBe('besluit_nodig');
  });

  it('moves the typed action on from "besluit nodig" only for who may change it (403 otherwise, nothing stored)', async () => {
    const { regional, local } = waitingActions();
    const before = decisionsOf(meeting2026).length;
    expect(statusOf(await postDecision(meeting2026, { text: 'Niet van Haarlem', actionChoice: local.code!, actionStatus: 'loopt' }))).toBe(
      403,
    );
    expect(statusOfAction(local.id)).toBe('besluit_nodig');
    expect(decisionsOf(meeting2026)).toHaveLength(before);

    const result = await postDecision(meeting2026, { text: 'Het gaat door', actionChoice: regional.code!, actionStatus: 'loopt' });
    expect(statusOf(result)).toBe(201);
    expect(statusOfAction(regional.id)).toBe('loopt');
    expect(decisionsOf(meeting2026).at(-1)).toMatchObject({ text: 'Het gaat door', actionId: regional.id });
  });
});

describe('what the field learns of the action it names', () => {
  it('tells its status and whether this person may change it; null when the text names none', async () => {
    const { regional, local } = waitingActions();
    const mine = await named(meeting2026, regional.code!);
    expect(mine.body.named).toEqual({ label: `${regional.code} — ${regional.title}`, status: 'besluit_nodig', mayChangeStatus: true });
    expect(mine.body.actions[0]).toBe(`${regional.code} — ${regional.title}`);
    expect((await named(meeting2026, local.code!)).body.named).toMatchObject({ status: 'besluit_nodig', mayChangeStatus: false });
    // The beheerder may change every action.
    expect((await named(meeting2026, local.code!, 'beheerder')).body.named).toMatchObject({ mayChangeStatus: true });
    expect((await named(meeting2026, 'Z-999')).body.named).toBeNull();
    expect((await named(meeting2026, '')).body.named).toBeNull();
    // An action of another period is not named, as the decision route would refuse it.
    const old = actionsOf(oldPeriod).find((a) => a.code !== null && a.periodOutcome !== 'meegenomen')!;
    expect((await named(meeting2026, `#${old.id}`)).body.named).toBeNull();
  });

  it('answers only those who may record decisions (403 otherwise)', async () => {
    const { regional } = waitingActions();
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as Who[]) {
      expect((await named(meeting2026, regional.code!, who)).status, who).toBe(403);
    }
  });
});

describe('the notes page', () => {
  const page = async (who: Who) =>
    payloadOf(
      await runLoader(notesLoader, `/overleggen/${meeting2026}/notities`, {
        params: { meetingId: String(meeting2026) },
        cookie: cookies[who],
      }),
    );

  it('gives the decision dialog the meeting’s period’s field, not every action of the workspace', async () => {
    const data = await page('velsen');
    expect(data).not.toHaveProperty('actionOptions');
    const inPeriod = db.select({ n: count() }).from(actions).where(eq(actions.agendaId, currentPeriod)).get()!.n;
    expect(data.actionField.period).toBe('2025–2028');
    if (inPeriod <= 60) {
      const labels = new Set(actionsOf(currentPeriod).map((a) => `${a.code ?? `#${a.id}`} — ${a.title}`));
      expect(data.actionField.shortList).toHaveLength(inPeriod);
      for (const label of data.actionField.shortList) expect(labels.has(label)).toBe(true);
    } else {
      expect(data.actionField.shortList).toBeNull();
    }
  });

  it('gives those who only read no field', async () => {
    expect((await page('lezer')).actionField).toBeNull();
  });
});
