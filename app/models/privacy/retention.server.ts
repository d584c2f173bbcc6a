/**
 * Retention of what serves a person only for a while (the daily job in
 * server/retention-jobs.ts): expired sessions (useless, but they say when someone was
 * signed in), read notifications after KOERS_NOTIFICATION_RETENTION_DAYS, and counters
 * of failed sign-ins past their throttling window, and access requests nobody decided on
 * within ACCESS_REQUEST_KEEP_DAYS (the person may simply sign in again). The audit log has its own retention
 * (pruneAuditLog). Records what it removed, when it removed anything.
 */
import { and, isNotNull, lt } from 'drizzle-orm';

import { accessRequests, loginFailures, notifications, sessions } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { recordAudit } from '../audit/audit-log.server';

/** Failed sign-ins older than this no longer count for throttling (auth.server uses 15 minutes). */
const LOGIN_FAILURE_KEEP_MS = 24 * 3600 * 1000;

/** An access request (sign-in with the organisation's account) left undecided this long is removed. */
export const ACCESS_REQUEST_KEEP_DAYS = 90;

export function pruneExpiredData({ notificationDays, now = new Date() }: { notificationDays: number; now?: Date }) {
  const readBefore = new Date(now.getTime() - notificationDays * 24 * 3600 * 1000).toISOString();
  return db.transaction(() => {
    const removed = {
      sessions: db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run().changes,
      notifications: db
        .delete(notifications)
        .where(and(isNotNull(notifications.readAt), lt(notifications.readAt, readBefore)))
        .run().changes,
      loginFailures: db
        .delete(loginFailures)
        .where(lt(loginFailures.at, new Date(now.getTime() - LOGIN_FAILURE_KEEP_MS).toISOString()))
        .run().changes,
      accessRequests: db
        .delete(accessRequests)
        .where(lt(accessRequests.createdAt, new Date(now.getTime() - ACCESS_REQUEST_KEEP_DAYS * 24 * 3600 * 1000).toISOString()))
        .run().changes,
    };
    if (removed.sessions + removed.notifications + removed.loginFailures + removed.accessRequests > 0) {
      recordAudit({ actorId: null, action: 'retention.pruned', details: { ...removed, notificationDays } });
    }
    return removed;
  });
}
