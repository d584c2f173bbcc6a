import { Link } from '@remix-run/react';

import { t } from '../../i18n';

const f = t.privacy.footer;

/** On every page, signed in or not: the two statements a government web application must link to. */
export function AppFooter() {
  return (
    <footer className="app-footer">
      <nav aria-label={f.label}>
        <ul>
          <li>
            <Link to="/privacy">{f.privacy}</Link>
          </li>
          <li>
            <Link to="/toegankelijkheid">{f.accessibility}</Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
