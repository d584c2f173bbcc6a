import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { loader as goalLoader } from '../../app/routes/doelen.$goalId';
import { db } from '../../app/utils/db.server';
import { comments, goals, history, users } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runLoader, sessionFor } from '../setup/requests';

// The goal page follows the action page's rule (app/models/record-paging.ts): the newest
// threads and history entries, the older ones behind a link.
let cookie: string;
let goalId: number;

const page = async (query = '') =>
  payloadOf(await runLoader(goalLoader, `/doelen/${goalId}${query}`, { params: { goalId: String(goalId) }, cookie }));

beforeAll(async () => {
  await prepareDatabase();
  cookie = await sessionFor(ACCOUNTS.lezer);
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
  const authorId = db.select({ id: users.id }).from(users).get()!.id;
  // 30 threads and 60 history entries, a minute apart, oldest first, newer than the seed's.
  for (let i = 0; i < 30; i++) {
    const at = new Date(Date.UTC(2100, 0, 1, 12, i)).toISOString();
    const { id } = db
      .insert(comments)
      .values({ targetType: 'goal', targetId: goalId, authorId, body: `Discussie ${i}`, createdAt: at })
      .returning({ id: comments.id })
      .get();
    // Replies come later than every thread: an old thread's reply does not make it a new one.
    if (i === 5 || i === 25) {
      db.insert(comments)
        .values({
          targetType: 'goal',
          targetId: goalId,
          parentId: id,
          authorId,
          body: `Antwoord op ${i}`,
          createdAt: new Date(Date.UTC(2100, 0, 2, 12, i)).toISOString(),
        })
        .run();
    }
  }
  for (let i = 0; i < 60; i++) {
    db.insert(history)
      .values({
        entityType: 'goal',
        entityId: goalId,
        userId: authorId,
        change: 'update',
        before: JSON.stringify({ title: `Titel ${i}` }),
        after: JSON.stringify({ title: `Titel ${i + 1}` }),
        at: new Date(Date.UTC(2100, 0, 1, 12, i)).toISOString(),
      })
      .run();
  }
});

describe('the goal page of a long discussion', () => {
  it('shows the 10 newest threads and says how many older ones a link shows', async () => {
    const data = await page();
    const bodies = data.threads.map((t: { body: string }) => t.body);
    expect(bodies).toHaveLength(10);
    expect(bodies[0]).toBe('Discussie 20');
    expect(bodies[9]).toBe('Discussie 29');
    const storedThreads = db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.targetType, 'goal'), eq(comments.targetId, goalId), isNull(comments.parentId)))
      .all().length;
    expect(data.olderThreads).toBe(storedThreads - 10);

    const all = await page('?reacties=alle');
    expect(all.olderThreads).toBe(0);
    expect(all.threads).toHaveLength(storedThreads);
  });

  it('shows each shown thread with its replies, and an older thread with its replies only behind the link', async () => {
    const replies = (threads: { body: string; replies: { body: string }[] }[], body: string) =>
      threads.find((t) => t.body === body)?.replies.map((r) => r.body);
    const data = await page();
    expect(replies(data.threads, 'Discussie 25')).toEqual(['Antwoord op 25']);
    expect(replies(data.threads, 'Discussie 5')).toBeUndefined();

    const all = await page('?reacties=alle');
    expect(replies(all.threads, 'Discussie 5')).toEqual(['Antwoord op 5']);
    expect(replies(all.threads, 'Discussie 25')).toEqual(['Antwoord op 25']);
  });

  it('loads the 10 newest history entries, and up to 200 behind "Nog oudere wijzigingen tonen"', async () => {
    const data = await page();
    expect(data.history).toHaveLength(10);
    expect(data.history[0].after).toEqual({ title: 'Titel 60' });
    expect(data.moreHistory).toBe(true);

    const more = await page('?geschiedenis=meer');
    expect(more.history.length).toBeGreaterThanOrEqual(60);
    expect(more.moreHistory).toBe(false);
  });
});
