import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { listAccentsForGoal } from '../../app/models/tracker/accent.server';
import { loader as matrixLoader } from '../../app/routes/accenten._index';
import { action as cellAction, loader as cellLoader } from '../../app/routes/accenten.$goalId.$municipalityId';
import { db } from '../../app/utils/db.server';
import { goals, history, localAccents, organisations, themes, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

const cookies = {} as Record<Who, string>;
let goalId: number;
const org = {} as Record<string, number>;

const orgId = (name: string) => db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get()!.id;
const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const accentOf = (municipality: string, goal = goalId) =>
  db
    .select()
    .from(localAccents)
    .where(and(eq(localAccents.goalId, goal), eq(localAccents.municipalityId, org[municipality])))
    .get();
const historyCount = () => db.select({ n: count() }).from(history).where(eq(history.entityType, 'accent')).get()!.n;

function save(who: Who, municipality: string, body: string, goal = goalId, extra: Record<string, string> = {}) {
  const params = { goalId: String(goal), municipalityId: String(org[municipality]) };
  return runAction(cellAction, `/accenten/${params.goalId}/${params.municipalityId}`, { body, ...extra }, { params, cookie: cookies[who] });
}

function openCell(who: Who, goal: string, municipality: string) {
  return runLoader(cellLoader, `/accenten/${goal}/${municipality}`, {
    params: { goalId: goal, municipalityId: municipality },
    cookie: cookies[who],
  });
}

beforeAll(async () => {
  await prepareDatabase();
  for (const [key, email] of Object.entries(ACCOUNTS)) cookies[key as Who] = await sessionFor(email);
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
  for (const name of ['Zandvoort', 'Haarlem', 'Velsen', 'Heemskerk', 'Nova College']) org[name] = orgId(name);
});

describe('saving a local accent', () => {
  it("lets the Zandvoort user save Zandvoort's accent, with history", async () => {
    const before = accentOf('Zandvoort')!;
    const historyBefore = historyCount();
    const result = await save('zandvoort', 'Zandvoort', 'Zandvoort werft via de Voedselbank, het KCC en de huisartsen.');
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe(`/accenten/${goalId}/${org.Zandvoort}?opgeslagen=1`);
    const after = accentOf('Zandvoort')!;
    expect(after.body).toBe('Zandvoort werft via de Voedselbank, het KCC en de huisartsen.');
    expect(after.updatedBy).toBe(userId(ACCOUNTS.zandvoort));
    expect(historyCount()).toBe(historyBefore + 1);
    const entry = db
      .select()
      .from(history)
      .where(and(eq(history.entityType, 'accent'), eq(history.entityId, after.id)))
      .all()
      .at(-1)!;
    expect(entry).toMatchObject({ change: 'update', userId: userId(ACCOUNTS.zandvoort) });
    expect(JSON.parse(entry.before!)).toEqual({ body: before.body });
    expect(JSON.parse(entry.after!)).toEqual({ body: after.body });
  });

  it('saving the same text again records nothing', async () => {
    const text = accentOf('Zandvoort')!.body;
    const historyBefore = historyCount();
    expect(statusOf(await save('zandvoort', 'Zandvoort', text))).toBe(302);
    expect(historyCount()).toBe(historyBefore);
  });

  it("refuses the Zandvoort user on Haarlem's accent with 403 and changes nothing", async () => {
    const before = accentOf('Haarlem');
    const historyBefore = historyCount();
    expect(statusOf(await save('zandvoort', 'Haarlem', 'Overgenomen door Zandvoort'))).toBe(403);
    expect(accentOf('Haarlem')).toEqual(before);
    expect(historyCount()).toBe(historyBefore);
  });

  it("lets the werkgroeplid of Velsen edit Velsen's accent but not Zandvoort's", async () => {
    expect(accentOf('Velsen')).toBeUndefined();
    const historyBefore = historyCount();
    expect(statusOf(await save('velsen', 'Velsen', 'Velsen werft via de schuldhulpverlening.'))).toBe(302);
    const created = accentOf('Velsen')!;
    expect(created.body).toBe('Velsen werft via de schuldhulpverlening.');
    expect(historyCount()).toBe(historyBefore + 1);
    const entry = db
      .select()
      .from(history)
      .where(and(eq(history.entityType, 'accent'), eq(history.entityId, created.id)))
      .get()!;
    expect(entry.change).toBe('create');

    const zandvoort = accentOf('Zandvoort');
    expect(statusOf(await save('velsen', 'Zandvoort', 'Door Velsen'))).toBe(403);
    expect(accentOf('Zandvoort')).toEqual(zandvoort);
  });

  it("lets the beheerder edit any municipality's accent", async () => {
    expect(statusOf(await save('beheerder', 'Heemskerk', 'Heemskerk sluit aan bij de IJmond-aanpak.'))).toBe(302);
    expect(accentOf('Heemskerk')!.body).toBe('Heemskerk sluit aan bij de IJmond-aanpak.');
    expect(statusOf(await save('beheerder', 'Haarlem', 'Haarlem, aangepast door beheer.'))).toBe(302);
    expect(accentOf('Haarlem')!.body).toBe('Haarlem, aangepast door beheer.');
  });

  it('refuses the adviser and the lezer with 403 and changes nothing', async () => {
    const before = accentOf('Zandvoort');
    const historyBefore = historyCount();
    for (const who of ['adviseur', 'lezer', 'haarlem'] as const) {
      expect(statusOf(await save(who, 'Zandvoort', `Door ${who}`))).toBe(403);
    }
    expect(accentOf('Zandvoort')).toEqual(before);
    expect(historyCount()).toBe(historyBefore);
  });

  it('rejects a text that is too long with a message and saves nothing', async () => {
    const before = accentOf('Zandvoort');
    const result = await save('zandvoort', 'Zandvoort', 'x'.repeat(10_001));
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.body).toMatch(/hoogstens 10.000 tekens/);
    expect(accentOf('Zandvoort')).toEqual(before);
  });

  it('refuses a 30,000-character accent in Dutch and changes nothing', async () => {
    const before = accentOf('Zandvoort');
    const historyBefore = historyCount();
    const result = await save('zandvoort', 'Zandvoort', 'Ervaringsdeskundigen'.repeat(1500));
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.body).toBe('Het accent mag hoogstens 10.000 tekens lang zijn.');
    expect(accentOf('Zandvoort')).toEqual(before);
    expect(historyCount()).toBe(historyBefore);
  });

  it('asks "Accent verwijderen?" for an empty accent and removes it only when confirmed', async () => {
    const original = accentOf('Zandvoort')!.body;
    await save('zandvoort', 'Zandvoort', 'Een accent dat weg mag.');
    const before = accentOf('Zandvoort');
    const historyBefore = historyCount();
    for (const empty of ['', '   \n ']) {
      const asked = await save('zandvoort', 'Zandvoort', empty);
      expect(statusOf(asked)).toBe(200);
      expect(payloadOf(asked).confirmRemoval).toBe(true);
      expect(accentOf('Zandvoort')).toEqual(before);
      expect(historyCount()).toBe(historyBefore);
    }
    // A forged confirmation value is no confirmation.
    expect(statusOf(await save('zandvoort', 'Zandvoort', '', goalId, { bevestigd: 'misschien' }))).toBe(400);
    expect(accentOf('Zandvoort')).toEqual(before);

    const removed = await save('zandvoort', 'Zandvoort', '', goalId, { bevestigd: 'ja' });
    expect(statusOf(removed)).toBe(302);
    expect((removed as Response).headers.get('Location')).toBe(`/accenten/${goalId}/${org.Zandvoort}?verwijderd=1`);
    expect(accentOf('Zandvoort')!.body).toBe('');
    expect(historyCount()).toBe(historyBefore + 1);
    // Once empty, saving empty again asks nothing.
    expect(statusOf(await save('zandvoort', 'Zandvoort', ''))).toBe(302);
    await save('zandvoort', 'Zandvoort', original);
  });

  it('answers 404 for an unknown goal or an organisation that is no municipality, and saves nothing', async () => {
    const rows = db.select({ n: count() }).from(localAccents).get()!.n;
    expect(statusOf(await save('beheerder', 'Nova College', 'Geen gemeente'))).toBe(404);
    expect(statusOf(await save('beheerder', 'Zandvoort', 'Geen doel', 999999))).toBe(404);
    expect(db.select({ n: count() }).from(localAccents).get()!.n).toBe(rows);
  });
});

describe('the accent pages', () => {
  it('the matrix has the 7 municipalities as columns and every goal of the onderwerpen as rows', async () => {
    const result = await runLoader(matrixLoader, '/accenten', { cookie: cookies.lezer });
    expect(statusOf(result)).toBe(200);
    const { municipalities, chapters } = payloadOf(result);
    // The lezer works for Heemstede: their own municipality first, the others in order.
    expect(municipalities.map((m: { name: string; own: boolean }) => `${m.name}${m.own ? ' (own)' : ''}`)).toEqual([
      'Heemstede (own)',
      'Beverwijk',
      'Bloemendaal',
      'Haarlem',
      'Heemskerk',
      'Velsen',
      'Zandvoort',
    ]);
    for (const chapter of chapters) {
      for (const goal of chapter.goals) expect(goal.cells[0].municipalityName).toBe('Heemstede');
    }
    const onderwerpGoals = db
      .select({ id: goals.id })
      .from(goals)
      .innerJoin(themes, eq(themes.id, goals.themeId))
      .where(eq(themes.kind, 'onderwerp'))
      .all()
      .map((g) => g.id)
      .sort((a, b) => a - b);
    const rowGoals = chapters.flatMap((c: { goals: { id: number }[] }) => c.goals.map((g) => g.id)).sort((a: number, b: number) => a - b);
    expect(onderwerpGoals.length).toBeGreaterThan(0);
    expect(rowGoals).toEqual(onderwerpGoals);
    for (const chapter of chapters) for (const goal of chapter.goals) expect(goal.cells).toHaveLength(7);
    const row = chapters.flatMap((c: { goals: unknown[] }) => c.goals).find((g: { id: number }) => g.id === goalId);
    const zandvoort = row.cells.find((c: { municipalityName: string }) => c.municipalityName === 'Zandvoort');
    expect(zandvoort.excerpt).toMatch(/^Zandvoort werft/);
    expect(zandvoort.localActionCount).toBe(2);
  });

  it('the cell page shows the accent, its local actions and whether the user may edit', async () => {
    const own = payloadOf(await openCell('zandvoort', String(goalId), String(org.Zandvoort)));
    expect(own.mayEdit).toBe(true);
    expect(own.goal.id).toBe(goalId);
    expect(own.municipality.name).toBe('Zandvoort');
    expect(own.cell.localActions).toHaveLength(2);
    expect(own.history.length).toBeGreaterThan(0);
    const other = payloadOf(await openCell('zandvoort', String(goalId), String(org.Haarlem)));
    expect(other.mayEdit).toBe(false);
    expect(other.cell.body).toBe('Haarlem, aangepast door beheer.');
  });

  it('the cell page is a 404 for an unknown goal, a non-municipality or a malformed id', async () => {
    expect(statusOf(await openCell('lezer', '999999', String(org.Zandvoort)))).toBe(404);
    expect(statusOf(await openCell('lezer', String(goalId), String(org['Nova College'])))).toBe(404);
    expect(statusOf(await openCell('lezer', 'abc', String(org.Zandvoort)))).toBe(404);
    expect(statusOf(await openCell('lezer', String(goalId), '1e3'))).toBe(404);
  });

  it('pages need a signed-in user', async () => {
    const result = await runLoader(matrixLoader, '/accenten');
    expect(statusOf(result)).toBe(302);
  });

  it('listAccentsForGoal gives all 7 municipalities with accent, updater and local actions', () => {
    const cells = listAccentsForGoal(goalId);
    expect(cells.map((c) => c.municipalityName)).toEqual([
      'Beverwijk',
      'Bloemendaal',
      'Haarlem',
      'Heemskerk',
      'Heemstede',
      'Velsen',
      'Zandvoort',
    ]);
    const zandvoort = cells.find((c) => c.municipalityName === 'Zandvoort')!;
    expect(zandvoort.accentId).toEqual(expect.any(Number));
    expect(zandvoort.updatedByName).toEqual(expect.any(String));
    expect(zandvoort.localActions.map((a) => a.status).sort()).toEqual(['afgerond', 'loopt']);
    const beverwijk = cells.find((c) => c.municipalityName === 'Beverwijk')!;
    expect(beverwijk).toMatchObject({ accentId: null, body: '', updatedAt: null, localActions: [] });
  });
});
