import { Form, NavLink, useLocation } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';

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
  { to: '/monitor', label: t.common.nav.monitor },
  { to: '/overleggen', label: t.common.nav.meetings },
  { to: '/besluiten', label: t.common.nav.decisions },
  { to: '/jaarrapportages', label: t.common.nav.yearReports },
  { to: '/financien', label: t.common.nav.finance },
  { to: '/kennisbank', label: t.common.nav.library },
  { to: '/wijzigingen', label: t.common.nav.changes },
];

const MENU_ID = 'hoofdmenu';

/**
 * The header: name, search, the signed-in user and the main navigation. On a narrow
 * screen everything but the name folds behind a "Menu" disclosure button, so the first
 * screen shows the page rather than the menu. The folding is CSS under
 * `@media (scripting: enabled)`: without JavaScript the button is not shown and the menu
 * stays open, so every link is still reachable (see app.css, "The header on a phone").
 */
export function AppHeader({ user, unreadNotifications = 0 }: { user: HeaderUser | null; unreadNotifications?: number }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const { pathname, search } = useLocation();
  // A link in the menu was followed: the new page starts with the menu folded.
  useEffect(() => setOpen(false), [pathname, search]);

  // Escape folds the open menu and puts the focus back on its button.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <header className={`app-header${open ? ' app-header--open' : ''}`}>
      <div className="app-header__bar">
        <a href="/" className="app-header__brand">
          <span className="app-header__name">{t.common.appName}</span>
          <span className="app-header__tagline">{t.common.appTagline}</span>
        </a>
        {user ? (
          <button
            ref={toggle}
            type="button"
            className="app-header__toggle"
            aria-expanded={open}
            aria-controls={MENU_ID}
            onClick={() => setOpen((o) => !o)}
          >
            <span className="app-header__toggle-icon" aria-hidden="true" />
            {t.common.nav.menu}
            {unreadNotifications > 0 ? (
              <>
                <span className="notification-count" aria-hidden="true">
                  {unreadNotifications}
                </span>
                <span className="visually-hidden">, {t.notifications.headerLabel(unreadNotifications)}</span>
              </>
            ) : null}
          </button>
        ) : null}
      </div>
      {user ? (
        <div id={MENU_ID} className="app-header__menu">
          <div className="app-header__tools">
            <SearchField />
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
          </div>
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
        </div>
      ) : null}
    </header>
  );
}
