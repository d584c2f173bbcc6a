import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { t } from '../i18n';
import {
  countUnread,
  INBOX_LIMIT,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../models/notifications/notification-inbox.server';
import { InboxFormSchema } from '../schemas/notification';
import notificationsCss from '../styles/notifications.css?url';
import { requireUser } from '../utils/auth.server';
import { formatDateTime } from '../utils/date-time';
import { parseForm } from '../utils/forms';
import { badRequest, requireFound } from '../utils/http.server';

const n = t.notifications;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notificationsCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(n.pageTitle) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const items = listNotifications({ userId: user.id });
  return { items, unread: countUnread(user.id), limitedTo: items.length === INBOX_LIMIT ? INBOX_LIMIT : null };
}

/** "Markeer als gelezen" and "Alles gelezen": only ever on the user's own notifications. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(InboxFormSchema, await request.formData());
  if (!form.ok) throw badRequest(Object.values(form.fieldErrors)[0] ?? n.errors.intentInvalid);
  if (form.data.intent === 'read') {
    requireFound(markNotificationRead({ userId: user.id, id: form.data.notificationId }));
  } else {
    markAllNotificationsRead({ userId: user.id });
  }
  return redirect('/meldingen');
}

export default function InboxPage() {
  const { items, unread, limitedTo } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{n.heading}</h1>
      <p>{n.unreadSummary(unread)}</p>
      <div className="button-row">
        {unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="allRead" />
            <button type="submit" className="button button--secondary">
              {n.markAllRead}
            </button>
          </Form>
        ) : null}
        <Link to="/meldingen/voorkeuren">{n.preferencesLink}</Link>
      </div>
      {items.length === 0 ? (
        <p className="muted">{n.none}</p>
      ) : (
        <ol className="notification-list" aria-label={n.listLabel}>
          {items.map((item) => {
            const unreadItem = item.readAt === null;
            return (
              <li key={item.id} className={`notification${unreadItem ? ' notification--unread' : ''}`}>
                <p className="notification__message">
                  {unreadItem ? (
                    <span className="notification__badge">{n.unreadBadge}</span>
                  ) : (
                    <span className="visually-hidden">{n.readState}: </span>
                  )}
                  {/* A full page load: the server marks it read and redirects to the place, anchor included. */}
                  <a href={`/meldingen/${item.id}`}>{item.message}</a>
                </p>
                <p className="notification__meta muted">
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                  {item.actorName ? ` · ${n.byActor(item.actorName)}` : null}
                </p>
                {unreadItem ? (
                  <Form method="post" className="notification__read">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="notificationId" value={item.id} />
                    <button type="submit" className="button button--secondary button--small">
                      {n.markRead}
                      <span className="visually-hidden">: {item.message}</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {limitedTo ? <p className="muted">{n.olderHidden(limitedTo)}</p> : null}
    </>
  );
}
