import { t } from '../../i18n';
import { meetingEnd } from '../../models/meetings/meeting-time';
import { formatDateTime, toNL } from '../../utils/date-time';

type Kind = 'werkgroep' | 'bestuurlijk' | 'kennisdeling';
type Status = 'gepland' | 'gehouden' | 'vastgesteld';

/** "12 mrt. 2026 om 10:00–12:00" in Dutch time, in a <time> element with the instant. */
export function MeetingWhen({ startsAt, durationMinutes }: { startsAt: string; durationMinutes: number }) {
  const end = toNL(meetingEnd(startsAt, durationMinutes)).time;
  return (
    <time dateTime={startsAt}>
      {formatDateTime(startsAt)}–{end}
    </time>
  );
}

export function MeetingKindLabel({ kind }: { kind: Kind }) {
  return <>{t.meetings.kinds[kind]}</>;
}

/** The status as a labelled pill: text carries the meaning, colour only supports it. */
export function MeetingStatusBadge({ status }: { status: Status }) {
  return <span className={`status meeting-status meeting-status--${status}`}>{t.meetings.statuses[status]}</span>;
}

/** A place, or the link when it is an online meeting's address. */
export function MeetingPlace({ place }: { place: string }) {
  const trimmed = place.trim();
  if (!trimmed) return <span className="muted">{t.meetings.noPlace}</span>;
  if (/^https?:\/\/\S+$/.test(trimmed)) {
    return (
      <a href={trimmed} rel="noopener noreferrer">
        {trimmed}
      </a>
    );
  }
  return <>{trimmed}</>;
}
