import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Field, FormErrorSummary } from '../components/field';
import { t } from '../i18n';
import { getGoal, updateGoal } from '../models/goal.server';
import { canEditAgenda } from '../models/permissions';
import { GoalFormSchema } from '../schemas/goal';
import trackerCss from '../styles/tracker.css?url';
import { asActor, requireAllowed, requireUser } from '../utils/auth.server';
import { parseForm, type FieldErrors } from '../utils/forms';
import { notFound, requireIdParam } from '../utils/route-params';

const f = t.tracker.goalForm;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackerCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? f.title(data.goal.code) : t.common.errors.notFoundTitle} — Koers` }];

/** Guard, then the goal: 404 for an unknown id, 403 for anyone who may not edit the agenda. */
async function loadEditableGoal(request: Request, goalId: string | undefined) {
  const user = await requireUser(request);
  const id = requireIdParam(goalId);
  const goal = getGoal(id);
  if (!goal) throw notFound();
  requireAllowed(canEditAgenda(asActor(user)));
  return { user, goal };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { goal } = await loadEditableGoal(request, params.goalId);
  return { goal };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, goal } = await loadEditableGoal(request, params.goalId);
  const form = parseForm(GoalFormSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  updateGoal({ userId: user.id, id: goal.id, input: form.data });
  return redirect(`/doelen/${goal.id}`);
}

export default function EditGoalPage() {
  const { goal } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {
    title: goal.title,
    body: goal.body,
    targetYear: goal.targetYear === null ? '' : String(goal.targetYear),
  };
  return (
    <>
      <nav aria-label={t.tracker.breadcrumbsLabel} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t.tracker.agenda}</Link>
          </li>
          <li>
            <Link to={`/doelen/${goal.id}`}>{t.tracker.goal.eyebrow(goal.code)}</Link>
          </li>
          <li>
            <span aria-current="page">{t.common.edit}</span>
          </li>
        </ol>
      </nav>
      <h1>{f.title(goal.code)}</h1>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      <Form method="post" className="form" noValidate>
        <Field label={f.titleLabel} name="title" error={errors.title}>
          {(p) => <textarea {...p} defaultValue={values.title ?? ''} rows={3} required maxLength={1000} />}
        </Field>
        <Field label={f.body} name="body" error={errors.body}>
          {(p) => <textarea {...p} defaultValue={values.body ?? ''} rows={8} />}
        </Field>
        <Field label={f.targetYear} name="targetYear" error={errors.targetYear} hint={f.targetYearHint}>
          {(p) => <input {...p} type="text" inputMode="numeric" className="input-year" defaultValue={values.targetYear ?? ''} />}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={submitting}>
            {t.common.save}
          </button>
          <Link to={`/doelen/${goal.id}`} className="button button--secondary">
            {t.common.cancel}
          </Link>
        </div>
      </Form>
    </>
  );
}
