import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { FormErrorSummary } from '../components/forms/field';
import { SubmissionKeyField } from '../components/forms/submission-key';
import { MeetingBreadcrumbs } from '../components/meetings/meeting-breadcrumbs';
import { t } from '../i18n';
import { PROPOSAL_REASONS } from '../models/meetings/agenda-proposal';
import { addProposedAgendaPoints, proposeAgendaPoints } from '../models/meetings/agenda-proposal.server';
import { meetingName } from '../models/meetings/meeting-time';
import { canEditMeetings } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import { formatDate } from '../models/tracker/deadline';
import { parsePointDuration } from '../schemas/meeting';
import meetingsCss from '../styles/meetings.css?url';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { formatDay, toNL } from '../utils/date-time';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';
import { todayInNL } from '../utils/today';

const pr = t.meetings.proposals;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: meetingsCss },
];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(pr.title) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const { meeting, proposals, horizon, nextMeeting, previousMeeting } = requireFound(
    proposeAgendaPoints({ meetingId: requireIdParam(params.meetingId), today: todayInNL() }),
  );
  return {
    meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
    proposals,
    horizon,
    nextMeetingDay: nextMeeting ? toNL(nextMeeting.startsAt).date : null,
    previousMeetingStartsAt: previousMeeting?.startsAt ?? null,
    previousMeetingName: previousMeeting ? meetingName(previousMeeting) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canEditMeetings(actor));
  const meetingId = requireIdParam(params.meetingId);
  const formData = await request.formData();
  const keys = formData.getAll('proposal').filter((v): v is string => typeof v === 'string');
  if (keys.length === 0) return data({ error: t.meetings.errors.nothingChosen }, { status: 400 });
  const durations: Record<string, number | null> = {};
  for (const key of keys) {
    const duration = parsePointDuration(formData.get(`duration.${key}`));
    if (duration === undefined) return data({ error: t.meetings.errors.pointDurationInvalid }, { status: 400 });
    durations[key] = duration;
  }
  const today = todayInNL();
  requireFound(proposeAgendaPoints({ meetingId, today }));
  const added = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: `agenda-proposals:${meetingId}` }, () =>
    addProposedAgendaPoints({ meetingId, keys, durations, today }),
  );
  return redirect(`/overleggen/${meetingId}?toegevoegd=${added}#agenda`);
}

export default function ProposalsPage() {
  const { meeting, proposals, horizon, nextMeetingDay, previousMeetingStartsAt, previousMeetingName } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const title = `${meeting.title} (${formatDay(meeting.startsAt)})`;
  return (
    <>
      <MeetingBreadcrumbs meeting={meeting} current={pr.title} />
      <h1>{pr.title}</h1>
      <p className="lead">{pr.intro(title)}</p>
      <p>
        {nextMeetingDay ? pr.horizonNext(formatDate(nextMeetingDay)) : pr.horizonNone(formatDate(horizon))}{' '}
        {previousMeetingStartsAt ? pr.since(formatDay(previousMeetingStartsAt)) : null}
      </p>
      <p className="muted">{pr.placement}</p>
      <FormErrorSummary show={Boolean(actionData?.error)} message={actionData?.error ?? ''} />
      {proposals.length === 0 ? (
        <>
          <p className="notice">{pr.none}</p>
          <Link to={`/overleggen/${meeting.id}`}>{pr.cancel}</Link>
        </>
      ) : (
        <Form method="post" className="proposals-form">
          <SubmissionKeyField />
          <fieldset className="checkbox-group">
            <legend>{pr.legend}</legend>
            {PROPOSAL_REASONS.map((reason) => {
              const group = proposals.filter((p) => p.reason === reason);
              if (group.length === 0) return null;
              return (
                <div className="proposal-group" key={reason}>
                  <h2>{pr.groups[reason]}</h2>
                  <ul>
                    {group.map((proposal) => (
                      <li key={proposal.key} className="proposal">
                        <label className="checkbox-row">
                          <input type="checkbox" name="proposal" value={proposal.key} defaultChecked={reason !== 'changed'} />
                          <span>
                            {proposal.title}
                            {proposal.minutesOfMeetingId !== null && previousMeetingName ? (
                              <span className="proposal__detail">{pr.minutesOf(previousMeetingName)}</span>
                            ) : null}
                            {proposal.deadlineEnd || proposal.changes ? (
                              <span className="proposal__detail">
                                {proposal.changes ? pr.changes(proposal.changes) : pr.deadlineBy(formatDate(proposal.deadlineEnd!))}
                              </span>
                            ) : null}
                          </span>
                        </label>
                        <label className="proposal__duration">
                          <span aria-hidden="true">{pr.durationShort}</span>
                          <input
                            type="number"
                            name={`duration.${proposal.key}`}
                            min={1}
                            max={480}
                            inputMode="numeric"
                            defaultValue={proposal.duration}
                            aria-label={pr.duration(proposal.title)}
                          />
                        </label>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button">
              {pr.submit}
            </button>
            <Link to={`/overleggen/${meeting.id}`} className="button button--secondary">
              {pr.cancel}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
