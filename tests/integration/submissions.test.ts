import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { action as commentAction } from '../../app/routes/reacties';
import { db } from '../../app/utils/db.server';
import { comments, goals } from '../../db/schema';
import { prepareDatabase } from '../setup/database';
import { runAction, sessionFor, statusOf } from '../setup/requests';

let cookie: string;
let goalId: number;

beforeAll(async () => {
  await prepareDatabase();
  cookie = await sessionFor('adviseur@koers.test');
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
});

const post = (body: string, submissionKey?: string) =>
  runAction(
    commentAction,
    '/reacties',
    {
      intent: 'create',
      targetType: 'goal',
      targetId: String(goalId),
      body,
      redirectTo: '/',
      js: '1',
      ...(submissionKey ? { submissionKey } : {}),
    },
    { cookie },
  );
const count = (body: string) =>
  db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.targetId, goalId), eq(comments.body, body)))
    .all().length;

describe('idempotent creates', () => {
  it('creates a comment once per submission key, however often the form arrives', async () => {
    const results = await Promise.all([post('Eén keer, graag', 'seed-1:r1'), post('Eén keer, graag', 'seed-1:r1')]);
    expect(results.map(statusOf)).toEqual([200, 200]);
    expect(await post('Eén keer, graag', 'seed-1:r1')).toBeTruthy();
    expect(count('Eén keer, graag')).toBe(1);
  });

  it('creates again with a new key, and always without one', async () => {
    await post('Twee keer bedoeld', 'seed-2:r1');
    await post('Twee keer bedoeld', 'seed-3:r1');
    expect(count('Twee keer bedoeld')).toBe(2);
    await post('Zonder sleutel');
    await post('Zonder sleutel');
    expect(count('Zonder sleutel')).toBe(2);
  });
});
