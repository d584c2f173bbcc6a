/**
 * POST /overleggen/:meetingId/vermelding — the notes editor reports a person it just
 * mentioned (`userId`); that person is notified once per meeting. Answers JSON:
 * `{ notified }` (false when they already were, or mentioned themselves), 400 for an
 * unknown or inactive person, 403 for people who may not write the notes. A GET is a
 * plain 405 (without a loader Remix would throw, and log, its own).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';

import { t } from '../i18n';
import { getActivePerson } from '../models/comments/mention.server';
import { getNotesMeeting } from '../models/meetings/notes/notes-item.server';
import { notifyNotesMention } from '../models/notifications/notification.server';
import { canEditMeetings } from '../models/permissions';
import { notesJson } from '../schemas/notes';
import { NotesMentionSchema } from '../schemas/notes-mention';
import { requireActor, requireUser } from '../utils/auth.server';
import { parseForm } from '../utils/forms';
import { methodNotAllowed, requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return methodNotAllowed('POST');
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const meetingId = requireIdParam(params.meetingId);
  requireFound(getNotesMeeting(meetingId));
  requireAllowed(canEditMeetings(actor));
  const form = parseForm(NotesMentionSchema, await request.formData());
  if (!form.ok) return notesJson({ fieldErrors: form.fieldErrors }, 400);
  if (!getActivePerson(form.data.userId)) return notesJson({ fieldErrors: { userId: t.notifications.mention.personUnknown } }, 400);
  const notified = notifyNotesMention({ meetingId, userId: form.data.userId, actorId: user.id });
  return notesJson({ notified });
}
