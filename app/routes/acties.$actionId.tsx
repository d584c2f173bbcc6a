import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';

import { CommentSection } from '../components/comments/comment-section';
import { Field, FormErrorSummary } from '../components/forms/field';
import { SubmissionKeyField } from '../components/forms/submission-key';
import { HistoryList } from '../components/history-list';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { LinkedLibraryItems } from '../components/library/library-linked-items';
import { DecisionList } from '../components/meetings/decision-list';
import { FollowButton } from '../components/notifications/follow-button';
import { CarriedLinks, ItemPeriod } from '../components/periods/period-switch';
import { DeadlineText, OverdueBadge, ProgressBar, StatusBadge, StatusOptions } from '../components/tracker/action-bits';
import { OwnerText } from '../components/tracker/owner-text';
import { t } from '../i18n';
import { listNewestThreads } from '../models/comments/comment.server';
import { listHistoryOf } from '../models/history.server';
import { resolveHistoryNames } from '../models/history-names.server';
import { linkedLibrarySection } from '../models/library/library.server';
import { listActionDecisions } from '../models/meetings/decision.server';
import { getActionSourceMeeting } from '../models/meetings/meeting.server';
import { meetingName } from '../models/meetings/meeting-time';
import { isFollowing } from '../models/notifications/follow.server';
import { actionPeriodLinks, getActionOutcome, getPeriodOfAction } from '../models/periods/period.server';
import { showsOverdue } from '../models/periods/period-rules';
import { canEditAction } from '../models/permissions';
import { newest, readRecordPaging, recordLinks, shownHistory, threadLimit } from '../models/record-paging';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import { addProgressUpdate, getAction, getActionScope, listProgressUpdates } from '../models/tracker/action.server';
import { ACTION_STATUS_LABELS, isActionStatus } from '../models/tracker/action-status';
import { isActionOverdue } from '../models/tracker/deadline';
import { overviewChapterHref } from '../models/tracker/overview-links';
import { ProgressUpdateSchema } from '../schemas/action';
import { TEXT_LIMITS } from '../schemas/limits';
import commentsCss from '../styles/comments.css?url';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { formatDateTime } from '../utils/date-time';
import { type FieldErrors, parseForm } from '../utils/forms';
import { badRequest, requireAllowed, requireFound, requireIdParam } from '../utils/http.server';
import { liveRevalidationSpares } from '../utils/live-revalidation';
import { todayInNL } from '../utils/today';

const a = t.tracker.action;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: commentsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? data.action.title : t.common.errors.notFoundTitle) },
];

/**
 * Progress reports shown: the newest ten, all of them behind a link (`?voortgang=alle`).
 * The heaviest action's 44 reports were a fifth of its page, and pushed the discussion
 * far down (docs/scaling.md, "Measured after one route tree per build").
 */
const NEWEST_UPDATES_SHOWN = 10;

/**
 * A live change to other actions leaves this page as it is, and then its loader need not
 * run (nor, with the root's opting out too, any request be sent): the live event names
 * the actions whose pages changed — this action's own rows, and those of the actions it
 * was carried from and to, whose titles it shows (decision 028). Anything else (a
 * navigation, a form, a change the event could not name) revalidates as usual.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, nextParams, defaultShouldRevalidate }) => {
  const sameView = !formMethod && currentUrl.href === nextUrl.href;
  if (sameView && liveRevalidationSpares([Number(nextParams.actionId)])) return false;
  return defaultShouldRevalidate;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const id = requireIdParam(params.actionId);
  const searchParams = new URL(request.url).searchParams;
  const paging = readRecordPaging(searchParams);
  const allUpdates = searchParams.get('voortgang') === 'alle';
  const action = requireFound(getAction(id));
  const period = requireFound(getPeriodOfAction(id));
  const history = shownHistory((limit) => listHistoryOf({ entityType: 'action', entityId: id, limit }), paging);
  const updates = newest(listProgressUpdates(id), allUpdates ? null : NEWEST_UPDATES_SHOWN, 'newest first');
  const threads = listNewestThreads({ targetType: 'action', targetId: id, limit: threadLimit(paging) });
  return {
    actor,
    action,
    period,
    carried: actionPeriodLinks(id),
    outcome: getActionOutcome(id),
    overdue: showsOverdue(period) && isActionOverdue(action, todayInNL()),
    updates: updates.shown,
    olderUpdates: updates.older,
    threads: threads.shown,
    olderThreads: threads.older,
    decisions: listActionDecisions({ actionId: id }),
    sourceMeeting: getActionSourceMeeting(id),
    library: linkedLibrarySection({ actor, targetType: 'action', targetId: id }),
    history: history.entries,
    historyNames: resolveHistoryNames(history.entries),
    moreHistory: history.more,
    mayEdit: canEditAction(actor, action, period),
    following: isFollowing({ userId: actor.id, targetType: 'action', targetId: id }),
  };
}

/** "Voortgang melden": a progress report, optionally with a new status and percentage. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const id = requireIdParam(params.actionId);
  requireAllowed(canEditAction(actor, requireFound(getActionScope(id))));
  const formData = await request.formData();
  if (formData.get('intent') !== 'progress') throw badRequest();
  const form = parseForm(ProgressUpdateSchema, formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: 'progress' }, () =>
    addProgressUpdate({ userId: user.id, actionId: id, ...form.data }),
  );
  return redirect(`/acties/${id}#voortgang`);
}

export default function ActionPage() {
  const {
    actor,
    action,
    period,
    carried,
    outcome,
    overdue,
    updates,
    olderUpdates,
    threads,
    olderThreads,
    history,
    historyNames,
    moreHistory,
    mayEdit,
    decisions,
    library,
    sourceMeeting,
    following,
  } = useLoaderData<typeof loader>();
  const partners = action.partners
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <article className="action-page">
      <Breadcrumbs
        label={t.tracker.breadcrumbsLabel}
        trail={[
          { to: '/', label: t.tracker.agenda },
          { to: overviewChapterHref(action.themeId, { periodSlug: period.slug }), label: action.themeCode },
          { to: `/doelen/${action.goalId}`, label: t.tracker.goal.eyebrow(action.goalCode) },
        ]}
        current={action.title}
      />
      <h1>{action.title}</h1>
      <ItemPeriod period={period} />
      <CarriedLinks from={carried.from} to={carried.to} base="/acties" />
      {outcome?.periodOutcome === 'niet_afgerond' ? <p>{t.periods.outcomeNotFinished(outcome.periodOutcomeReason ?? '')}</p> : null}
      <div className="action-page__summary">
        <StatusBadge status={action.status} />
        {overdue ? <OverdueBadge /> : null}
        <ProgressBar value={action.progress} />
        {mayEdit ? (
          <Link to={`/acties/${action.id}/bewerken`} className="button button--secondary button--small">
            {a.edit}
          </Link>
        ) : null}
        <FollowButton target={{ type: 'action', id: action.id }} following={following} />
      </div>

      <dl className="meta-list">
        <dt>{a.status}</dt>
        <dd>{ACTION_STATUS_LABELS[action.status]}</dd>
        <dt>{a.progress}</dt>
        <dd>{action.progress}%</dd>
        <dt>{a.deadline}</dt>
        <dd>
          <DeadlineText phrase={action.deadlinePhrase} start={action.deadlineStart} end={action.deadlineEnd} />
        </dd>
        <dt>{a.owner}</dt>
        <dd>
          <OwnerText person={action.ownerUserName} organisation={action.ownerOrganisationName} />
        </dd>
        <dt>{a.partners}</dt>
        <dd>{partners.length > 0 ? partners.join(', ') : <span className="muted">{a.noPartners}</span>}</dd>
        <dt>{a.scope}</dt>
        <dd>{action.municipalityName ? a.local(action.municipalityName) : a.regional}</dd>
        <dt>{a.goal}</dt>
        <dd>
          <Link to={`/doelen/${action.goalId}`}>
            {action.goalCode} {action.goalTitle}
          </Link>
        </dd>
        {sourceMeeting ? (
          <>
            <dt>{t.meetings.outcomes.from}</dt>
            <dd>
              <Link to={`/overleggen/${sourceMeeting.id}`}>{meetingName(sourceMeeting)}</Link>
            </dd>
          </>
        ) : null}
        <dt>{a.chapter}</dt>
        <dd>
          <Link to={overviewChapterHref(action.themeId, { periodSlug: period.slug })}>
            {action.themeCode} {action.themeTitle}
          </Link>
        </dd>
        <dt>{a.updatedAt}</dt>
        <dd>
          <time dateTime={action.updatedAt}>{formatDateTime(action.updatedAt)}</time>
        </dd>
      </dl>

      <section aria-labelledby="omschrijving-titel">
        <h2 id="omschrijving-titel">{a.descriptionHeading}</h2>
        {action.description ? <div className="prose">{action.description}</div> : <p className="muted">{a.noDescription}</p>}
      </section>

      <section id="voortgang" aria-labelledby="voortgang-titel">
        <h2 id="voortgang-titel">{a.progressHeading}</h2>
        {mayEdit ? <ProgressForm /> : null}
        {updates.length === 0 ? (
          <p className="muted">{a.noProgress}</p>
        ) : (
          <ol className="progress-log">
            {updates.map((update) => (
              <li key={update.id} className="progress-log__entry">
                <p className="progress-log__meta">
                  <strong>{update.authorName}</strong>, <time dateTime={update.createdAt}>{formatDateTime(update.createdAt)}</time>
                </p>
                {(update.statusFrom && update.statusTo) || update.progress !== null ? (
                  <p className="progress-log__change">
                    {update.statusFrom && update.statusTo && isActionStatus(update.statusFrom) && isActionStatus(update.statusTo) ? (
                      <span>
                        {a.statusChange}: {ACTION_STATUS_LABELS[update.statusFrom]} → {ACTION_STATUS_LABELS[update.statusTo]}
                      </span>
                    ) : null}
                    {update.progress !== null ? <span>{a.progressTo(update.progress)}</span> : null}
                  </p>
                ) : null}
                <p className="prose">{update.body}</p>
              </li>
            ))}
          </ol>
        )}
        {olderUpdates > 0 ? (
          <p className="progress-log__older">
            <span className="muted">{a.progressNewestShown(updates.length)} </span>
            <a href={`/acties/${action.id}?voortgang=alle#voortgang`}>{a.progressShowOlder(olderUpdates)}</a>
          </p>
        ) : null}
      </section>

      <DecisionList decisions={decisions} emptyText={t.decisions.noneForAction} />
      <LinkedLibraryItems items={library.items} addTo={library.addTo} />
      <CommentSection
        target={{ type: 'action', id: action.id }}
        threads={threads}
        actor={actor}
        mayEditTarget={mayEdit}
        period={period}
        older={{ count: olderThreads, href: recordLinks(`/acties/${action.id}`).olderThreads }}
      />
      <HistoryList
        entries={history}
        names={historyNames}
        olderHref={moreHistory ? recordLinks(`/acties/${action.id}`).moreHistory : null}
      />
    </article>
  );
}

function ProgressForm() {
  const actionData = useActionResult<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === 'submitting';
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const resetKey = useResetAfterOwnReport(navigation, actionData);
  return (
    <div className="card progress-form">
      <h3>{a.progressFormHeading}</h3>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      {/* A fresh form after this viewer's report was saved (not when a report by someone else arrives live). */}
      <Form key={resetKey} method="post" className="form" noValidate preventScrollReset>
        <input type="hidden" name="intent" value="progress" />
        <SubmissionKeyField />
        <Field label={a.progressBody} name="body" error={errors.body}>
          {(p) => <textarea {...p} defaultValue={values.body ?? ''} rows={3} required maxLength={TEXT_LIMITS.progressReport} />}
        </Field>
        <div className="inline-fields">
          <Field label={a.progressStatus} name="status" error={errors.status}>
            {(p) => (
              <select {...p} defaultValue={values.status ?? ''}>
                <option value="">{a.progressStatusUnchanged}</option>
                <StatusOptions />
              </select>
            )}
          </Field>
          <Field label={a.progressPercent} name="progress" error={errors.progress} hint={a.progressPercentHint}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                max={100}
                step={1}
                inputMode="numeric"
                className="input-percent"
                defaultValue={values.progress ?? ''}
              />
            )}
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={submitting}>
            {a.progressSubmit}
          </button>
        </div>
      </Form>
    </div>
  );
}

/** Counts this viewer's saved progress reports: the report form starts empty after each. */
function useResetAfterOwnReport(navigation: ReturnType<typeof useNavigation>, actionData: unknown): number {
  const [saved, setSaved] = useState(0);
  const reporting = navigation.formData?.get('intent') === 'progress';
  const sent = useRef(false);
  useEffect(() => {
    if (reporting) sent.current = true;
    else if (navigation.state === 'idle' && sent.current) {
      sent.current = false;
      // Saved: the action redirected (no action data). Refused: keep the form with its errors.
      if (!actionData) setSaved((n) => n + 1);
    }
  }, [reporting, navigation.state, actionData]);
  return saved;
}
