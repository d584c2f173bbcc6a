import type { ReactNode } from 'react';

import { t } from '../../i18n';

const c = t.notes.connection;

/**
 * What a live editor shows until its document is ready (useLiveSession): the text as
 * stored, read-only, under the connection state the editor itself will show.
 */
export function LiveFallback({ children }: { children: ReactNode }) {
  return (
    <>
      <div className="notes-connection notes-connection--connecting">
        <span className="notes-connection__label">{c.label}: </span>
        <span role="status" className="notes-connection__state">
          {c.firstConnect}
        </span>
      </div>
      {children}
    </>
  );
}
