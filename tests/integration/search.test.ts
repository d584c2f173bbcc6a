import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { createComment, deleteComment, editComment } from '../../app/models/comments/comment.server';
import type { Actor } from '../../app/models/permissions';
import { type SearchResult, searchWorkspace, toMatchExpression } from '../../app/models/search/search.server';
import { MARK_END, MARK_START, splitMarked } from '../../app/models/search/search-text';
import { saveAccent } from '../../app/models/tracker/accent.server';
import { createAction, updateAction } from '../../app/models/tracker/action.server';
import { loader as searchLoader } from '../../app/routes/zoeken';
import { ActionFormSchema } from '../../app/schemas/action';
import { db } from '../../app/utils/db.server';
import { actions, comments, goals, libraryItems, monitorIndicators, organisations, themes, users, yearReports } from '../../db/schema';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runLoader, sessionFor, statusOf } from '../setup/requests';

let actor: Actor;
let goalId: number;
let coordinationId: number;

const userBy = (email: string) =>
  db.select({ id: users.id, role: users.role, organisationId: users.organisationId }).from(users).where(eq(users.email, email)).get()!;
const orgId = (name: string) => db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get()!.id;
const find = (query: string, kinds: SearchResult['hits'][number]['kind'][] = []) => searchWorkspace({ actor, query, kinds, limit: 100 });
const hitIds = (result: SearchResult, kind: string) => result.hits.filter((hit) => hit.kind === kind).map((hit) => hit.id);
const indexSize = () => db.get<{ n: number }>(sql`select count(*) as n from search_index`).n;

function actionInput(title: string, description = '') {
  return ActionFormSchema.parse({
    title,
    description,
    goalId: String(goalId),
    deadline: 'eind 2025',
    status: 'niet_gestart',
    progress: '0',
  });
}

beforeAll(async () => {
  await prepareDatabase();
  actor = userBy('werkgroep.haarlem@koers.test');
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
  coordinationId = createAction({
    userId: actor.id,
    input: actionInput('Regionale coördinatie van de taalmaatjes', 'Eén aanspreekpunt voor alle vrijwilligers.'),
  });
});

describe('the index follows the data', () => {
  it('holds every theme, goal, action, comment, written accent, library item, meeting notes and decision after the seed', () => {
    const sources =
      db.select({ n: count() }).from(themes).get()!.n +
      db.select({ n: count() }).from(goals).get()!.n +
      db.select({ n: count() }).from(actions).get()!.n +
      db.select({ n: count() }).from(comments).get()!.n +
      db.get<{ n: number }>(sql`select count(*) as n from local_accents where body <> ''`).n +
      db.select({ n: count() }).from(libraryItems).get()!.n +
      db.get<{ n: number }>(
        sql`select count(*) as n from collab_snapshots s join meetings m on 'meeting.' || m.id = s.document_name where s.text <> ''`,
      ).n +
      db.get<{ n: number }>(sql`select count(*) as n from decisions`).n;
    expect(indexSize()).toBe(sources);
  });

  it('finds regardless of accents and case', () => {
    for (const query of ['coördinatie', 'COÖRDINATIE', 'coordinatie', 'Coordinatie', 'COORDINATIE']) {
      expect(hitIds(find(query), 'action'), query).toContain(coordinationId);
    }
    // And the other way round: a plain query finds the accented text, an accented query the plain text.
    expect(hitIds(find('een aanspreekpunt'), 'action')).toContain(coordinationId);
  });

  it('finds by prefix as you type', () => {
    const result = find('taalh');
    expect(result.total).toBeGreaterThan(0);
    expect(result.hits.some((hit) => /taalhui/i.test(hit.title + hit.snippet))).toBe(true);
    expect(result.hits.every((hit) => /taalh/i.test(hit.title + hit.snippet + (hit.context ?? '')))).toBe(true);
    // Only the last word is a prefix: "taalh maatjes" wants the whole word "maatjes" and a word starting with "taalh".
    expect(hitIds(find('taalm regionale'), 'action')).not.toContain(coordinationId);
    expect(hitIds(find('regionale taalm'), 'action')).toContain(coordinationId);
  });

  it('finds by code', () => {
    const result = find('1.3.a-A', ['goal']);
    expect(result.hits[0]).toMatchObject({ kind: 'goal', id: goalId, href: `/doelen/${goalId}` });
  });

  it('makes an edit searchable right after it is saved, and forgets the old words', () => {
    expect(hitIds(find('Wijkbibliotheekroute'), 'action')).toEqual([]);
    updateAction({
      userId: actor.id,
      id: coordinationId,
      input: actionInput('Wijkbibliotheekroute voor de taalmaatjes', 'Eén aanspreekpunt voor alle vrijwilligers.'),
    });
    expect(hitIds(find('wijkbibliotheekroute'), 'action')).toEqual([coordinationId]);
    expect(hitIds(find('coördinatie'), 'action')).not.toContain(coordinationId);
    // Put the title back for the other tests.
    updateAction({
      userId: actor.id,
      id: coordinationId,
      input: actionInput('Regionale coördinatie van de taalmaatjes', 'Eén aanspreekpunt voor alle vrijwilligers.'),
    });
  });

  it('a status change leaves the index alone but a partner change is found', () => {
    const before = indexSize();
    db.update(actions).set({ status: 'loopt' }).where(eq(actions.id, coordinationId)).run();
    db.update(actions).set({ partners: 'Bibliotheek Zuid-Kennemerland; Quasimodoloket' }).where(eq(actions.id, coordinationId)).run();
    expect(indexSize()).toBe(before);
    expect(hitIds(find('quasimodoloket'), 'action')).toEqual([coordinationId]);
  });

  it('finds a new comment, an edited comment by its new text, and forgets a deleted one', () => {
    const author = userBy('adviseur@koers.test');
    const id = createComment({
      authorId: author.id,
      targetType: 'action',
      targetId: coordinationId,
      body: 'Misschien kan het Xylofoonproject helpen.',
    });
    const hit = find('xylofoonproject').hits.find((h) => h.kind === 'comment' && h.id === id);
    expect(hit?.href).toBe(`/acties/${coordinationId}#reactie-${id}`);
    expect(hit?.title).toMatch(/^Reactie van .+ op actie Regionale coördinatie van de taalmaatjes$/);

    editComment({ id, body: 'Misschien kan het Zeppelinproject helpen.' });
    expect(hitIds(find('xylofoonproject'), 'comment')).toEqual([]);
    expect(hitIds(find('zeppelinproject'), 'comment')).toEqual([id]);

    const reply = createComment({
      authorId: actor.id,
      targetType: 'action',
      targetId: coordinationId,
      parentId: id,
      body: 'Zeppelinproject klinkt goed.',
    });
    expect(hitIds(find('zeppelinproject'), 'comment').sort()).toEqual([id, reply].sort());
    deleteComment({ id }); // deletes the thread with its reply
    expect(find('zeppelinproject').total).toBe(0);
  });

  it('links a comment on a yearly report to the report, and one on an indicator to the indicator', () => {
    const author = userBy('adviseur@koers.test');
    const reportId = db.insert(yearReports).values({ year: 2024 }).returning({ id: yearReports.id }).get().id;
    const indicator = db
      .select({ id: monitorIndicators.id, code: monitorIndicators.code, name: monitorIndicators.name })
      .from(monitorIndicators)
      .get()!;
    const onReport = createComment({
      authorId: author.id,
      targetType: 'year-report',
      targetId: reportId,
      body: 'Graag meer over het Kwartiermakersfonds.',
    });
    const onIndicator = createComment({
      authorId: author.id,
      targetType: 'indicator',
      targetId: indicator.id,
      body: 'Is de Kwartiermakersfonds-telling per persoon?',
    });

    const hits = find('kwartiermakersfonds', ['comment']).hits;
    expect(hits.find((h) => h.id === onReport)).toMatchObject({
      href: `/jaarrapportages/2024#reactie-${onReport}`,
      title: expect.stringMatching(/^Reactie van .+ op jaarrapportage 2024$/),
      period: { slug: '2020-2024' },
    });
    expect(hits.find((h) => h.id === onIndicator)).toMatchObject({
      href: `/monitor/indicatoren/${encodeURIComponent(indicator.code)}#reactie-${onIndicator}`,
      title: expect.stringMatching(new RegExp(`^Reactie van .+ op indicator ${indicator.code} `)),
    });
    expect(find('kwartiermakersfonds', ['comment']).total).toBe(hits.length);
  });

  it('indexes a local accent once it has text, and links to its cell', () => {
    const zandvoort = orgId('Zandvoort');
    const accentId = saveAccent({ userId: actor.id, goalId, municipalityId: zandvoort, body: 'Zandvoort zet in op de Strandbibliotheek.' });
    const hit = find('strandbibliotheek').hits.find((h) => h.kind === 'accent');
    expect(hit).toMatchObject({ kind: 'accent', id: accentId, href: `/accenten/${goalId}/${zandvoort}` });
    expect(hit?.title).toBe('Lokaal accent Zandvoort');
    expect(hit?.context).toMatch(/^Doel 1\.3\.a-A /);
  });

  it('links themes to their chapter on the overview of their period', () => {
    const theme = db.select({ id: themes.id, title: themes.title }).from(themes).where(eq(themes.code, '1.3.a')).get()!;
    const hit = find(theme.title, ['theme']).hits[0];
    expect(hit).toMatchObject({
      kind: 'theme',
      id: theme.id,
      href: `/?periode=2020-2024&hoofdstuk=${theme.id}#thema-${theme.id}`,
      period: { slug: '2020-2024', label: '2020–2024', status: 'vastgesteld' },
    });
  });
});

describe('results', () => {
  it('highlight the match in the title and the snippet', () => {
    const author = userBy('adviseur@koers.test');
    createComment({
      authorId: author.id,
      targetType: 'goal',
      targetId: goalId,
      body: 'Een lange inleiding zonder het woord, en dan eindelijk de Kikkerkoning als voorbeeld.',
    });
    const comment = find('kikkerkoning', ['comment']).hits[0]!;
    expect(comment.snippet).toContain(`${MARK_START}Kikkerkoning${MARK_END}`);
    expect(
      splitMarked(comment.snippet)
        .filter((p) => p.marked)
        .map((p) => p.text),
    ).toEqual(['Kikkerkoning']);

    const action = find('coordinatie', ['action']).hits.find((h) => h.id === coordinationId)!;
    expect(action.title).toContain(`${MARK_START}coördinatie${MARK_END}`);
  });

  it('are filtered by kind, with counts per kind', () => {
    const all = find('taal');
    const onlyActions = find('taal', ['action']);
    expect(onlyActions.hits.length).toBeGreaterThan(0);
    expect(onlyActions.hits.every((hit) => hit.kind === 'action')).toBe(true);
    expect(onlyActions.total).toBe(all.countsByKind.action);
    expect(all.total).toBe(Object.values(all.countsByKind).reduce((a, b) => a + b, 0));
    const two = find('taal', ['goal', 'comment']);
    expect(new Set(two.hits.map((hit) => hit.kind))).toEqual(new Set(['goal', 'comment'].filter((k) => all.countsByKind[k as 'goal'] > 0)));
  });

  it('are ordered by relevance: a title match before a text-only match', () => {
    const author = userBy('adviseur@koers.test');
    createComment({ authorId: author.id, targetType: 'goal', targetId: goalId, body: 'Het Wijkbibliotheekroute idee kwam uit Velsen.' });
    createAction({ userId: actor.id, input: actionInput('Wijkbibliotheekroute uitrollen') });
    const hits = find('wijkbibliotheekroute').hits;
    expect(hits[0]?.kind).toBe('action');
  });

  it('page with limit and offset', () => {
    const first = searchWorkspace({ actor, query: 'de', limit: 5, offset: 0 });
    const second = searchWorkspace({ actor, query: 'de', limit: 5, offset: 5 });
    expect(first.hits).toHaveLength(5);
    expect(second.hits.length).toBeGreaterThan(0);
    const keys = (r: SearchResult) => r.hits.map((h) => `${h.kind}${h.id}`);
    expect(keys(first).filter((k) => keys(second).includes(k))).toEqual([]);
  });
});

describe('hostile or odd input', () => {
  const inputs = [
    '"',
    '""',
    'AND (',
    '*',
    '-',
    'NEAR(',
    'NEAR(a b',
    'a OR b',
    'NOT',
    '^taal',
    'title:taal',
    '{title body}: x',
    "'; drop table actions; --",
    '\u0000',
    '(((',
    'taal"huis',
    'x'.repeat(500),
    'a '.repeat(300),
    '🙂',
    '\uE000taal\uE001',
  ];

  it('never throws, and FTS syntax is searched as text', () => {
    for (const input of inputs) {
      expect(() => find(input), JSON.stringify(input)).not.toThrow();
    }
    expect(find('"').expression).toBeNull();
    expect(find('*').expression).toBeNull();
    expect(find('taal"huis').total).toBeGreaterThanOrEqual(0);
    expect(db.select({ n: count() }).from(actions).get()!.n).toBeGreaterThan(0);
  });

  it('turns input into quoted terms, the last one a prefix', () => {
    expect(toMatchExpression('taalh')).toBe('"taalh"*');
    expect(toMatchExpression('Taal AND huis')).toBe('"Taal" "AND" "huis"*');
    expect(toMatchExpression('NEAR(a b')).toBe('"NEAR a" "b"');
    expect(toMatchExpression('1.3.a')).toBe('"1 3 a"');
    expect(toMatchExpression('digi-sterker')).toBe('"digi sterker"*');
    expect(toMatchExpression('  " * - ( ')).toBeNull();
  });
});

describe('/zoeken', () => {
  it('needs a session', async () => {
    const result = await runLoader(searchLoader, '/zoeken?q=taal');
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toMatch(/^\/login/);
  });

  it('answers every role (everyone may read everything)', async () => {
    for (const email of [
      'beheer@koers.test',
      'werkgroep.velsen@koers.test',
      'gemeente.zandvoort@koers.test',
      'adviseur@koers.test',
      'lezer@koers.test',
    ]) {
      const result = await runLoader(searchLoader, '/zoeken?q=coordinatie', { cookie: await sessionFor(email) });
      expect(statusOf(result), email).toBe(200);
      expect(payloadOf(result).result.hits.some((h: { kind: string; id: number }) => h.kind === 'action' && h.id === coordinationId)).toBe(
        true,
      );
    }
  });

  it('shows the explanation for an empty query, and a message for a too long one', async () => {
    const cookie = await sessionFor('lezer@koers.test');
    const empty = payloadOf(await runLoader(searchLoader, '/zoeken', { cookie }));
    expect(empty.result).toBeNull();
    expect(empty.fieldErrors).toEqual({});

    const long = await runLoader(searchLoader, `/zoeken?q=${'taal'.repeat(60)}`, { cookie });
    expect(statusOf(long)).toBe(200);
    expect(payloadOf(long).fieldErrors.q).toBe('De zoekterm mag hoogstens 200 tekens lang zijn.');
    expect(payloadOf(long).result).toBeNull();
  });

  it('filters by kind from the query string and ignores unknown kinds and pages', async () => {
    const cookie = await sessionFor('adviseur@koers.test');
    const filtered = payloadOf(await runLoader(searchLoader, '/zoeken?q=taal&soort=goal&soort=onzin&pagina=abc', { cookie }));
    expect(filtered.params.soort).toEqual(['goal']);
    expect(filtered.params.pagina).toBe(1);
    expect(filtered.fieldErrors.soort).toBeTruthy();
    expect(filtered.fieldErrors.pagina).toBeTruthy();
    expect(filtered.result.hits.length).toBeGreaterThan(0);
    expect(filtered.result.hits.every((h: { kind: string }) => h.kind === 'goal')).toBe(true);
  });

  it('answers hostile queries with 200', async () => {
    const cookie = await sessionFor('lezer@koers.test');
    for (const q of ['"', 'AND (', '*', '-', 'NEAR(', 'x'.repeat(500)]) {
      const result = await runLoader(searchLoader, `/zoeken?${new URLSearchParams({ q })}`, { cookie });
      expect(statusOf(result), q).toBe(200);
    }
  });
});
