/**
 * The personal calendar feed (iCalendar) that Outlook and other calendar clients
 * subscribe to at /kalender/<secret>.ics. Calendar clients cannot sign in, so the secret
 * in the address is the only key: 32 random bytes (base64url), stored in
 * users.calendar_token, renewable (the old address then answers 404), and only for active
 * accounts.
 *
 * What is in it (decided here, shown on the account page):
 * - the meetings the user is invited to (meeting_attendees), and for werkgroepleden every
 *   meeting of the working group (kind 'werkgroep') — running those meetings is their
 *   job, invited or not; from one year back onwards;
 * - the deadlines of the open actions the user is trekker of (actions.owner_user_id), as
 *   an all-day event on the last day of the deadline window (actions.deadline_end).
 * Times are written as UTC instants, which every client shows in its own zone (so a
 * meeting planned at 10:00 Dutch time is at 10:00 in a Dutch calendar).
 */
import { randomBytes } from 'node:crypto';

import { and, asc, eq, gte, inArray, isNotNull, or } from 'drizzle-orm';
import ical from 'ical-generator';

import { actions, meetingAttendees, meetings, users } from '../../../db/schema';
import { t } from '../../i18n';
import { addDays } from '../../utils/date-time';
import { db } from '../../utils/db.server';
import { type Role, runsWorkgroupMeetings } from '../permissions';
import { actionIsOpen } from '../tracker/action-status.server';
import { meetingEnd } from './meeting-time';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Past meetings older than this are left out: a feed should stay small. */
const FEED_HISTORY_DAYS = 365;

export function getCalendarToken(userId: number): string | null {
  return db.select({ token: users.calendarToken }).from(users).where(eq(users.id, userId)).get()?.token ?? null;
}

/** Makes a new secret (the first, or a replacement that makes the old address stop working). */
export function renewCalendarToken(userId: number): string {
  const token = randomBytes(32).toString('base64url');
  db.update(users).set({ calendarToken: token }).where(eq(users.id, userId)).run();
  return token;
}

/** The active user whose feed this secret opens, or undefined. */
export function findCalendarUser(token: string) {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  return db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.calendarToken, token), eq(users.active, true)))
    .get();
}

/** The address of a feed, under the public base URL. */
export function calendarFeedUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/kalender/${token}.ics`;
}

/** The meetings in a user's feed (see above). */
export function listFeedMeetings({ userId, role, since }: { userId: number; role: Role; since: string }) {
  const invited = db.select({ id: meetingAttendees.meetingId }).from(meetingAttendees).where(eq(meetingAttendees.userId, userId));
  const mine = runsWorkgroupMeetings({ role })
    ? or(inArray(meetings.id, invited), eq(meetings.kind, 'werkgroep'))
    : inArray(meetings.id, invited);
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      kind: meetings.kind,
      startsAt: meetings.startsAt,
      durationMinutes: meetings.durationMinutes,
      place: meetings.place,
    })
    .from(meetings)
    .where(and(mine, gte(meetings.startsAt, since)))
    .orderBy(asc(meetings.startsAt))
    .all();
}

/** The open actions whose trekker the user is, with a deadline window that ends. */
export function listFeedDeadlines(userId: number) {
  return db
    .select({ id: actions.id, title: actions.title, deadlinePhrase: actions.deadlinePhrase, deadlineEnd: actions.deadlineEnd })
    .from(actions)
    .where(and(eq(actions.ownerUserId, userId), isNotNull(actions.deadlineEnd), actionIsOpen()))
    .orderBy(asc(actions.deadlineEnd))
    .all();
}

/** The iCalendar text of a user's feed. */
export function buildCalendarFeed({
  user,
  baseUrl,
  now = new Date(),
}: {
  user: { id: number; role: Role };
  baseUrl: string;
  now?: Date;
}): string {
  const base = baseUrl.replace(/\/$/, '');
  const host = new URL(base).host;
  const calendar = ical({
    name: t.meetings.feed.calendarName,
    prodId: { company: t.common.appName, product: t.common.appName, language: 'NL' },
    ttl: 60 * 60,
  });
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 3600_000).toISOString();

  for (const m of listFeedMeetings({ userId: user.id, role: user.role, since })) {
    const url = `${base}/overleggen/${m.id}`;
    calendar.createEvent({
      id: `overleg-${m.id}@${host}`,
      start: new Date(m.startsAt),
      end: new Date(meetingEnd(m.startsAt, m.durationMinutes)),
      stamp: now,
      summary: m.title,
      location: m.place || null,
      url,
      description: `${t.meetings.feed.meetingDescription(t.meetings.kinds[m.kind])}\n${url}`,
    });
  }

  for (const a of listFeedDeadlines(user.id)) {
    const day = a.deadlineEnd!;
    calendar.createEvent({
      id: `termijn-${a.id}@${host}`,
      allDay: true,
      start: new Date(`${day}T00:00:00.000Z`),
      end: new Date(`${addDays(day, 1)}T00:00:00.000Z`),
      stamp: now,
      summary: t.meetings.feed.deadlineSummary(a.title),
      url: `${base}/acties/${a.id}`,
      description: `${t.meetings.feed.deadlineDescription(a.deadlinePhrase ?? day)}\n${base}/acties/${a.id}`,
    });
  }
  return calendar.toString();
}
