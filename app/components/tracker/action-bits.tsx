import { t } from '../../i18n';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from '../../models/tracker/action-status';
import { type DeadlineKind, formatWindow } from '../../models/tracker/deadline';

/** The status of an action as a labelled pill (text, not colour alone, carries the meaning). */
export function StatusBadge({ status }: { status: ActionStatus }) {
  return <span className={`status status--${status}`}>{ACTION_STATUS_LABELS[status]}</span>;
}

/** One <option> per status, in workflow order, for a status <select>. */
export function StatusOptions() {
  return (
    <>
      {ACTION_STATUSES.map((status) => (
        <option key={status} value={status}>
          {ACTION_STATUS_LABELS[status]}
        </option>
      ))}
    </>
  );
}

export function OverdueBadge() {
  return <span className="badge-overdue">{t.tracker.overdue}</span>;
}

/** A progress percentage as a bar with its number beside it. */
export function ProgressBar({ value }: { value: number }) {
  return (
    <span className="progress">
      <span className="progress__bar" aria-hidden="true">
        <span className="progress__fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      <span>{value}%</span>
    </span>
  );
}

/**
 * A deadline phrase shown as written; its date window appears on hover and on keyboard
 * focus (title for pointers, a described-by text for screen readers).
 */
export function DeadlineText({
  phrase,
  start,
  end,
  kind,
}: {
  phrase: string | null;
  start: string | null;
  end: string | null;
  kind?: DeadlineKind;
}) {
  if (!phrase) return <span className="muted">{t.dates.noDeadline}</span>;
  const window = formatWindow({ start, end, kind: kind ?? (start && end ? 'window' : start ? 'from' : 'by') });
  return (
    <span className="deadline" title={window} data-window={window}>
      {phrase}
      <span className="visually-hidden"> ({window})</span>
    </span>
  );
}
