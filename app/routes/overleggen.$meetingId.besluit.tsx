/**
 * Decisions of a meeting's notes (a resource route for the notes editor).
 * GET: the meeting's decisions. POST: "Besluit" — records a decision. Both answer JSON.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';

import { createDecision, findDecisionReferenceErrors, listMeetingDecisions } from '../models/meetings/decision.server';
import { getNotesMeeting } from '../models/meetings/notes/notes-item.server';
import { canEditMeetings } from '../models/permissions';
import { DecisionSchema, notesJson } from '../schemas/notes';
import { requireActor, requireUser } from '../utils/auth.server';
import { parseForm } from '../utils/forms';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const meetingId = requireIdParam(params.meetingId);
  requireFound(getNotesMeeting(meetingId));
  return notesJson({ decisions: listMeetingDecisions({ meetingId }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const meetingId = requireIdParam(params.meetingId);
  requireFound(getNotesMeeting(meetingId));
  requireAllowed(canEditMeetings(actor));
  const form = parseForm(DecisionSchema, await request.formData());
  if (!form.ok) return notesJson({ fieldErrors: form.fieldErrors, values: form.values }, 400);
  const referenceErrors = findDecisionReferenceErrors(form.data);
  if (Object.keys(referenceErrors).length > 0) return notesJson({ fieldErrors: referenceErrors }, 400);
  const decisionId = createDecision({ userId: user.id, meetingId, input: form.data });
  const decision = listMeetingDecisions({ meetingId }).find((d) => d.id === decisionId);
  return notesJson({ decisionId, decision }, 201);
}
