import { and, eq, isNotNull, lte } from 'drizzle-orm';

import { actions, notifications, users } from '../../../db/schema';
import { t } from '../../i18n';
import { addDays } from '../../utils/date-time';
import { db } from '../../utils/db.server';
import { todayInNL } from '../../utils/today';
import { actionIsOpen } from '../tracker/action-status.server';
import { type DeadlineOf, formatDate, isActionOverdue, isDueBy } from '../tracker/deadline';
import { type NewNotification, notify } from './notification.server';

/** "Ending soon": the window ends today or within this many days. */
export const DEADLINE_SOON_DAYS = 7;

/** At most this many new notifications per write transaction. */
const WRITE_BATCH = 100;
/** The pause between two batches, longer than SQLite's longest wait between two tries for a lock. */
const PAUSE_BETWEEN_BATCHES_MS = 120;

/**
 * Tells each action's trekker when its deadline window ends within 7 days, and again
 * when it has ended without the action being done or cancelled. Idempotent: the dedupe
 * key holds the action and its window's end, so a second run stores nothing and only
 * a changed deadline notifies again. Returns how many notifications were stored.
 *
 * Runs every hour in the web process while the real-time process stores every keystroke,
 * and both need SQLite's one write lock. So what was told already is looked up first, with
 * reads only (on the 2,000-action benchmark workspace a run that stored nothing held the
 * lock for 350 ms); only news is written, in small transactions with a pause between them
 * (the first run there wrote 1,325 notifications in one transaction: 0.8 s, and under load
 * once longer than the real-time process's 5 s busy timeout).
 */
export async function checkDeadlines({ today = todayInNL() }: { today?: string } = {}): Promise<number> {
  const candidates = db
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      ownerUserId: actions.ownerUserId,
      deadlineEnd: actions.deadlineEnd,
    })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerUserId))
    .where(
      and(
        eq(users.active, true),
        isNotNull(actions.deadlineEnd),
        lte(actions.deadlineEnd, addDays(today, DEADLINE_SOON_DAYS)),
        actionIsOpen(),
      ),
    )
    .all();
  const news = candidates.flatMap((action) => {
    const notification = deadlineNotification(action, today);
    return notification && !isToldAlready(notification) ? [notification] : [];
  });
  let stored = 0;
  for (let from = 0; from < news.length; from += WRITE_BATCH) {
    if (from > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_BATCHES_MS));
    db.transaction(() => {
      for (const notification of news.slice(from, from + WRITE_BATCH)) if (notify(notification)) stored += 1;
    });
  }
  return stored;
}

/** Whether this person holds this notification already (its dedupe key); `notify` would store nothing. */
function isToldAlready({ userId, dedupeKey }: NewNotification): boolean {
  return (
    db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.dedupeKey, dedupeKey)))
      .get() !== undefined
  );
}

type DeadlineCandidate = DeadlineOf & { id: number; title: string; ownerUserId: number | null };

/**
 * What the trekker of one action hears on `today`: its window ends within
 * DEADLINE_SOON_DAYS, or it has ended; null when neither, when the action is done or
 * cancelled, or has no trekker. The one rule, also used by the demo seed.
 */
export function deadlineNotification(action: DeadlineCandidate, today: string): NewNotification | null {
  const end = action.deadlineEnd;
  if (action.ownerUserId === null || end === null) return null;
  const overdue = isActionOverdue(action, today);
  if (!overdue && !isDueBy(action, today, addDays(today, DEADLINE_SOON_DAYS))) return null;
  const kind = overdue ? 'overdue' : 'deadline_soon';
  const m = t.notifications.messages;
  return {
    userId: action.ownerUserId,
    kind,
    message: overdue ? m.overdue(action.title, formatDate(end)) : m.deadlineSoon(action.title, formatDate(end)),
    link: `/acties/${action.id}`,
    actorId: null,
    dedupeKey: `${kind}:action:${action.id}:${end}`,
  };
}
