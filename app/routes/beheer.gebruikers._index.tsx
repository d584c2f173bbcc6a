import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { accountStatus, inviteState } from '../components/admin/admin-bits';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { listUsers } from '../models/accounts/user.server';
import { canManageAccounts, ROLE_LABELS } from '../models/permissions';
import adminCss from '../styles/admin.css?url';
import { requireActor } from '../utils/auth.server';
import { requireAllowed } from '../utils/http.server';

const u = t.admin.users;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(u.title, t.common.nav.admin) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  return { users: listUsers(), now: new Date().toISOString() };
}

export default function UsersPage() {
  const { users, now } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs label={t.admin.breadcrumbsLabel} trail={[{ to: '/beheer', label: t.admin.home.title }]} current={u.title} />
      <h1>{u.title}</h1>
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
