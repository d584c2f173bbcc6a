/**
 * Everything Koers holds about one person, machine-readable (AVG right of access), for
 * the beheerder to hand over. Secrets are described, never included: whether a password
 * or a calendar feed exists, not the hash or the token; sessions by their dates only;
 * two-factor by whether and since when, never the seed or a recovery code.
 */
import { asc, count, eq } from 'drizzle-orm';

import {
  accessRequests,
  actions,
  comments,
  decisions,
  follows,
  history,
  invites,
  libraryFiles,
  libraryItems,
  localAccents,
  meetingAttendees,
  meetings,
  minutesVersions,
  notificationPreferences,
  notifications,
  organisations,
  progressUpdates,
  sessions,
  userIdentities,
  users,
} from '../../../db/schema';
import { db } from '../../utils/db.server';
import { twoFactorForExport } from '../accounts/two-factor.server';
import { auditEntriesAboutPerson } from '../audit/audit-log.server';
import { removalOf } from './person-removal.server';

export const PERSON_EXPORT_FORMAT = 'koers-person-export';

function parseJson(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The export, or null for an unknown person. */
export function exportPersonData(userId: number, now = new Date()) {
  const account = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organisation: organisations.name,
      active: users.active,
      demoAccount: users.isDemo,
      hasPassword: users.passwordHash,
      hasCalendarFeed: users.calendarToken,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .get();
  if (!account) return null;
  return {
    format: PERSON_EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: now.toISOString(),
    account: {
      ...account,
      hasPassword: account.hasPassword !== null,
      hasCalendarFeed: account.hasCalendarFeed !== null,
      removed: removalOf(userId),
    },
    sessions: {
      count: db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()?.n ?? 0,
      list: db
        .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(asc(sessions.createdAt))
        .all(),
    },
    twoFactor: twoFactorForExport(userId),
    invites: db
      .select({ createdAt: invites.createdAt, expiresAt: invites.expiresAt, usedAt: invites.usedAt })
      .from(invites)
      .where(eq(invites.userId, userId))
      .orderBy(asc(invites.createdAt))
      .all(),
    comments: db
      .select({
        id: comments.id,
        targetType: comments.targetType,
        targetId: comments.targetId,
        parentId: comments.parentId,
        body: comments.body,
        createdAt: comments.createdAt,
        editedAt: comments.editedAt,
        resolvedAt: comments.resolvedAt,
      })
      .from(comments)
      .where(eq(comments.authorId, userId))
      .orderBy(asc(comments.createdAt))
      .all(),
    progressReports: db
      .select({
        id: progressUpdates.id,
        actionId: progressUpdates.actionId,
        body: progressUpdates.body,
        statusFrom: progressUpdates.statusFrom,
        statusTo: progressUpdates.statusTo,
        progress: progressUpdates.progress,
        createdAt: progressUpdates.createdAt,
      })
      .from(progressUpdates)
      .where(eq(progressUpdates.authorId, userId))
      .orderBy(asc(progressUpdates.createdAt))
      .all(),
    historyEntries: db
      .select({
        entityType: history.entityType,
        entityId: history.entityId,
        change: history.change,
        before: history.before,
        after: history.after,
        at: history.at,
      })
      .from(history)
      .where(eq(history.userId, userId))
      .orderBy(asc(history.at), asc(history.id))
      .all()
      .map((row) => ({ ...row, before: parseJson(row.before), after: parseJson(row.after) })),
    actionsOwned: db
      .select({ id: actions.id, code: actions.code, title: actions.title, status: actions.status })
      .from(actions)
      .where(eq(actions.ownerUserId, userId))
      .orderBy(asc(actions.id))
      .all(),
    accentsLastChanged: db
      .select({ goalId: localAccents.goalId, municipalityId: localAccents.municipalityId, updatedAt: localAccents.updatedAt })
      .from(localAccents)
      .where(eq(localAccents.updatedBy, userId))
      .all(),
    meetings: {
      created: db
        .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
        .from(meetings)
        .where(eq(meetings.createdBy, userId))
        .orderBy(asc(meetings.startsAt))
        .all(),
      attended: db
        .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, attended: meetingAttendees.attended })
        .from(meetingAttendees)
        .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
        .where(eq(meetingAttendees.userId, userId))
        .orderBy(asc(meetings.startsAt))
        .all(),
      decisionsRecorded: db
        .select({ id: decisions.id, meetingId: decisions.meetingId, text: decisions.text, createdAt: decisions.createdAt })
        .from(decisions)
        .where(eq(decisions.createdBy, userId))
        .orderBy(asc(decisions.createdAt))
        .all(),
      minutesPublished: db
        .select({ meetingId: minutesVersions.meetingId, version: minutesVersions.version, publishedAt: minutesVersions.publishedAt })
        .from(minutesVersions)
        .where(eq(minutesVersions.publishedBy, userId))
        .orderBy(asc(minutesVersions.publishedAt))
        .all(),
    },
    libraryItems: db
      .select({
        id: libraryItems.id,
        kind: libraryItems.kind,
        title: libraryItems.title,
        summary: libraryItems.summary,
        createdAt: libraryItems.createdAt,
        updatedAt: libraryItems.updatedAt,
      })
      .from(libraryItems)
      .where(eq(libraryItems.createdBy, userId))
      .orderBy(asc(libraryItems.createdAt))
      .all(),
    libraryFilesUploaded: db
      .select({
        itemId: libraryFiles.itemId,
        version: libraryFiles.version,
        name: libraryFiles.originalName,
        size: libraryFiles.size,
        uploadedAt: libraryFiles.uploadedAt,
      })
      .from(libraryFiles)
      .where(eq(libraryFiles.uploadedBy, userId))
      .orderBy(asc(libraryFiles.uploadedAt))
      .all(),
    notifications: db
      .select({
        kind: notifications.kind,
        message: notifications.message,
        link: notifications.link,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
        emailedAt: notifications.emailedAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.createdAt))
      .all(),
    notificationPreferences: db
      .select({ kind: notificationPreferences.kind, enabled: notificationPreferences.enabled, email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId))
      .all(),
    follows: db
      .select({ targetType: follows.targetType, targetId: follows.targetId, createdAt: follows.createdAt })
      .from(follows)
      .where(eq(follows.userId, userId))
      .orderBy(asc(follows.createdAt))
      .all(),
    /** Sign-in with the organisation's account: which provider accounts signed in as this person. */
    organisationAccounts: db
      .select({
        provider: userIdentities.providerId,
        subject: userIdentities.subject,
        firstSignIn: userIdentities.createdAt,
        lastSignIn: userIdentities.lastSignInAt,
      })
      .from(userIdentities)
      .where(eq(userIdentities.userId, userId))
      .orderBy(asc(userIdentities.createdAt))
      .all(),
    /** An access request still open for the person's address (e.g. made before the account existed). */
    accessRequests: db
      .select({
        provider: accessRequests.providerId,
        subject: accessRequests.subject,
        email: accessRequests.email,
        name: accessRequests.name,
        createdAt: accessRequests.createdAt,
      })
      .from(accessRequests)
      .where(eq(accessRequests.email, account.email))
      .all(),
    auditEntries: auditEntriesAboutPerson(userId).map((row) => ({
      at: row.at,
      action: row.action,
      byThisPerson: row.actorId === userId,
      targetType: row.targetType,
      targetId: row.targetId,
      ip: row.ip,
      details: row.details,
    })),
  };
}

export type PersonExport = NonNullable<ReturnType<typeof exportPersonData>>;
