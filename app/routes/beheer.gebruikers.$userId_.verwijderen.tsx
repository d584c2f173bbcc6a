import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { ConfirmCheckbox } from '../components/forms/confirm-checkbox';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { getUserForAdmin } from '../models/accounts/user.server';
import { canRemovePerson } from '../models/permissions';
import { openActionsOwnedBy, removalOf, removePerson } from '../models/privacy/person-removal.server';
import { PersonRemovalSchema } from '../schemas/person-removal';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { clientAddress, requireActor } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { notFound, requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const p = t.privacy.person;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? p.removeTitle(data.user.name) : p.removeLink, t.common.nav.admin) },
];

/** The confirmation step: what removing does, and the open actions that keep the anonymised name as owner. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const userId = requireIdParam(params.userId);
  requireAllowed(canRemovePerson(actor, { id: userId }));
  const user = requireFound(getUserForAdmin(userId));
  if (removalOf(user.id)) throw redirect(`/beheer/gebruikers/${user.id}`);
  return { user: { id: user.id, name: user.name, email: user.email }, openActions: openActionsOwnedBy(user.id) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const userId = requireIdParam(params.userId);
  requireAllowed(canRemovePerson(actor, { id: userId }));
  const form = parseForm(PersonRemovalSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors }, { status: 400 });
  const result = removePerson({ actor, userId, ip: clientAddress(context) });
  if (!result.ok && result.error === 'not_found') throw notFound();
  if (!result.ok && result.error === 'already_removed')
    return data({ fieldErrors: { confirm: p.alreadyRemoved } as FieldErrors }, { status: 409 });
  if (!result.ok) return data({ fieldErrors: { confirm: p.removeSelf } as FieldErrors }, { status: 400 });
  return redirect(`/beheer/gebruikers/${userId}?melding=verwijderd`);
}

export default function RemovePersonPage() {
  const { user, openActions } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  return (
    <div className="person-removal">
      <Breadcrumbs
        label={t.admin.breadcrumbsLabel}
        trail={[
          { to: '/beheer', label: t.admin.home.title },
          { to: '/beheer/gebruikers', label: t.admin.users.title },
          { to: `/beheer/gebruikers/${user.id}`, label: user.name },
        ]}
        current={p.removeLink}
      />
      <h1>{p.removeTitle(user.name)}</h1>
      <p className="lead">{p.removeIntro}</p>
      <p>{p.removeWhat}</p>
      <ul>
        {p.removeSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      <p>{p.openActions(openActions)}</p>
      <p>
        {p.exportFirst} <a href={`/beheer/gebruikers/${user.id}/gegevens.json`}>{p.exportLink}</a>
      </p>
      <Form method="post" className="form" noValidate>
        <ConfirmCheckbox id="verwijderen-bevestigen" name="confirm" label={p.confirm} error={errors.confirm} />
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={busy}>
            {p.submit}
          </button>
          <Link to={`/beheer/gebruikers/${user.id}`}>{p.cancel}</Link>
        </div>
      </Form>
    </div>
  );
}
