/**
 * Background work for notifications, in the server process: every hour the deadline
 * check (idempotent: dedupe keys), a retry of immediate e-mails that failed, and, from
 * 07:00 Dutch time, the daily digest (idempotent too: it mails what was created before
 * today and not yet mailed). The first run is shortly after start-up.
 */
import { deliverDigests, deliverImmediateEmails } from '../app/models/notifications/email-delivery.server';
import { checkDeadlines } from '../app/models/notifications/notification-deadlines.server';
import { toNL } from '../app/utils/date-time';

const HOUR_MS = 60 * 60 * 1000;
const FIRST_RUN_MS = 10_000;
const DIGEST_FROM_HOUR = 7;

export async function runNotificationJobs(now = new Date()) {
  const deadlines = await checkDeadlines();
  const retried = await deliverImmediateEmails({ now });
  const digests =
    Number(toNL(now.toISOString()).time.slice(0, 2)) >= DIGEST_FROM_HOUR ? await deliverDigests({ now }) : { sent: 0, failed: 0 };
  return { deadlines, retried, digests };
}

export function startNotificationJobs(): { stop: () => void } {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await runNotificationJobs();
    } catch (error) {
      // A failed run (a locked database, a mail server down) is retried in an hour.
      console.warn('Notification jobs failed; they run again in an hour.', error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, FIRST_RUN_MS);
  const hourly = setInterval(run, HOUR_MS);
  first.unref();
  hourly.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(hourly);
    },
  };
}
