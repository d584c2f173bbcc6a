import type { LoaderFunctionArgs } from '@remix-run/node';

import { suggestPeople } from '../models/comments/mention.server';
import { canComment } from '../models/permissions';
import { requireActor } from '../utils/auth.server';
import { requireAllowed } from '../utils/http.server';

/**
 * GET /personen?q=… → the people whose name starts with what was typed after `@` in a
 * comment: `{ people: [{ id, name, organisation }] }`. Signed-in commenters only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canComment(actor));
  const query = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 40);
  return Response.json({ people: suggestPeople({ query }) }, { headers: { 'Cache-Control': 'private, no-store' } });
}
