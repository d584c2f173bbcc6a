import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { AccessRequests } from '../components/admin/access-requests';
import { accountStatus, inviteState } from '../components/admin/admin-bits';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { approveAccessRequest, listAccessRequests, rejectAccessRequest } from '../models/accounts/access-requests.server';
import { listOrganisationOptions } from '../models/accounts/organisation.server';
import { listUsers } from '../models/accounts/user.server';
import { canManageAccounts, ROLE_LABELS } from '../models/permissions';
import { ApproveAccessRequestSchema, RejectAccessRequestSchema } from '../schemas/admin';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { clientAddress, requireActor } from '../utils/auth.server';
import { parseForm } from '../utils/forms';
import { requireAllowed } from '../utils/http.server';

const u = t.admin.users;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(u.title, t.common.nav.admin) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  return {
    users: listUsers(),
    accessRequests: listAccessRequests(),
    organisations: listOrganisationOptions(),
    now: new Date().toISOString(),
  };
}

const a = t.admin.accessRequests;

/** Approving or rejecting an access request (people who signed in with their organisation's account). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  const formData = await request.formData();
  const ip = clientAddress(context);
  const refuse = (message: string) => data({ ok: false as const, message }, { status: 400 });
  if (formData.get('intent') === 'approve') {
    const form = parseForm(ApproveAccessRequestSchema, formData);
    if (!form.ok) return refuse(Object.values(form.fieldErrors)[0] ?? t.common.errors.formHasErrors);
    const result = approveAccessRequest({ ...form.data, actorId: user.id, ip });
    if (!result.ok)
      return refuse(
        result.error === 'not_found' ? a.notFound : result.error === 'email_taken' ? a.emailTaken : t.admin.errors.organisationUnknown,
      );
    return data({ ok: true as const, message: a.approved(result.name) });
  }
  if (formData.get('intent') === 'reject') {
    const form = parseForm(RejectAccessRequestSchema, formData);
    if (!form.ok) return refuse(a.notFound);
    const result = rejectAccessRequest({ ...form.data, actorId: user.id, ip });
    if (!result.ok) return refuse(a.notFound);
    return data({ ok: true as const, message: a.rejected(result.name) });
  }
  return refuse(t.common.errors.formHasErrors);
}

export default function UsersPage() {
  const { users, accessRequests, organisations, now } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  return (
    <>
      <Breadcrumbs label={t.admin.breadcrumbsLabel} trail={[{ to: '/beheer', label: t.admin.home.title }]} current={u.title} />
      <h1>{u.title}</h1>
      {result ? (
        <div className={result.ok ? 'notice notice--success' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
          {result.message}
        </div>
      ) : null}
      <AccessRequests requests={accessRequests} organisations={organisations} />
      <p>
        <Link to="/beheer/gebruikers/nieuw" className="button">
          {u.invite}
        </Link>
      </p>
      <div className="table-wrap">
        <table className="data">
          <caption>{u.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{u.name}</th>
              <th scope="col">{u.email}</th>
              <th scope="col">{u.role}</th>
              <th scope="col">{u.organisation}</th>
              <th scope="col">{u.status}</th>
              <th scope="col">{u.invitation}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <Link to={`/beheer/gebruikers/${user.id}`}>{user.name}</Link>
                  {user.isDemo ? <span className="tag">{u.demo}</span> : null}
                </th>
                <td>{user.email}</td>
                <td>{ROLE_LABELS[user.role]}</td>
                <td>{user.organisationName}</td>
                <td>{accountStatus(user)}</td>
                <td>{inviteState(user, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
