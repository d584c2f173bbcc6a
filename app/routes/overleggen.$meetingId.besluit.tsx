/**
 * Decisions of a meeting's notes (a resource route for the notes editor).
 * GET: the meeting's decisions. POST: "Besluit" — records a decision (once the meeting has
 * begun), optionally about an action of the meeting's period named in a text field
 * (decision 037) and moving it on from "besluit nodig". Both answer JSON; a refusal
 * answers 400 with a Dutch message per field (`fieldErrors`) and stores nothing.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';

import { t } from '../i18n';
import { resolveActionChoice } from '../models/meetings/action-choice.server';
import {
  findDecisionReferenceErrors,
  findDecisionStatusErrors,
  listMeetingDecisions,
  recordDecision,
} from '../models/meetings/decision.server';
import { meetingHasStarted } from '../models/meetings/meeting-time';
import { getNotesMeeting } from '../models/meetings/notes/notes-item.server';
import { canEditAction, canEditMeetings } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import { getActionScope } from '../models/tracker/action.server';
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
  const meeting = requireFound(getNotesMeeting(meetingId));
  requireAllowed(canEditMeetings(actor));
  const formData = await request.formData();
  const form = parseForm(DecisionSchema, formData);
  if (!form.ok) return notesJson({ fieldErrors: form.fieldErrors, values: form.values }, 400);
  // Nothing is decided before the meeting has begun.
  if (!meetingHasStarted(meeting.startsAt)) return notesJson({ fieldErrors: { text: t.notes.errors.decisionNotStarted } }, 400);
  // The action as typed: exactly one of the meeting's period, or none (decision 037).
  const { actionChoice, ...fields } = form.data;
  const choice = resolveActionChoice({ meeting, value: actionChoice });
  const input = { ...fields, actionId: choice.ok ? choice.actionId : null };
  const referenceErrors = choice.ok
    ? { ...findDecisionReferenceErrors(input), ...findDecisionStatusErrors(input) }
    : { ...findDecisionReferenceErrors(input), actionChoice: choice.message };
  if (Object.keys(referenceErrors).length > 0) return notesJson({ fieldErrors: referenceErrors }, 400);
  if (input.actionStatus !== null && input.actionId !== null) {
    requireAllowed(canEditAction(actor, requireFound(getActionScope(input.actionId))));
  }
  const decisionId = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: `decision:${meetingId}` }, () =>
    recordDecision({ userId: user.id, meetingId, input }),
  );
  const decision = listMeetingDecisions({ meetingId }).find((d) => d.id === decisionId);
  return notesJson({ decisionId, decision }, 201);
}
