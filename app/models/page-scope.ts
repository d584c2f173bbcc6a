import { PERIOD_STATUSES, type PeriodState } from './periods/period-rules';
import { type Actor, canCreateAnyAction, canEditAgenda } from './permissions';
import { visibleKinds } from './search/search-visibility';

/**
 * Which page data may be shared between users, and between which users.
 *
 * When somebody changes the workspace, every open page revalidates (live updates). A
 * revalidation started by a live event asks only for the page's own route
 * (`/acties.data?_routes=routes/acties._index`, app/root.tsx), and for the routes below
 * that answer depends on the user only through their *permission scope*: the same URL,
 * data version and scope give the same bytes, whoever asks. The page cache
 * (server/page-cache.ts) then keeps one answer per scope instead of one per session, so a
 * change costs one loader run per page and scope instead of one per open page. The
 * overview's and the list's loaders also keep their data per scope for first views
 * (app/utils/kept-loader-data.server.ts, which refuses any route not listed here).
 *
 * The scope is, per route, exactly what its loader's answer depends on of the user: the
 * decisions of the permission rules it asks (`SCOPE_OF_SHARED_ROUTE`). Two roles for which
 * those rules decide alike share one answer — the beheerder's list is the werkgroeplid's
 * (both may add actions), the adviseur's overview the lezer's. A rule that also reads the
 * organisation or the user's id (canEditAccent, own comments) cannot be in such a loader;
 * a route whose loader asks one is per user. (Until 6 December morning the scope was role
 * + organisation: 27 scopes in the benchmark workspace; then the role: 5; now 2 for the
 * overview and the list and 1 for search.)
 *
 * SHARED_ROUTES lists the routes whose loaders were reviewed line by line (5 December
 * 2026). A route belongs here only if its loader, and every model function it calls,
 * reads nothing of the user but `permissionScope`'s fields (no `actor.id`, no `user`
 * returned, no follows, drafts, own comments or read marks). Change such a loader and
 * you must review it again; tests/integration/page-scope.test.ts compares the loaders'
 * answers for two users of one scope and fails when one starts to differ.
 *
 * - `routes/_index` (the agenda overview): `getAgendaOverview({ today, includeLocal,
 *   periodId })` reads no user; `mayEditAgenda: canEditAgenda(actor, period)`.
 * - `routes/acties._index` (the action list): `readListFilters`, `listActions({ filters,
 *   today, period })` read no user; `mayCreate: canCreateAnyAction(actor, period)`.
 * - `routes/zoeken` (search): `searchWorkspace({ actor, … })` filters by
 *   `visibleKinds(actor)` (every role reads every kind today), and the loader returns
 *   those kinds; nothing else of the user.
 *   A per-user visibility clause (search.server.ts `visibilityCondition`) must take it out.
 *
 * Not shared, with the reason:
 * - `root`: the user's name and unread notifications (it does not run on a live revalidation).
 * - `routes/acties.$actionId` (an action): returns the actor (with id) for the comment
 *   threads' own-comment edit and delete rights (`canEditComment`, `canDeleteComment`,
 *   `canResolveThread` compare ids).
 * - everything else: not reviewed; stays per session.
 */
const SCOPE_OF_SHARED_ROUTE: Readonly<Record<string, (actor: Actor) => string>> = {
  'routes/_index': (actor) => `edit-agenda:${inEveryPeriodStatus(canEditAgenda, actor)}`,
  'routes/acties._index': (actor) => `add-actions:${inEveryPeriodStatus(canCreateAnyAction, actor)}`,
  // Every role finds every kind today, so one search answer serves them all.
  'routes/zoeken': (actor) => `kinds:${visibleKinds(actor).join(',')}`,
};

export const SHARED_ROUTES: ReadonlySet<string> = new Set(Object.keys(SCOPE_OF_SHARED_ROUTE));

/**
 * The permission scope of a user for one of the SHARED_ROUTES: what the route's loader
 * decides by, and nothing more, so that as many people as possible share an answer (each
 * scope costs a render per page and change). A rule asked about the page's period is taken
 * for a period of every status, so the scope holds whichever period the page shows.
 */
export function permissionScope(actor: Actor, routeId: string): string {
  const scopeOf = SCOPE_OF_SHARED_ROUTE[routeId];
  if (!scopeOf) throw new Error(`${routeId} is not a reviewed shared route`);
  return scopeOf(actor);
}

/** A rule's decisions for the actor in a period of each status, e.g. "110" (concept, vastgesteld, afgesloten). */
function inEveryPeriodStatus(rule: (actor: Actor, period: PeriodState) => boolean, actor: Actor): string {
  return PERIOD_STATUSES.map((status) => (rule(actor, { status }) ? '1' : '0')).join('');
}

/**
 * The route a single-fetch data request loads if it is one that may be shared: a `.data`
 * URL that names exactly one route in `_routes`, and that route is in SHARED_ROUTES (the
 * server runs only the loaders named there). Anything else: null, cache per session.
 */
export function sharedRouteOf(pathname: string, search: URLSearchParams): string | null {
  if (!pathname.endsWith('.data')) return null;
  const routes = search.getAll('_routes');
  if (routes.length !== 1) return null;
  const route = routes[0]!;
  return SHARED_ROUTES.has(route) ? route : null;
}
