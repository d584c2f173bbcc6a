import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { EditForm } from '../components/forms/edit-form';
import { AgendaPointFields } from '../components/meetings/meeting-agenda';
import { MeetingBreadcrumbs } from '../components/meetings/meeting-breadcrumbs';
import { t } from '../i18n';
import {
  findAgendaPointReferenceErrors,
  getAgendaPoint,
  listAgendaPointOptions,
  updateAgendaPoint,
} from '../models/meetings/agenda-point.server';
import { getMeeting } from '../models/meetings/meeting.server';
import { canEditMeetings } from '../models/permissions';
import { AgendaPointSchema, type AgendaPointValues } from '../schemas/meeting';
import meetingsCss from '../styles/meetings.css?url';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { parseForm } from '../utils/forms';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const a = t.meetings.agenda;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: meetingsCss },
];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(a.editTitle) }];

function loadPoint(params: LoaderFunctionArgs['params']) {
  const meeting = requireFound(getMeeting(requireIdParam(params.meetingId)));
  const point = requireFound(getAgendaPoint({ meetingId: meeting.id, pointId: requireIdParam(params.pointId) }));
  return { meeting, point };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const { meeting, point } = loadPoint(params);
  const values: AgendaPointValues = {
    title: point.title,
    duration: point.durationMinutes === null ? '' : String(point.durationMinutes),
    presenter: point.presenter,
    goalId: point.goalId === null ? '' : String(point.goalId),
    actionId: point.actionId === null ? '' : String(point.actionId),
  };
  return { meeting: { id: meeting.id, title: meeting.title }, values, choices: listAgendaPointOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const { meeting, point } = loadPoint(params);
  const form = parseForm(AgendaPointSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  const errors = findAgendaPointReferenceErrors(form.data);
  if (Object.keys(errors).length > 0) {
    const { title, duration, presenter, goalId, actionId } = form.data;
    const values = {
      title,
      duration: duration === null ? '' : String(duration),
      presenter,
      goalId: String(goalId ?? ''),
      actionId: String(actionId ?? ''),
    };
    return data({ fieldErrors: errors, values }, { status: 400 });
  }
  updateAgendaPoint({ meetingId: meeting.id, pointId: point.id, input: form.data });
  return redirect(`/overleggen/${meeting.id}#agendapunt-${point.id}`);
}

export default function EditAgendaPointPage() {
  const { meeting, values, choices } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <MeetingBreadcrumbs meeting={meeting} current={a.editTitle} />
      <h1>{a.editTitle}</h1>
      <EditForm errors={errors} submitLabel={a.save} cancelTo={`/overleggen/${meeting.id}#agenda`}>
        <AgendaPointFields values={actionData?.values ?? values} errors={errors} choices={choices} />
      </EditForm>
    </>
  );
}
