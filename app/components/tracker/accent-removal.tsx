import { Form, Link } from '@remix-run/react';
import { useEffect, useRef } from 'react';

import { t } from '../../i18n';

const r = t.accents.removal;

/**
 * "Accent verwijderen?": shown instead of the accent form when an empty accent is saved
 * over an existing one. The server asks it (a plain POST without `bevestigd`, so it works
 * without JavaScript); with JavaScript the page asks before posting. Yes posts the empty
 * accent again with `bevestigd=ja`; no goes back to the page with the accent as it is.
 */
export function AccentRemovalConfirmation({
  municipality,
  goalCode,
  cellUrl,
  busy,
  onCancel,
}: {
  municipality: string;
  goalCode: string;
  cellUrl: string;
  busy: boolean;
  onCancel?: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The question replaces the form the person was in: their focus moves to it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="accent-removal-heading" aria-describedby="accent-removal-text">
      <h3 id="accent-removal-heading" ref={heading} tabIndex={-1}>
        {r.heading}
      </h3>
      <p id="accent-removal-text">{r.text(municipality, goalCode)}</p>
      <Form method="post" className="button-row">
        <input type="hidden" name="body" value="" />
        <input type="hidden" name="bevestigd" value="ja" />
        <button type="submit" className="button button--danger" disabled={busy}>
          {r.confirm}
        </button>
        <Link to={cellUrl} className="button button--secondary" onClick={onCancel} preventScrollReset>
          {r.cancel}
        </Link>
      </Form>
    </section>
  );
}
