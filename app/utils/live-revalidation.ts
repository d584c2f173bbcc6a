/**
 * Whether the revalidation about to run was started by a live event (a change somebody
 * else made), handed from LiveUpdates to the routes' `shouldRevalidate`.
 *
 * On such a revalidation the root loader does not run (app/root.tsx): the only thing of
 * it that changes with other people's work, the unread-notification count, arrives in the
 * user's own live event instead. Then the browser's request names only the page's route
 * (`/acties.data?_routes=routes/acties._index`), whose answer holds nothing of the user
 * but what their permission scope decides — so the server can share it between the
 * users of one scope (server/page-cache.ts, app/models/page-scope.ts).
 *
 * The mark also says which actions' pages changed, when the events said so (decision
 * 028): an action page that shows none of them skips its loader, and when no route is
 * left to load the browser sends no request at all.
 *
 * One-shot: the root's `shouldRevalidate`, the first one Remix asks in every revalidation
 * and navigation (routes are asked from the root down, in one synchronous pass), takes
 * the mark, so it never outlives the revalidation it was set for; the routes below read
 * what the root took during that same pass.
 */
export type LiveRevalidation = {
  /** The actions whose pages changed; null: any page may have. */
  changedActions: ReadonlySet<number> | null;
};

let marked: LiveRevalidation | null = null;
let thisPass: LiveRevalidation | null = null;

export function markLiveRevalidation(mark: LiveRevalidation = { changedActions: null }): void {
  marked = mark;
}

/** For the root route: the mark, if this revalidation was started by a live event. */
export function takeLiveRevalidation(): LiveRevalidation | null {
  thisPass = marked;
  marked = null;
  // Remix asks every route of the pass before it awaits anything: the pass ends here.
  if (thisPass) queueMicrotask(() => (thisPass = null));
  return thisPass;
}

/**
 * For a route below the root: whether this revalidation is a live one that leaves the
 * page of each of `actionIds` unchanged, so its loader need not run.
 */
export function liveRevalidationSpares(actionIds: readonly number[]): boolean {
  const changed = thisPass?.changedActions;
  return changed != null && !actionIds.some((id) => changed.has(id));
}
