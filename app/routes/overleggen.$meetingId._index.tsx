import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { CommentSection } from '../components/comments/comment-section';
import { SubmissionKeyField } from '../components/forms/submission-key';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { LinkedLibraryItems } from '../components/library/library-linked-items';
import { DecisionList } from '../components/meetings/decision-list';
import { AddAgendaPointForm, AgendaTable } from '../components/meetings/meeting-agenda';
import { AttendanceTable } from '../components/meetings/meeting-attendance';
import { MeetingKindLabel, MeetingPlace, MeetingStatusBadge, MeetingWhen } from '../components/meetings/meeting-bits';
import { FollowButton } from '../components/notifications/follow-button';
import { ActionTable } from '../components/tracker/action-table';
import { t } from '../i18n';
import { listComments } from '../models/comments/comment.server';
import { linkedLibrarySection } from '../models/library/library.server';
import {
  addAgendaPoint,
  agendaPointChoices,
  listAgendaPoints,
  moveAgendaPoint,
  placeAgendaPoint,
  readAgendaPointForm,
  removeAgendaPoint,
  setAgendaPointDuration,
  setAgendaPointStatus,
} from '../models/meetings/agenda-point.server';
import { listMeetingDecisions } from '../models/meetings/decision.server';
import {
  getMeeting,
  listAttendees,
  listMeetingActions,
  listOpenSeriesActions,
  planNextMeeting,
  setAttendance,
} from '../models/meetings/meeting.server';
import { meetingName } from '../models/meetings/meeting-time';
import { isFollowing } from '../models/notifications/follow.server';
import { canEditMeetings } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import { withOverdue } from '../models/tracker/deadline';
import {
  AgendaPointDurationSchema,
  AgendaPointMoveSchema,
  AgendaPointPlaceSchema,
  AgendaPointRefSchema,
  AgendaPointSchema,
  AgendaPointStatusSchema,
  AttendanceSchema,
} from '../schemas/meeting';
import commentsCss from '../styles/comments.css?url';
import listsCss from '../styles/lists.css?url';
import meetingsCss from '../styles/meetings.css?url';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { formatDay } from '../utils/date-time';
import { parseForm } from '../utils/forms';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';
import { todayInNL } from '../utils/today';

const m = t.meetings;
const p = m.page;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: listsCss },
  { rel: 'stylesheet', href: commentsCss },
  { rel: 'stylesheet', href: meetingsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? data.meetingName : t.common.errors.notFoundTitle) },
];

function loadMeeting(idParam: string | undefined) {
  return requireFound(getMeeting(requireIdParam(idParam)));
}

/** Which confirmation the page shows after a redirect (?gepland=1 …). */
const NOTICES = { gepland: p.created, opgeslagen: p.saved, volgende: p.nextPlanned, aanwezigheid: m.attendance.saved } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const meeting = loadMeeting(params.meetingId);
  const mayEdit = canEditMeetings(actor);
  const today = todayInNL();
  const query = new URL(request.url).searchParams;
  const notice = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((key) => query.has(key)) ?? null;
  const added = Number(query.get('toegevoegd'));
  return {
    actor,
    meeting,
    meetingName: meetingName(meeting),
    mayEdit,
    notice: notice ? NOTICES[notice] : Number.isInteger(added) && added > 0 ? m.proposals.added(added) : null,
    attendees: listAttendees(meeting.id),
    points: listAgendaPoints(meeting.id),
    choices: mayEdit ? agendaPointChoices({ meeting }) : null,
    decisions: listMeetingDecisions({ meetingId: meeting.id }),
    actions: withOverdue(listMeetingActions(meeting.id), today),
    openSeriesActions: withOverdue(listOpenSeriesActions(meeting.id), today),
    library: linkedLibrarySection({ actor, targetType: 'meeting', targetId: meeting.id }),
    threads: listComments({ targetType: 'meeting', targetId: meeting.id }),
    following: isFollowing({ userId: actor.id, targetType: 'meeting', targetId: meeting.id }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const meeting = loadMeeting(params.meetingId);
  const formData = await request.formData();
  const intent = formData.get('intent');
  // A change made in place (a fetcher: drag and drop, Omhoog/Omlaag, a duration) is answered as data, not a page.
  const inPlace = formData.get('inPlace') === '1';
  const back = (query = '') =>
    inPlace ? data({ ok: true as const, intent: String(intent) }) : redirect(`/overleggen/${meeting.id}${query}`);
  const badRequest = (fieldErrors: Partial<Record<string, string>>, values: Record<string, string> = {}) =>
    data({ ok: false as const, intent: String(intent), fieldErrors, values }, { status: 400 });

  switch (intent) {
    case 'attendance': {
      const form = parseForm(AttendanceSchema, formData);
      if (!form.ok) return badRequest(form.fieldErrors);
      if (!setAttendance({ meetingId: meeting.id, attendeeId: form.data.attendeeId, attended: form.data.attended })) {
        return badRequest({ attendeeId: m.errors.attendeeNotInMeeting });
      }
      return back('?aanwezigheid=1#aanwezigheid');
    }
    case 'addPoint': {
      const form = parseForm(AgendaPointSchema, formData);
      if (!form.ok) return badRequest(form.fieldErrors, form.values);
      const point = readAgendaPointForm({ meeting, form: form.data });
      if (!point.ok) return badRequest(point.fieldErrors, Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)])));
      const id = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: `agenda-point:${meeting.id}` }, () =>
        addAgendaPoint({ meetingId: meeting.id, input: point.input }),
      );
      return back(`#agendapunt-${id}`);
    }
    case 'movePoint': {
      const form = parseForm(AgendaPointMoveSchema, formData);
      if (!form.ok) return badRequest(form.fieldErrors);
      if (!moveAgendaPoint({ meetingId: meeting.id, pointId: form.data.pointId, direction: form.data.direction }))
        return badRequest({ pointId: m.errors.pointNotInMeeting });
      return back(`#agendapunt-${form.data.pointId}`);
    }
    case 'placePoint': {
      const form = parseForm(AgendaPointPlaceSchema, formData);
      if (!form.ok) return badRequest(form.fieldErrors);
      if (!placeAgendaPoint({ meetingId: meeting.id, pointId: form.data.pointId, index: form.data.index }))
        return badRequest({ pointId: m.errors.pointNotInMeeting });
      return back(`#agendapunt-${form.data.pointId}`);
    }
    case 'pointDuration': {
      const form = parseForm(AgendaPointDurationSchema, formData);
      if (!form.ok) return badRequest(form.fieldErrors);
      if (!setAgendaPointDuration({ meetingId: meeting.id, pointId: form.data.pointId, duration: form.data.duration }))
        return badRequest({ pointId: m.errors.pointNotInMeeting });
      return back(`#agendapunt-${form.data.pointId}`);
    }
    case 'pointStatus': {
      const form = parseForm(AgendaPointStatusSchema, formData);
      if (!form.ok) return badRequest(form.fieldErrors);
      if (!setAgendaPointStatus({ meetingId: meeting.id, pointId: form.data.pointId, status: form.data.status }))
        return badRequest({ pointId: m.errors.pointNotInMeeting });
      return back(`#agendapunt-${form.data.pointId}`);
    }
    case 'removePoint': {
      const form = parseForm(AgendaPointRefSchema, formData);
      if (!form.ok) return badRequest(form.fieldErrors);
      if (!removeAgendaPoint({ meetingId: meeting.id, pointId: form.data.pointId }))
        return badRequest({ pointId: m.errors.pointNotInMeeting });
      return back('#agenda');
    }
    case 'planNext': {
      const id = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: `next-meeting:${meeting.id}` }, () =>
        planNextMeeting({ userId: user.id, meetingId: meeting.id }),
      );
      return redirect(`/overleggen/${id}?volgende=1`);
    }
    default:
      return badRequest({ intent: t.common.errors.badRequestTitle });
  }
}

export default function MeetingPage() {
  const {
    actor,
    meeting,
    meetingName,
    mayEdit,
    notice,
    attendees,
    points,
    choices,
    decisions,
    actions,
    openSeriesActions,
    library,
    threads,
    following,
  } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const fieldErrors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  const pointErrors = actionData?.intent === 'addPoint' ? fieldErrors : {};
  const otherError = actionData && actionData.intent !== 'addPoint' ? Object.values(fieldErrors)[0] : null;
  return (
    <article className="meeting-page">
      <Breadcrumbs label={m.breadcrumbsLabel} trail={[{ to: '/overleggen', label: m.title }]} current={meetingName} />
      <h1>
        <span className="eyebrow">
          <MeetingKindLabel kind={meeting.kind} />
        </span>{' '}
        {meetingName}
      </h1>
      <FollowButton target={{ type: 'meeting', id: meeting.id }} following={following} />
      {notice ? (
        <div className="notice notice--success" role="status">
          {notice}
        </div>
      ) : null}
      {otherError ? (
        <div className="form-error" role="alert">
          {otherError}
        </div>
      ) : null}

      <dl className="meta-list">
        <dt>{p.date}</dt>
        <dd>
          <MeetingWhen startsAt={meeting.startsAt} durationMinutes={meeting.durationMinutes} />
        </dd>
        <dt>{p.place}</dt>
        <dd>
          <MeetingPlace place={meeting.place} />
        </dd>
        <dt>{p.status}</dt>
        <dd>
          <MeetingStatusBadge status={meeting.status} />
        </dd>
        {meeting.previousMeetingId !== null && meeting.previousTitle && meeting.previousStartsAt ? (
          <>
            <dt>{p.previous}</dt>
            <dd>
              <Link to={`/overleggen/${meeting.previousMeetingId}`}>
                {meeting.previousTitle}, {formatDay(meeting.previousStartsAt)}
              </Link>
            </dd>
          </>
        ) : null}
        {meeting.next ? (
          <>
            <dt>{p.next}</dt>
            <dd>
              <Link to={`/overleggen/${meeting.next.id}`}>
                {meeting.next.title}, {formatDay(meeting.next.startsAt)}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>

      <div className="meeting-actions-bar">
        <Link to={`/overleggen/${meeting.id}/notities`} className="button button--prominent">
          {p.notes}
        </Link>
        <Link to={`/overleggen/${meeting.id}/verslag`} className="button button--secondary">
          {p.minutes}
        </Link>
        {mayEdit ? (
          <>
            <Link to={`/overleggen/${meeting.id}/bewerken`} className="button button--secondary">
              {p.edit}
            </Link>
            {meeting.next ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="planNext" />
                <SubmissionKeyField />
                <button type="submit" className="button button--secondary" aria-describedby="volgende-hint">
                  {p.planNext}
                </button>
                <span id="volgende-hint" className="visually-hidden">
                  {p.planNextHint}
                </span>
              </Form>
            )}
          </>
        ) : null}
      </div>

      <section id="agenda" aria-labelledby="agenda-titel">
        <div className="section-head">
          <h2 id="agenda-titel">{m.agenda.heading}</h2>
          {mayEdit ? (
            <Form method="get" action={`/overleggen/${meeting.id}/agenda-voorstellen`}>
              <button type="submit" className="button button--small" aria-describedby="voorstellen-hint">
                {m.agenda.propose}
              </button>
              <span id="voorstellen-hint" className="visually-hidden">
                {m.agenda.proposeHint}
              </span>
            </Form>
          ) : null}
        </div>
        {points.length === 0 ? (
          <p className="muted">{m.agenda.none}</p>
        ) : (
          <AgendaTable meetingId={meeting.id} points={points} mayEdit={mayEdit} meetingMinutes={meeting.durationMinutes} />
        )}
        {mayEdit && choices ? (
          <AddAgendaPointForm
            meetingId={meeting.id}
            values={actionData?.intent === 'addPoint' && 'values' in actionData ? actionData.values : {}}
            errors={pointErrors}
            choices={choices}
          />
        ) : null}
      </section>

      {openSeriesActions.length > 0 || meeting.previousMeetingId !== null ? (
        <section id="openstaand" aria-labelledby="openstaand-titel">
          <h2 id="openstaand-titel">{m.outcomes.openHeading}</h2>
          <p className="muted">{m.outcomes.openIntro}</p>
          {openSeriesActions.length === 0 ? (
            <p className="muted">{m.outcomes.noOpen}</p>
          ) : (
            <ActionTable rows={openSeriesActions} caption={m.outcomes.openCaption} />
          )}
        </section>
      ) : null}

      <section id="aanwezigheid" aria-labelledby="aanwezigheid-titel">
        <h2 id="aanwezigheid-titel">{m.attendance.heading}</h2>
        <AttendanceTable attendees={attendees} mayEdit={mayEdit} />
      </section>

      <section id="besluiten" aria-labelledby="besluiten-titel">
        <h2 id="besluiten-titel">{m.outcomes.decisionsHeading}</h2>
        <DecisionList decisions={decisions} emptyText={m.outcomes.noDecisions} titled={false} />
      </section>

      <section id="acties" aria-labelledby="acties-titel">
        <h2 id="acties-titel">{m.outcomes.actionsHeading}</h2>
        {actions.length === 0 ? (
          <p className="muted">{m.outcomes.noActions}</p>
        ) : (
          <ActionTable rows={actions} caption={m.outcomes.actionsCaption} />
        )}
      </section>

      <LinkedLibraryItems items={library.items} addTo={library.addTo} />

      <CommentSection target={{ type: 'meeting', id: meeting.id }} threads={threads} actor={actor} mayEditTarget={mayEdit} />
    </article>
  );
}
