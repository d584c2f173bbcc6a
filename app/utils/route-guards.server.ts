/**
 * Guards that several routes share: signed in, the item named by the URL (else 404),
 * and the permission for what the route does with it (else 403).
 */
import { type LoaderFunctionArgs, redirect } from '@remix-run/node';

import { getLibraryItemOwner } from '../models/library/library.server';
import { getMinutesMeeting, getMinutesVersion, readConceptMinutes } from '../models/meetings/minutes.server';
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

/**
 * The minutes asked for by /overleggen/:meetingId/verslag.(docx|pdf): everybody signed in
 * reads them. `?versie=N` a published version, none the latest, `?concept=1` the concept
 * (once the meeting has begun). Minutes not adopted yet are no bare 404: the reader is
 * sent to the minutes page, which says so and offers the concept.
 */
export async function requireMinutesDownload({ request, params }: RouteArgs, ext: 'docx' | 'pdf') {
  await requireUser(request);
  const meetingId = requireIdParam(params.meetingId);
  const query = new URL(request.url).searchParams;
  const notAdopted = () => redirect(`/overleggen/${meetingId}/verslag?niet-vastgesteld=${ext}`);
  if (query.has('concept')) {
    const concept = requireFound(readConceptMinutes(meetingId));
    if (!concept.started) throw notAdopted();
    return { kind: 'concept' as const, minutes: { doc: concept.doc, concept: true as const, readAt: concept.readAt } };
  }
  const requested = parseVersionQuery(query.get('versie')); // null: the latest
  if (requested === undefined) throw notFound();
  const minutes = getMinutesVersion({ meetingId, version: requested });
  if (!minutes) {
    requireFound(getMinutesMeeting(meetingId));
    if (requested === null) throw notAdopted();
    throw notFound();
  }
  return { kind: 'published' as const, minutes, explicitVersion: requested };
}
