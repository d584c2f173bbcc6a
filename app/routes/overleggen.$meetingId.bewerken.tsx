import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { MeetingBreadcrumbs } from '../components/meetings/meeting-breadcrumbs';
import { MeetingForm } from '../components/meetings/meeting-form';
import { t } from '../i18n';
import {
  getMeeting,
  listAttendeeOptions,
  listAttendees,
  meetingFormValues,
  readMeetingForm,
  updateMeeting,
} from '../models/meetings/meeting.server';
import { canEditMeetings } from '../models/permissions';
import meetingsCss from '../styles/meetings.css?url';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const f = t.meetings.form;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: meetingsCss },
];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(f.editTitle) }];

function loadMeeting(idParam: string | undefined) {
  return requireFound(getMeeting(requireIdParam(idParam)));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const meeting = loadMeeting(params.meetingId);
  const attendees = listAttendees(meeting.id);
  return { meeting, values: meetingFormValues(meeting, attendees), attendeeOptions: listAttendeeOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const meeting = loadMeeting(params.meetingId);
  const keepUserIds = listAttendees(meeting.id).flatMap((a) => (a.userId === null ? [] : [a.userId]));
  const form = readMeetingForm(await request.formData(), { keepUserIds });
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  updateMeeting({ id: meeting.id, input: form.input });
  return redirect(`/overleggen/${meeting.id}?opgeslagen=1`);
}

export default function EditMeetingPage() {
  const { meeting, values, attendeeOptions } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  return (
    <>
      <MeetingBreadcrumbs meeting={meeting} current={f.editTitle} />
      <h1>{f.editTitle}</h1>
      <MeetingForm
        values={actionData?.values ?? values}
        errors={actionData?.fieldErrors ?? {}}
        attendeeOptions={attendeeOptions}
        submitLabel={f.submitEdit}
        cancelTo={`/overleggen/${meeting.id}`}
        statusChoice={meeting.status === 'vastgesteld' ? 'fixed' : 'choose'}
      />
    </>
  );
}
