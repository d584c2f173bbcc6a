/**
 * The status and deadline rules of action-status.ts and deadline.ts as SQL conditions
 * on the `actions` table, for queries that filter in the database (lists, the calendar
 * feed, meetings, the deadline notifications). Each says exactly what its TypeScript
 * twin says; tests/integration/action-rules.test.ts holds them side by side.
 */
import { and, isNotNull, lt, notInArray, type SQL, type SQLWrapper } from 'drizzle-orm';

import { actions } from '../../../db/schema';
import { CLOSED_ACTION_STATUSES } from './action-status';

/** Neither done nor cancelled (not isClosedStatus). */
export function actionIsOpen(): SQL {
  return notInArray(actions.status, [...CLOSED_ACTION_STATUSES]);
}

/** Overdue (isActionOverdue): the window ended before `today` and the action is open. `today` may be a placeholder of a prepared statement. */
export function actionIsOverdue(today: string | SQLWrapper): SQL {
  return and(isNotNull(actions.deadlineEnd), lt(actions.deadlineEnd, today), actionIsOpen())!;
}
