/**
 * E-mail for notifications, always outside the transaction that created them: an
 * immediate mail is sent right after the creating transaction has committed (a rolled
 * back notification never existed, so it is never mailed), a digest once a day. Each
 * run first claims its notifications (`emailed_at` set in one IMMEDIATE transaction, so
 * two processes never mail the same one), then sends; a failed send releases the claim
 * so the next run (server/notification-jobs.ts, hourly) tries again. A failure is
 * logged, never shown to the person whose action caused the notification.
 */
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';

import { notificationPreferences, notifications, users } from '../../../db/schema';
import { t } from '../../i18n';
import { addDays, startOfDayNL } from '../../utils/date-time';
import { db } from '../../utils/db.server';
import { todayInNL } from '../../utils/today';
import { absoluteUrl, emailEnabled, sendMail } from './email.server';

type EmailMode = 'immediate' | 'digest';
type Claimed = { id: number; userId: number; email: string; name: string; message: string; link: string; createdAt: string };

/** Immediate mail is for what just happened: older ones that failed for two days are given up. */
const IMMEDIATE_RETRY_MS = 2 * 24 * 60 * 60 * 1000;
const DIGEST_LOOKBACK_DAYS = 7;
const BATCH = 500;

const n = t.notifications.email;

function claim({ mode, since, until, claimedAt }: { mode: EmailMode; since: string; until: string; claimedAt: string }): Claimed[] {
  return db.transaction(
    (tx) => {
      const rows = tx
        .select({
          id: notifications.id,
          userId: notifications.userId,
          email: users.email,
          name: users.name,
          message: notifications.message,
          link: notifications.link,
          createdAt: notifications.createdAt,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .leftJoin(
          notificationPreferences,
          and(eq(notificationPreferences.userId, notifications.userId), eq(notificationPreferences.kind, notifications.kind)),
        )
        .where(
          and(
            isNull(notifications.emailedAt),
            eq(users.active, true),
            sql`coalesce(${notificationPreferences.email}, 'off') = ${mode}`,
            gte(notifications.createdAt, since),
            lt(notifications.createdAt, until),
          ),
        )
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .limit(BATCH)
        .all();
      if (rows.length > 0) {
        tx.update(notifications)
          .set({ emailedAt: claimedAt })
          .where(
            inArray(
              notifications.id,
              rows.map((r) => r.id),
            ),
          )
          .run();
      }
      return rows;
    },
    { behavior: 'immediate' },
  );
}

function release(ids: number[], claimedAt: string) {
  db.update(notifications)
    .set({ emailedAt: null })
    .where(and(inArray(notifications.id, ids), eq(notifications.emailedAt, claimedAt)))
    .run();
}

const footer = () => n.footer(absoluteUrl('/meldingen/voorkeuren'));

export type DeliveryResult = { sent: number; failed: number };

/** Sends each unmailed notification whose owner wants it by e-mail immediately. */
export async function deliverImmediateEmails({ now = new Date() }: { now?: Date } = {}): Promise<DeliveryResult> {
  const result = { sent: 0, failed: 0 };
  if (!emailEnabled()) return result;
  const claimedAt = now.toISOString();
  const rows = claim({ mode: 'immediate', since: new Date(now.getTime() - IMMEDIATE_RETRY_MS).toISOString(), until: '9999', claimedAt });
  for (const row of rows) {
    try {
      await sendMail({
        to: row.email,
        subject: n.subject(row.message),
        text: `${row.message}\n\n${n.open} ${absoluteUrl(row.link)}\n\n-- \n${footer()}\n`,
      });
      result.sent += 1;
    } catch (error) {
      release([row.id], claimedAt);
      result.failed += 1;
      console.warn(`E-mail for notification ${row.id} not sent; it is retried by the next run.`, error);
    }
  }
  return result;
}

/**
 * One digest per person of the notifications they want daily, created before today
 * (Dutch time) and not yet mailed: running it again the same day finds nothing new.
 */
export async function deliverDigests({ now = new Date() }: { now?: Date } = {}): Promise<DeliveryResult> {
  const result = { sent: 0, failed: 0 };
  if (!emailEnabled()) return result;
  const today = todayInNL(now);
  const claimedAt = now.toISOString();
  const rows = claim({ mode: 'digest', since: startOfDayNL(addDays(today, -DIGEST_LOOKBACK_DAYS)), until: startOfDayNL(today), claimedAt });
  const byUser = new Map<number, Claimed[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  for (const list of byUser.values()) {
    const lines = list.map((row) => `- ${row.message}\n  ${absoluteUrl(row.link)}`).join('\n\n');
    try {
      await sendMail({
        to: list[0].email,
        subject: n.digestSubject(list.length),
        text: `${n.digestIntro(list[0].name)}\n\n${lines}\n\n-- \n${footer()}\n`,
      });
      result.sent += 1;
    } catch (error) {
      release(
        list.map((row) => row.id),
        claimedAt,
      );
      result.failed += 1;
      console.warn(`Digest for user ${list[0].userId} not sent; it is retried by the next run.`, error);
    }
  }
  return result;
}

let pending: Promise<unknown> = Promise.resolve();
let scheduled = false;

/**
 * Called when an immediate-mail notification was stored, possibly inside a transaction:
 * the send starts on the next turn of the event loop, after the synchronous transaction
 * has committed. Runs are chained, never concurrent.
 */
export function scheduleEmailDelivery() {
  if (!emailEnabled() || scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    pending = pending
      .then(() => deliverImmediateEmails())
      .catch((error) => console.warn('E-mail delivery failed; retried by the next run.', error));
  });
}

/** Resolves once scheduled deliveries have finished (tests and shutdown wait on it). */
export async function emailDeliveryIdle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await pending;
}
