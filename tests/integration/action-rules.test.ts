/**
 * The status and deadline rules, written once (action-status.ts, deadline.ts) and as SQL
 * (action-status.server.ts): the two must agree, and every write of a status stores the
 * percentage the status implies.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { NotFoundError } from '../../app/models/errors';
import { addProgressUpdate, createAction, setActionStatus, updateAction } from '../../app/models/tracker/action.server';
import { ACTION_STATUSES, isClosedStatus } from '../../app/models/tracker/action-status';
import { actionIsOpen, actionIsOverdue } from '../../app/models/tracker/action-status.server';
import { isActionOverdue } from '../../app/models/tracker/deadline';
import { updateGoal } from '../../app/models/tracker/goal.server';
import { updateTheme } from '../../app/models/tracker/theme.server';
import { action as actionPageAction } from '../../app/routes/acties.$actionId';
import { action as editActionAction } from '../../app/routes/acties.$actionId_.bewerken';
import { action as newActionAction } from '../../app/routes/acties.nieuw';
import type { ActionFormInput } from '../../app/schemas/action';
import { addDays } from '../../app/utils/date-time';
import { db } from '../../app/utils/db.server';
import { actions, goals, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { runAction, sessionFor, statusOf } from '../setup/requests';

const cookies = {} as Record<Who, string>;
let goalId: number;
let userId: number;

const actionRow = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!;

/** The action form as the edit page posts it, with some fields changed. */
function formFor(id: number, changes: Record<string, string>): Record<string, string> {
  const a = actionRow(id);
  return {
    title: a.title,
    description: a.description,
    goalId: String(a.goalId),
    ownerUserId: a.ownerUserId === null ? '' : String(a.ownerUserId),
    ownerOrganisationId: a.ownerOrganisationId === null ? '' : String(a.ownerOrganisationId),
    partners: a.partners,
    deadline: a.deadlinePhrase ?? '',
    status: a.status,
    progress: String(a.progress),
    municipalityId: a.municipalityId === null ? '' : String(a.municipalityId),
    ...changes,
  };
}

function input(changes: Partial<ActionFormInput> = {}): ActionFormInput {
  return {
    title: 'Taalcafé in de bibliotheek',
    description: '',
    goalId,
    ownerUserId: null,
    ownerOrganisationId: null,
    partners: '',
    deadline: null,
    status: 'loopt',
    progress: 40,
    municipalityId: null,
    ...changes,
  };
}

beforeAll(async () => {
  await prepareDatabase();
  for (const who of ['haarlem', 'velsen'] as const) cookies[who] = await sessionFor(ACCOUNTS[who]);
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
  userId = db.select({ id: users.id }).from(users).where(eq(users.email, ACCOUNTS.haarlem)).get()!.id;
});

describe('afgerond is 100 %, on every write path', () => {
  it('the edit form: an action saved as afgerond at 60 % is stored at 100 %', async () => {
    const id = createAction({ userId, input: input() });
    const result = await runAction(editActionAction, `/acties/${id}/bewerken`, formFor(id, { status: 'afgerond', progress: '60' }), {
      params: { actionId: String(id) },
      cookie: cookies.haarlem,
    });
    expect(statusOf(result)).toBe(302);
    expect(actionRow(id)).toMatchObject({ status: 'afgerond', progress: 100 });
  });

  it('updateAction itself', () => {
    const id = createAction({ userId, input: input() });
    updateAction({ userId, id, input: input({ status: 'afgerond', progress: 10 }) });
    expect(actionRow(id)).toMatchObject({ status: 'afgerond', progress: 100 });
    // Any other status keeps the percentage given.
    updateAction({ userId, id, input: input({ status: 'loopt', progress: 70 }) });
    expect(actionRow(id)).toMatchObject({ status: 'loopt', progress: 70 });
  });

  it('a new action created as afgerond', async () => {
    const fields = { title: 'Afgerond bij aanmaken', goalId: String(goalId), status: 'afgerond', progress: '20', municipalityId: '' };
    const result = await runAction(newActionAction, '/acties/nieuw', fields, { cookie: cookies.haarlem });
    expect(statusOf(result)).toBe(302);
    const id = Number((result as Response).headers.get('Location')!.split('/').at(-1));
    expect(actionRow(id)).toMatchObject({ title: 'Afgerond bij aanmaken', status: 'afgerond', progress: 100 });
  });

  it('a status change on its own (the board, a meeting)', () => {
    const id = createAction({ userId, input: input() });
    setActionStatus({ userId, id, status: 'afgerond' });
    expect(actionRow(id)).toMatchObject({ status: 'afgerond', progress: 100 });
  });

  it('a progress report that marks the action afgerond, whatever percentage it names', async () => {
    const id = createAction({ userId, input: input() });
    const result = await runAction(
      actionPageAction,
      `/acties/${id}`,
      { intent: 'progress', body: 'Laatste bijeenkomst gehouden.', status: 'afgerond', progress: '80' },
      { params: { actionId: String(id) }, cookie: cookies.velsen },
    );
    expect(statusOf(result)).toBe(302);
    expect(actionRow(id)).toMatchObject({ status: 'afgerond', progress: 100 });
  });
});

describe('the SQL conditions say what the TypeScript rules say', () => {
  const today = '2024-06-15';
  let ids: number[] = [];

  beforeAll(() => {
    const ends = [null, addDays(today, -30), addDays(today, -1), today, addDays(today, 1)];
    ids = ACTION_STATUSES.flatMap((status) =>
      ends.map((end) => {
        const id = createAction({ userId, input: input({ title: `Regel ${status} ${end ?? 'open'}`, status }) });
        db.update(actions).set({ deadlineEnd: end, deadlineStart: end }).where(eq(actions.id, id)).run();
        return id;
      }),
    );
  });

  const rows = () =>
    db
      .select({ id: actions.id, status: actions.status, deadlineEnd: actions.deadlineEnd })
      .from(actions)
      .where(inArray(actions.id, ids))
      .all();
  const idsWhere = (condition: ReturnType<typeof actionIsOpen>) =>
    db
      .select({ id: actions.id })
      .from(actions)
      .where(and(inArray(actions.id, ids), condition))
      .all()
      .map((r) => r.id)
      .sort((a, b) => a - b);
  const sorted = (list: { id: number }[]) => list.map((r) => r.id).sort((a, b) => a - b);

  it('open: neither afgerond nor vervallen', () => {
    const open = rows().filter((r) => !isClosedStatus(r.status));
    expect(open.length).toBe(15);
    expect(idsWhere(actionIsOpen())).toEqual(sorted(open));
  });

  it('overdue: the window ended before today and the action is open', () => {
    const overdue = rows().filter((r) => isActionOverdue(r, today));
    expect(overdue.length).toBe(6); // three open statuses, two ends before today
    expect(idsWhere(actionIsOverdue(today))).toEqual(sorted(overdue));
  });
});

describe('models throw domain errors, never an HTTP answer', () => {
  it('an update of something that does not exist (any more) is a NotFoundError', () => {
    expect(() => updateAction({ userId, id: 999_999, input: input() })).toThrow(NotFoundError);
    expect(() => setActionStatus({ userId, id: 999_999, status: 'loopt' })).toThrow(NotFoundError);
    expect(() => addProgressUpdate({ userId, actionId: 999_999, body: 'x', status: null, progress: null })).toThrow(NotFoundError);
    expect(() => updateGoal({ userId, id: 999_999, input: { title: 'x', body: '', targetYear: null } })).toThrow(NotFoundError);
    expect(() => updateTheme({ userId, id: 999_999, input: { title: 'x', body: '' } })).toThrow(NotFoundError);
  });
});
