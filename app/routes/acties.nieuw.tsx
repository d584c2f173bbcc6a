import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { ActionForm } from '../components/tracker/action-form';
import { t } from '../i18n';
import { monitor as monitorText } from '../i18n/nl/monitor';
import { getIndicatorByCode, linkActionToIndicator } from '../models/monitor/indicator.server';
import { canCreateAnyAction } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import { createAction } from '../models/tracker/action.server';
import { getActionFormOptions, readActionForm } from '../models/tracker/action-form.server';
import type { ActionFormValues } from '../schemas/action';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { optionalIdQuery, requireAllowed } from '../utils/http.server';

const f = t.tracker.actionForm;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackerCss }];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(f.newTitle) }];

/**
 * A new action. ?doel=<goalId> preselects the goal, ?gemeente=<municipalityId> makes it
 * a local action of that municipality (when this user may create one there).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canCreateAnyAction(actor));
  const options = getActionFormOptions(actor);
  const query = new URL(request.url).searchParams;
  const goalId = optionalIdQuery(query.get('doel'));
  const municipalityId = optionalIdQuery(query.get('gemeente'));
  const scope =
    options.scopes.find((s) => s.municipalityId !== null && s.municipalityId === municipalityId) ??
    options.scopes.find((s) => s.municipalityId === null) ??
    options.scopes[0];
  const values: ActionFormValues = {
    goalId: goalId !== null && options.goals.some((g) => g.id === goalId) ? String(goalId) : '',
    municipalityId: scope?.municipalityId ? String(scope.municipalityId) : '',
    status: 'niet_gestart',
    progress: '0',
  };
  const indicator = getIndicatorByCode(query.get('indicator') ?? '');
  return {
    options,
    values,
    cancelTo: values.goalId ? `/doelen/${values.goalId}` : '/',
    indicator: indicator ? { code: indicator.code, name: indicator.name } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canCreateAnyAction(actor));
  const formData = await request.formData();
  const form = readActionForm(actor, formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  // Started from the monitor ("Actie starten", ?indicator=<code> in the form's address): linked to the indicator.
  const indicator = getIndicatorByCode(new URL(request.url).searchParams.get('indicator') ?? '');
  const id = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: 'action' }, () => {
    const created = createAction({ userId: user.id, input: form.input });
    if (indicator) linkActionToIndicator(created, indicator.id);
    return created;
  });
  return redirect(`/acties/${id}`);
}

export default function NewActionPage() {
  const { options, values, cancelTo, indicator } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  return (
    <>
      <Breadcrumbs label={t.tracker.breadcrumbsLabel} trail={[{ to: '/', label: t.tracker.agenda }]} current={f.newTitle} />
      <h1>{f.newTitle}</h1>
      {indicator ? <p className="lead">{monitorText.startedFrom(indicator.code, indicator.name)}</p> : null}
      <ActionForm
        options={options}
        values={actionData?.values ?? values}
        errors={actionData?.fieldErrors ?? {}}
        submitLabel={f.submitCreate}
        cancelTo={cancelTo}
      />
    </>
  );
}
