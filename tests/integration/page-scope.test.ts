/**
 * Live revalidations shared between the users of one permission scope (server/page-cache.ts,
 * app/models/page-scope.ts): the page cache with the real session lookup (server/session-scope.ts)
 * in front of the real loaders, answered as single-fetch data requests.
 *
 * The data version is held still here on purpose: every write moves it in production, which
 * would hide a cache that trusted an old session. What keeps a user from another scope's
 * answer, or from one they lost access to, must be the scope looked up on every request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { LoaderFunctionArgs } from '@remix-run/node';
import compression from 'compression';
import { eq } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { createSession } from '../../app/models/accounts/session.server';
import { permissionScope, SHARED_ROUTES, sharedRouteOf } from '../../app/models/page-scope';
import { loader as overviewLoader } from '../../app/routes/_index';
import { loader as listLoader } from '../../app/routes/acties._index';
import { loader as actionLoader } from '../../app/routes/acties.$actionId';
import { loader as searchLoader } from '../../app/routes/zoeken';
import { sessionCookie } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import { forgetKeptLoaderData } from '../../app/utils/kept-loader-data.server';
import { actions, users } from '../../db/schema';
import { pageCache } from '../../server/page-cache';
import { sessionScope } from '../../server/session-scope';
import { prepareDatabase } from '../setup/database';
import { runLoader, sessionFor } from '../setup/requests';

const HAARLEM = 'werkgroep.haarlem@koers.test';
const VELSEN = 'werkgroep.velsen@koers.test';
const LEZER = 'lezer@koers.test';
const BEHEER = 'beheer@koers.test';
const GEMEENTE = 'gemeente.zandvoort@koers.test';
const ADVISEUR = 'adviseur@koers.test';
/** A second werkgroeplid of Haarlem, created here: the same scope as HAARLEM, another person. */
const HAARLEM_TWO = 'werkgroep2.haarlem@koers.test';

type Loader = (args: LoaderFunctionArgs) => unknown;
const LOADERS: Record<string, Loader> = {
  'routes/_index': overviewLoader,
  'routes/acties._index': listLoader,
  'routes/zoeken': searchLoader,
  'routes/acties.$actionId': actionLoader,
};

let server: http.Server;
let base = '';
let version = 1;
const runs: string[] = [];
const cookies: Record<string, string> = {};
let actionId = 0;

beforeAll(async () => {
  await prepareDatabase({ periods: true }); // 2020–2024 closed, 2025–2028 current: the scopes must hold in both
  for (const email of [HAARLEM, VELSEN, LEZER, BEHEER, GEMEENTE, ADVISEUR]) cookies[email] = await sessionFor(email);
  const haarlem = db.select().from(users).where(eq(users.email, HAARLEM)).get()!;
  const second = db
    .insert(users)
    .values({ email: HAARLEM_TWO, name: 'Tweede Haarlemmer', role: 'werkgroeplid', organisationId: haarlem.organisationId, isDemo: true })
    .returning({ id: users.id })
    .get();
  cookies[HAARLEM_TWO] = (await sessionCookie.serialize(createSession(second.id).id)).split(';')[0]!;
  actionId = db.select({ id: actions.id }).from(actions).orderBy(actions.id).limit(1).get()!.id;

  // The order of server/index.ts: page cache, compression, then (as the security headers do) a CSP with a fresh nonce.
  const app = express();
  app.use(pageCache({ dataVersion: () => String(version), sessionCookieName: 'koers_session', scopeOf: sessionScope }));
  app.use(compression());
  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', `script-src 'self' 'nonce-${Math.random().toString(36).slice(2)}'`);
    next();
  });
  // A single-fetch data request: the loaders named in `_routes` (as Remix runs them), their data as the answer.
  app.get(/\.data$/, async (req, res) => {
    const routeIds = String(req.query._routes ?? '').split(',');
    const path = req.path.replace(/\.data$/, '').replace(/^\/_root$/, '/');
    const answer: Record<string, unknown> = {};
    for (const routeId of routeIds) {
      runs.push(routeId);
      const params: Record<string, string> = routeId === 'routes/acties.$actionId' ? { actionId: path.split('/')[2]! } : {};
      const query = new URL(req.originalUrl, 'http://x').searchParams;
      query.delete('_routes');
      const result = await runLoader(LOADERS[routeId]!, `${path}?${query}`, { params, cookie: req.headers.cookie ?? null });
      if (result instanceof Response)
        return res
          .status(result.status)
          .type('text/plain')
          .send(result.headers.get('location') ?? '');
      answer[routeId] = result;
    }
    res.type('text/x-script').send(JSON.stringify(answer));
  });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

beforeEach(() => {
  version += 1; // a fresh cache for each test
  runs.length = 0;
});

async function get(path: string, email: string) {
  const response = await fetch(base + path, { headers: { cookie: cookies[email]!, 'accept-encoding': 'gzip' }, redirect: 'manual' });
  return { status: response.status, csp: response.headers.get('content-security-policy'), text: await response.text() };
}
const LIST = '/acties.data?_routes=routes/acties._index';

describe('which requests may be shared', () => {
  it('only a data request for exactly one reviewed route', () => {
    const of = (url: string) => {
      const parsed = new URL(url, 'http://x');
      return sharedRouteOf(parsed.pathname, parsed.searchParams);
    };
    expect(of(LIST)).toBe('routes/acties._index');
    expect(of('/_root.data?_routes=routes/_index&periode=2022-2025')).toBe('routes/_index');
    expect(of('/zoeken.data?q=taal&_routes=routes/zoeken')).toBe('routes/zoeken');
    // The root comes along (its user and unread count), a list of routes, or no list: per session.
    expect(of('/acties.data')).toBeNull();
    expect(of('/acties.data?_routes=root,routes/acties._index')).toBeNull();
    expect(of('/acties.data?_routes=routes/acties._index&_routes=root')).toBeNull();
    expect(of('/acties/1.data?_routes=routes/acties.$actionId')).toBeNull();
    // Never the HTML page, whatever its query says.
    expect(of('/acties?_routes=routes/acties._index')).toBeNull();
  });

  it('the reviewed loaders answer two people of one scope the same, and differ between roles', async () => {
    for (const routeId of SHARED_ROUTES) {
      const path = { 'routes/_index': '/', 'routes/acties._index': '/acties', 'routes/zoeken': '/zoeken?q=lezen' }[routeId]!;
      // Each person's own loader run, not what the first one kept (app/utils/kept-loader-data.server.ts).
      const fresh = (email: string) => {
        forgetKeptLoaderData();
        return runLoader(LOADERS[routeId]!, path, { cookie: cookies[email] });
      };
      const one = await fresh(HAARLEM);
      const two = await fresh(HAARLEM_TWO);
      const otherMunicipality = await fresh(VELSEN);
      // If this fails, the loader started to read something of the user (another
      // person, another organisation): review it, or take it out of SHARED_ROUTES.
      expect(JSON.stringify(two), routeId).toBe(JSON.stringify(one));
      expect(JSON.stringify(otherMunicipality), routeId).toBe(JSON.stringify(one));
    }
    const lezer = (await runLoader(listLoader, '/acties', { cookie: cookies[LEZER] })) as { mayCreate: boolean };
    const werkgroep = (await runLoader(listLoader, '/acties', { cookie: cookies[HAARLEM] })) as { mayCreate: boolean };
    expect([lezer.mayCreate, werkgroep.mayCreate]).toEqual([false, true]);
  });
});

describe('the shared cache', () => {
  it('runs a shared page’s loader once for two people of one scope, with a fresh nonce for each', async () => {
    const first = await get(LIST, HAARLEM);
    const second = await get(LIST, HAARLEM_TWO);
    expect(first.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(runs).toEqual(['routes/acties._index']);
    expect(second.csp).toMatch(/'nonce-[^']+'/);
    expect(second.csp).not.toBe(first.csp);
  });

  it('never gives a lezer the werkgroeplid’s answer (edit controls); werkgroepleden of two municipalities share one', async () => {
    const haarlem = await get(LIST, HAARLEM);
    const lezer = await get(LIST, LEZER);
    const velsen = await get(LIST, VELSEN);
    // Two scopes (werkgroeplid, lezer): two loader runs; Velsen's werkgroeplid gets Haarlem's answer.
    expect(runs).toEqual(['routes/acties._index', 'routes/acties._index']);
    expect(JSON.parse(haarlem.text)['routes/acties._index'].mayCreate).toBe(true);
    expect(JSON.parse(lezer.text)['routes/acties._index'].mayCreate).toBe(false);
    expect(velsen.text).toBe(haarlem.text);
  });

  it('gives every role one search answer: the kinds they may find are all it reads of them', async () => {
    const search = '/zoeken.data?q=lezen&_routes=routes/zoeken';
    const werkgroep = await get(search, HAARLEM);
    const lezer = await get(search, LEZER);
    expect(werkgroep.status).toBe(200);
    expect(lezer.text).toBe(werkgroep.text);
    expect(runs).toEqual(['routes/zoeken']);
  });

  it('the reviewed loaders answer people of different roles in one scope the same: the scope is what the loader decides by', async () => {
    // Each person's own loader run, in the closed 2020–2024 period and in the current one.
    const answerOf = async (routeId: string, email: string) => {
      const paths = {
        'routes/_index': ['/', '/?periode=2020-2024'],
        'routes/acties._index': ['/acties', '/acties?periode=2020-2024'],
        'routes/zoeken': ['/zoeken?q=lezen'],
      }[routeId]!;
      const answers = [];
      for (const path of paths) {
        forgetKeptLoaderData();
        answers.push(await runLoader(LOADERS[routeId]!, path, { cookie: cookies[email] }));
      }
      return JSON.stringify(answers);
    };
    // The six demo people, one of each role and two werkgroepleden, grouped by their scope.
    const people = [BEHEER, HAARLEM, VELSEN, GEMEENTE, ADVISEUR, LEZER];
    const scopeOf = (routeId: string, email: string) =>
      permissionScope(db.select().from(users).where(eq(users.email, email)).get()!, routeId);
    const expectedScopes = {
      'routes/_index': [
        [BEHEER, HAARLEM, VELSEN],
        [GEMEENTE, ADVISEUR, LEZER],
      ], // who may edit the agenda
      'routes/acties._index': [
        [BEHEER, HAARLEM, VELSEN, GEMEENTE],
        [ADVISEUR, LEZER],
      ], // who may add actions
      'routes/zoeken': [people], // every role finds every kind
    };
    for (const routeId of SHARED_ROUTES) {
      const groups = new Map<string, string[]>();
      for (const email of people) groups.set(scopeOf(routeId, email), [...(groups.get(scopeOf(routeId, email)) ?? []), email]);
      expect([...groups.values()], routeId).toEqual(expectedScopes[routeId as keyof typeof expectedScopes]);
      // One answer per scope (too coarse a scope fails here), and a different one for each (too fine a scope fails there).
      const scopeAnswers = [];
      for (const group of groups.values()) {
        const answers = await Promise.all(group.map((email) => answerOf(routeId, email)));
        for (const [i, answer] of answers.entries()) expect(answer, `${routeId}: ${group[i]} and ${group[0]}`).toBe(answers[0]);
        scopeAnswers.push(answers[0]);
      }
      expect(new Set(scopeAnswers).size, routeId).toBe(groups.size);
    }
  });

  it('gives every role of one scope the answer made once: the beheerder the werkgroeplid’s list, the adviseur the lezer’s', async () => {
    const werkgroep = await get(LIST, HAARLEM);
    const beheer = await get(LIST, BEHEER);
    const lezer = await get(LIST, LEZER);
    const adviseur = await get(LIST, ADVISEUR);
    expect(beheer.text).toBe(werkgroep.text);
    expect(adviseur.text).toBe(lezer.text);
    expect(lezer.text).not.toBe(werkgroep.text);
    expect(runs).toEqual(['routes/acties._index', 'routes/acties._index']);
  });

  it('keeps per-user data per session: the action page (own comments, the actor)', async () => {
    const path = `/acties/${actionId}.data?_routes=routes/acties.$actionId`;
    const one = JSON.parse((await get(path, HAARLEM)).text)['routes/acties.$actionId'];
    const two = JSON.parse((await get(path, HAARLEM_TWO)).text)['routes/acties.$actionId'];
    expect(runs).toHaveLength(2);
    expect(two.actor.id).not.toBe(one.actor.id);
    // The same person again is served from their own entry.
    await get(path, HAARLEM_TWO);
    expect(runs).toHaveLength(2);
  });

  it('gives a person who was deactivated nothing from the cache, and one whose role changed their new scope’s answer', async () => {
    const second = db.select().from(users).where(eq(users.email, HAARLEM_TWO)).get()!;
    const before = await get(LIST, HAARLEM_TWO);
    expect(JSON.parse(before.text)['routes/acties._index'].mayCreate).toBe(true);
    await get(LIST, LEZER);
    try {
      db.update(users).set({ role: 'lezer' }).where(eq(users.id, second.id)).run();
      const asLezer = await get(LIST, HAARLEM_TWO);
      expect(JSON.parse(asLezer.text)['routes/acties._index'].mayCreate).toBe(false);

      db.update(users).set({ active: false }).where(eq(users.id, second.id)).run();
      const deactivated = await get(LIST, HAARLEM_TWO);
      expect(deactivated.status).toBe(302);
      expect(deactivated.text).toMatch(/^\/login/);
    } finally {
      db.update(users).set({ role: 'werkgroeplid', active: true }).where(eq(users.id, second.id)).run();
    }
  });

  it('shares nothing after a write: the next data version starts over', async () => {
    await get(LIST, HAARLEM);
    version += 1;
    await get(LIST, HAARLEM_TWO);
    expect(runs).toHaveLength(2);
  });
});

describe('the data a first view reads, kept per scope (app/utils/kept-loader-data.server.ts)', () => {
  type ListData = { mayCreate: boolean; list: { rows: Array<{ id: number; title: string }> } };
  const openList = async (email?: string) =>
    (await runLoader(listLoader, '/acties?sort=gewijzigd&richting=af', { cookie: email ? cookies[email] : null })) as ListData;

  it('gives the next person of the scope what the first read, and the new data after a change', async () => {
    const one = await openList(HAARLEM);
    expect(await openList(VELSEN)).toBe(one); // one loader run for both
    const action = db.select({ id: actions.id, title: actions.title }).from(actions).where(eq(actions.id, one.list.rows[0]!.id)).get()!;
    try {
      db.update(actions)
        .set({ title: `${action.title} (herzien)` })
        .where(eq(actions.id, action.id))
        .run();
      const after = await openList(HAARLEM_TWO);
      expect(after).not.toBe(one);
      expect(after.list.rows.find((row) => row.id === action.id)?.title).toBe(`${action.title} (herzien)`);
    } finally {
      db.update(actions).set({ title: action.title }).where(eq(actions.id, action.id)).run();
    }
  });

  it('never gives a lezer what a werkgroeplid read, nor anything to a request without a session', async () => {
    expect((await openList(HAARLEM)).mayCreate).toBe(true);
    expect((await openList(LEZER)).mayCreate).toBe(false);
    const anonymous = await openList().catch((thrown: unknown) => thrown);
    expect(anonymous).toBeInstanceOf(Response);
    expect((anonymous as Response).headers.get('location')).toMatch(/^\/login/);
  });

  it('reads again on the next day, when deadlines may have passed', async () => {
    const today = await openList(HAARLEM);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 24 * 60 * 60 * 1000);
      expect(await openList(HAARLEM)).not.toBe(today);
    } finally {
      vi.useRealTimers();
    }
  });

  it('cannot be changed by a render that shares it', async () => {
    const kept = await openList(HAARLEM);
    expect(() => {
      kept.list.rows[0]!.title = 'overschreven';
    }).toThrow(TypeError);
  });
});
