/**
 * Decisions from the notes: who may record one, field errors, and where they are listed —
 * the decisions log (/besluiten, with a goal filter), the goal page and the action page.
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { loader as actionLoader } from '../../app/routes/acties.$actionId';
import { loader as decisionsLogLoader } from '../../app/routes/besluiten';
import { loader as goalLoader } from '../../app/routes/doelen.$goalId';
import { action as decisionAction, loader as meetingDecisionsLoader } from '../../app/routes/overleggen.$meetingId.besluit';
import { db } from '../../app/utils/db.server';
import { actions, decisions, goals } from '../../db/schema';
import type { Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, statusOf } from '../setup/requests';
import { seedMeeting } from './fixtures/meetings';

let cookies: Record<Who, string>;
let goalA: { id: number; code: string };
let goalB: { id: number; code: string };
let actionOfB: { id: number; title: string };

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies } = await signInDemoAccounts());
  goalA = db.select({ id: goals.id, code: goals.code }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!;
  goalB = db.select({ id: goals.id, code: goals.code }).from(goals).where(eq(goals.code, '1.3.d-A')).get()!;
  actionOfB = db.select({ id: actions.id, title: actions.title }).from(actions).where(eq(actions.goalId, goalB.id)).get()!;
});

function postDecision(meetingId: number, who: Who, fields: Record<string, string>) {
  return runAction(decisionAction, `/overleggen/${meetingId}/besluit`, fields, {
    params: { meetingId: String(meetingId) },
    cookie: cookies[who],
  });
}

function decisionCount() {
  return db.select({ n: count() }).from(decisions).get()!.n;
}

describe('recording a decision', () => {
  it('stores the text with the meeting as source and the linked goal or action', async () => {
    const meeting = seedMeeting();
    const result = await postDecision(meeting.id, 'velsen', {
      text: 'De 0-meting wordt in 2025 herhaald.',
      goalId: String(goalA.id),
      actionId: '',
    });
    expect(statusOf(result)).toBe(201);
    const { decisionId, decision } = await (result as Response).json();
    expect(db.select().from(decisions).where(eq(decisions.id, decisionId)).get()).toMatchObject({
      meetingId: meeting.id,
      text: 'De 0-meting wordt in 2025 herhaald.',
      goalId: goalA.id,
      actionId: null,
    });
    expect(decision).toMatchObject({ id: decisionId, goalCode: goalA.code });
  });

  it('refuses gemeente, adviseur and lezer (403) and stores nothing', async () => {
    const meeting = seedMeeting();
    const before = decisionCount();
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as const) {
      expect(statusOf(await postDecision(meeting.id, who, { text: 'Mag niet' })), who).toBe(403);
    }
    expect(decisionCount()).toBe(before);
  });

  it('answers an empty text or unknown links with messages per field and stores nothing', async () => {
    const meeting = seedMeeting();
    const before = decisionCount();
    const empty = await postDecision(meeting.id, 'haarlem', { text: ' ', goalId: 'x' });
    expect(statusOf(empty)).toBe(400);
    const { fieldErrors } = await (empty as Response).json();
    expect(fieldErrors.text).toBe('Schrijf het besluit op.');
    expect(fieldErrors.goalId).toBeDefined();
    const unknown = await postDecision(meeting.id, 'haarlem', { text: 'Besluit', goalId: '999999', actionChoice: '#999999' });
    expect(Object.keys((await (unknown as Response).json()).fieldErrors).sort()).toEqual(['actionChoice', 'goalId']);
    expect(decisionCount()).toBe(before);
  });
});

describe('where decisions are listed', () => {
  it('on the log (newest meeting first, filterable by goal), the goal page and the action page', async () => {
    const older = seedMeeting();
    const onAction = await postDecision(older.id, 'beheerder', { text: 'Monitoring loopt via Qwasp.', actionChoice: `#${actionOfB.id}` });
    const onActionId = (await (onAction as Response).json()).decisionId;
    const newer = seedMeeting();
    // seedMeeting gives every meeting the same date; the newer one is made later.
    db.run(`update meetings set starts_at = '2025-01-01T09:00:00.000Z' where id = ${newer.id}`);
    const onGoal = await postDecision(newer.id, 'haarlem', { text: 'Doel 1.3.a-A krijgt voorrang.', goalId: String(goalA.id) });
    const onGoalId = (await (onGoal as Response).json()).decisionId;

    const log = payloadOf(await runLoader(decisionsLogLoader, '/besluiten', { cookie: cookies.lezer }));
    const ids = log.decisions.map((d: { id: number }) => d.id);
    expect(ids.indexOf(onGoalId)).toBeLessThan(ids.indexOf(onActionId));
    expect(log.decisions.find((d: { id: number }) => d.id === onActionId)).toMatchObject({
      meetingId: older.id,
      actionId: actionOfB.id,
      actionTitle: actionOfB.title,
    });

    const filtered = payloadOf(await runLoader(decisionsLogLoader, `/besluiten?doel=${goalB.id}`, { cookie: cookies.lezer }));
    expect(filtered.goal.id).toBe(goalB.id);
    // The decision about an action of goal B counts for goal B.
    expect(filtered.decisions.map((d: { id: number }) => d.id)).toEqual([onActionId]);
    const junk = payloadOf(await runLoader(decisionsLogLoader, '/besluiten?doel=abc', { cookie: cookies.lezer }));
    expect(junk.goal).toBeNull();

    const goalPage = payloadOf(
      await runLoader(goalLoader, `/doelen/${goalA.id}`, { params: { goalId: String(goalA.id) }, cookie: cookies.adviseur }),
    );
    expect(goalPage.decisions.map((d: { id: number }) => d.id)).toContain(onGoalId);
    expect(goalPage.decisions.map((d: { id: number }) => d.id)).not.toContain(onActionId);

    const actionPage = payloadOf(
      await runLoader(actionLoader, `/acties/${actionOfB.id}`, { params: { actionId: String(actionOfB.id) }, cookie: cookies.adviseur }),
    );
    expect(actionPage.decisions.map((d: { id: number }) => d.id)).toEqual([onActionId]);

    const ofMeeting = await runLoader(meetingDecisionsLoader, `/overleggen/${newer.id}/besluit`, {
      params: { meetingId: String(newer.id) },
      cookie: cookies.lezer,
    });
    expect((await (ofMeeting as Response).json()).decisions.map((d: { id: number }) => d.id)).toEqual([onGoalId]);
  });
});
