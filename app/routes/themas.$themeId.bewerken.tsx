import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { EditForm } from '../components/forms/edit-form';
import { Field } from '../components/forms/field';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { getPeriodOfTheme } from '../models/periods/period.server';
import { canEditAgenda } from '../models/permissions';
import { getTheme, updateTheme } from '../models/tracker/theme.server';
import { TEXT_LIMITS } from '../schemas/limits';
import { ThemeFormSchema } from '../schemas/theme';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const f = t.tracker.themeForm;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackerCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? f.title(data.theme.code) : t.common.errors.notFoundTitle) },
];

/** Guard, then the chapter: 404 for an unknown id, 403 for anyone who may not edit the agenda. */
async function loadEditableTheme(request: Request, themeId: string | undefined) {
  const { user, actor } = await requireActor(request);
  const theme = requireFound(getTheme(requireIdParam(themeId)));
  requireAllowed(canEditAgenda(actor, getPeriodOfTheme(theme.id)));
  return { user, theme };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { theme } = await loadEditableTheme(request, params.themeId);
  return { theme };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, theme } = await loadEditableTheme(request, params.themeId);
  const form = parseForm(ThemeFormSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  updateTheme({ userId: user.id, id: theme.id, input: form.data });
  return redirect(`/#thema-${theme.id}`);
}

export default function EditThemePage() {
  const { theme } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? { title: theme.title, body: theme.body };
  return (
    <>
      <Breadcrumbs
        label={t.tracker.breadcrumbsLabel}
        trail={[{ to: `/#thema-${theme.id}`, label: t.tracker.agenda }]}
        current={f.title(theme.code)}
      />
      <h1>{f.title(theme.code)}</h1>
      <EditForm errors={errors} submitLabel={t.common.save} cancelTo={`/#thema-${theme.id}`}>
        <Field label={f.titleLabel} name="title" error={errors.title}>
          {(p) => <input {...p} type="text" defaultValue={values.title ?? ''} required maxLength={TEXT_LIMITS.title} />}
        </Field>
        <Field label={f.body} name="body" error={errors.body}>
          {(p) => <textarea {...p} defaultValue={values.body ?? ''} rows={16} maxLength={TEXT_LIMITS.longText} />}
        </Field>
      </EditForm>
    </>
  );
}
