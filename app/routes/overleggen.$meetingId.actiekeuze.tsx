import type { LoaderFunctionArgs } from '@remix-run/node';

import { meetingActionPeriod, suggestActionChoices } from '../models/meetings/action-choice.server';
import { getMeeting } from '../models/meetings/meeting.server';
import { canEditMeetings } from '../models/permissions';
import { TEXT_LIMITS } from '../schemas/limits';
import { requireActor } from '../utils/auth.server';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

/**
 * GET /overleggen/<id>/actiekeuze?q=… → `{ actions: [label, …] }`: at most 20 actions of
 * the meeting's period whose code or title holds what was typed in an agenda point's
 * "Actie" field (action-choice.server.ts). Only for those who may edit the agenda, as the
 * field itself; another meeting's id is a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const meeting = requireFound(getMeeting(requireIdParam(params.meetingId)));
  const query = (new URL(request.url).searchParams.get('q') ?? '').slice(0, TEXT_LIMITS.title);
  const period = meetingActionPeriod(meeting);
  const found = period ? suggestActionChoices({ periodId: period.id, query }) : [];
  return Response.json({ actions: found }, { headers: { 'Cache-Control': 'private, no-store' } });
}
