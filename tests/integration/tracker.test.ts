import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { progressParts } from '../../app/models/tracker/progress-chart';
import { loader as overviewLoader } from '../../app/routes/_index';
import { action as actionPageAction, loader as actionLoader } from '../../app/routes/acties.$actionId';
import { action as editActionAction, loader as editActionLoader } from '../../app/routes/acties.$actionId_.bewerken';
import { action as newActionAction, loader as newActionLoader } from '../../app/routes/acties.nieuw';
import { loader as goalLoader } from '../../app/routes/doelen.$goalId';
import { action as editGoalAction, loader as editGoalLoader } from '../../app/routes/doelen.$goalId_.bewerken';
import { action as editThemeAction, loader as editThemeLoader } from '../../app/routes/themas.$themeId.bewerken';
import { db } from '../../app/utils/db.server';
import { actions, goals, history, organisations, progressUpdates, themes, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

const cookies = {} as Record<Who, string>;
let regionalId: number; // a regional action (1.3.a-A3, "medio 2022", loopt)
let zandvoortLocalId: number; // a local action of Zandvoort
let goalId: number; // 1.3.a-A
let zandvoort: number;
let haarlem: number;

const actionRow = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!;
const goalRow = (id: number) => db.select().from(goals).where(eq(goals.id, id)).get()!;
const actionCount = () => db.select({ n: count() }).from(actions).get()!.n;
const historyOf = (entityType: 'action' | 'goal' | 'theme', entityId: number) =>
  db
    .select()
    .from(history)
    .where(and(eq(history.entityType, entityType), eq(history.entityId, entityId)))
    .all();
const orgId = (name: string) => db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get()!.id;

/** The action form as the edit page would post it for this action, with some fields changed. */
function formFor(id: number, changes: Record<string, string> = {}): Record<string, string> {
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

function newActionForm(changes: Record<string, string>): Record<string, string> {
  return {
    title: 'Voorlichting in het gemeentehuis',
    description: '',
    goalId: String(goalId),
    ownerUserId: '',
    ownerOrganisationId: '',
    partners: '',
    deadline: 'eind 2023',
    status: 'niet_gestart',
    progress: '0',
    municipalityId: '',
    ...changes,
  };
}

const editAction = (who: Who, id: number, fields: Record<string, string>) =>
  runAction(editActionAction, `/acties/${id}/bewerken`, fields, { params: { actionId: String(id) }, cookie: cookies[who] });
const createAction = (who: Who, fields: Record<string, string>) =>
  runAction(newActionAction, '/acties/nieuw', fields, { cookie: cookies[who] });

beforeAll(async () => {
  await prepareDatabase();
  for (const [key, email] of Object.entries(ACCOUNTS)) cookies[key as Who] = await sessionFor(email);
  zandvoort = orgId('Zandvoort');
  haarlem = orgId('Haarlem');
  regionalId = db.select({ id: actions.id }).from(actions).where(eq(actions.code, '1.3.a-A3')).get()!.id;
  zandvoortLocalId = db.select({ id: actions.id }).from(actions).where(eq(actions.municipalityId, zandvoort)).all()[0]!.id;
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
});

describe('agenda overview', () => {
  it('shows the four subject chapters with their goals and regional actions, and counts per status', async () => {
    const result = await runLoader(overviewLoader, '/', { cookie: cookies.lezer });
    expect(statusOf(result)).toBe(200);
    const { overview, includeLocal } = payloadOf(result);
    expect(includeLocal).toBe(false);
    expect(overview.agenda.periodStart).toBe(2020);
    expect(overview.agenda.periodEnd).toBe(2024);
    const subjects = overview.chapters.filter((c: { kind: string }) => c.kind === 'onderwerp');
    expect(subjects.map((c: { code: string }) => c.code)).toEqual(['1.3.a', '1.3.b', '1.3.c', '1.3.d']);
    // 1.2 is context, but it holds the tender commitments: tracked like a subject.
    expect(overview.chapters.map((c: { code: string }) => c.code)).toEqual(['1.2', '1.3.a', '1.3.b', '1.3.c', '1.3.d']);
    for (const chapter of overview.chapters) {
      expect(chapter.goals.length).toBeGreaterThan(0);
      expect(chapter.goals.some((g: { actions: unknown[] }) => g.actions.length > 0)).toBe(true);
    }
    // Only regional actions are listed; local ones are counted per goal.
    const listed = overview.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.actions));
    const regionalCount =
      db.select({ n: count() }).from(actions).all()[0]!.n -
      db
        .select()
        .from(actions)
        .all()
        .filter((a) => a.municipalityId !== null).length;
    expect(listed).toHaveLength(regionalCount);
    expect(listed.every((a: { municipalityName: string | null }) => a.municipalityName === null)).toBe(true);
    const goal = overview.chapters.flatMap((c: any) => c.goals).find((g: { id: number }) => g.id === goalId);
    const localOfGoal = db
      .select()
      .from(actions)
      .where(eq(actions.goalId, goalId))
      .all()
      .filter((a) => a.municipalityId !== null).length;
    expect(localOfGoal).toBeGreaterThan(0);
    expect(goal.hiddenLocalCount).toBe(localOfGoal);
    // Counts add up, per chapter and for the whole agenda.
    expect(overview.counts.total).toBe(regionalCount);
    const perChapter = overview.chapters.reduce((n: number, c: any) => n + c.counts.total, 0);
    expect(perChapter).toBe(regionalCount);
    const byStatus = ['niet_gestart', 'loopt', 'besluit_nodig', 'afgerond', 'vervallen'].reduce((n, s) => n + overview.counts[s], 0);
    expect(byStatus).toBe(regionalCount);
    // Context and preconditions are listed apart.
    const kinds = new Set(overview.otherChapters.map((c: { kind: string }) => c.kind));
    expect(kinds).toEqual(new Set(['context', 'randvoorwaarde']));
    expect(overview.otherChapters.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['1.1', '3.3.a', '3.3.d']));
    // The tender actions of 1.2 are on the overview, with their deadline phrases as written.
    const tender = listed.filter(
      (a: { deadlinePhrase: string | null }) => a.deadlinePhrase === 'vanaf medio 2021' || a.deadlinePhrase === 'uiterlijk 31-12-2021',
    );
    expect(tender.length).toBeGreaterThanOrEqual(1);
  });

  it('lists local actions too, with their municipality, when asked', async () => {
    const { overview, includeLocal } = payloadOf(await runLoader(overviewLoader, '/?lokaal=ja', { cookie: cookies.lezer }));
    expect(includeLocal).toBe(true);
    const listed = overview.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.actions));
    expect(listed).toHaveLength(actionCount());
    expect(listed.find((a: { id: number }) => a.id === zandvoortLocalId).municipalityName).toBe('Zandvoort');
  });

  it('marks an action overdue when its window has ended and it is not done', async () => {
    db.update(actions)
      .set({ deadlinePhrase: 'eind 2021', deadlineStart: '2021-10-01', deadlineEnd: '2021-12-31', status: 'loopt' })
      .where(eq(actions.code, '1.3.b-A3'))
      .run();
    const { overview } = payloadOf(await runLoader(overviewLoader, '/', { cookie: cookies.adviseur }));
    const listed = overview.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.actions));
    const late = listed.find((a: { title: string }) => a.title.startsWith('In een periodiek overleg'));
    expect(late.overdue).toBe(true);
    expect(overview.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(overview.counts.overdueByStatus.loopt).toBeGreaterThanOrEqual(1);
    // The progress chart shows it under "te laat", not under "loopt": every bar still adds up to its chapter's total.
    const chapter = overview.chapters.find((c: any) => c.code === '1.3.b');
    const parts = progressParts(chapter.counts);
    expect(parts.te_laat).toBe(chapter.counts.overdue);
    expect(parts.loopt).toBe(chapter.counts.loopt - chapter.counts.overdueByStatus.loopt);
    for (const c of overview.chapters) {
      const values = Object.values(progressParts(c.counts));
      expect(values.reduce((a, b) => a + b, 0)).toBe(c.counts.total);
      expect(values.every((n) => n >= 0)).toBe(true);
    }
  });

  it('sends visitors without a session to the login page', async () => {
    const result = await runLoader(overviewLoader, '/');
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toMatch(/^\/login/);
  });
});

describe('goal page', () => {
  it('shows the goal with its chapter, regional and local actions, accents, comments and history', async () => {
    const result = await runLoader(goalLoader, `/doelen/${goalId}`, { params: { goalId: String(goalId) }, cookie: cookies.adviseur });
    expect(statusOf(result)).toBe(200);
    const page = payloadOf(result);
    expect(page.goal.code).toBe('1.3.a-A');
    expect(page.goal.themeCode).toBe('1.3.a');
    expect(page.actions.some((a: { municipalityName: string | null }) => a.municipalityName === null)).toBe(true);
    expect(page.actions.some((a: { municipalityName: string | null }) => a.municipalityName === 'Zandvoort')).toBe(true);
    // Regional actions come first.
    const firstLocal = page.actions.findIndex((a: { municipalityName: string | null }) => a.municipalityName !== null);
    expect(page.actions.slice(firstLocal).every((a: { municipalityName: string | null }) => a.municipalityName !== null)).toBe(true);
    expect(page.accents).toHaveLength(7);
    expect(Array.isArray(page.threads)).toBe(true);
    expect(Array.isArray(page.history)).toBe(true);
    expect(page.mayEditGoal).toBe(false);
    expect(page.mayCreateAction).toBe(false);
  });

  it('offers editing and new actions to the people who may', async () => {
    const werkgroep = payloadOf(
      await runLoader(goalLoader, `/doelen/${goalId}`, { params: { goalId: String(goalId) }, cookie: cookies.haarlem }),
    );
    expect(werkgroep.mayEditGoal).toBe(true);
    expect(werkgroep.mayCreateAction).toBe(true);
    const gemeente = payloadOf(
      await runLoader(goalLoader, `/doelen/${goalId}`, { params: { goalId: String(goalId) }, cookie: cookies.zandvoort }),
    );
    expect(gemeente.mayEditGoal).toBe(false);
    expect(gemeente.mayCreateAction).toBe(true);
  });

  it('answers 404 for an unknown or non-numeric goal id', async () => {
    for (const id of ['99999', 'abc', '0', '-1', '1.5']) {
      const result = await runLoader(goalLoader, `/doelen/${id}`, { params: { goalId: id }, cookie: cookies.haarlem });
      expect(statusOf(result)).toBe(404);
    }
  });
});

describe('goal and chapter edits', () => {
  it('lets a werkgroeplid edit a goal and records the change in the history', async () => {
    const before = goalRow(goalId);
    const historyBefore = historyOf('goal', goalId).length;
    const result = await runAction(
      editGoalAction,
      `/doelen/${goalId}/bewerken`,
      { title: before.title, body: 'Toelichting van de werkgroep.', targetYear: '2024' },
      { params: { goalId: String(goalId) }, cookie: cookies.velsen },
    );
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe(`/doelen/${goalId}`);
    const after = goalRow(goalId);
    expect(after.body).toBe('Toelichting van de werkgroep.');
    expect(after.targetYear).toBe(2024);
    const entries = historyOf('goal', goalId);
    expect(entries).toHaveLength(historyBefore + 1);
    const entry = entries.at(-1)!;
    expect(entry.change).toBe('update');
    expect(JSON.parse(entry.before!)).toEqual({ body: before.body, targetYear: before.targetYear });
    expect(JSON.parse(entry.after!)).toEqual({ body: 'Toelichting van de werkgroep.', targetYear: 2024 });
  });

  it('refuses goal edits by the adviser, the reader and the municipality (403), changing nothing', async () => {
    const before = goalRow(goalId);
    for (const who of ['adviseur', 'lezer', 'zandvoort'] as const) {
      const get = await runLoader(editGoalLoader, `/doelen/${goalId}/bewerken`, {
        params: { goalId: String(goalId) },
        cookie: cookies[who],
      });
      expect(statusOf(get)).toBe(403);
      const post = await runAction(
        editGoalAction,
        `/doelen/${goalId}/bewerken`,
        { title: 'Gekaapt', body: '', targetYear: '' },
        { params: { goalId: String(goalId) }, cookie: cookies[who] },
      );
      expect(statusOf(post)).toBe(403);
    }
    expect(goalRow(goalId)).toEqual(before);
  });

  it('rejects a bad target year beside the field and saves nothing', async () => {
    const before = goalRow(goalId);
    for (const targetYear of ['1999', '2101', 'volgend jaar', '20244']) {
      const result = await runAction(
        editGoalAction,
        `/doelen/${goalId}/bewerken`,
        { title: 'Nieuwe tekst', body: '', targetYear },
        { params: { goalId: String(goalId) }, cookie: cookies.haarlem },
      );
      expect(statusOf(result)).toBe(400);
      expect(payloadOf(result).fieldErrors.targetYear).toMatch(/2000 en 2100/);
    }
    const empty = await runAction(
      editGoalAction,
      `/doelen/${goalId}/bewerken`,
      { title: '  ', body: '', targetYear: '' },
      { params: { goalId: String(goalId) }, cookie: cookies.haarlem },
    );
    expect(payloadOf(empty).fieldErrors.title).toBeTruthy();
    expect(goalRow(goalId)).toEqual(before);
  });

  it('lets a werkgroeplid edit a chapter with history, and refuses the reader', async () => {
    const theme = db.select().from(themes).where(eq(themes.code, '3.3.b')).get()!;
    const denied = await runAction(
      editThemeAction,
      `/themas/${theme.id}/bewerken`,
      { title: 'X', body: '' },
      { params: { themeId: String(theme.id) }, cookie: cookies.lezer },
    );
    expect(statusOf(denied)).toBe(403);
    expect(
      statusOf(
        await runLoader(editThemeLoader, `/themas/${theme.id}/bewerken`, {
          params: { themeId: String(theme.id) },
          cookie: cookies.adviseur,
        }),
      ),
    ).toBe(403);
    expect(db.select().from(themes).where(eq(themes.id, theme.id)).get()).toEqual(theme);

    const result = await runAction(
      editThemeAction,
      `/themas/${theme.id}/bewerken`,
      { title: theme.title, body: `${theme.body}\n\nAangevuld in Koers.` },
      { params: { themeId: String(theme.id) }, cookie: cookies.haarlem },
    );
    expect(statusOf(result)).toBe(302);
    expect(db.select().from(themes).where(eq(themes.id, theme.id)).get()!.body).toMatch(/Aangevuld in Koers\.$/);
    expect(historyOf('theme', theme.id).at(-1)!.change).toBe('update');
    expect(statusOf(await runLoader(editThemeLoader, '/themas/x/bewerken', { params: { themeId: 'x' }, cookie: cookies.haarlem }))).toBe(
      404,
    );
  });
});

describe('action page', () => {
  it('shows a regional action to every role, with edit controls only for those who may edit', async () => {
    const expected: Record<Who, boolean> = {
      beheerder: true,
      haarlem: true,
      velsen: true,
      zandvoort: false,
      adviseur: false,
      lezer: false,
    };
    for (const who of Object.keys(ACCOUNTS) as Who[]) {
      const result = await runLoader(actionLoader, `/acties/${regionalId}`, {
        params: { actionId: String(regionalId) },
        cookie: cookies[who],
      });
      expect(statusOf(result)).toBe(200);
      const page = payloadOf(result);
      expect(page.action.id).toBe(regionalId);
      expect(page.action.deadlinePhrase).toBe('medio 2022');
      expect(page.mayEdit, who).toBe(expected[who]);
    }
  });

  it('lets only Zandvoort (and the beheerder) edit a Zandvoort action', async () => {
    const expected: Record<Who, boolean> = {
      beheerder: true,
      haarlem: false,
      velsen: false,
      zandvoort: true,
      adviseur: false,
      lezer: false,
    };
    for (const who of Object.keys(ACCOUNTS) as Who[]) {
      const page = payloadOf(
        await runLoader(actionLoader, `/acties/${zandvoortLocalId}`, {
          params: { actionId: String(zandvoortLocalId) },
          cookie: cookies[who],
        }),
      );
      expect(page.mayEdit, who).toBe(expected[who]);
      expect(page.action.municipalityName).toBe('Zandvoort');
    }
  });

  it('answers 404 for unknown and non-numeric action ids, on every action route', async () => {
    for (const id of ['424242', 'nieuw-ish', '0', '1e3']) {
      const params = { actionId: id };
      expect(statusOf(await runLoader(actionLoader, `/acties/${id}`, { params, cookie: cookies.lezer }))).toBe(404);
      expect(statusOf(await runLoader(editActionLoader, `/acties/${id}/bewerken`, { params, cookie: cookies.haarlem }))).toBe(404);
      expect(
        statusOf(await runAction(editActionAction, `/acties/${id}/bewerken`, formFor(regionalId), { params, cookie: cookies.haarlem })),
      ).toBe(404);
      expect(
        statusOf(
          await runAction(actionPageAction, `/acties/${id}`, { intent: 'progress', body: 'x' }, { params, cookie: cookies.haarlem }),
        ),
      ).toBe(404);
    }
  });
});

describe('editing an action', () => {
  it('saves status and deadline for a werkgroeplid and records before and after', async () => {
    const before = actionRow(regionalId);
    const result = await editAction('haarlem', regionalId, formFor(regionalId, { status: 'besluit_nodig', deadline: 'eind 2023' }));
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe(`/acties/${regionalId}`);
    const after = actionRow(regionalId);
    expect(after.status).toBe('besluit_nodig');
    expect(after.deadlinePhrase).toBe('eind 2023');
    expect(after.deadlineStart).toBe('2023-10-01');
    expect(after.deadlineEnd).toBe('2023-12-31');
    const entry = historyOf('action', regionalId).at(-1)!;
    expect(entry.change).toBe('update');
    expect(entry.userId).toBe(db.select({ id: users.id }).from(users).where(eq(users.email, ACCOUNTS.haarlem)).get()!.id);
    expect(JSON.parse(entry.before!)).toMatchObject({ status: before.status, deadlinePhrase: before.deadlinePhrase });
    expect(JSON.parse(entry.after!)).toMatchObject({ status: 'besluit_nodig', deadlinePhrase: 'eind 2023' });
    expect(Object.keys(JSON.parse(entry.after!))).not.toContain('title');
  });

  it('refuses the adviser, the reader and the municipality on a regional action (403), changing nothing', async () => {
    const before = actionRow(regionalId);
    const historyBefore = historyOf('action', regionalId).length;
    for (const who of ['adviseur', 'lezer', 'zandvoort'] as const) {
      const get = await runLoader(editActionLoader, `/acties/${regionalId}/bewerken`, {
        params: { actionId: String(regionalId) },
        cookie: cookies[who],
      });
      expect(statusOf(get), who).toBe(403);
      const post = await editAction(who, regionalId, formFor(regionalId, { status: 'afgerond', deadline: '2030' }));
      expect(statusOf(post), who).toBe(403);
    }
    expect(actionRow(regionalId)).toEqual(before);
    expect(historyOf('action', regionalId)).toHaveLength(historyBefore);
  });

  it('does not let a werkgroeplid move an action to another municipality, nor the municipality make its action regional', async () => {
    const regionalBefore = actionRow(regionalId);
    expect(statusOf(await editAction('haarlem', regionalId, formFor(regionalId, { municipalityId: String(zandvoort) })))).toBe(403);
    expect(actionRow(regionalId)).toEqual(regionalBefore);
    const localBefore = actionRow(zandvoortLocalId);
    expect(statusOf(await editAction('zandvoort', zandvoortLocalId, formFor(zandvoortLocalId, { municipalityId: '' })))).toBe(403);
    expect(statusOf(await editAction('zandvoort', zandvoortLocalId, formFor(zandvoortLocalId, { municipalityId: String(haarlem) })))).toBe(
      403,
    );
    expect(actionRow(zandvoortLocalId)).toEqual(localBefore);
    // Moving its own action back and forth within its scope works.
    expect(statusOf(await editAction('zandvoort', zandvoortLocalId, formFor(zandvoortLocalId, { progress: '55' })))).toBe(302);
    expect(actionRow(zandvoortLocalId).progress).toBe(55);
  });

  it('rejects a bad deadline with the message and examples, and saves nothing', async () => {
    const before = actionRow(regionalId);
    const result = await editAction('haarlem', regionalId, formFor(regionalId, { deadline: 'binnenkort', title: 'Andere titel' }));
    expect(statusOf(result)).toBe(400);
    const { fieldErrors, values } = payloadOf(result);
    expect(fieldErrors.deadline).toMatch(/binnenkort/);
    expect(fieldErrors.deadline).toMatch(/medio 2022/);
    expect(values.deadline).toBe('binnenkort');
    expect(values.title).toBe('Andere titel');
    expect(actionRow(regionalId)).toEqual(before);
  });

  it('answers an unknown goal, owner or municipality with field errors, not a 500', async () => {
    const before = actionRow(regionalId);
    const result = await editAction(
      'beheerder',
      regionalId,
      formFor(regionalId, { goalId: '99999', ownerUserId: '88888', ownerOrganisationId: '77777' }),
    );
    expect(statusOf(result)).toBe(400);
    const { fieldErrors } = payloadOf(result);
    expect(fieldErrors.goalId).toMatch(/doel/i);
    expect(fieldErrors.ownerUserId).toBeTruthy();
    expect(fieldErrors.ownerOrganisationId).toBeTruthy();
    // A partner organisation is no municipality: not a valid scope.
    const partner = await editAction('beheerder', regionalId, formFor(regionalId, { municipalityId: String(orgId('Nova College')) }));
    expect(statusOf(partner)).toBe(400);
    expect(payloadOf(partner).fieldErrors.municipalityId).toBeTruthy();
    const bad = await editAction(
      'beheerder',
      regionalId,
      formFor(regionalId, { goalId: 'abc', progress: '150', status: 'klaar', title: '' }),
    );
    expect(statusOf(bad)).toBe(400);
    expect(Object.keys(payloadOf(bad).fieldErrors).sort()).toEqual(['goalId', 'progress', 'status', 'title']);
    expect(actionRow(regionalId)).toEqual(before);
  });

  it('offers only the scopes the user may choose', async () => {
    const scopesOf = async (who: Who) =>
      payloadOf(await runLoader(newActionLoader, '/acties/nieuw', { cookie: cookies[who] })).options.scopes.map(
        (s: { name: string }) => s.name,
      );
    expect(await scopesOf('zandvoort')).toEqual(['Zandvoort']);
    expect(await scopesOf('haarlem')).toEqual(['Regionaal', 'Haarlem']);
    expect(await scopesOf('beheerder')).toHaveLength(8);
  });
});

describe('creating an action', () => {
  it('lets Zandvoort create a local Zandvoort action, prefilled from the query', async () => {
    const form = payloadOf(
      await runLoader(newActionLoader, `/acties/nieuw?doel=${goalId}&gemeente=${zandvoort}`, { cookie: cookies.zandvoort }),
    );
    expect(form.values.goalId).toBe(String(goalId));
    expect(form.values.municipalityId).toBe(String(zandvoort));

    const countBefore = actionCount();
    const result = await createAction('zandvoort', newActionForm({ municipalityId: String(zandvoort), title: 'Taalspreekuur Zandvoort' }));
    expect(statusOf(result)).toBe(302);
    expect(actionCount()).toBe(countBefore + 1);
    const created = db.select().from(actions).where(eq(actions.title, 'Taalspreekuur Zandvoort')).get()!;
    expect(created.municipalityId).toBe(zandvoort);
    expect(created.deadlineEnd).toBe('2023-12-31');
    expect((result as Response).headers.get('Location')).toBe(`/acties/${created.id}`);
    expect(historyOf('action', created.id).map((h) => h.change)).toEqual(['create']);
  });

  it('refuses Zandvoort a Haarlem action and a regional one (403), creating nothing', async () => {
    const countBefore = actionCount();
    expect(statusOf(await createAction('zandvoort', newActionForm({ municipalityId: String(haarlem) })))).toBe(403);
    expect(statusOf(await createAction('zandvoort', newActionForm({ municipalityId: '' })))).toBe(403);
    expect(actionCount()).toBe(countBefore);
  });

  it('refuses the adviser and the reader the form and the post (403)', async () => {
    const countBefore = actionCount();
    for (const who of ['adviseur', 'lezer'] as const) {
      expect(statusOf(await runLoader(newActionLoader, '/acties/nieuw', { cookie: cookies[who] }))).toBe(403);
      expect(statusOf(await createAction(who, newActionForm({})))).toBe(403);
    }
    expect(actionCount()).toBe(countBefore);
  });

  it('lets a werkgroeplid create a regional action; a bad deadline saves nothing', async () => {
    const countBefore = actionCount();
    const bad = await createAction('velsen', newActionForm({ deadline: 'binnenkort' }));
    expect(statusOf(bad)).toBe(400);
    expect(payloadOf(bad).fieldErrors.deadline).toMatch(/Schrijf bijvoorbeeld/);
    expect(actionCount()).toBe(countBefore);
    const unknownGoal = await createAction('velsen', newActionForm({ goalId: '99999' }));
    expect(statusOf(unknownGoal)).toBe(400);
    expect(payloadOf(unknownGoal).fieldErrors.goalId).toBeTruthy();
    expect(actionCount()).toBe(countBefore);
    const ok = await createAction('velsen', newActionForm({ title: 'Regionale werkgeversbijeenkomst', deadline: 'Q2 2023' }));
    expect(statusOf(ok)).toBe(302);
    expect(actionCount()).toBe(countBefore + 1);
  });
});

describe('progress updates', () => {
  it('changes status and percentage and appears in the log', async () => {
    const result = await runAction(
      actionPageAction,
      `/acties/${regionalId}`,
      { intent: 'progress', body: 'Plan besproken en vastgesteld.', status: 'afgerond', progress: '' },
      { params: { actionId: String(regionalId) }, cookie: cookies.velsen },
    );
    expect(statusOf(result)).toBe(302);
    const after = actionRow(regionalId);
    expect(after.status).toBe('afgerond');
    expect(after.progress).toBe(100);
    const page = payloadOf(
      await runLoader(actionLoader, `/acties/${regionalId}`, { params: { actionId: String(regionalId) }, cookie: cookies.lezer }),
    );
    expect(page.updates[0]).toMatchObject({
      body: 'Plan besproken en vastgesteld.',
      statusFrom: 'besluit_nodig',
      statusTo: 'afgerond',
      progress: 100,
    });
    expect(page.updates[0].authorName).toBeTruthy();
    expect(historyOf('action', regionalId).at(-1)!.after).toContain('afgerond');
  });

  it('keeps status and percentage when only text is given', async () => {
    const before = actionRow(regionalId);
    const result = await runAction(
      actionPageAction,
      `/acties/${regionalId}`,
      { intent: 'progress', body: 'Alleen een notitie.', status: '', progress: '' },
      { params: { actionId: String(regionalId) }, cookie: cookies.haarlem },
    );
    expect(statusOf(result)).toBe(302);
    expect(actionRow(regionalId)).toMatchObject({ status: before.status, progress: before.progress });
    const last = db.select().from(progressUpdates).where(eq(progressUpdates.actionId, regionalId)).all().at(-1)!;
    expect(last).toMatchObject({ body: 'Alleen een notitie.', statusFrom: null, statusTo: null, progress: null });
  });

  it('rejects an empty report or a bad percentage and refuses those who may not edit', async () => {
    const countBefore = db.select({ n: count() }).from(progressUpdates).get()!.n;
    const before = actionRow(regionalId);
    const empty = await runAction(
      actionPageAction,
      `/acties/${regionalId}`,
      { intent: 'progress', body: ' ', progress: '120' },
      { params: { actionId: String(regionalId) }, cookie: cookies.haarlem },
    );
    expect(statusOf(empty)).toBe(400);
    expect(Object.keys(payloadOf(empty).fieldErrors).sort()).toEqual(['body', 'progress']);
    for (const who of ['adviseur', 'lezer', 'zandvoort'] as const) {
      const denied = await runAction(
        actionPageAction,
        `/acties/${regionalId}`,
        { intent: 'progress', body: 'Ik meld iets', status: 'vervallen' },
        { params: { actionId: String(regionalId) }, cookie: cookies[who] },
      );
      expect(statusOf(denied), who).toBe(403);
    }
    expect(db.select({ n: count() }).from(progressUpdates).get()!.n).toBe(countBefore);
    expect(actionRow(regionalId)).toEqual(before);
  });
});

// Last in this file: it adds goals that the tests above do not expect.
describe('the overview of a large agenda', () => {
  it('shows one chapter at a time, a fixed number of action rows per chapter, and counts every action', async () => {
    const { overview: before } = payloadOf(await runLoader(overviewLoader, '/', { cookie: cookies.lezer }));
    const goalsBefore = before.chapters.flatMap((c: any) => c.goals).length;
    // The demo agenda shows every chapter and lists every regional action (at most 8 per goal).
    expect(before.expandedChapterId).toBeNull();
    expect(before.chapters.every((c: any) => c.expanded && c.goals.length === c.goalCount)).toBe(true);
    expect(before.chapters.flatMap((c: any) => c.goals).every((g: any) => g.moreCount === 0)).toBe(true);

    const home = goalRow(goalId);
    const added = 24 - goalsBefore; // more than 20 goals: one chapter at a time
    for (let i = 0; i < added; i++) {
      const goal = db
        .insert(goals)
        .values({ themeId: home.themeId, agendaId: home.agendaId, code: `9.${i}`, title: `Extra doel ${i}`, position: 100 + i })
        .returning({ id: goals.id })
        .get();
      for (let j = 0; j < 7; j++)
        db.insert(actions)
          .values({ goalId: goal.id, agendaId: home.agendaId, title: `Extra actie ${i}.${j}`, position: j })
          .run();
    }

    // Without a chapter in the address: the first chapter with goals, the others folded with their counts.
    const { overview: first } = payloadOf(await runLoader(overviewLoader, '/', { cookie: cookies.lezer }));
    const firstWithGoals = first.chapters.find((c: any) => c.goalCount > 0);
    expect(first.expandedChapterId).toBe(firstWithGoals.id);
    for (const chapter of first.chapters) {
      expect(chapter.expanded).toBe(chapter.id === firstWithGoals.id);
      if (!chapter.expanded) expect(chapter.goals).toEqual([]);
    }
    expect(first.chapters.reduce((n: number, c: any) => n + c.goalCount, 0)).toBe(24);
    // The counts still cover every action, listed or not.
    expect(first.counts.total).toBe(before.counts.total + added * 7);
    expect(first.chapters.reduce((n: number, c: any) => n + c.counts.total, 0)).toBe(first.counts.total);

    // ?hoofdstuk= opens the chapter that holds the new goals: 32 rows spread over its goals (at least one each), the rest counted.
    const { overview } = payloadOf(await runLoader(overviewLoader, `/?hoofdstuk=${home.themeId}`, { cookie: cookies.lezer }));
    expect(overview.expandedChapterId).toBe(home.themeId);
    const shown = overview.chapters.find((c: any) => c.id === home.themeId);
    expect(shown.goals).toHaveLength(shown.goalCount);
    const perGoal = Math.max(1, Math.floor(32 / shown.goalCount));
    const extra = shown.goals.filter((g: { title: string }) => g.title.startsWith('Extra doel'));
    expect(extra).toHaveLength(added);
    for (const goal of extra) {
      expect(goal.actions.map((a: { title: string }) => a.title.split('.')[1])).toEqual(['0', '1', '2', '3'].slice(0, perGoal));
      expect(goal.moreCount).toBe(7 - perGoal);
    }
    expect(overview.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.actions)).length).toBeLessThanOrEqual(
      Math.max(32, shown.goalCount),
    );

    // A chapter that is not one of this agenda's, or no number at all, shows the first one; never a 500.
    for (const bad of ['abc', '-1', '999999']) {
      const { overview: fallback } = payloadOf(await runLoader(overviewLoader, `/?hoofdstuk=${bad}`, { cookie: cookies.lezer }));
      expect(fallback.expandedChapterId).toBe(firstWithGoals.id);
    }
  });
});
