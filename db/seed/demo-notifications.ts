import { and, asc, eq, isNotNull } from 'drizzle-orm';

import { t } from '../../app/i18n';
import { mentionedNames } from '../../app/models/comments/mention';
import type { Tx } from '../../app/models/history.server';
import type { NewNotification } from '../../app/models/notifications/notification.server';
import { deadlineNotification } from '../../app/models/notifications/notification-deadlines.server';
import { describeCommentTarget } from '../../app/models/notifications/notification-targets.server';
import { addDays, formatDateTime } from '../../app/utils/date-time';
import { todayInNL } from '../../app/utils/today';
import { actions, comments, meetingAttendees, meetings, minutesVersions, notifications, users } from '../schema';

/**
 * A lived-in inbox for the demo accounts: the notifications Koers would have sent while
 * the demo history happened, derived from the seeded data with the same rules, words,
 * links and dedupe keys as the triggers in app/models/notification*.server.ts — a
 * mention in a comment, a comment on an action you own, becoming an action's trekker,
 * a planned meeting, published minutes, a deadline that ends within 7 days or has passed
 * (as of today). Each person's two newest are unread; older ones were read the day after.
 *
 * Written through the seed's transaction: the seed may run on a database other than the
 * process-wide one, so the triggers themselves (which use the shared `db`) are not called.
 */

type Seeded = NewNotification & { createdAt: string };

const m = t.notifications.messages;
const UNREAD_PER_PERSON = 2;

export function seedDemoNotifications(tx: Tx) {
  const people = tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.active, true)).all();
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const found: Seeded[] = [...fromComments(tx, people), ...fromActions(tx), ...fromMeetings(tx)];

  const byPerson = new Map<number, Seeded[]>();
  for (const n of found) {
    // The actor never hears of their own act; inactive people hear nothing.
    if (n.userId === n.actorId || !nameOf.has(n.userId)) continue;
    byPerson.set(n.userId, [...(byPerson.get(n.userId) ?? []), n]);
  }
  for (const list of byPerson.values()) {
    list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    list.forEach((n, i) => {
      const readAt = i < UNREAD_PER_PERSON ? null : `${addDays(n.createdAt.slice(0, 10), 1)}T08:00:00.000Z`;
      tx.insert(notifications)
        .values({ ...n, readAt })
        .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
        .run();
    });
  }
}

/** Mentions in comments, and comments on an action or library item someone owns (a mention says more: one each). */
function fromComments(tx: Tx, people: { id: number; name: string }[]): Seeded[] {
  const rows = tx
    .select({
      id: comments.id,
      targetType: comments.targetType,
      targetId: comments.targetId,
      authorId: comments.authorId,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .orderBy(asc(comments.id))
    .all();
  const out: Seeded[] = [];
  for (const comment of rows) {
    const target = describeCommentTarget(comment, tx);
    if (!target) continue;
    const actor = people.find((p) => p.id === comment.authorId)?.name ?? '?';
    const link = `${target.href}#reactie-${comment.id}`;
    const base = { link, actorId: comment.authorId, createdAt: comment.createdAt };
    const names = new Set(
      mentionedNames(
        comment.body,
        people.map((p) => p.name),
      ).map((n) => n.toLowerCase()),
    );
    const mentioned = people.filter((p) => names.has(p.name.toLowerCase())).map((p) => p.id);
    for (const userId of mentioned) {
      out.push({ ...base, userId, kind: 'mention', message: m.mention(actor, target.label), dedupeKey: `mention:${comment.id}` });
    }
    if (target.ownerUserId !== null && !mentioned.includes(target.ownerUserId)) {
      out.push({
        ...base,
        userId: target.ownerUserId,
        kind: 'comment',
        message: m.comment(actor, target.label),
        dedupeKey: `comment:${comment.id}`,
      });
    }
  }
  return out;
}

/** Trekkers of actions a meeting produced (made trekker by the chair who wrote them down), and deadlines as of today. */
function fromActions(tx: Tx): Seeded[] {
  const rows = tx
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      ownerUserId: actions.ownerUserId,
      deadlineEnd: actions.deadlineEnd,
      createdAt: actions.createdAt,
      createdBy: meetings.createdBy,
    })
    .from(actions)
    .leftJoin(meetings, eq(meetings.id, actions.sourceMeetingId))
    .where(isNotNull(actions.ownerUserId))
    .all();
  const today = todayInNL();
  const out: Seeded[] = [];
  for (const action of rows) {
    if (action.createdBy !== null) {
      const chair = tx.select({ name: users.name }).from(users).where(eq(users.id, action.createdBy)).get()?.name ?? '?';
      out.push({
        userId: action.ownerUserId!,
        kind: 'owner',
        message: m.owner(chair, action.title),
        link: `/acties/${action.id}`,
        actorId: action.createdBy,
        dedupeKey: `owner:action:${action.id}:created`,
        createdAt: action.createdAt,
      });
    }
    const deadline = deadlineNotification(action, today);
    // Sent by the morning's deadline check.
    if (deadline) out.push({ ...deadline, createdAt: `${today}T06:00:00.000Z` });
  }
  return out;
}

/** The next meeting's invitations, and each published version of the minutes for those who were there. */
function fromMeetings(tx: Tx): Seeded[] {
  const rows = tx
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      status: meetings.status,
      createdBy: meetings.createdBy,
      createdAt: meetings.createdAt,
    })
    .from(meetings)
    .all();
  const out: Seeded[] = [];
  for (const meeting of rows) {
    const attendees = tx
      .select({ userId: meetingAttendees.userId, attended: meetingAttendees.attended })
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, meeting.id), isNotNull(meetingAttendees.userId)))
      .all();
    if (meeting.status === 'gepland' && meeting.createdBy !== null) {
      const planner = tx.select({ name: users.name }).from(users).where(eq(users.id, meeting.createdBy)).get()?.name ?? '?';
      for (const { userId } of attendees) {
        out.push({
          userId: userId!,
          kind: 'meeting_planned',
          message: m.meetingPlanned(planner, meeting.title, formatDateTime(meeting.startsAt)),
          link: `/overleggen/${meeting.id}`,
          actorId: meeting.createdBy,
          dedupeKey: `meeting_planned:${meeting.id}`,
          createdAt: meeting.createdAt,
        });
      }
    }
    const versions = tx
      .select({ version: minutesVersions.version, publishedBy: minutesVersions.publishedBy, publishedAt: minutesVersions.publishedAt })
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, meeting.id))
      .all();
    for (const version of versions) {
      // As notifyMinutesPublished: once attendance is marked, the absent are not told.
      for (const { userId } of attendees.filter((a) => a.attended !== false)) {
        out.push({
          userId: userId!,
          kind: 'minutes_published',
          message: m.minutesPublished(meeting.title, version.version),
          link: `/overleggen/${meeting.id}/verslag`,
          actorId: version.publishedBy,
          dedupeKey: `minutes_published:${meeting.id}:${version.version}`,
          createdAt: version.publishedAt,
        });
      }
    }
  }
  return out;
}
