/**
 * Meeting times. A meeting is planned in Dutch wall-clock time (date + "10:00") and
 * stored as a UTC instant (meetings.starts_at), so the calendar feed and every page agree
 * on the moment whatever the server's time zone. Browser-safe and pure.
 */
import { t } from '../../i18n';
import { addDays, formatLongDay, toNL } from '../../utils/date-time';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date 'YYYY-MM-DD' (no 2026-02-30) within the years Koers plans in. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 'HH:MM' on a 24-hour clock. */
export function isClockTime(value: string): boolean {
  return TIME.test(value);
}

/**
 * The UTC instant of a Dutch date and time: nlToUtc('2026-03-12', '10:00') →
 * '2026-03-12T09:00:00.000Z' (CET), '2026-06-11T08:00:00.000Z' in summer (CEST).
 */
export function nlToUtc(date: string, time: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wallClock = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at the wall-clock moment read as UTC is right except within an hour of a
  // DST switch; a second pass with the offset at the corrected instant settles that.
  let instant = wallClock - offsetAt(wallClock);
  instant = wallClock - offsetAt(instant);
  return new Date(instant).toISOString();
}

function offsetAt(instant: number): number {
  const { date, time } = toNL(new Date(instant).toISOString());
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi) - Math.floor(instant / 60_000) * 60_000;
}

/** The end of a meeting as a UTC instant. */
export function meetingEnd(startsAt: string, durationMinutes: number): string {
  return new Date(new Date(startsAt).getTime() + durationMinutes * 60_000).toISOString();
}

/** The same wall-clock time `weeks` weeks later (a series keeps 10:00 across a DST switch). */
export function sameTimeWeeksLater(startsAt: string, weeks: number): string {
  const { date, time } = toNL(startsAt);
  return nlToUtc(addDays(date, weeks * 7), time);
}

/**
 * Has the meeting begun at `now`? Minutes are adopted and decisions recorded only from
 * then on: before it, there is nothing to write down.
 */
export function meetingHasStarted(startsAt: string, now: string = new Date().toISOString()): boolean {
  return new Date(startsAt).getTime() <= new Date(now).getTime();
}

/** How a meeting is named in headings, tabs and links: "Werkgroepoverleg 12 maart 2025". */
export function meetingName(meeting: { title: string; startsAt: string }): string {
  return t.meetings.datedTitle(meeting.title, formatLongDay(meeting.startsAt));
}
