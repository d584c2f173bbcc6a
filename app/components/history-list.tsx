import { useId } from 'react';

import { t } from '../i18n';
import type { HistoryEntry } from '../models/history.server';
import type { HistoryNames } from '../models/history-names.server';
import { ACTION_STATUS_LABELS, isActionStatus } from '../models/tracker/action-status';
import { formatDateTime } from '../utils/date-time';

const h = t.history;

/** Fields shown, in this order; internal ones (deadline window, position) are left out. */
const SHOWN_FIELDS = [
  'title',
  'status',
  'progress',
  'deadlinePhrase',
  'ownerUserId',
  'ownerOrganisationId',
  'partners',
  'municipalityId',
  'goalId',
  'themeId',
  'targetYear',
  'code',
  'kind',
  'description',
  'body',
] as const;

type Field = (typeof SHOWN_FIELDS)[number];
type Values = Record<string, unknown> | null;

function nameFor(field: Field, id: number, names?: HistoryNames): string {
  const table =
    field === 'ownerUserId' ? names?.users : field === 'goalId' ? names?.goals : field === 'themeId' ? names?.themes : names?.organisations;
  return table?.[id] ?? `#${id}`;
}

/** A stored value as a reader would say it. */
function formatValue(field: Field, value: unknown, names?: HistoryNames): string {
  if (value === null || value === undefined || value === '') return field === 'municipalityId' ? h.regional : h.empty;
  if (field === 'status' && isActionStatus(value)) return ACTION_STATUS_LABELS[value];
  if (field === 'progress' && typeof value === 'number') return `${value}%`;
  if (
    (field === 'ownerUserId' ||
      field === 'ownerOrganisationId' ||
      field === 'municipalityId' ||
      field === 'goalId' ||
      field === 'themeId') &&
    typeof value === 'number'
  ) {
    return nameFor(field, value, names);
  }
  return String(value);
}

/** Free text is shown as a block (before and after one above the other); other values inline. */
const TEXT_FIELDS: readonly Field[] = ['description', 'body'];

/** What a new item is summed up by; its title is already in the item's link or heading. */
const CREATE_FIELDS: readonly Field[] = [
  'status',
  'deadlinePhrase',
  'ownerUserId',
  'ownerOrganisationId',
  'municipalityId',
  'targetYear',
  'body',
];

function shorten(text: string) {
  return text.length > 300 ? `${text.slice(0, 300).trimEnd()}…` : text;
}

function isEmpty(value: unknown) {
  return value === null || value === undefined || value === '';
}

/** The changed fields of one entry: "Status: Loopt → Afgerond". Imports show no fields. */
export function HistoryChanges({ entry, names }: { entry: Pick<HistoryEntry, 'change' | 'before' | 'after'>; names?: HistoryNames }) {
  const before: Values = entry.before;
  const after: Values = entry.after;
  if (entry.change === 'import') return null;

  if (entry.change === 'create' || !before) {
    const fields = CREATE_FIELDS.filter((f) => after && !isEmpty(after[f]));
    if (fields.length === 0) return null;
    const inline = fields.filter((f) => !TEXT_FIELDS.includes(f));
    const text = fields.filter((f) => TEXT_FIELDS.includes(f));
    return (
      <div className="history-entry__created">
        {inline.length > 0 ? (
          <p className="history-entry__summary">
            {inline.map((field, i) => (
              <span key={field}>
                {i > 0 ? ' · ' : null}
                {h.fields[field]}: {formatValue(field, after![field], names)}
              </span>
            ))}
          </p>
        ) : null}
        {text.map((field) => (
          <p key={field} className="history-text history-text--after">
            {shorten(formatValue(field, after![field], names))}
          </p>
        ))}
      </div>
    );
  }

  const fields = SHOWN_FIELDS.filter((f) => (after && f in after) || f in before);
  if (fields.length === 0) return null;
  return (
    <ul className="history-entry__fields">
      {fields.map((field) => {
        const label = h.fields[field] ?? field;
        const a = formatValue(field, after?.[field], names);
        const b = formatValue(field, before[field], names);
        if (TEXT_FIELDS.includes(field)) {
          return (
            <li key={field}>
              {label}:
              <span className="history-text">
                <span className="visually-hidden">{h.was}: </span>
                <del>{b}</del>
              </span>
              <span className="history-text history-text--after">
                <span className="visually-hidden">{h.now}: </span>
                <ins>{a}</ins>
              </span>
            </li>
          );
        }
        return (
          <li key={field}>
            {label}:{' '}
            <span className="history-value history-value--before">
              <span className="visually-hidden">{h.was} </span>
              {b}
            </span>{' '}
            <span aria-hidden="true">{h.arrow}</span>{' '}
            <span className="history-value">
              <span className="visually-hidden">{h.now} </span>
              {a}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Who made a change: the user's name, or "Import" for the agenda import and the system. */
export function historyAuthor(userName: string | null) {
  return userName ?? h.importUser;
}

function Entry({ entry, names }: { entry: HistoryEntry; names?: HistoryNames }) {
  return (
    <li className="history-entry">
      <p className="history-entry__meta">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · <strong>{historyAuthor(entry.userName)}</strong> ·{' '}
        {h.change[entry.change] ?? entry.change}
      </p>
      <HistoryChanges entry={entry} names={names} />
    </li>
  );
}

const VISIBLE = 5;

/**
 * The history of one item, newest first. `names` (from resolveHistoryNames) turns ids
 * such as the trekker into names; without it ids show as "#12".
 */
/** `olderHref`: where the entries older than these are shown (a long history loads its newest only). */
export function HistoryList({ entries, names, olderHref }: { entries: HistoryEntry[]; names?: HistoryNames; olderHref?: string | null }) {
  const headingId = useId();
  const first = entries.slice(0, VISIBLE);
  const rest = entries.slice(VISIBLE);
  return (
    <section className="history" id="geschiedenis" aria-labelledby={headingId}>
      <h2 id={headingId}>{h.heading}</h2>
      {entries.length === 0 ? <p className="muted">{h.none}</p> : null}
      {first.length > 0 ? (
        <ol className="history-list">
          {first.map((entry) => (
            <Entry key={entry.id} entry={entry} names={names} />
          ))}
        </ol>
      ) : null}
      {rest.length > 0 ? (
        <details className="history-more">
          <summary>{h.showOlder(rest.length)}</summary>
          <ol className="history-list">
            {rest.map((entry) => (
              <Entry key={entry.id} entry={entry} names={names} />
            ))}
          </ol>
        </details>
      ) : null}
      {olderHref ? (
        <p className="history-older">
          <a href={olderHref}>{h.loadOlder}</a>
        </p>
      ) : null}
    </section>
  );
}
