import { Form, NavLink } from '@remix-run/react';

import { t } from '../../i18n';
import { canManageAccounts, type Role } from '../../models/permissions';
import { SearchField } from './search-field';

type HeaderUser = { id: number; name: string; role: Role; organisationId: number; organisationName: string };

const NAV: { to: string; label: string; end?: boolean }[] = [
  { to: '/', label: t.common.nav.overview, end: true },
  { to: '/acties', label: t.common.nav.actions, end: true },
  { to: '/acties/mijn', label: t.common.nav.mine },
  { to: '/tijdlijn', label: t.common.nav.timeline },
  { to: '/bord', label: t.common.nav.board },
  { to: '/accenten', label: t.common.nav.accents },
  { to: '/overleggen', label: t.common.nav.meetings },
  { to: '/besluiten', label: t.common.nav.decisions },
  { to: '/kennisbank', label: t.common.nav.library },
  { to: '/wijzigingen', label: t.common.nav.changes },
];

export function AppHeader({ user, unreadNotifications = 0 }: { user: HeaderUser | null; unreadNotifications?: number }) {
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <a href="/" className="app-header__brand">
          <span className="app-header__name">{t.common.appName}</span>
          <span className="app-header__tagline">{t.common.appTagline}</span>
        </a>
        {user ? <SearchField /> : null}
        {user ? (
          <div className="app-header__user">
            <span>{t.common.loggedInAs(user.name, user.organisationName)}</span>
            <NavLink to="/meldingen" className="app-header__notifications" aria-label={t.notifications.headerLabel(unreadNotifications)}>
              {t.notifications.headerLink}
              {unreadNotifications > 0 ? <span className="notification-count">{unreadNotifications}</span> : null}
            </NavLink>
            <NavLink to="/account">{t.common.nav.account}</NavLink>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button">
                {t.common.logout}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
      {user ? (
        <nav aria-label={t.common.nav.label} className="app-nav">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
            {canManageAccounts(user) ? (
              <li>
                <NavLink to="/beheer">{t.common.nav.admin}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
