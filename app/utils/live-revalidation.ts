/**
 * Whether the revalidation about to run was started by a live event (a change somebody
 * else made), handed from LiveUpdates to the root route's `shouldRevalidate` (app/root.tsx).
 *
 * On such a revalidation the root loader does not run: the only thing of it that changes
 * with other people's work, the unread-notification count, arrives in the user's own
 * live event instead. Then the browser's request names only the page's route
 * (`/acties.data?_routes=routes/acties._index`), whose answer holds nothing of the user
 * but what their permission scope decides — so the server can share it between the
 * users of one scope (server/page-cache.ts, app/models/page-scope.ts).
 *
 * One-shot: the first root `shouldRevalidate` after the mark takes it, so it never
 * outlives the revalidation it was set for.
 */
let marked = false;

export function markLiveRevalidation(): void {
  marked = true;
}

export function takeLiveRevalidation(): boolean {
  const was = marked;
  marked = false;
  return was;
}
