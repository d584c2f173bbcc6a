import type { LoaderFunctionArgs } from '@remix-run/node';

import { actionChoiceLabel, type NamedAction } from '../models/meetings/action-choice';
import { getNamedAction, meetingActionPeriod, suggestActionChoices } from '../models/meetings/action-choice.server';
import { getMeeting } from '../models/meetings/meeting.server';
import { canEditAction, canEditMeetings } from '../models/permissions';
import { TEXT_LIMITS } from '../schemas/limits';
import { requireActor } from '../utils/auth.server';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

/**
 * GET /overleggen/<id>/actiekeuze?q=… → `{ actions: [label, …] }`: at most 20 actions of
 * the meeting's period whose code or title holds what was typed in an agenda point's
 * "Actie" field (action-choice.server.ts). Only for those who may edit the agenda, as the
 * field itself; another meeting's id is a 404.
 *
 * With `&status=1` (the decision dialog in the notes) the answer also has `named`: the
 * action the text names exactly, its status and whether this person may change it; null
 * when it names none (decision 037).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const meeting = requireFound(getMeeting(requireIdParam(params.meetingId)));
  const url = new URL(request.url);
  const query = (url.searchParams.get('q') ?? '').slice(0, TEXT_LIMITS.title);
  const period = meetingActionPeriod(meeting);
  const found = period ? suggestActionChoices({ periodId: period.id, query }) : [];
  const headers = { 'Cache-Control': 'private, no-store' };
  if (!url.searchParams.has('status')) return Response.json({ actions: found }, { headers });
  const action = getNamedAction({ meeting, value: query });
  const named: NamedAction | null = action
    ? { label: actionChoiceLabel(action), status: action.status, mayChangeStatus: canEditAction(actor, action) }
    : null;
  return Response.json({ actions: found, named }, { headers });
}
