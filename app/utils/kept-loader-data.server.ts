import { permissionScope, SHARED_ROUTES } from '../models/page-scope';
import type { Actor } from '../models/permissions';
import { readWorkspaceVersion } from '../models/workspace-version.server';
import { env } from './env.server';
import { singleton } from './singleton.server';
import { todayInNL } from './today';

/**
 * What a shared route's loader computed (app/models/page-scope.ts `SHARED_ROUTES`), kept
 * per route, permission scope, query and day until the workspace version moves, for at
 * most a minute.
 *
 * The page cache (server/page-cache.ts) already shares the *bytes* of a live revalidation
 * per scope. A first view cannot be shared that way — its HTML holds the session's own
 * CSP nonce and the root's user data — but the route's own data in it can: after a change,
 * everyone of one scope who opens the overview or the list gets what one loader run read
 * (its SQL was about a fifth of a first view's CPU under the capacity load). The rules that
 * make sharing safe are page-scope.ts's: only reviewed routes, keyed by the scope, and
 * tests/integration/page-scope.test.ts compares two people of one scope with this store
 * emptied in between.
 *
 * Authentication stays outside: the loader checks the session on every request and only
 * then asks for the data. The version is read before the data, so a write committed in
 * between makes the kept data newer than its version, never older. The day is in the key
 * (deadlines turn overdue at midnight); the minute bounds what no version covers.
 *
 * The kept objects are handed to every render that asks: nothing may change them. Outside
 * production they are frozen, so a render that tries fails in the tests.
 *
 * `KOERS_PAGE_CACHE=off` turns this off with the page cache: then every request runs its
 * loader, which is what "uncached" means in the page benchmark (`npm run bench -- --no-cache`).
 */
const KEPT_FOR_MS = 60_000;
const MAX_KEPT = 200;

type Store = { version: number | null; entries: Map<string, { data: unknown; keptAt: number }> };
const store = () => singleton<Store>('kept-loader-data', () => ({ version: null, entries: new Map() }));

export function keptLoaderData<T>(routeId: string, request: Request, actor: Actor, compute: () => T): T {
  if (!SHARED_ROUTES.has(routeId)) throw new Error(`${routeId} is not a reviewed shared route (app/models/page-scope.ts)`);
  if (env.KOERS_PAGE_CACHE === 'off') return compute();
  const kept = store();
  const version = readWorkspaceVersion();
  if (kept.version !== version) {
    kept.entries.clear();
    kept.version = version;
  }
  const query = new URL(request.url).searchParams;
  // A data request names the route it loads; the answer is the same as the page's.
  query.delete('_routes');
  query.delete('index');
  const key = [routeId, permissionScope(actor, routeId), todayInNL(), query.toString()].join('\n');
  const hit = kept.entries.get(key);
  if (hit && Date.now() - hit.keptAt < KEPT_FOR_MS) return hit.data as T;
  const data = compute();
  if (process.env.NODE_ENV !== 'production') deepFreeze(data);
  kept.entries.delete(key);
  if (kept.entries.size >= MAX_KEPT) kept.entries.delete(kept.entries.keys().next().value!);
  kept.entries.set(key, { data, keptAt: Date.now() });
  return data;
}

/** Empties the store: for tests that must see what a loader computes, not what it kept. */
export function forgetKeptLoaderData() {
  store().entries.clear();
}

function deepFreeze(value: unknown) {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
