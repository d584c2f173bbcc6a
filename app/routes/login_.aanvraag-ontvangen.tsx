import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';

import { t } from '../i18n';

const r = t.common.login.oidc.requested;

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(r.title) }];

/** Where an unknown person lands after signing in with their organisation's account. */
export default function AccessRequestedPage() {
  return (
    <div className="login">
      <h1>{r.title}</h1>
      <p>{r.body}</p>
      <p>{r.noRights}</p>
      <p>
        <Link to="/login">{r.back}</Link>
      </p>
    </div>
  );
}
