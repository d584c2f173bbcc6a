/**
 * A user's calendar feed: GET /kalender/<secret>.ics, without a session (calendar clients
 * cannot sign in); the secret is the key. Unknown or renewed secrets answer 404.
 * See app/models/meetings/calendar-feed.server.ts for what the feed holds.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';

import { buildCalendarFeed, findCalendarUser } from '../models/meetings/calendar-feed.server';
import { env } from '../utils/env.server';
import { requireFound } from '../utils/http.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = /^(.+)\.ics$/.exec(params.token ?? '');
  const user = requireFound(match ? findCalendarUser(match[1]) : undefined);
  const baseUrl = env.KOERS_PUBLIC_URL ?? new URL(request.url).origin;
  return new Response(buildCalendarFeed({ user, baseUrl }), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="koers.ics"',
      // The address is a secret: no shared caches, no referrers leaking it.
      'Cache-Control': 'private, no-cache',
      'X-Robots-Tag': 'noindex',
    },
  });
}
