import { and, eq } from 'drizzle-orm';

import { type FOLLOW_TARGETS, follows } from '../../../db/schema';
import { db } from '../../utils/db.server';

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

export function isFollowing({ userId, targetType, targetId }: { userId: number } & FollowTargetRef): boolean {
  return (
    db
      .select({ userId: follows.userId })
      .from(follows)
      .where(and(eq(follows.userId, userId), eq(follows.targetType, targetType), eq(follows.targetId, targetId)))
      .get() !== undefined
  );
}

export function listFollowerIds({ targetType, targetId }: FollowTargetRef): number[] {
  return db
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.targetType, targetType), eq(follows.targetId, targetId)))
    .all()
    .map((row) => row.userId);
}
