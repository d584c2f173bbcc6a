/**
 * Guards that several routes share: signed in, the item named by the URL (else 404),
 * and the permission for what the route does with it (else 403).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';

import { getLibraryItemOwner } from '../models/library/library.server';
import { getMinutesVersion } from '../models/meetings/minutes.server';
import { canEditLibraryItem } from '../models/permissions';
import { parseVersionQuery } from '../schemas/minutes';
import { requireActor, requireUser } from './auth.server';
import { notFound, requireAllowed, requireFound, requireIdParam } from './http.server';

type RouteArgs = Pick<LoaderFunctionArgs, 'request' | 'params'>;

/** Every change to an existing library item (saving it, deleting it): its editors only. */
export async function requireLibraryItemEditor({ request, params }: RouteArgs) {
  const { user, actor } = await requireActor(request);
  const id = requireIdParam(params.itemId);
  const owner = requireFound(getLibraryItemOwner(id));
  requireAllowed(canEditLibraryItem(actor, owner));
  return { user, id, owner };
}

/** The minutes asked for by /overleggen/:meetingId/verslag.(docx|pdf)?versie=N: everybody signed in reads them. */
export async function requireMinutesDownload({ request, params }: RouteArgs) {
  const user = await requireUser(request);
  const meetingId = requireIdParam(params.meetingId);
  const requested = parseVersionQuery(new URL(request.url).searchParams.get('versie')); // null: the latest
  if (requested === undefined) throw notFound();
  const minutes = requireFound(getMinutesVersion({ meetingId, version: requested }));
  return { user, meetingId, minutes, explicitVersion: requested };
}
