import { Link } from '@remix-run/react';
import { useId } from 'react';

import { t } from '../../i18n';
import type { LibraryKind } from '../../models/library/library-rules';

const l = t.library.linked;

/**
 * The library items linked to a goal, an action or a meeting, for that page. `addTo` is
 * the query of "Item toevoegen" (e.g. "doel=12"), shown when the actor may add items.
 */
export function LinkedLibraryItems({
  items,
  addTo,
}: {
  items: { id: number; kind: LibraryKind; title: string; summary: string }[];
  addTo?: string | null;
}) {
  const headingId = useId();
  return (
    <section className="linked-library" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{l.heading}</h2>
        {addTo ? (
          <Link to={`/kennisbank/nieuw?${addTo}`} className="button button--small button--secondary">
            {l.add}
          </Link>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="muted">{l.none}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/kennisbank/${item.id}`}>{item.title}</Link> <span className="muted">({t.library.kinds[item.kind]})</span>
              {item.summary ? <span className="muted"> — {item.summary}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
