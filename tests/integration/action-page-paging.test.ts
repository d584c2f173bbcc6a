import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { loader as actionLoader } from '../../app/routes/acties.$actionId';
import { db } from '../../app/utils/db.server';
import { actions, comments, history, progressUpdates, users } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runLoader, sessionFor } from '../setup/requests';

// The action page of a long-discussed action loads the newest threads, progress reports and
// history entries, the older ones behind a link (docs/scaling.md, "Where the time goes").
let cookie: string;
let actionId: number;

const page = async (query = '') =>
  payloadOf(await runLoader(actionLoader, `/acties/${actionId}${query}`, { params: { actionId: String(actionId) }, cookie }));

beforeAll(async () => {
  await prepareDatabase();
  cookie = await sessionFor(ACCOUNTS.lezer);
  actionId = db.select({ id: actions.id }).from(actions).where(eq(actions.code, '1.3.a-A3')).get()!.id;
  const authorId = db.select({ id: users.id }).from(users).get()!.id;
  // 30 threads (one with a reply) and 60 history entries, a minute apart, oldest first, newer than the seed's.
  for (let i = 0; i < 30; i++) {
    const at = new Date(Date.UTC(2100, 0, 1, 12, i)).toISOString();
    const thread = db
      .insert(comments)
      .values({ targetType: 'action', targetId: actionId, authorId, body: `Discussie ${i}`, createdAt: at })
      .returning({ id: comments.id })
      .get();
    if (i === 3)
      db.insert(comments)
        .values({ targetType: 'action', targetId: actionId, authorId, parentId: thread.id, body: 'Antwoord op 3', createdAt: at })
        .run();
  }
  for (let i = 0; i < 25; i++) {
    const at = new Date(Date.UTC(2100, 0, 1, 12, i)).toISOString();
    db.insert(progressUpdates)
      .values({ actionId, authorId, body: `Bericht ${i}`, createdAt: at })
      .run();
  }
  for (let i = 0; i < 60; i++) {
    db.insert(history)
      .values({
        entityType: 'action',
        entityId: actionId,
        userId: authorId,
        change: 'update',
        before: JSON.stringify({ progress: i }),
        after: JSON.stringify({ progress: i + 1 }),
        at: new Date(Date.UTC(2100, 0, 1, 12, i)).toISOString(),
      })
      .run();
  }
});

describe('the action page of a long discussion', () => {
  it('shows the 10 newest threads and says how many older ones a link shows', async () => {
    const data = await page();
    const bodies = data.threads.map((t: { body: string }) => t.body);
    expect(bodies).toHaveLength(10);
    expect(bodies[0]).toBe('Discussie 20');
    expect(bodies[9]).toBe('Discussie 29');
    expect(data.olderThreads).toBeGreaterThanOrEqual(20);

    const all = await page('?reacties=alle');
    expect(all.olderThreads).toBe(0);
    expect(all.threads).toHaveLength(10 + data.olderThreads);
    const three = all.threads.find((t: { body: string }) => t.body === 'Discussie 3');
    expect(three.replies.map((r: { body: string }) => r.body)).toEqual(['Antwoord op 3']);
  });

  it('shows the 10 newest progress reports, and all of them behind "Oudere berichten tonen"', async () => {
    const data = await page();
    expect(data.updates.map((u: { body: string }) => u.body)).toEqual(Array.from({ length: 10 }, (_, i) => `Bericht ${24 - i}`));
    expect(data.olderUpdates).toBeGreaterThanOrEqual(15);

    const all = await page('?voortgang=alle');
    expect(all.olderUpdates).toBe(0);
    expect(all.updates).toHaveLength(10 + data.olderUpdates);
    expect(all.updates[24].body).toBe('Bericht 0');
  });

  it('loads the 10 newest history entries, and up to 200 behind "Nog oudere wijzigingen tonen"', async () => {
    const data = await page();
    expect(data.history).toHaveLength(10);
    expect(data.history[0].after).toEqual({ progress: 60 });
    expect(data.moreHistory).toBe(true);

    const more = await page('?geschiedenis=meer');
    expect(more.history.length).toBeGreaterThanOrEqual(60);
    expect(more.history.length).toBeLessThanOrEqual(200);
    expect(more.moreHistory).toBe(false);
  });
});
