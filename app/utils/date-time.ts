import { t } from '../i18n';
import { formatDate } from '../models/tracker/deadline';

const NL_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type DateAndTime = Readonly<{ date: string; time: string }>;

// formatToParts costs ~9 µs, and a page shows the same timestamps on every render (an
// action page: ~150 of them in its threads and history), so answers are kept; the map
// starts over when full rather than tracking use.
const KEPT_TIMESTAMPS = 10_000;
const converted = new Map<string, DateAndTime>();

/** A UTC timestamp as date and time in the Netherlands: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function toNL(timestamp: string): DateAndTime {
  let result = converted.get(timestamp);
  if (!result) {
    result = convertToNL(timestamp);
    if (converted.size >= KEPT_TIMESTAMPS) converted.clear();
    converted.set(timestamp, result);
  }
  return result;
}

function convertToNL(timestamp: string): DateAndTime {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return { date: timestamp.slice(0, 10), time: '' };
  const parts = Object.fromEntries(NL_PARTS.formatToParts(d).map((p) => [p.type, p.value]));
  return Object.freeze({ date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` });
}

/** "18 nov. 2026 om 15:00" (Dutch time; the same on server and browser). */
export function formatDateTime(timestamp: string): string {
  const { date, time } = toNL(timestamp);
  return time ? t.dates.dateAtTime(formatDate(date), time) : formatDate(date);
}

/** "18 nov. 2026" in Dutch time. */
export function formatDay(timestamp: string): string {
  return formatDate(toNL(timestamp).date);
}

/** "12 maart 2025" in Dutch time: the day a meeting is known by. */
export function formatLongDay(timestamp: string): string {
  const [year, month, day] = toNL(timestamp).date.split('-').map(Number);
  return `${day} ${t.dates.months[month - 1]} ${year}`;
}

/** The UTC instant at which a calendar day begins in the Netherlands, as an ISO timestamp. */
export function startOfDayNL(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const local = toNL(new Date(guess).toISOString());
  const [ly, lm, ld] = local.date.split('-').map(Number);
  const [hh, mm] = local.time.split(':').map(Number);
  const offset = Date.UTC(ly, lm - 1, ld, hh, mm) - guess;
  return new Date(guess - offset).toISOString();
}

/** A calendar date plus or minus whole days: addDays('2026-11-29', -14) → '2026-11-15'. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
