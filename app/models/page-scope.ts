import type { Actor } from './permissions';
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
 * The scope is the role: the only field of a user that the SHARED_ROUTES' loaders read.
 * app/models/permissions.ts also decides by the organisation (a municipality's own
 * accents, canEditAccent) and by the user's id (own comments, own library items,
 * oneself); a route whose loader asks such a rule is either per user or adds the field to
 * the scope below. (Until 6 December the scope was role + organisation, a safer default
 * while these loaders were reworked; 27 scopes in the benchmark workspace instead of 5.)
 *
 * SHARED_ROUTES lists the routes whose loaders were reviewed line by line (5 December
 * 2026). A route belongs here only if its loader, and every model function it calls,
 * reads nothing of the user but `permissionScope`'s fields (no `actor.id`, no `user`
 * returned, no follows, drafts, own comments or read marks). Change such a loader and
 * you must review it again; tests/integration/page-scope.test.ts compares the loaders'
 * answers for two users of one scope and fails when one starts to differ.
 *
 * - `routes/_index` (the agenda overview): `getAgendaOverview({ today, includeLocal,
 *   periodId })` reads no user; `mayEditAgenda: canEditAgenda(actor, period)` → role.
 * - `routes/acties._index` (the action list): `readListFilters`, `listActions({ filters,
 *   today, period })` read no user; `mayCreate: canCreateAnyAction(actor, period)` → role.
 * - `routes/zoeken` (search): `searchWorkspace({ actor, … })` filters by
 *   `visibleKinds(actor)` (every role reads every kind today), and the loader returns
 *   those kinds; nothing else of the user. Its scope is the kinds (`permissionScope`).
 *   A per-user visibility clause (search.server.ts `visibilityCondition`) must take it out.
 *
 * Not shared, with the reason:
 * - `root`: the user's name and unread notifications (it does not run on a live revalidation).
 * - `routes/acties.$actionId` (an action): returns the actor (with id) for the comment
 *   threads' own-comment edit and delete rights (`canEditComment`, `canDeleteComment`,
 *   `canResolveThread` compare ids).
 * - everything else: not reviewed; stays per session.
 */
export const SHARED_ROUTES: ReadonlySet<string> = new Set(['routes/_index', 'routes/acties._index', 'routes/zoeken']);

/**
 * The permission scope of a user for one of the SHARED_ROUTES: everything of them that the
 * route's loader reads. The role, except for search, whose loader reads the user only
 * through the kinds they may find — every role finds every kind today, so one search
 * answer serves them all (3 search renders per change in the capacity benchmark instead
 * of 15). A new field read by a loader goes into its scope here.
 */
export function permissionScope(actor: Pick<Actor, 'role'>, routeId: string): string {
  return routeId === 'routes/zoeken' ? `soorten:${visibleKinds(actor).join(',')}` : actor.role;
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
