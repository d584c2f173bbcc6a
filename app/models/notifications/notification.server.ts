/**
 * Notifications: who hears of what. Every trigger is idempotent: a notification is one
 * row per (person, dedupe key), so running a trigger twice stores nothing twice. The
 * actor never hears of their own act, inactive people hear nothing, and each person's
 * preferences decide whether a notification is shown, mailed, or both
 * (docs/decisions/010-mentions-notifications.md).
 *
 * The triggers are synchronous and use the shared `db`, so callers run them inside their
 * own transactions: a rolled-back change notifies nobody. E-mail goes out afterwards.
 */
import { and, desc, eq, sql } from 'drizzle-orm';

import { actions, comments, meetingAttendees, meetings, minutesVersions, notifications, users } from '../../../db/schema';
import { t } from '../../i18n';
import { formatDateTime } from '../../utils/date-time';
import { db } from '../../utils/db.server';
import { resolveMentionedUsers } from '../comments/mention.server';
import { scheduleEmailDelivery } from './email-delivery.server';
import { listFollowerIds } from './follow.server';
import { getPreference, type NotificationKind } from './notification-preferences.server';
import { describeCommentTarget } from './notification-targets.server';

export type { NotificationKind };

export type NewNotification = {
  userId: number;
  kind: NotificationKind;
  message: string;
  link: string;
  actorId: number | null;
  dedupeKey: string;
};

const m = t.notifications.messages;

/**
 * Stores one notification unless the person is the actor, inactive, has turned this
 * kind off entirely, or already has one with this dedupe key. True when stored.
 */
export function notify(notification: NewNotification): boolean {
  const { userId, kind, actorId } = notification;
  if (actorId !== null && userId === actorId) return false;
  const person = db.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!person?.active) return false;
  const preference = getPreference({ userId, kind });
  if (!preference.enabled && preference.email === 'off') return false;
  const stored = db
    .insert(notifications)
    // Off in Koers but on by e-mail: kept as already read, the record of what was mailed.
    .values({ ...notification, readAt: preference.enabled ? null : new Date().toISOString() })
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .run();
  if (stored.changes === 0) return false;
  if (preference.email === 'immediate') scheduleEmailDelivery();
  return true;
}

function personName(userId: number): string {
  return db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? '?';
}

/**
 * A new comment: the people it mentions hear of the mention; the item's owner and its
 * followers hear of the comment (one notification each: a mention says more). Called by
 * createComment inside its transaction, after the author has started following the item.
 */
export function notifyCommentPosted({ commentId, actorId }: { commentId: number; actorId: number }) {
  const comment = db
    .select({ targetType: comments.targetType, targetId: comments.targetId, body: comments.body })
    .from(comments)
    .where(eq(comments.id, commentId))
    .get();
  if (!comment) return;
  const target = describeCommentTarget(comment);
  if (!target) return;
  const actor = personName(actorId);
  const link = `${target.href}#reactie-${commentId}`;
  const mentioned = notifyMentions({ commentId, actorId, body: comment.body, actor, label: target.label, link });
  const audience = new Set([...(target.ownerUserId !== null ? [target.ownerUserId] : []), ...listFollowerIds(comment)]);
  for (const userId of audience) {
    if (mentioned.has(userId)) continue;
    notify({ userId, kind: 'comment', message: m.comment(actor, target.label), link, actorId, dedupeKey: `comment:${commentId}` });
  }
}

/** An edited comment: people newly mentioned in it are told (those mentioned before already were). */
export function notifyCommentEdited({ commentId, actorId }: { commentId: number; actorId: number }) {
  const comment = db
    .select({ targetType: comments.targetType, targetId: comments.targetId, body: comments.body })
    .from(comments)
    .where(eq(comments.id, commentId))
    .get();
  if (!comment || !comment.body.includes('@')) return;
  const target = describeCommentTarget(comment);
  if (!target) return;
  notifyMentions({
    commentId,
    actorId,
    body: comment.body,
    actor: personName(actorId),
    label: target.label,
    link: `${target.href}#reactie-${commentId}`,
  });
}

/** Notifies everyone `body` mentions; returns all of them (also those already told). */
function notifyMentions(input: {
  commentId: number;
  actorId: number;
  body: string;
  actor: string;
  label: string;
  link: string;
}): Set<number> {
  const people = resolveMentionedUsers(input.body);
  for (const person of people) {
    notify({
      userId: person.id,
      kind: 'mention',
      message: m.mention(input.actor, input.label),
      link: input.link,
      actorId: input.actorId,
      dedupeKey: `mention:${input.commentId}`,
    });
  }
  return new Set(people.map((p) => p.id));
}

/**
 * Someone was named with `@` in a meeting's notes (the editor reports each mention it
 * inserts). One notification per person and meeting: the notes are one long document,
 * and being named in it again adds nothing to "look at the notes".
 */
export function notifyNotesMention({ meetingId, userId, actorId }: { meetingId: number; userId: number; actorId: number }): boolean {
  const meeting = db.select({ title: meetings.title }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return false;
  return notify({
    userId,
    kind: 'mention',
    message: m.notesMention(personName(actorId), t.notifications.targets.meeting(meeting.title)),
    link: `/overleggen/${meetingId}/notities`,
    actorId,
    dedupeKey: `mention:meeting:${meetingId}:${userId}`,
  });
}

/**
 * Someone became the trekker of an action (at creation or by a change of owner).
 * `occasion` tells one assignment from a later one (the creation, or the change's time).
 */
export function notifyActionOwner({
  actionId,
  ownerUserId,
  actorId,
  occasion,
}: {
  actionId: number;
  ownerUserId: number;
  actorId: number;
  occasion: string;
}) {
  const action = db.select({ title: actions.title }).from(actions).where(eq(actions.id, actionId)).get();
  if (!action) return;
  notify({
    userId: ownerUserId,
    kind: 'owner',
    message: m.owner(personName(actorId), action.title),
    link: `/acties/${actionId}`,
    actorId,
    dedupeKey: `owner:action:${actionId}:${occasion}`,
  });
}

function meetingAttendeeIds(meetingId: number, { presentOnly }: { presentOnly: boolean }): number[] {
  return db
    .select({ userId: meetingAttendees.userId })
    .from(meetingAttendees)
    .where(
      and(
        eq(meetingAttendees.meetingId, meetingId),
        sql`${meetingAttendees.userId} is not null`,
        // Once attendance is marked, the absent are not "attending" the minutes.
        presentOnly ? sql`coalesce(${meetingAttendees.attended}, 1) = 1` : undefined,
      ),
    )
    .all()
    .map((row) => row.userId!);
}

/** A meeting was planned with people on its list: each of them hears of it once. */
export function notifyMeetingPlanned({ meetingId, actorId }: { meetingId: number; actorId: number }): void {
  const meeting = db.select({ title: meetings.title, startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return;
  const message = m.meetingPlanned(personName(actorId), meeting.title, formatDateTime(meeting.startsAt));
  for (const userId of meetingAttendeeIds(meetingId, { presentOnly: false })) {
    notify({
      userId,
      kind: 'meeting_planned',
      message,
      link: `/overleggen/${meetingId}`,
      actorId,
      dedupeKey: `meeting_planned:${meetingId}`,
    });
  }
}

/** A version of a meeting's minutes was published: its attendees hear of each version once. */
export function notifyMinutesPublished({ meetingId, actorId }: { meetingId: number; actorId: number }): void {
  const meeting = db.select({ title: meetings.title }).from(meetings).where(eq(meetings.id, meetingId)).get();
  const latest = db
    .select({ version: minutesVersions.version })
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meetingId))
    .orderBy(desc(minutesVersions.version))
    .get();
  if (!meeting || !latest) return;
  const message = m.minutesPublished(meeting.title, latest.version);
  for (const userId of meetingAttendeeIds(meetingId, { presentOnly: true })) {
    notify({
      userId,
      kind: 'minutes_published',
      message,
      link: `/overleggen/${meetingId}/verslag`,
      actorId,
      dedupeKey: `minutes_published:${meetingId}:${latest.version}`,
    });
  }
}
