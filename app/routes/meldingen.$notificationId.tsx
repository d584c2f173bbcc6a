import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';

import { markNotificationRead } from '../models/notifications/notification-inbox.server';
import { requireUser } from '../utils/auth.server';
import { methodNotAllowed, requireFound, requireIdParam } from '../utils/http.server';
import { safeRedirect } from '../utils/redirect';

/**
 * Opening a notification: marks it read and goes to its place. Someone else's
 * notification is "not found", and stays unread.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.notificationId);
  const link = requireFound(markNotificationRead({ userId: user.id, id }));
  return redirect(safeRedirect(link, '/meldingen'));
}

/**
 * Opening is a GET. Without an action Remix answers a POST with its own 405 and logs a
 * stack trace; this answers a bad id with 404 and anything else with a plain 405.
 * Thrown, so the loader (which marks the notification read) does not run.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  requireIdParam(params.notificationId);
  throw methodNotAllowed('GET');
}
