import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { createOrganisation, listOrganisations, renameOrganisation } from '../models/accounts/organisation.server';
import { recordAudit } from '../models/audit/audit-log.server';
import { canManageAccounts } from '../models/permissions';
import { CreateOrganisationSchema, RenameOrganisationSchema } from '../schemas/admin';
import { TEXT_LIMITS } from '../schemas/limits';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { clientAddress, requireActor } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { notFound, requireAllowed } from '../utils/http.server';
import { parseId } from '../utils/ids';

const o = t.admin.organisations;
const e = t.admin.errors;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(o.title, t.common.nav.admin) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  const url = new URL(request.url);
  const added = url.searchParams.get('toegevoegd');
  const renamed = url.searchParams.get('hernoemd');
  const notice = added ? o.added(added) : renamed ? o.renamed(renamed) : null;
  return { organisations: listOrganisations(), notice };
}

type ActionData = { intent: string; organisationId: number | null; fieldErrors: FieldErrors; values: Record<string, string> };

function reply(body: ActionData) {
  return data(body, { status: 400 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');

  if (intent === 'create') {
    const form = parseForm(CreateOrganisationSchema, formData);
    if (!form.ok) return reply({ intent, organisationId: null, fieldErrors: form.fieldErrors, values: form.values });
    const result = createOrganisation(form.data);
    if (!result.ok)
      return reply({ intent, organisationId: null, fieldErrors: { name: e.organisationNameTaken }, values: { name: form.data.name } });
    recordAudit({
      actorId: actor.id,
      action: 'organisation.created',
      target: { type: 'organisation', id: result.id, name: result.name },
      ip: clientAddress(context),
    });
    return redirect(`/beheer/organisaties?toegevoegd=${encodeURIComponent(result.name)}`);
  }

  if (intent === 'rename') {
    const form = parseForm(RenameOrganisationSchema, formData);
    const rawId = formData.get('organisationId');
    const organisationId = typeof rawId === 'string' ? parseId(rawId) : null;
    if (!form.ok) return reply({ intent, organisationId, fieldErrors: form.fieldErrors, values: form.values });
    const result = renameOrganisation(form.data);
    if (!result.ok) {
      if (result.error === 'not_found') throw notFound();
      return reply({ intent, organisationId, fieldErrors: { name: e.organisationNameTaken }, values: { name: form.data.name } });
    }
    recordAudit({
      actorId: actor.id,
      action: 'organisation.renamed',
      target: { type: 'organisation', id: result.id, name: result.name },
      ip: clientAddress(context),
    });
    return redirect(`/beheer/organisaties?hernoemd=${encodeURIComponent(result.name)}`);
  }

  return reply({ intent, organisationId: null, fieldErrors: { _form: e.intentUnknown }, values: {} });
}

export default function OrganisationsPage() {
  const { organisations, notice } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const createErrors: FieldErrors = actionData?.intent === 'create' ? actionData.fieldErrors : {};
  return (
    <>
      <Breadcrumbs label={t.admin.breadcrumbsLabel} trail={[{ to: '/beheer', label: t.admin.home.title }]} current={o.title} />
      <h1>{o.title}</h1>
      {notice && !actionData ? (
        <div className="notice notice--success" role="status">
          {notice}
        </div>
      ) : null}
      {actionData?.fieldErrors._form ? (
        <div className="form-error" role="alert">
          {actionData.fieldErrors._form}
        </div>
      ) : null}
      <p>{o.municipalitiesNote}</p>
      <div className="table-wrap">
        <table className="data">
          <caption>{o.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{o.name}</th>
              <th scope="col">{o.kind}</th>
              <th scope="col">{o.users}</th>
              <th scope="col">{o.rename}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((org) => {
              const mine = actionData?.intent === 'rename' && actionData.organisationId === org.id;
              const error = mine ? (actionData.fieldErrors.name ?? actionData.fieldErrors.organisationId) : undefined;
              const inputId = `rename-${org.id}`;
              return (
                <tr key={org.id}>
                  <th scope="row">{org.name}</th>
                  <td>{o.kinds[org.kind]}</td>
                  <td>{org.userCount}</td>
                  <td>
                    <Form method="post" className="rename-form" noValidate>
                      <input type="hidden" name="intent" value="rename" />
                      <input type="hidden" name="organisationId" value={org.id} />
                      <label htmlFor={inputId} className="visually-hidden">
                        {o.renameLabel(org.name)}
                      </label>
                      {error ? (
                        <span className="field-error" id={`${inputId}-error`}>
                          {error}
                        </span>
                      ) : null}
                      <input
                        id={inputId}
                        name="name"
                        type="text"
                        required
                        maxLength={TEXT_LIMITS.name}
                        defaultValue={mine ? actionData.values.name : org.name}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${inputId}-error` : undefined}
                      />
                      <button
                        type="submit"
                        className="button button--secondary button--small"
                        disabled={busy}
                        aria-label={o.renameButton(org.name)}
                      >
                        {o.rename}
                      </button>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="org-add" className="card">
        <h2 id="org-add">{o.addTitle}</h2>
        <FormErrorSummary show={Object.keys(createErrors).length > 0} message={t.common.errors.formHasErrors} />
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="create" />
          <Field label={o.addName} name="name" error={createErrors.name}>
            {(p) => (
              <input
                {...p}
                type="text"
                required
                maxLength={TEXT_LIMITS.name}
                defaultValue={actionData?.intent === 'create' ? actionData.values.name : undefined}
              />
            )}
          </Field>
          <button type="submit" className="button" disabled={busy}>
            {o.addSubmit}
          </button>
        </Form>
      </section>
    </>
  );
}
