/**
 * The daily clean-up of what Koers keeps only for a while (docs/decisions/014): audit
 * rows older than KOERS_AUDIT_RETENTION_DAYS, read notifications older than
 * KOERS_NOTIFICATION_RETENTION_DAYS, expired sessions and old failed-sign-in counters.
 * Runs shortly after start-up and then once a day; each run records what it removed
 * in the audit log. Idempotent: a second run the same day finds nothing to remove.
 */
import { pruneAuditLog } from '../app/models/audit/audit-log.server';
import { pruneExpiredData } from '../app/models/privacy/retention.server';
import { env } from '../app/utils/env.server';

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_MS = 60_000;

export type RetentionSettings = { auditDays: number; notificationDays: number };

export function runRetentionJobs(settings: RetentionSettings, now = new Date()) {
  return {
    auditRows: pruneAuditLog({ retentionDays: settings.auditDays, now }),
    ...pruneExpiredData({ notificationDays: settings.notificationDays, now }),
  };
}

export function startRetentionJobs(
  settings: RetentionSettings = { auditDays: env.KOERS_AUDIT_RETENTION_DAYS, notificationDays: env.KOERS_NOTIFICATION_RETENTION_DAYS },
): { stop: () => void } {
  const run = () => {
    try {
      runRetentionJobs(settings);
    } catch (error) {
      // A locked database: the next day's run catches up (the rules are "older than").
      console.warn('Retention clean-up failed; it runs again tomorrow.', error);
    }
  };
  const first = setTimeout(run, FIRST_RUN_MS);
  const daily = setInterval(run, DAY_MS);
  first.unref();
  daily.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}
