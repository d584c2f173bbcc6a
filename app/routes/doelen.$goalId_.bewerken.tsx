import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { EditForm } from '../components/forms/edit-form';
import { Field } from '../components/forms/field';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { getPeriodOfGoal } from '../models/periods/period.server';
import { canEditAgenda } from '../models/permissions';
import { getGoal, updateGoal } from '../models/tracker/goal.server';
import { GoalFormSchema } from '../schemas/goal';
import { TEXT_LIMITS } from '../schemas/limits';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const f = t.tracker.goalForm;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackerCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? f.title(data.goal.code) : t.common.errors.notFoundTitle) },
];

/** Guard, then the goal: 404 for an unknown id, 403 for anyone who may not edit the agenda. */
async function loadEditableGoal(request: Request, goalId: string | undefined) {
  const { user, actor } = await requireActor(request);
  const goal = requireFound(getGoal(requireIdParam(goalId)));
  requireAllowed(canEditAgenda(actor, getPeriodOfGoal(goal.id)));
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
  const actionData = useActionResult<typeof action>();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {
    title: goal.title,
    body: goal.body,
    targetYear: goal.targetYear === null ? '' : String(goal.targetYear),
  };
  return (
    <>
      <Breadcrumbs
        label={t.tracker.breadcrumbsLabel}
        trail={[
          { to: '/', label: t.tracker.agenda },
          { to: `/doelen/${goal.id}`, label: t.tracker.goal.eyebrow(goal.code) },
        ]}
        current={t.common.edit}
      />
      <h1>{f.title(goal.code)}</h1>
      <EditForm errors={errors} submitLabel={t.common.save} cancelTo={`/doelen/${goal.id}`}>
        <Field label={f.titleLabel} name="title" error={errors.title}>
          {(p) => <textarea {...p} defaultValue={values.title ?? ''} rows={3} required maxLength={TEXT_LIMITS.goalText} />}
        </Field>
        <Field label={f.body} name="body" error={errors.body}>
          {(p) => <textarea {...p} defaultValue={values.body ?? ''} rows={8} maxLength={TEXT_LIMITS.goalBody} />}
        </Field>
        <Field label={f.targetYear} name="targetYear" error={errors.targetYear} hint={f.targetYearHint}>
          {(p) => (
            <input {...p} type="text" inputMode="numeric" className="input-year" maxLength={4} defaultValue={values.targetYear ?? ''} />
          )}
        </Field>
      </EditForm>
    </>
  );
}
