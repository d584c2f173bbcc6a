import { useId } from 'react';

import { t } from '../../i18n';
import { splitMarked } from '../../models/search/search-text';
import { TEXT_LIMITS } from '../../schemas/limits';

const s = t.search;

/**
 * The search field in the header: a plain GET form to /zoeken, so it works without
 * JavaScript and the results page is a shareable link.
 */
export function SearchField({ defaultValue = '' }: { defaultValue?: string }) {
  const id = useId();
  return (
    <form role="search" action="/zoeken" method="get" className="search-field" aria-label={s.fieldLabel}>
      <label htmlFor={id} className="visually-hidden">
        {s.fieldLabel}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder={s.fieldPlaceholder}
        maxLength={TEXT_LIMITS.search}
        autoComplete="off"
        className="search-field__input"
      />
      <button type="submit" className="button button--secondary button--small search-field__button">
        {s.submit}
      </button>
    </form>
  );
}

/** Text with FTS5 match markers, rendered as text with <mark> around the matches. */
export function MarkedText({ value }: { value: string }) {
  return <>{splitMarked(value).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
