import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import {
  actions,
  comments,
  type CommentTarget,
  goals,
  libraryItems,
  localAccents,
  meetings,
  monitorIndicators,
  organisations,
  users,
  yearReports,
} from '../../../db/schema';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { followTarget } from '../notifications/follow.server';
import { notifyCommentEdited, notifyCommentPosted } from '../notifications/notification.server';
import { assertCommentTargetWritable } from '../periods/period-guard.server';
import type { CommentTargetScope } from '../permissions';
import { mentionedNames } from './mention';
import { listPersonNames } from './mention.server';

export type { CommentTarget };

const resolver = alias(users, 'resolver');

export type CommentReply = {
  id: number;
  authorId: number;
  authorName: string;
  authorOrganisation: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  /** The names the text mentions (`@Naam`), highlighted when it is shown. */
  mentions: string[];
};

export type CommentThread = CommentReply & {
  resolvedAt: string | null;
  resolvedByName: string | null;
  replies: CommentReply[];
};

const commentColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorId: comments.authorId,
  authorName: users.name,
  authorOrganisation: organisations.name,
  body: comments.body,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  resolvedAt: comments.resolvedAt,
  resolvedByName: resolver.name,
};

const thread = alias(comments, 'thread');

// An item's page shows its discussion on every view and live revalidation: prepared once.
const statements = preparedOnce(() => {
  const ofTarget = and(eq(comments.targetType, sql.placeholder('targetType')), eq(comments.targetId, sql.placeholder('targetId')));
  const base = () =>
    db
      .select(commentColumns)
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .leftJoin(resolver, eq(resolver.id, comments.resolvedBy));
  const newestThreadIds = db
    .select({ id: thread.id })
    .from(thread)
    .where(
      and(eq(thread.targetType, sql.placeholder('targetType')), eq(thread.targetId, sql.placeholder('targetId')), isNull(thread.parentId)),
    )
    .orderBy(desc(thread.createdAt), desc(thread.id))
    .limit(sql.placeholder('limit'));
  return {
    all: base().where(ofTarget).orderBy(asc(comments.createdAt), asc(comments.id)).prepare(),
    // The newest threads and their replies: a long discussion's page shows only those.
    newest: base()
      .where(and(ofTarget, inArray(sql`coalesce(${comments.parentId}, ${comments.id})`, newestThreadIds)))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .prepare(),
    threadCount: db
      .select({ n: count() })
      .from(comments)
      .where(and(ofTarget, isNull(comments.parentId)))
      .prepare(),
  };
});

/**
 * The discussion on one item as threads (oldest first), each with its replies
 * (oldest first). One query; threads and replies are grouped here.
 */
export function listComments({ targetType, targetId }: { targetType: CommentTarget; targetId: number }): CommentThread[] {
  return asThreads(statements().all.all({ targetType, targetId }));
}

/**
 * The newest `limit` threads of an item (all of them with `limit` null), oldest first as a
 * discussion reads, and how many older threads are left out. Only the shown threads and
 * their replies are read.
 */
export function listNewestThreads({ targetType, targetId, limit }: { targetType: CommentTarget; targetId: number; limit: number | null }): {
  shown: CommentThread[];
  older: number;
} {
  if (limit === null) return { shown: listComments({ targetType, targetId }), older: 0 };
  const { newest, threadCount } = statements();
  const total = threadCount.get({ targetType, targetId })?.n ?? 0;
  return { shown: asThreads(newest.all({ targetType, targetId, limit })), older: Math.max(0, total - limit) };
}

type CommentRow = ReturnType<ReturnType<typeof statements>['all']['all']>[number];

/** Rows (oldest first) grouped into threads with their replies, mentions marked. */
function asThreads(rows: CommentRow[]): CommentThread[] {
  const names = rows.some((row) => row.body.includes('@')) ? listPersonNames() : [];
  const asReply = (row: CommentRow): CommentReply => ({
    id: row.id,
    authorId: row.authorId,
    authorName: row.authorName,
    authorOrganisation: row.authorOrganisation,
    body: row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    mentions: names.length > 0 ? mentionedNames(row.body, names) : [],
  });
  const threads: CommentThread[] = [];
  const byId = new Map<number, CommentThread>();
  for (const row of rows) {
    if (row.parentId === null) {
      const thread: CommentThread = {
        ...asReply(row),
        resolvedAt: row.resolvedAt,
        resolvedByName: row.resolvedAt ? row.resolvedByName : null,
        replies: [],
      };
      threads.push(thread);
      byId.set(row.id, thread);
    }
  }
  for (const row of rows) {
    if (row.parentId !== null) byId.get(row.parentId)?.replies.push(asReply(row));
  }
  return threads;
}

/** One comment with what the guards need: its target, thread and author. */
export function getComment(id: number) {
  return db
    .select({
      id: comments.id,
      targetType: comments.targetType,
      targetId: comments.targetId,
      parentId: comments.parentId,
      authorId: comments.authorId,
      resolvedAt: comments.resolvedAt,
    })
    .from(comments)
    .where(eq(comments.id, id))
    .get();
}

/**
 * What the permission checks need to know about a comment target (canEditCommentTarget),
 * or undefined when it does not exist: an action's or accent's municipality (null =
 * regional), a library item's author.
 */
export function getCommentTargetScope({
  targetType,
  targetId,
}: {
  targetType: CommentTarget;
  targetId: number;
}): (CommentTargetScope & { targetId: number }) | undefined {
  switch (targetType) {
    case 'goal': {
      const goal = db.select({ id: goals.id }).from(goals).where(eq(goals.id, targetId)).get();
      return goal ? { targetType, targetId } : undefined;
    }
    case 'action': {
      const action = db.select({ municipalityId: actions.municipalityId }).from(actions).where(eq(actions.id, targetId)).get();
      return action ? { targetType, targetId, municipalityId: action.municipalityId } : undefined;
    }
    case 'accent': {
      const accent = db
        .select({ municipalityId: localAccents.municipalityId })
        .from(localAccents)
        .where(eq(localAccents.id, targetId))
        .get();
      return accent ? { targetType, targetId, municipalityId: accent.municipalityId } : undefined;
    }
    case 'library': {
      const item = db.select({ createdBy: libraryItems.createdBy }).from(libraryItems).where(eq(libraryItems.id, targetId)).get();
      return item ? { targetType, targetId, createdBy: item.createdBy } : undefined;
    }
    case 'meeting': {
      const meeting = db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, targetId)).get();
      return meeting ? { targetType, targetId } : undefined;
    }
    case 'year-report': {
      const report = db.select({ id: yearReports.id }).from(yearReports).where(eq(yearReports.id, targetId)).get();
      return report ? { targetType, targetId } : undefined;
    }
    case 'indicator': {
      const indicator = db.select({ id: monitorIndicators.id }).from(monitorIndicators).where(eq(monitorIndicators.id, targetId)).get();
      return indicator ? { targetType, targetId } : undefined;
    }
  }
}

/**
 * Starts a thread (parentId null) or replies to one; the target must exist (checked by
 * the caller). The author follows the item from now on; the people mentioned, the
 * item's owner and its followers are notified, in the same transaction.
 */
export function createComment({
  authorId,
  targetType,
  targetId,
  parentId = null,
  body,
}: {
  authorId: number;
  targetType: CommentTarget;
  targetId: number;
  parentId?: number | null;
  body: string;
}): number {
  return db.transaction(() => {
    // Comments on a closed period's goals, actions and accents are read-only like the items.
    assertCommentTargetWritable(targetType, targetId);
    const id = db.insert(comments).values({ authorId, targetType, targetId, parentId, body }).returning({ id: comments.id }).get().id;
    followTarget({ userId: authorId, targetType, targetId });
    notifyCommentPosted({ commentId: id, actorId: authorId });
    return id;
  });
}

/** Saves an edit; with the editor's id, people newly mentioned in it are notified. */
export function editComment({ id, body, userId }: { id: number; body: string; userId?: number }) {
  db.transaction(() => {
    assertCommentWritable(id);
    db.update(comments).set({ body, editedAt: new Date().toISOString() }).where(eq(comments.id, id)).run();
    if (userId !== undefined) notifyCommentEdited({ commentId: id, actorId: userId });
  });
}

/** Deletes a comment; deleting a thread's first comment deletes its replies with it. */
export function deleteComment({ id }: { id: number }) {
  db.transaction((tx) => {
    assertCommentWritable(id);
    tx.delete(comments).where(eq(comments.parentId, id)).run();
    tx.delete(comments).where(eq(comments.id, id)).run();
  });
}

/** Marks a thread resolved (by whom, when) or opens it again. */
export function setThreadResolved({ id, userId, resolved }: { id: number; userId: number; resolved: boolean }) {
  assertCommentWritable(id);
  db.update(comments)
    .set(resolved ? { resolvedAt: new Date().toISOString(), resolvedBy: userId } : { resolvedAt: null, resolvedBy: null })
    .where(eq(comments.id, id))
    .run();
}

/** A comment on an item of a closed period cannot be edited, deleted or resolved (PeriodClosedError). */
function assertCommentWritable(id: number) {
  const comment = db
    .select({ targetType: comments.targetType, targetId: comments.targetId })
    .from(comments)
    .where(eq(comments.id, id))
    .get();
  if (comment) assertCommentTargetWritable(comment.targetType, comment.targetId);
}
