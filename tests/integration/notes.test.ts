/**
 * The notes page and its action items: who may create one, what it creates in the
 * tracker (with history, linked to the meeting), field errors, and the live statuses.
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { readNotesJson } from '../../app/models/meetings/notes/notes-document.server';
import { notesDocumentName } from '../../app/models/meetings/notes/notes-nodes';
import { setActionStatus } from '../../app/models/tracker/action.server';
import { action as actionItemAction, loader as actionItemLoader } from '../../app/routes/overleggen.$meetingId.actiepunt';
import { loader as notesLoader } from '../../app/routes/overleggen.$meetingId.notities';
import { db } from '../../app/utils/db.server';
import { actions, goals, history } from '../../db/schema';
import type { Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId, signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, statusOf } from '../setup/requests';
import { seedMeeting } from './fixtures/meetings';

let cookies: Record<Who, string>;
let goalId: number;
let ownerId: number;

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies } = await signInDemoAccounts());
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
  ownerId = demoUserId('velsen');
});

function postActionItem(meetingId: number, who: Who, fields: Record<string, string>) {
  return runAction(actionItemAction, `/overleggen/${meetingId}/actiepunt`, fields, {
    params: { meetingId: String(meetingId) },
    cookie: cookies[who],
  });
}

function actionCount() {
  return db.select({ n: count() }).from(actions).get()!.n;
}

describe('creating an action item from the notes', () => {
  it('creates a regional action linked to the meeting and goal, with history, for a werkgroeplid and the beheerder', async () => {
    const meeting = seedMeeting(['Bereik NT1-ers']);
    for (const who of ['haarlem', 'beheerder'] as const) {
      const result = await postActionItem(meeting.id, who, {
        title: `Taalhuis Velsen vraagt offerte aan (${who})`,
        ownerUserId: String(ownerId),
        deadline: 'medio 2025',
        goalId: String(goalId),
      });
      expect(statusOf(result)).toBe(201);
      const answer = await (result as Response).json();
      const created = db.select().from(actions).where(eq(actions.id, answer.actionId)).get()!;
      expect(created).toMatchObject({
        title: `Taalhuis Velsen vraagt offerte aan (${who})`,
        goalId,
        ownerUserId: ownerId,
        deadlinePhrase: 'medio 2025',
        status: 'niet_gestart',
        municipalityId: null,
        sourceMeetingId: meeting.id,
      });
      expect(created.ownerOrganisationId).not.toBeNull();
      expect(created.deadlineStart).toBe('2025-05-01');
      const entries = db
        .select()
        .from(history)
        .where(eq(history.entityId, created.id))
        .all()
        .filter((h) => h.entityType === 'action');
      expect(entries.map((h) => h.change)).toEqual(['create']);
      expect(answer.action).toMatchObject({ id: created.id, status: 'niet_gestart', deadlinePhrase: 'medio 2025' });
    }
  });

  it('refuses gemeente, adviseur and lezer (403) and creates nothing', async () => {
    const meeting = seedMeeting();
    const before = actionCount();
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as const) {
      const result = await postActionItem(meeting.id, who, { title: 'Mag niet', deadline: '2025', goalId: String(goalId) });
      expect(statusOf(result), who).toBe(403);
    }
    expect(actionCount()).toBe(before);
  });

  it('answers bad input with Dutch messages per field and creates nothing', async () => {
    const meeting = seedMeeting();
    const before = actionCount();
    const result = await postActionItem(meeting.id, 'haarlem', { title: '  ', deadline: 'binnenkort', goalId: '' });
    expect(statusOf(result)).toBe(400);
    const { fieldErrors } = await (result as Response).json();
    expect(fieldErrors.title).toBe('Vul in wat er gedaan gaat worden.');
    expect(fieldErrors.deadline).toMatch(/binnenkort|termijn|Bijvoorbeeld|voorbeeld/i);
    expect(fieldErrors.goalId).toBe('Kies het doel waar deze actie bij hoort.');

    const unknown = await postActionItem(meeting.id, 'haarlem', { title: 'Iets', goalId: '999999', ownerUserId: '999999' });
    expect(statusOf(unknown)).toBe(400);
    const answer = await (unknown as Response).json();
    expect(Object.keys(answer.fieldErrors).sort()).toEqual(['goalId', 'owner']);
    expect(actionCount()).toBe(before);
  });

  it('answers 404 for a meeting that does not exist, also to those who may edit', async () => {
    const result = await runAction(
      actionItemAction,
      '/overleggen/999999/actiepunt',
      { title: 'x', goalId: String(goalId) },
      { params: { meetingId: '999999' }, cookie: cookies.haarlem },
    );
    expect(statusOf(result)).toBe(404);
    const bad = await runAction(
      actionItemAction,
      '/overleggen/abc/actiepunt',
      { title: 'x', goalId: String(goalId) },
      { params: { meetingId: 'abc' }, cookie: cookies.haarlem },
    );
    expect(statusOf(bad)).toBe(404);
  });
});

describe('the live status of action items', () => {
  it('lists the meeting’s actions with their current status, plus requested ids; readable by every role', async () => {
    const meeting = seedMeeting();
    const created = await postActionItem(meeting.id, 'velsen', { title: 'Monitor opzetten', goalId: String(goalId), deadline: 'Q3 2025' });
    const { actionId } = await (created as Response).json();
    setActionStatus({ userId: ownerId, id: actionId, status: 'loopt' });
    const other = db.select({ id: actions.id }).from(actions).where(eq(actions.goalId, goalId)).get()!.id;

    const result = await runLoader(actionItemLoader, `/overleggen/${meeting.id}/actiepunt?ids=${other},abc,-1`, {
      params: { meetingId: String(meeting.id) },
      cookie: cookies.lezer,
    });
    expect(statusOf(result)).toBe(200);
    const { actions: items } = await (result as Response).json();
    expect(items.find((a: { id: number }) => a.id === actionId)).toMatchObject({
      title: 'Monitor opzetten',
      status: 'loopt',
      deadlinePhrase: 'Q3 2025',
    });
    expect(items.map((a: { id: number }) => a.id)).toContain(other);
  });

  it('refuses anonymous requests', async () => {
    const meeting = seedMeeting();
    const result = await runLoader(actionItemLoader, `/overleggen/${meeting.id}/actiepunt`, { params: { meetingId: String(meeting.id) } });
    expect(statusOf(result)).toBe(302);
  });
});

describe('the notes page', () => {
  it('starts an empty document with the agenda headings, and tells readers they cannot edit', async () => {
    const meeting = seedMeeting(['Opening', 'Verantwoording 2024']);
    const asReader = payloadOf(
      await runLoader(notesLoader, `/overleggen/${meeting.id}/notities`, {
        params: { meetingId: String(meeting.id) },
        cookie: cookies.adviseur,
      }),
    );
    expect(asReader.mayEdit).toBe(false);
    expect(asReader.goals).toEqual([]);
    expect(
      asReader.notes.content
        .filter((n: { type: string }) => n.type === 'heading')
        .map((n: { content: { text: string }[] }) => n.content[0].text),
    ).toEqual(['Opening', 'Verantwoording 2024']);
    // Loading again adds nothing.
    await runLoader(notesLoader, `/overleggen/${meeting.id}/notities`, {
      params: { meetingId: String(meeting.id) },
      cookie: cookies.haarlem,
    });
    expect(readNotesJson(notesDocumentName(meeting.id)).content).toHaveLength(4);

    const asWriter = payloadOf(
      await runLoader(notesLoader, `/overleggen/${meeting.id}/notities`, {
        params: { meetingId: String(meeting.id) },
        cookie: cookies.haarlem,
      }),
    );
    expect(asWriter.mayEdit).toBe(true);
    expect(asWriter.goals.length).toBeGreaterThan(5);
    expect(asWriter.me).toMatchObject({ name: expect.any(String), colour: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });

  it('is 404 for an unknown meeting', async () => {
    expect(
      statusOf(await runLoader(notesLoader, '/overleggen/999999/notities', { params: { meetingId: '999999' }, cookie: cookies.lezer })),
    ).toBe(404);
  });
});
