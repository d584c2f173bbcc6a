import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { markNotificationRead } from '../models/notification-inbox.server';
import { requireUser } from '../utils/auth.server';
import { notFound, requireIdParam } from '../utils/route-params';
import { safeRedirect } from '../utils/redirect';

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
