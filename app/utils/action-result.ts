import { useActionData, useLocation } from '@remix-run/react';
import { useRef } from 'react';

/**
 * `useActionData`, but kept while the page revalidates. React Router clears action data
 * on every completed navigation that is not the action's own reload — including the
 * revalidation a live update starts (app/components/layout/live-updates.tsx) a moment
 * after the write. A one-time result (a new invite link, a reset link) or the errors
 * beside a field would vanish from the screen. A revalidation keeps the location (and
 * its key); a new submission or any other navigation brings a new one, so the kept
 * result is shown for exactly as long as the location it was answered on.
 * See docs/decisions/015-action-results-and-one-time-links.md.
 */
export function useActionResult<T>() {
  const actionData = useActionData<T>();
  const { key } = useLocation();
  const kept = useRef<{ key: string; data: typeof actionData } | null>(null);
  if (actionData !== undefined) kept.current = { key, data: actionData };
  else if (kept.current && kept.current.key !== key) kept.current = null;
  return actionData ?? kept.current?.data;
}
