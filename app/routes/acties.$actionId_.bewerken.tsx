import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { ActionForm } from '../components/tracker/action-form';
import { t } from '../i18n';
import { getPeriodOfAction } from '../models/periods/period.server';
import { canEditAction } from '../models/permissions';
import { getAction, updateAction } from '../models/tracker/action.server';
import { actionFormValues, getActionFormOptions, readActionForm } from '../models/tracker/action-form.server';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const f = t.tracker.actionForm;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackerCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? `${f.editTitle}: ${data.action.title}` : t.common.errors.notFoundTitle) },
];

/** Guard, then the action: 404 for an unknown id, 403 unless this user may change it. */
async function loadEditableAction(request: Request, actionId: string | undefined) {
  const { user, actor } = await requireActor(request);
  const action = requireFound(getAction(requireIdParam(actionId)));
  requireAllowed(canEditAction(actor, action, getPeriodOfAction(action.id)));
  return { user, actor, action };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, action } = await loadEditableAction(request, params.actionId);
  return { action, values: actionFormValues(action), options: getActionFormOptions(actor, action) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor, action: existing } = await loadEditableAction(request, params.actionId);
  // The new scope is checked too: a municipality's people cannot move an action out of their own scope.
  const form = readActionForm(actor, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  updateAction({ userId: user.id, id: existing.id, input: form.input });
  return redirect(`/acties/${existing.id}`);
}

export default function EditActionPage() {
  const { action: item, values, options } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  return (
    <>
      <Breadcrumbs
        label={t.tracker.breadcrumbsLabel}
        trail={[
          { to: '/', label: t.tracker.agenda },
          { to: `/doelen/${item.goalId}`, label: t.tracker.goal.eyebrow(item.goalCode) },
          { to: `/acties/${item.id}`, label: item.title },
        ]}
        current={t.common.edit}
      />
      <h1>{f.editTitle}</h1>
      <ActionForm
        options={options}
        values={actionData?.values ?? values}
        errors={actionData?.fieldErrors ?? {}}
        submitLabel={f.submitEdit}
        cancelTo={`/acties/${item.id}`}
      />
    </>
  );
}
