import { and, count, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { listComments } from '../../app/models/comments/comment.server';
import { action as commentAction } from '../../app/routes/reacties';
import { db } from '../../app/utils/db.server';
import { actions, comments, goals, localAccents, organisations, users } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, sessionFor, statusOf } from '../setup/requests';

const cookies: Record<keyof typeof ACCOUNTS, string> = {} as never;
let goalId: number;
let actionId: number;
let accentId: number;
let emptyCell: { goalId: number; municipalityId: number };

const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const orgId = (name: string) => db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get()!.id;
const commentCount = () => db.select({ n: count() }).from(comments).get()!.n;
const commentRow = (id: number) => db.select().from(comments).where(eq(comments.id, id)).get();

function post(who: keyof typeof ACCOUNTS, fields: Record<string, string>) {
  return runAction(commentAction, '/reacties', { redirectTo: '/doelen/1', ...fields }, { cookie: cookies[who] });
}

/** Starts a thread as `who` and returns its id. */
async function startThread(who: keyof typeof ACCOUNTS, targetType: string, targetId: number, body = 'Een vraag.') {
  const before = commentCount();
  const result = await post(who, { intent: 'create', targetType, targetId: String(targetId), body });
  expect(statusOf(result)).toBe(302);
  expect(commentCount()).toBe(before + 1);
  return db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.body, body), isNull(comments.parentId)))
    .all()
    .at(-1)!.id;
}

beforeAll(async () => {
  await prepareDatabase();
  for (const [key, email] of Object.entries(ACCOUNTS)) cookies[key as keyof typeof ACCOUNTS] = await sessionFor(email);
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
  actionId = db.select({ id: actions.id }).from(actions).where(eq(actions.code, '1.3.b-A2')).get()!.id;
  accentId = db
    .select({ id: localAccents.id })
    .from(localAccents)
    .where(and(eq(localAccents.goalId, goalId), eq(localAccents.municipalityId, orgId('Zandvoort'))))
    .get()!.id;
  emptyCell = {
    goalId: db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.d-A')).get()!.id,
    municipalityId: orgId('Heemskerk'),
  };
});

describe('writing comments', () => {
  it('lets the adviser comment on a goal, an action and an accent, and redirects back', async () => {
    for (const [targetType, targetId] of [
      ['goal', goalId],
      ['action', actionId],
      ['accent', accentId],
    ] as const) {
      const body = `Adviesvraag over ${targetType}`;
      const result = await post('adviseur', {
        intent: 'create',
        targetType,
        targetId: String(targetId),
        body,
        redirectTo: `/x/${targetType}`,
      });
      expect(statusOf(result)).toBe(302);
      expect((result as Response).headers.get('Location')).toBe(`/x/${targetType}`);
      const threads = listComments({ targetType, targetId });
      const thread = threads.find((t) => t.body === body)!;
      expect(thread).toMatchObject({
        authorName: expect.any(String),
        authorOrganisation: 'Stichting Lezen en Schrijven',
        resolvedAt: null,
        replies: [],
      });
    }
  });

  it('creates the accent of an empty cell when its first comment is posted', async () => {
    const cellAccent = () =>
      db
        .select({ id: localAccents.id, body: localAccents.body })
        .from(localAccents)
        .where(and(eq(localAccents.goalId, emptyCell.goalId), eq(localAccents.municipalityId, emptyCell.municipalityId)))
        .get();
    expect(cellAccent()).toBeUndefined();
    const result = await post('adviseur', {
      intent: 'create',
      targetType: 'accent',
      targetId: '',
      goalId: String(emptyCell.goalId),
      municipalityId: String(emptyCell.municipalityId),
      body: 'Heeft Heemskerk hier al plannen voor?',
    });
    expect(statusOf(result)).toBe(302);
    const accent = cellAccent()!;
    expect(accent.body).toBe('');
    expect(listComments({ targetType: 'accent', targetId: accent.id }).map((t) => t.body)).toEqual([
      'Heeft Heemskerk hier al plannen voor?',
    ]);
  });

  it('answers a script-driven form with data instead of a redirect', async () => {
    const result = await post('velsen', {
      intent: 'create',
      targetType: 'goal',
      targetId: String(goalId),
      body: 'Met JavaScript.',
      js: '1',
    });
    expect(statusOf(result)).toBe(200);
    expect(payloadOf(result)).toEqual({ ok: true });
  });

  it('refuses the lezer with 403 and stores nothing', async () => {
    const before = commentCount();
    const result = await post('lezer', { intent: 'create', targetType: 'goal', targetId: String(goalId), body: 'Mag ik iets zeggen?' });
    expect(statusOf(result)).toBe(403);
    expect(commentCount()).toBe(before);
  });

  it('rejects an empty comment with a message beside the field and stores nothing', async () => {
    const before = commentCount();
    const result = await post('adviseur', { intent: 'create', targetType: 'goal', targetId: String(goalId), body: '   ' });
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.body).toBe('Schrijf een reactie.');
    expect(payloadOf(result).values.body).toBe('   ');
    expect(commentCount()).toBe(before);
  });

  it('answers 404 for an unknown target or comment, and stores nothing', async () => {
    const before = commentCount();
    expect(statusOf(await post('adviseur', { intent: 'create', targetType: 'goal', targetId: '999999', body: 'Hallo' }))).toBe(404);
    expect(statusOf(await post('adviseur', { intent: 'create', targetType: 'action', targetId: '999999', body: 'Hallo' }))).toBe(404);
    expect(statusOf(await post('adviseur', { intent: 'create', targetType: 'accent', targetId: '999999', body: 'Hallo' }))).toBe(404);
    // An accent cell of an organisation that is not a municipality.
    expect(
      statusOf(
        await post('adviseur', {
          intent: 'create',
          targetType: 'accent',
          goalId: String(goalId),
          municipalityId: String(orgId('Nova College')),
          body: 'Hallo',
        }),
      ),
    ).toBe(404);
    expect(statusOf(await post('adviseur', { intent: 'reply', commentId: '999999', body: 'Hallo' }))).toBe(404);
    expect(commentCount()).toBe(before);
  });

  it('replies land in their thread, oldest first', async () => {
    const threadId = await startThread('adviseur', 'action', actionId, 'Wanneer valt het besluit?');
    expect(statusOf(await post('velsen', { intent: 'reply', commentId: String(threadId), body: 'In het volgende overleg.' }))).toBe(302);
    expect(statusOf(await post('adviseur', { intent: 'reply', commentId: String(threadId), body: 'Dank!' }))).toBe(302);
    const thread = listComments({ targetType: 'action', targetId: actionId }).find((t) => t.id === threadId)!;
    expect(thread.replies.map((r) => r.body)).toEqual(['In het volgende overleg.', 'Dank!']);
    expect(commentRow(thread.replies[0].id)!.parentId).toBe(threadId);
  });
});

describe('editing and deleting', () => {
  it('lets an author edit their own comment', async () => {
    const id = await startThread('adviseur', 'goal', goalId, 'Tikfout in dit bericht.');
    expect(statusOf(await post('adviseur', { intent: 'edit', commentId: String(id), body: 'Geen tikfout meer.' }))).toBe(302);
    const row = commentRow(id)!;
    expect(row.body).toBe('Geen tikfout meer.');
    expect(row.editedAt).not.toBeNull();
  });

  it("refuses to edit or delete someone else's comment (403, unchanged)", async () => {
    const id = await startThread('adviseur', 'goal', goalId, 'Van de adviseur.');
    for (const who of ['haarlem', 'zandvoort'] as const) {
      expect(statusOf(await post(who, { intent: 'edit', commentId: String(id), body: 'Overschreven' }))).toBe(403);
      expect(statusOf(await post(who, { intent: 'delete', commentId: String(id) }))).toBe(403);
    }
    expect(statusOf(await post('lezer', { intent: 'delete', commentId: String(id) }))).toBe(403);
    expect(commentRow(id)!.body).toBe('Van de adviseur.');
    expect(commentRow(id)!.editedAt).toBeNull();
  });

  it('an empty edit is refused with a message and changes nothing', async () => {
    const id = await startThread('adviseur', 'goal', goalId, 'Blijft staan.');
    const result = await post('adviseur', { intent: 'edit', commentId: String(id), body: '' });
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.body).toBe('Schrijf een reactie.');
    expect(commentRow(id)!.body).toBe('Blijft staan.');
  });

  it("deleting a thread's first comment deletes its replies", async () => {
    const id = await startThread('adviseur', 'goal', goalId, 'Wordt verwijderd.');
    await post('haarlem', { intent: 'reply', commentId: String(id), body: 'Antwoord 1' });
    await post('velsen', { intent: 'reply', commentId: String(id), body: 'Antwoord 2' });
    expect(db.select({ n: count() }).from(comments).where(eq(comments.parentId, id)).get()!.n).toBe(2);
    expect(statusOf(await post('adviseur', { intent: 'delete', commentId: String(id) }))).toBe(302);
    expect(commentRow(id)).toBeUndefined();
    expect(db.select({ n: count() }).from(comments).where(eq(comments.parentId, id)).get()!.n).toBe(0);
  });

  it('deleting a reply leaves the thread', async () => {
    const id = await startThread('adviseur', 'goal', goalId, 'Blijft, antwoord niet.');
    await post('haarlem', { intent: 'reply', commentId: String(id), body: 'Weg ermee' });
    const reply = db.select({ id: comments.id }).from(comments).where(eq(comments.parentId, id)).get()!;
    expect(statusOf(await post('haarlem', { intent: 'delete', commentId: String(reply.id) }))).toBe(302);
    expect(commentRow(reply.id)).toBeUndefined();
    expect(commentRow(id)).toBeDefined();
  });

  it("the beheerder may remove anyone's comment but not edit it", async () => {
    const id = await startThread('adviseur', 'goal', goalId, 'Te verwijderen door beheer.');
    expect(statusOf(await post('beheerder', { intent: 'edit', commentId: String(id), body: 'Anders' }))).toBe(403);
    expect(statusOf(await post('beheerder', { intent: 'delete', commentId: String(id) }))).toBe(302);
    expect(commentRow(id)).toBeUndefined();
  });
});

describe('resolving threads', () => {
  it('lets the adviser who started a thread mark it resolved and reopen it', async () => {
    const id = await startThread('adviseur', 'action', actionId, 'Graag een planning.');
    expect(statusOf(await post('adviseur', { intent: 'resolve', commentId: String(id) }))).toBe(302);
    const thread = listComments({ targetType: 'action', targetId: actionId }).find((t) => t.id === id)!;
    expect(thread.resolvedAt).not.toBeNull();
    expect(thread.resolvedByName).toBe(
      db
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, userId(ACCOUNTS.adviseur)))
        .get()!.name,
    );
    expect(statusOf(await post('adviseur', { intent: 'reopen', commentId: String(id) }))).toBe(302);
    expect(commentRow(id)!.resolvedAt).toBeNull();
  });

  it('lets a werkgroeplid resolve a thread on a goal', async () => {
    const id = await startThread('adviseur', 'goal', goalId, 'Vraag aan de werkgroep.');
    expect(statusOf(await post('velsen', { intent: 'resolve', commentId: String(id) }))).toBe(302);
    expect(commentRow(id)!.resolvedBy).toBe(userId(ACCOUNTS.velsen));
  });

  it('resolving through a reply resolves its thread', async () => {
    const id = await startThread('adviseur', 'goal', goalId, 'Via een antwoord.');
    await post('haarlem', { intent: 'reply', commentId: String(id), body: 'Antwoord' });
    const reply = db.select({ id: comments.id }).from(comments).where(eq(comments.parentId, id)).get()!;
    expect(statusOf(await post('haarlem', { intent: 'resolve', commentId: String(reply.id) }))).toBe(302);
    expect(commentRow(id)!.resolvedAt).not.toBeNull();
  });

  it('refuses others who may not change the item (403, unchanged)', async () => {
    const id = await startThread('adviseur', 'goal', goalId, 'Niet door Zandvoort op te lossen.');
    // The gemeente may not edit a regional goal and did not start the thread.
    expect(statusOf(await post('zandvoort', { intent: 'resolve', commentId: String(id) }))).toBe(403);
    expect(statusOf(await post('lezer', { intent: 'resolve', commentId: String(id) }))).toBe(403);
    expect(commentRow(id)!.resolvedAt).toBeNull();
    // On Zandvoort's own accent the gemeente may resolve; the adviser may not resolve someone else's thread there.
    const onAccent = await startThread('velsen', 'accent', accentId, 'Over het accent van Zandvoort.');
    expect(statusOf(await post('adviseur', { intent: 'resolve', commentId: String(onAccent) }))).toBe(403);
    expect(statusOf(await post('zandvoort', { intent: 'resolve', commentId: String(onAccent) }))).toBe(302);
  });
});

describe('listComments', () => {
  it('returns threads oldest first with their replies and the resolver', () => {
    const threads = listComments({ targetType: 'goal', targetId: goalId });
    const created = threads.map((t) => t.createdAt);
    expect(created).toEqual([...created].sort());
    // The seeded thread of the adviser, answered by Haarlem and resolved.
    const seeded = threads[0];
    expect(seeded.resolvedAt).not.toBeNull();
    expect(seeded.resolvedByName).toEqual(expect.any(String));
    expect(seeded.replies).toHaveLength(1);
    expect(seeded.replies[0]).toMatchObject({ authorOrganisation: 'Haarlem', editedAt: null });
  });
});
