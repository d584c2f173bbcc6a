import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';

import { t } from '../i18n';
import { markNotificationRead } from '../models/notifications/notification-inbox.server';
import { requireUser } from '../utils/auth.server';
import { safeRedirect } from '../utils/redirect';
import { notFound, requireIdParam } from '../utils/route-params';

/**
 * Opening a notification: marks it read and goes to its place. Someone else's
 * notification is "not found", and stays unread.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.notificationId);
  const link = markNotificationRead({ userId: user.id, id });
  if (link === undefined) throw notFound();
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
  throw new Response(t.common.errors.methodNotAllowed, { status: 405, statusText: 'Method Not Allowed', headers: { Allow: 'GET' } });
}
