import { Link } from '@remix-run/react';

import { t } from '../../i18n';
import { formatDateTime } from '../../utils/date-time';

const p = t.privacy.person;

/** The AVG duties on a person's beheer page: their data export, and removing them (or that they were removed). */
export function PersonPrivacySection({ userId, isSelf, removedAt }: { userId: number; isSelf: boolean; removedAt: string | null }) {
  return (
    <section aria-labelledby="person-privacy" className="card">
      <h2 id="person-privacy">{p.sectionTitle}</h2>
      {removedAt ? (
        <div className="notice" role="note">
          <strong>{p.removedTitle}</strong>
          <p>{p.removedText(formatDateTime(removedAt))}</p>
        </div>
      ) : (
        <p>{p.sectionIntro}</p>
      )}
      <p>
        <a href={`/beheer/gebruikers/${userId}/gegevens.json`} download>
          {p.exportLink}
        </a>
      </p>
      <p className="hint">{p.exportHint}</p>
      {removedAt ? null : isSelf ? (
        <p className="muted">{p.removeSelf}</p>
      ) : (
        <p>
          <Link to={`/beheer/gebruikers/${userId}/verwijderen`} className="button button--danger">
            {p.removeLink}
          </Link>
        </p>
      )}
    </section>
  );
}
