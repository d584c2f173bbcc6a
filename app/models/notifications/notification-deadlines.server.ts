import { and, eq, isNotNull, lte } from 'drizzle-orm';

import { actions, users } from '../../../db/schema';
import { t } from '../../i18n';
import { addDays } from '../../utils/date-time';
import { db } from '../../utils/db.server';
import { todayInNL } from '../../utils/today';
import { actionIsOpen } from '../tracker/action-status.server';
import { type DeadlineOf, formatDate, isActionOverdue, isDueBy } from '../tracker/deadline';
import { type NewNotification, notify } from './notification.server';

/** "Ending soon": the window ends today or within this many days. */
export const DEADLINE_SOON_DAYS = 7;

/**
 * Tells each action's trekker when its deadline window ends within 7 days, and again
 * when it has ended without the action being done or cancelled. Idempotent: the dedupe
 * key holds the action and its window's end, so a second run stores nothing and only
 * a changed deadline notifies again. Returns how many notifications were stored.
 */
export function checkDeadlines({ today = todayInNL() }: { today?: string } = {}): number {
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
  let stored = 0;
  db.transaction(() => {
    for (const action of candidates) {
      const notification = deadlineNotification(action, today);
      if (notification && notify(notification)) stored += 1;
    }
  });
  return stored;
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
