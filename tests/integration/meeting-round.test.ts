/**
 * Issue 11, the meetings on the server: where new agenda points go, moves and durations
 * (editors only: 403 and nothing changed for everybody else), minutes in agenda order,
 * nothing adopted or decided before the meeting has begun, and a decision that moves its
 * action on from "besluit nodig" only for who may change that action.
 */
import { and, asc, count, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { agendaTime, insertionIndex, moveTo } from '../../app/models/meetings/agenda-order';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { orderByAgenda } from '../../app/models/meetings/minutes-content';
import { action as meetingAction } from '../../app/routes/overleggen.$meetingId._index';
import { action as decisionAction } from '../../app/routes/overleggen.$meetingId.besluit';
import { action as minutesAction } from '../../app/routes/overleggen.$meetingId_.verslag';
import { db } from '../../app/utils/db.server';
import { actions, agendaPoints, decisions, minutesVersions, users } from '../../db/schema';
import type { Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId, signInDemoAccounts } from '../setup/demo-users';
import { runAction, statusOf } from '../setup/requests';
import { addAgendaPoint } from './fixtures/meetings';

let cookies: Record<Who, string>;
beforeAll(async () => {
  await prepareDatabase();
  ({ cookies } = await signInDemoAccounts());
});

const READERS: Who[] = ['zandvoort', 'adviseur', 'lezer'];

function meetingWith(titles: string[], startsAt = '2031-05-01T08:00:00.000Z') {
  const { id } = createMeeting({ title: 'Werkgroep ronde', kind: 'werkgroep', startsAt, createdBy: null });
  const pointIds = titles.map((title, i) => addAgendaPoint(id, title, i + 1));
  return { id, pointIds };
}

const order = (meetingId: number) =>
  db
    .select({ title: agendaPoints.title, duration: agendaPoints.durationMinutes })
    .from(agendaPoints)
    .where(eq(agendaPoints.meetingId, meetingId))
    .orderBy(asc(agendaPoints.position), asc(agendaPoints.id))
    .all();

describe('agenda order rules', () => {
  it('puts new points before the closing point and the minutes after the opening', () => {
    const titles = ['Opening en mededelingen', 'Bereik', 'Rondvraag en sluiting'];
    expect(insertionIndex(titles)).toBe(2);
    expect(insertionIndex(titles, 'minutes')).toBe(1);
    expect(insertionIndex(['Bereik'])).toBe(1);
    expect(insertionIndex(['Rondvraag', 'Sluiting'])).toBe(0);
    expect(moveTo([1, 2, 3, 4], 4, 0)).toEqual([4, 1, 2, 3]);
    expect(moveTo([1, 2, 3], 1, 9)).toEqual([2, 3, 1]);
    expect(agendaTime([{ durationMinutes: 60 }, { durationMinutes: null }, { durationMinutes: 75 }], 120)).toEqual({
      planned: 135,
      over: 15,
    });
  });

  it('reads the notes in agenda order, keeping what stands before the first agenda heading and the text of removed points', () => {
    const heading = (id: number | null, text: string) => ({
      type: 'heading',
      attrs: { level: 2, ...(id ? { agendaPointId: id } : {}) },
      content: [{ type: 'text', text }],
    });
    const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const notes = {
      type: 'doc',
      content: [p('Vooraf'), heading(1, 'A'), p('a'), heading(2, 'B'), p('b'), heading(9, 'Weg'), p('weg'), heading(3, 'C')],
    };
    const texts = orderByAgenda(notes, [3, 2, 1]).content!.map((n) => n.content?.[0]?.text);
    expect(texts).toEqual(['Vooraf', 'C', 'B', 'b', 'Weg', 'weg', 'A', 'a']);
  });
});

describe('the agenda planner on the meeting page', () => {
  it('moves a point in place and sets durations for editors, answered as data', async () => {
    const { id, pointIds } = meetingWith(['Opening', 'Bereik', 'Rondvraag en sluiting']);
    const params = { meetingId: String(id) };
    const moved = await runAction(
      meetingAction,
      `/overleggen/${id}`,
      { intent: 'placePoint', pointId: String(pointIds[2]), index: '0', inPlace: '1' },
      { params, cookie: cookies.haarlem },
    );
    expect(statusOf(moved)).toBe(200);
    expect(order(id).map((p) => p.title)).toEqual(['Rondvraag en sluiting', 'Opening', 'Bereik']);
    await runAction(
      meetingAction,
      `/overleggen/${id}`,
      { intent: 'pointDuration', pointId: String(pointIds[1]), duration: '25', inPlace: '1' },
      { params, cookie: cookies.velsen },
    );
    expect(order(id).find((p) => p.title === 'Bereik')!.duration).toBe(25);
    const bad = await runAction(
      meetingAction,
      `/overleggen/${id}`,
      { intent: 'pointDuration', pointId: String(pointIds[1]), duration: '-5', inPlace: '1' },
      { params, cookie: cookies.velsen },
    );
    expect(statusOf(bad)).toBe(400);
    expect(JSON.stringify(bad)).toContain('Vul een duur in van 1 tot en met 480 minuten');
    expect(order(id).find((p) => p.title === 'Bereik')!.duration).toBe(25);
  });

  it('refuses gemeente, adviseur and lezer with a 403 and changes nothing', async () => {
    const { id, pointIds } = meetingWith(['Opening', 'Bereik']);
    const params = { meetingId: String(id) };
    const before = order(id);
    for (const who of READERS) {
      for (const form of <Record<string, string>[]>[
        { intent: 'placePoint', pointId: String(pointIds[1]), index: '0', inPlace: '1' },
        { intent: 'pointDuration', pointId: String(pointIds[1]), duration: '30', inPlace: '1' },
      ]) {
        expect(statusOf(await runAction(meetingAction, `/overleggen/${id}`, form, { params, cookie: cookies[who] }))).toBe(403);
      }
    }
    expect(order(id)).toEqual(before);
  });
});

describe('before and after the meeting has begun', () => {
  it('refuses to adopt minutes or record a decision before the meeting, with a Dutch message, and stores nothing', async () => {
    const { id } = meetingWith(['Opening'], '2031-05-01T08:00:00.000Z');
    const params = { meetingId: String(id) };
    const publish = await runAction(
      minutesAction,
      `/overleggen/${id}/verslag`,
      { intent: 'publish', confirm: 'ja' },
      { params, cookie: cookies.haarlem },
    );
    expect(statusOf(publish)).toBe(400);
    expect(JSON.stringify(publish)).toContain('Een verslag kan pas worden vastgesteld als het overleg is begonnen.');
    const decision = await runAction(
      decisionAction,
      `/overleggen/${id}/besluit`,
      { text: 'Te vroeg' },
      { params, cookie: cookies.haarlem },
    );
    expect(statusOf(decision)).toBe(400);
    expect(await (decision as Response).text()).toContain('Besluiten kunnen pas worden vastgelegd');
    expect(db.select({ n: count() }).from(minutesVersions).where(eq(minutesVersions.meetingId, id)).get()!.n).toBe(0);
    expect(db.select({ n: count() }).from(decisions).where(eq(decisions.meetingId, id)).get()!.n).toBe(0);
  });

  it('moves an action on from "besluit nodig" with the decision, only for who may change that action (403 and nothing stored otherwise)', async () => {
    const { id } = meetingWith(['Opening'], '2024-05-01T08:00:00.000Z');
    const params = { meetingId: String(id) };
    const haarlem = db
      .select()
      .from(users)
      .where(eq(users.id, demoUserId('haarlem')))
      .get()!;
    const local = db
      .select()
      .from(actions)
      .where(and(isNotNull(actions.municipalityId), ne(actions.municipalityId, haarlem.organisationId)))
      .get()!;
    const regional = db
      .select()
      .from(actions)
      .where(and(isNull(actions.municipalityId), eq(actions.status, 'loopt')))
      .get()!;
    db.update(actions).set({ status: 'besluit_nodig' }).where(eq(actions.id, local.id)).run();
    db.update(actions).set({ status: 'besluit_nodig' }).where(eq(actions.id, regional.id)).run();

    // The adviseur records no decisions; a werkgroeplid changes no other municipality's local action.
    expect(
      statusOf(
        await runAction(
          decisionAction,
          `/overleggen/${id}/besluit`,
          { text: 'Nee', actionId: String(regional.id), actionStatus: 'loopt' },
          { params, cookie: cookies.adviseur },
        ),
      ),
    ).toBe(403);
    const notHers = await runAction(
      decisionAction,
      `/overleggen/${id}/besluit`,
      { text: 'Lokaal besluit', actionId: String(local.id), actionStatus: 'loopt' },
      { params, cookie: cookies.haarlem },
    );
    expect(statusOf(notHers)).toBe(403);
    expect(db.select().from(actions).where(eq(actions.id, local.id)).get()!.status).toBe('besluit_nodig');
    expect(db.select({ n: count() }).from(decisions).where(eq(decisions.text, 'Lokaal besluit')).get()!.n).toBe(0);

    const yes = await runAction(
      decisionAction,
      `/overleggen/${id}/besluit`,
      { text: 'Doorgaan', actionId: String(regional.id), actionStatus: 'loopt' },
      { params, cookie: cookies.velsen },
    );
    expect(statusOf(yes)).toBe(201);
    expect(db.select().from(actions).where(eq(actions.id, regional.id)).get()!.status).toBe('loopt');
    // Once moved on, it no longer waits for a decision: asked again, nothing is stored.
    const again = await runAction(
      decisionAction,
      `/overleggen/${id}/besluit`,
      { text: 'Nogmaals', actionId: String(regional.id), actionStatus: 'afgerond' },
      { params, cookie: cookies.velsen },
    );
    expect(statusOf(again)).toBe(400);
    expect(db.select({ n: count() }).from(decisions).where(eq(decisions.text, 'Nogmaals')).get()!.n).toBe(0);
  });
});
