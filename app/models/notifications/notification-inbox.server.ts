import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';

import { notifications, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';

/** The inbox shows this many, newest first. */
export const INBOX_LIMIT = 100;

export function listNotifications({ userId, limit = INBOX_LIMIT }: { userId: number; limit?: number }) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      message: notifications.message,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actorName: users.name,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all();
}

export type InboxNotification = ReturnType<typeof listNotifications>[number];

/** Prepared once: the root loader asks it for every page a signed-in person opens. */
const unreadCount = preparedOnce(() =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .prepare(),
);

export function countUnread(userId: number): number {
  return unreadCount().get({ userId })!.n;
}

/**
 * The unread count of each of these users, in one statement: the live stream sends every
 * listener their own count with each change (server/live), for hundreds of listeners.
 * Users without unread notifications are in the map with 0.
 */
export function countUnreadByUser(userIds: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const rows = db
    .select({ userId: notifications.userId, n: count() })
    .from(notifications)
    .where(and(inArray(notifications.userId, [...new Set(userIds)]), isNull(notifications.readAt)))
    .groupBy(notifications.userId)
    .all();
  for (const row of rows) counts.set(row.userId, row.n);
  return counts;
}

/**
 * Marks one of the user's own notifications read and returns its link; undefined when
 * it is not theirs (or does not exist), and then nothing changes.
 */
export function markNotificationRead({ userId, id }: { userId: number; id: number }): string | undefined {
  const own = db
    .select({ link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .get();
  if (!own) return undefined;
  if (own.readAt === null) {
    db.update(notifications).set({ readAt: new Date().toISOString() }).where(eq(notifications.id, id)).run();
  }
  return own.link;
}

export function markAllNotificationsRead({ userId }: { userId: number }): number {
  return db
    .update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}
