import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { listHistoryOf } from '../../app/models/history.server';
import { CHANGES_PAGE_SIZE, resolveHistoryNames } from '../../app/models/history-names.server';
import { saveAccent } from '../../app/models/tracker/accent.server';
import { loader as changesLoader } from '../../app/routes/wijzigingen';
import { addDays, startOfDayNL } from '../../app/utils/date-time';
import { db } from '../../app/utils/db.server';
import { todayInNL } from '../../app/utils/today';
import { actions, goals, history, localAccents, organisations, users } from '../../db/schema';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runLoader, sessionFor, statusOf } from '../setup/requests';

let cookie: string;
let goalId: number;
let velsenId: number;
let accentId: number;

function changes(query: string) {
  return runLoader(changesLoader, `/wijzigingen${query}`, { cookie });
}

beforeAll(async () => {
  await prepareDatabase();
  cookie = await sessionFor('lezer@koers.test');
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.c-A')).get()!.id;
  velsenId = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Velsen')).get()!.id;
  const userId = db.select({ id: users.id }).from(users).where(eq(users.email, 'werkgroep.velsen@koers.test')).get()!.id;
  accentId = saveAccent({ userId, goalId, municipalityId: velsenId, body: 'Velsen zet in op de Taalhuizen in IJmuiden.' });
});

describe('Wat is er veranderd', () => {
  it('lists a change made after the chosen date, with a link to its item', async () => {
    const result = await changes(`?sinds=${todayInNL()}`);
    expect(statusOf(result)).toBe(200);
    const { entries, error, paging } = payloadOf(result);
    expect(error).toBeNull();
    expect(paging.total).toBeGreaterThanOrEqual(entries.length);
    const entry = entries.find((e: { entityType: string; entityId: number }) => e.entityType === 'accent' && e.entityId === accentId);
    expect(entry).toMatchObject({
      change: 'create',
      userName: expect.any(String),
      item: { href: `/accenten/${goalId}/${velsenId}`, label: expect.stringContaining('Velsen') },
    });
    expect(entry.after).toEqual({ body: 'Velsen zet in op de Taalhuizen in IJmuiden.' });
  });

  it('does not list changes made before the chosen date', async () => {
    // The demo seed's Haarlem accent dates from April 2022, Velsen's (1.3.b-A) from January 2022.
    const first = payloadOf(await changes('?sinds=2022-03-01'));
    const entries = [...first.entries];
    for (let page = 2; page <= first.paging.pageCount; page++)
      entries.push(...payloadOf(await changes(`?sinds=2022-03-01&pagina=${page}`)).entries);
    expect(entries).toHaveLength(first.paging.total);
    const at = entries.map((e: { at: string }) => e.at);
    expect(at.every((a: string) => a >= startOfDayNL('2022-03-01'))).toBe(true);
    expect(entries.some((e: { at: string }) => e.at.startsWith('2022-04-07'))).toBe(true);
    expect(entries.some((e: { at: string }) => e.at.startsWith('2022-01-13'))).toBe(false);
    // Newest first.
    expect(at).toEqual([...at].sort().reverse());
  });

  it('resolves titles and links per entity type', async () => {
    const { entries } = payloadOf(await changes('?sinds=2021-01-01'));
    const action = entries.find((e: { entityType: string; item: unknown }) => e.entityType === 'action' && e.item);
    expect(action.item.href).toBe(`/acties/${action.entityId}`);
    const goal = entries.find((e: { entityType: string }) => e.entityType === 'goal');
    expect(goal.item.href).toBe(`/doelen/${goal.entityId}`);
  });

  it('accepts a date written the Dutch way', async () => {
    const result = await changes('?sinds=1-3-2022');
    expect(statusOf(result)).toBe(200);
    expect(payloadOf(result).since).toBe('2022-03-01');
  });

  it('defaults to the last 14 days', async () => {
    const result = await changes('');
    expect(statusOf(result)).toBe(200);
    expect(payloadOf(result).since).toBe(addDays(todayInNL(), -14));
  });

  it.each(['gisteren', '2026-02-30', '31-11-2026', '0000-01-01', '2026-1-1'])(
    'answers a bad date (%s) with a Dutch message, not a 500',
    async (input) => {
      const result = await changes(`?sinds=${encodeURIComponent(input)}`);
      expect(statusOf(result)).toBe(400);
      expect(payloadOf(result)).toMatchObject({
        error: 'Vul een geldige datum in, bijvoorbeeld 1-11-2026.',
        entries: [],
        sinceInput: input,
      });
    },
  );

  it('shows the changes a page at a time, newest first, the pages reaching the oldest', async () => {
    // 130 changes of one action, a minute apart, newer than anything else.
    const actionId = db.select({ id: actions.id }).from(actions).get()!.id;
    for (let i = 0; i < 130; i++) {
      db.insert(history)
        .values({
          entityType: 'action',
          entityId: actionId,
          userId: null,
          change: 'update',
          before: JSON.stringify({ progress: i }),
          after: JSON.stringify({ progress: i + 1 }),
          at: new Date(Date.UTC(2100, 0, 1, 12, i)).toISOString(),
        })
        .run();
    }
    const pages = [];
    for (const query of ['?sinds=2099-12-31', '?sinds=2099-12-31&pagina=2', '?sinds=2099-12-31&pagina=3']) {
      const result = await changes(query);
      expect(statusOf(result)).toBe(200);
      pages.push(payloadOf(result));
    }
    expect(pages.map((p) => p.paging.total)).toEqual([130, 130, 130]);
    expect(pages.map((p) => p.paging.page)).toEqual([1, 2, 3]);
    expect(pages.map((p) => p.entries.length)).toEqual([CHANGES_PAGE_SIZE, CHANGES_PAGE_SIZE, 130 - 2 * CHANGES_PAGE_SIZE]);
    const progress = pages.flatMap((p) => p.entries.map((e: { after: { progress: number } }) => e.after.progress));
    expect(progress).toEqual(Array.from({ length: 130 }, (_, i) => 130 - i)); // newest first, down to the oldest
    // The page links keep the date.
    expect(pages[1].linkQuery).toBe('sinds=2099-12-31');
  });

  it('answers a page number that is no page number with the first page and a message, and one past the end with the last page', async () => {
    const bad = await changes('?sinds=2099-12-31&pagina=abc');
    expect(statusOf(bad)).toBe(200);
    expect(payloadOf(bad)).toMatchObject({ pageInvalid: true, paging: { page: 1 } });
    const far = payloadOf(await changes('?sinds=2099-12-31&pagina=9999'));
    expect(far.pageInvalid).toBe(false);
    expect(far.paging.page).toBe(far.paging.pageCount);
    expect(far.entries.length).toBeGreaterThan(0);
  });

  it('needs a signed-in user', async () => {
    expect(statusOf(await runLoader(changesLoader, '/wijzigingen'))).toBe(302);
  });
});

describe('history of an item', () => {
  it('names the people and organisations behind ids', () => {
    const accent = db
      .select()
      .from(localAccents)
      .where(and(eq(localAccents.goalId, goalId), eq(localAccents.municipalityId, velsenId)))
      .get()!;
    expect(listHistoryOf({ entityType: 'accent', entityId: accent.id })).toHaveLength(1);
    const entries = db
      .select()
      .from(history)
      .where(eq(history.entityType, 'action'))
      .all()
      .filter((h) => h.after?.includes('ownerOrganisationId'))
      .slice(0, 3)
      .map((h) => ({ ...h, before: h.before ? JSON.parse(h.before) : null, after: h.after ? JSON.parse(h.after) : null, userName: null }));
    const names = resolveHistoryNames(entries);
    const orgIds = entries.map((e) => e.after.ownerOrganisationId).filter((id): id is number => typeof id === 'number');
    expect(orgIds.length).toBeGreaterThan(0);
    for (const id of orgIds) expect(names.organisations[id]).toEqual(expect.any(String));
  });
});
