import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { t } from '../i18n';
import { listOrganisationOptions } from '../models/accounts/organisation.server';
import { countUsers } from '../models/accounts/user.server';
import { canManageAccounts } from '../models/permissions';
import adminCss from '../styles/admin.css?url';
import { requireActor } from '../utils/auth.server';
import { requireAllowed } from '../utils/http.server';

const h = t.admin.home;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(h.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  return { userCount: countUsers(), organisationCount: listOrganisationOptions().length };
}

export default function AdminHome() {
  const { userCount, organisationCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{h.title}</h1>
      <p className="lead">{h.intro}</p>
      <ul className="admin-links">
        <li>
          <Link to="/beheer/gebruikers">{h.users}</Link>
          <p>{h.usersText(userCount)}</p>
        </li>
        <li>
          <Link to="/beheer/organisaties">{h.organisations}</Link>
          <p>{h.organisationsText(organisationCount)}</p>
        </li>
        <li>
          <Link to="/beheer/tweestapsverificatie">{t.twoFactor.policy.homeLink}</Link>
          <p>{t.twoFactor.policy.homeText}</p>
        </li>
        <li>
          <Link to="/beheer/auditlog">{t.audit.homeLink}</Link>
          <p>{t.audit.homeText}</p>
        </li>
        <li>
          <Link to="/beheer/verklaringen/privacy">{t.privacy.statements.homeLink}</Link>
          <p>{t.privacy.statements.homeText}</p>
        </li>
      </ul>
    </>
  );
}
