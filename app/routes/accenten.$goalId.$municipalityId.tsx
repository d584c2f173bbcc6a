import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation, useNavigation, useSearchParams } from '@remix-run/react';
import { type FormEvent, useState } from 'react';

import { CommentSection } from '../components/comments/comment-section';
import { Field, FormErrorSummary } from '../components/forms/field';
import { HistoryList } from '../components/history-list';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { FollowButton } from '../components/notifications/follow-button';
import { AccentRemovalConfirmation } from '../components/tracker/accent-removal';
import { AccentUpdated, LocalActionList } from '../components/tracker/goal-accents';
import { t } from '../i18n';
import { listComments } from '../models/comments/comment.server';
import { listHistoryOf } from '../models/history.server';
import { isFollowing } from '../models/notifications/follow.server';
import { getPeriodOfGoal } from '../models/periods/period.server';
import { canEditAccent } from '../models/permissions';
import { getAccentCell, saveAccent } from '../models/tracker/accent.server';
import { AccentFormSchema } from '../schemas/accent';
import { TEXT_LIMITS } from '../schemas/limits';
import accentsCss from '../styles/accents.css?url';
import commentsCss from '../styles/comments.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const a = t.accents;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: accentsCss },
  { rel: 'stylesheet', href: commentsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? t.common.pageTitle(a.cellTitle(data.goal.code, data.municipality.name)) : t.common.appName },
];

/** The cell named by the URL, or a 404 for an unknown goal or an organisation that is no municipality. */
function loadCell(params: LoaderFunctionArgs['params']) {
  return requireFound(getAccentCell(requireIdParam(params.goalId), requireIdParam(params.municipalityId)));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { goal, municipality, cell } = loadCell(params);
  return {
    actor,
    goal,
    municipality,
    cell,
    period: getPeriodOfGoal(goal.id),
    mayEdit: canEditAccent(actor, municipality.id, getPeriodOfGoal(goal.id)),
    threads: cell.accentId ? listComments({ targetType: 'accent', targetId: cell.accentId }) : [],
    history: cell.accentId ? listHistoryOf({ entityType: 'accent', entityId: cell.accentId }) : [],
    following: cell.accentId ? isFollowing({ userId: actor.id, targetType: 'accent', targetId: cell.accentId }) : false,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const { goal, municipality, cell } = loadCell(params);
  requireAllowed(canEditAccent(actor, municipality.id, getPeriodOfGoal(goal.id)));
  const form = parseForm(AccentFormSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values, confirmRemoval: false }, { status: 400 });
  const removing = form.data.body === '' && cell.body.trim() !== '';
  // Emptying the text removes the accent: only when the person said yes to "Accent verwijderen?".
  if (removing && form.data.bevestigd !== 'ja') return data({ fieldErrors: {}, values: { body: '' }, confirmRemoval: true });
  saveAccent({ userId: user.id, goalId: goal.id, municipalityId: municipality.id, body: form.data.body });
  return redirect(`/accenten/${goal.id}/${municipality.id}?${removing ? 'verwijderd' : 'opgeslagen'}=1`);
}

export default function AccentCellPage() {
  const { actor, goal, municipality, cell, period, mayEdit, threads, history, following } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const [params] = useSearchParams();
  const saving = useNavigation().state === 'submitting';
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const notice = actionData ? null : params.get('verwijderd') === '1' ? a.removed : params.get('opgeslagen') === '1' ? a.saved : null;
  // With JavaScript the page asks before posting an empty accent; without, the server asks.
  // Asked on this location only: a save or any navigation (a new location) ends the question.
  const { key: locationKey } = useLocation();
  const [askedAt, setAskedAt] = useState<string | null>(null);
  const askRemoval = askedAt === locationKey || actionData?.confirmRemoval === true;
  const cellUrl = `/accenten/${goal.id}/${municipality.id}`;
  function confirmEmpty(event: FormEvent<HTMLFormElement>) {
    const body = new FormData(event.currentTarget).get('body');
    if (typeof body === 'string' && body.trim() === '' && cell.body.trim() !== '') {
      event.preventDefault();
      setAskedAt(locationKey);
    }
  }

  return (
    <>
      <Breadcrumbs
        label={a.breadcrumbsLabel}
        trail={[
          { to: '/accenten', label: a.backToMatrix },
          { to: `/doelen/${goal.id}`, label: `${a.goal} ${goal.code}` },
        ]}
        current={municipality.name}
      />
      <h1>{a.cellTitle(goal.code, municipality.name)}</h1>
      {/* An accent exists once it has been written; until then there is nothing to follow. */}
      {cell.accentId ? <FollowButton target={{ type: 'accent', id: cell.accentId }} following={following} /> : null}
      <dl className="meta-list">
        <dt>{a.goal}</dt>
        <dd>
          <Link to={`/doelen/${goal.id}`}>
            {goal.code} {goal.title}
          </Link>
        </dd>
        <dt>{a.municipality}</dt>
        <dd>{municipality.name}</dd>
      </dl>

      {notice ? (
        <div className="notice notice--success" role="status">
          {notice}
        </div>
      ) : null}

      <section aria-labelledby="accent-heading">
        <h2 id="accent-heading">{a.accentHeading}</h2>
        <AccentUpdated cell={cell} className="muted" />
        {mayEdit && askRemoval ? (
          <AccentRemovalConfirmation
            municipality={municipality.name}
            goalCode={goal.code}
            cellUrl={cellUrl}
            busy={saving}
            onCancel={() => setAskedAt(null)}
          />
        ) : mayEdit ? (
          <Form method="post" className="form" noValidate onSubmit={confirmEmpty}>
            <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
            <Field label={a.bodyLabel} name="body" error={errors.body} hint={a.bodyHint}>
              {(p) => <textarea {...p} rows={8} defaultValue={actionData?.values.body ?? cell.body} maxLength={TEXT_LIMITS.accent} />}
            </Field>
            <button type="submit" className="button" disabled={saving}>
              {a.save}
            </button>
          </Form>
        ) : (
          <>
            {cell.body ? <p className="prose">{cell.body}</p> : <p className="muted">{a.noAccent}</p>}
            <p className="muted">{a.noEditRight(municipality.name)}</p>
          </>
        )}
      </section>

      <section aria-labelledby="local-actions-heading">
        <h2 id="local-actions-heading">{a.localActions}</h2>
        <LocalActionList actions={cell.localActions} />
        {mayEdit ? (
          <p>
            <Link className="button button--secondary" to={`/acties/nieuw?doel=${goal.id}&gemeente=${municipality.id}`}>
              {a.newLocalAction}
            </Link>
          </p>
        ) : null}
      </section>

      <CommentSection
        target={{ type: 'accent', id: cell.accentId ?? 0 }}
        accentCell={{ goalId: goal.id, municipalityId: municipality.id }}
        threads={threads}
        actor={actor}
        mayEditTarget={mayEdit}
        period={period}
      />

      <HistoryList entries={history} />
    </>
  );
}
