import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { MeetingForm } from '../components/meetings/meeting-form';
import { t } from '../i18n';
import { listAttendeeOptions, planMeeting, readMeetingForm } from '../models/meetings/meeting.server';
import { canEditMeetings } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import type { MeetingFormValues } from '../schemas/meeting';
import meetingsCss from '../styles/meetings.css?url';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { addDays } from '../utils/date-time';
import { requireAllowed } from '../utils/http.server';
import { todayInNL } from '../utils/today';

const f = t.meetings.form;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: meetingsCss },
];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(f.newTitle) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const values: MeetingFormValues = {
    kind: 'werkgroep',
    date: addDays(todayInNL(), 14),
    time: '10:00',
    duration: '120',
    attendeeIds: String(user.id),
  };
  return { values, attendeeOptions: listAttendeeOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const formData = await request.formData();
  const form = readMeetingForm(formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  const id = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: 'meeting' }, () =>
    planMeeting({ userId: user.id, input: form.input }),
  );
  return redirect(`/overleggen/${id}?gepland=1`);
}

export default function NewMeetingPage() {
  const { values, attendeeOptions } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  return (
    <>
      <Breadcrumbs label={t.meetings.breadcrumbsLabel} trail={[{ to: '/overleggen', label: t.meetings.title }]} current={f.newTitle} />
      <h1>{f.newTitle}</h1>
      <MeetingForm
        values={actionData?.values ?? values}
        errors={actionData?.fieldErrors ?? {}}
        attendeeOptions={attendeeOptions}
        submitLabel={f.submitCreate}
        cancelTo="/overleggen"
        statusChoice="none"
      />
    </>
  );
}
