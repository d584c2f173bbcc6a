import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { canEditStatements } from '../models/permissions';
import { isStatementKey, type StatementKey } from '../models/privacy/statements';
import { getStatement, resetStatement, saveStatement } from '../models/privacy/statements.server';
import { TEXT_LIMITS } from '../schemas/limits';
import { StatementSchema } from '../schemas/statement';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { clientAddress, requireActor } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { badRequest, notFound, requireAllowed } from '../utils/http.server';

const s = t.privacy.statements;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? s.editTitle(s[data.key].title) : s.edit, t.common.nav.admin) },
];

function requireStatementKey(value: string | undefined): StatementKey {
  if (!isStatementKey(value)) throw notFound();
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditStatements(actor));
  const statement = getStatement(requireStatementKey(params.key));
  const notice = new URL(request.url).searchParams.get('melding');
  return { ...statement, notice: notice === 'opgeslagen' ? s.saved : notice === 'standaard' ? s.restored : null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditStatements(actor));
  const key = requireStatementKey(params.key);
  const formData = await request.formData();
  const intent = formData.get('intent');
  if (intent === 'reset') {
    resetStatement({ key, actorId: actor.id, ip: clientAddress(context) });
    return redirect(`/beheer/verklaringen/${key}?melding=standaard`);
  }
  if (intent !== 'save') throw badRequest(t.admin.errors.intentUnknown);
  const form = parseForm(StatementSchema, formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, body: form.values.body ?? '' }, { status: 400 });
  saveStatement({ key, body: form.data.body, actorId: actor.id, ip: clientAddress(context) });
  return redirect(`/beheer/verklaringen/${key}?melding=opgeslagen`);
}

export default function EditStatementPage() {
  const statement = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const title = s[statement.key].title;
  return (
    <>
      <Breadcrumbs label={t.admin.breadcrumbsLabel} trail={[{ to: '/beheer', label: t.admin.home.title }]} current={s.editTitle(title)} />
      <h1>{s.editTitle(title)}</h1>
      {statement.notice && !actionData ? (
        <div className="notice notice--success" role="status">
          {statement.notice}
        </div>
      ) : null}
      <p>{s.editIntro}</p>
      <p>
        <Link to={`/${statement.key}`}>{title}</Link>
      </p>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      <Form method="post" className="form statement-form" noValidate>
        <input type="hidden" name="intent" value="save" />
        <Field label={s.body} name="body" error={errors.body}>
          {(p) => (
            <textarea
              {...p}
              key={statement.updatedAt ?? 'default'}
              defaultValue={actionData?.body ?? statement.body}
              required
              maxLength={TEXT_LIMITS.longText}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {s.save}
        </button>
      </Form>
      {statement.isDefault ? null : (
        <Form method="post">
          <input type="hidden" name="intent" value="reset" />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {s.restoreDefault}
          </button>
        </Form>
      )}
    </>
  );
}
