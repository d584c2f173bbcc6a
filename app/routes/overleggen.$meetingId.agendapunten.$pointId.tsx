import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { EditForm } from '../components/forms/edit-form';
import { AgendaPointFields } from '../components/meetings/meeting-agenda';
import { MeetingBreadcrumbs } from '../components/meetings/meeting-breadcrumbs';
import { t } from '../i18n';
import { actionChoiceLabel } from '../models/meetings/action-choice';
import { getActionChoice } from '../models/meetings/action-choice.server';
import { agendaPointChoices, getAgendaPoint, readAgendaPointForm, updateAgendaPoint } from '../models/meetings/agenda-point.server';
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

/** The field's text for the action a point links to: its label, as a suggestion would have put it. */
function actionValue(actionId: number | null): string {
  const action = actionId === null ? undefined : getActionChoice(actionId);
  return action ? actionChoiceLabel(action) : '';
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
    actionChoice: actionValue(point.actionId),
  };
  return {
    meeting: { id: meeting.id, title: meeting.title },
    values,
    choices: agendaPointChoices({ meeting, keepGoalId: point.goalId }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const { meeting, point } = loadPoint(params);
  const form = parseForm(AgendaPointSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  const checked = readAgendaPointForm({ meeting, form: form.data, keepGoalId: point.goalId, keepActionId: point.actionId });
  if (!checked.ok) {
    const { title, duration, presenter, goalId, actionChoice } = form.data;
    const values: AgendaPointValues = {
      title,
      duration: duration === null ? '' : String(duration),
      presenter,
      goalId: String(goalId ?? ''),
      actionChoice,
    };
    return data({ fieldErrors: checked.fieldErrors, values }, { status: 400 });
  }
  updateAgendaPoint({ meetingId: meeting.id, pointId: point.id, input: checked.input });
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
        <AgendaPointFields meetingId={meeting.id} values={actionData?.values ?? values} errors={errors} choices={choices} />
      </EditForm>
    </>
  );
}
