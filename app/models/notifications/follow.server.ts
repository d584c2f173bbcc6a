import { and, eq, sql } from 'drizzle-orm';

import { type FOLLOW_TARGETS, follows } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';

export type FollowTarget = (typeof FOLLOW_TARGETS)[number];
export type FollowTargetRef = { targetType: FollowTarget; targetId: number };

/** Starts following (again: a no-op). Commenting on an item calls this for its author. */
export function followTarget({ userId, targetType, targetId }: { userId: number } & FollowTargetRef) {
  db.insert(follows).values({ userId, targetType, targetId }).onConflictDoNothing().run();
}

export function unfollowTarget({ userId, targetType, targetId }: { userId: number } & FollowTargetRef) {
  db.delete(follows)
    .where(and(eq(follows.userId, userId), eq(follows.targetType, targetType), eq(follows.targetId, targetId)))
    .run();
}

// Asked on every view and live revalidation of an item's page.
const followRow = preparedOnce(() =>
  db
    .select({ userId: follows.userId })
    .from(follows)
    .where(
      and(
        eq(follows.userId, sql.placeholder('userId')),
        eq(follows.targetType, sql.placeholder('targetType')),
        eq(follows.targetId, sql.placeholder('targetId')),
      ),
    )
    .prepare(),
);

export function isFollowing({ userId, targetType, targetId }: { userId: number } & FollowTargetRef): boolean {
  return followRow().get({ userId, targetType, targetId }) !== undefined;
}

export function listFollowerIds({ targetType, targetId }: FollowTargetRef): number[] {
  return db
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.targetType, targetType), eq(follows.targetId, targetId)))
    .all()
    .map((row) => row.userId);
}
