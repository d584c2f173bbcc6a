import { randomUUID } from 'node:crypto';

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useLoaderData,
  useRevalidator,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import utrechtCss from '@utrecht/component-library-css/dist/index.css?url';
import tokensCss from '@utrecht/design-tokens/dist/root.css?url';
import { useEffect, useState } from 'react';

import { AppFooter } from './components/layout/app-footer';
import { AppHeader } from './components/layout/app-header';
import { LiveUpdates } from './components/layout/live-updates';
import { t } from './i18n';
import { countUnread } from './models/notifications/notification-inbox.server';
import appCss from './styles/app.css?url';
import notificationsCss from './styles/notifications.css?url';
import privacyCss from './styles/privacy.css?url';
import searchCss from './styles/search.css?url';
import { getUser } from './utils/auth.server';
import { takeLiveRevalidation } from './utils/live-revalidation';
import { useNonce } from './utils/nonce';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: tokensCss },
  { rel: 'stylesheet', href: utrechtCss },
  { rel: 'stylesheet', href: appCss },
  { rel: 'stylesheet', href: searchCss },
  { rel: 'stylesheet', href: notificationsCss },
  { rel: 'stylesheet', href: privacyCss },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: t.common.appName }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  // A fresh seed for the submission keys of create forms (components/forms/submission-key.tsx).
  return { user, unreadNotifications: user ? countUnread(user.id) : 0, formKeySeed: randomUUID() };
}

/**
 * Not on a revalidation started by a live event: the count of unread notifications comes
 * with the event (LiveUpdates), and nothing else here changes with other people's work.
 * A change to the user themself takes effect at once where it matters — every page's
 * loader checks the session, role and account again (a deactivated user is sent to the
 * login page by the page's own revalidation) — and the header shows a new name or role
 * after the next form submission or reload. So the request of a live revalidation carries
 * only the page's route, which the server may answer from a cache shared by the users of
 * one permission scope (server/page-cache.ts, app/models/page-scope.ts).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate, formMethod, currentUrl, nextUrl }) => {
  const live = takeLiveRevalidation();
  if (live && !formMethod && currentUrl.href === nextUrl.href) return false;
  return defaultShouldRevalidate;
};

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>('root');
  // The unread count of the user's latest live event, as long as the root data it updates is the one shown.
  const [liveUnread, setLiveUnread] = useState<{ count: number; of: typeof data } | null>(null);
  const unread = liveUnread && liveUnread.of === data ? liveUnread.count : (data?.unreadNotifications ?? 0);
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="utrecht-document utrecht-theme koers-theme">
        <a className="skip-link" href="#main">
          {t.common.skipToContent}
        </a>
        <AppHeader user={data?.user ?? null} unreadNotifications={unread} />
        {data?.user ? <LiveUpdates onUnread={(count) => setLiveUnread({ count, of: data })} /> : null}
        <main id="main" tabIndex={-1} className="page">
          {children}
        </main>
        <AppFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

/**
 * An AbortError is no failure: React Router 6.30 with single fetch can hand the boundary the
 * abort of a request it cancelled itself (a fetcher's revalidation interrupted by another
 * submission; remix-run/react-router#14203). The page loads its data again instead of
 * showing "Er ging iets mis".
 */
function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function ErrorBoundary() {
  const error = useRouteError();
  const aborted = isAbortError(error);
  const revalidator = useRevalidator();
  useEffect(() => {
    if (aborted) revalidator.revalidate();
    // Once per aborted error: the revalidation replaces this boundary with the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);
  const e = t.common.errors;
  if (aborted) {
    return (
      <p role="status" className="error-page">
        {e.reloading}
      </p>
    );
  }
  let title = e.serverTitle;
  let text = e.serverText;
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) [title, text] = [e.notFoundTitle, e.notFoundText];
    else if (error.status === 403)
      // A refusal with its own reason (a closed period) says why; any other says the general text.
      [title, text] = [e.forbiddenTitle, typeof error.data === 'string' && error.data !== e.forbiddenTitle ? error.data : e.forbiddenText];
    else if (error.status === 400) [title, text] = [e.badRequestTitle, typeof error.data === 'string' ? error.data : e.badRequestTitle];
  } else {
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/">{e.backHome}</Link>
      </p>
    </section>
  );
}
