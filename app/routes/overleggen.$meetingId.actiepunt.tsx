/**
 * Action items of a meeting's notes (a resource route for the notes editor).
 * GET: the live state of the actions the notes show. POST: "Actiepunt" — creates a
 * tracker action from the notes. Both answer JSON.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';

import { createActionItem, getNotesMeeting, listActionItemStatuses } from '../models/meetings/notes/notes-item.server';
import { canCreateActionItem } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import { findActionReferenceErrors } from '../models/tracker/action.server';
import { ActionItemSchema, notesJson } from '../schemas/notes';
import { requireActor, requireUser } from '../utils/auth.server';
import { parseForm } from '../utils/forms';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';
import { parseIdList } from '../utils/ids';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const meetingId = requireIdParam(params.meetingId);
  requireFound(getNotesMeeting(meetingId));
  const ids = parseIdList(new URL(request.url).searchParams.get('ids'));
  return notesJson({ actions: listActionItemStatuses({ meetingId, ids }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const meetingId = requireIdParam(params.meetingId);
  requireFound(getNotesMeeting(meetingId));
  requireAllowed(canCreateActionItem(actor));
  const formData = await request.formData();
  const form = parseForm(ActionItemSchema, formData);
  if (!form.ok) return notesJson({ fieldErrors: form.fieldErrors, values: form.values }, 400);
  const { ownerUserId, ownerOrganisationId, ...referenceErrors } = findActionReferenceErrors({ ...form.data, municipalityId: null });
  // The dialog has one "Trekker" field for a person or an organisation.
  const owner = ownerUserId ?? ownerOrganisationId;
  if (owner !== undefined || Object.keys(referenceErrors).length > 0)
    return notesJson({ fieldErrors: { ...referenceErrors, ...(owner !== undefined ? { owner } : {}) } }, 400);
  const actionId = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: `action-item:${meetingId}` }, () =>
    createActionItem({ userId: user.id, meetingId, input: form.data }),
  );
  const [created] = listActionItemStatuses({ meetingId, ids: [actionId] }).filter((a) => a.id === actionId);
  return notesJson({ actionId, action: created }, 201);
}
