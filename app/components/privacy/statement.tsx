import { Link } from '@remix-run/react';

import { t } from '../../i18n';
import type { StatementKey } from '../../models/privacy/statements';
import { formatDateTime } from '../../utils/date-time';
import { LibraryMarkdown } from '../library/library-markdown';

const s = t.privacy.statements;

export type StatementView = { key: StatementKey; body: string; isDefault: boolean; updatedAt: string | null; mayEdit: boolean };

/** A public statement (privacy, accessibility): its title, the text in Markdown-light, and for the beheerder the way to change it. */
export function Statement({ statement }: { statement: StatementView }) {
  return (
    <article className="statement" aria-labelledby="statement-title">
      <h1 id="statement-title">{s[statement.key].title}</h1>
      <LibraryMarkdown text={statement.body} />
      <p className="muted">{statement.updatedAt ? s.lastChanged(formatDateTime(statement.updatedAt)) : s.defaultText}</p>
      {statement.mayEdit ? (
        <p>
          <Link to={`/beheer/verklaringen/${statement.key}`}>{s.edit}</Link>
        </p>
      ) : null}
    </article>
  );
}
