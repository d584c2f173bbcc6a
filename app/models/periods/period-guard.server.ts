/**
 * The one guard every write path of the agenda goes through: a closed period is
 * read-only for everyone. The tracker's models call it inside their transactions (so
 * a period closed in between is still refused), and routes ask isPeriodClosed through
 * the permission functions to hide what cannot be done. docs/decisions/017-agenda-periods.md.
 */
import { eq, sql } from 'drizzle-orm';

import { actions, agendas, goals, localAccents, themes } from '../../../db/schema';
import { t } from '../../i18n';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import type { CommentTarget } from '../comments/comment-target';
import { ForbiddenError } from '../errors';
import type { Tx } from '../history.server';
import { isPeriodClosed, periodLabel, type PeriodStatus } from './period-rules';

/** Writing in a closed period: a 403 with the reason, the database unchanged. */
export class PeriodClosedError extends ForbiddenError {
  constructor(period: { periodStart: number; periodEnd: number }) {
    super('closed period', t.periods.errors.closed(periodLabel(period)));
  }
}

export type PeriodOfItem = { id: number; slug: string; status: PeriodStatus; periodStart: number; periodEnd: number; title: string };

const periodColumns = {
  id: agendas.id,
  slug: agendas.slug,
  status: agendas.status,
  periodStart: agendas.periodStart,
  periodEnd: agendas.periodEnd,
  title: agendas.title,
};

export function periodById(conn: Tx, id: number): PeriodOfItem | undefined {
  return conn.select(periodColumns).from(agendas).where(eq(agendas.id, id)).get();
}

export function periodOfGoal(conn: Tx, goalId: number): PeriodOfItem | undefined {
  if (conn === db) return goalPeriod().get({ goalId });
  return conn.select(periodColumns).from(goals).innerJoin(agendas, eq(agendas.id, goals.agendaId)).where(eq(goals.id, goalId)).get();
}

// The goal page asks on every view (outside a transaction): prepared once on the app's connection.
const goalPeriod = preparedOnce(() =>
  db
    .select(periodColumns)
    .from(goals)
    .innerJoin(agendas, eq(agendas.id, goals.agendaId))
    .where(eq(goals.id, sql.placeholder('goalId')))
    .prepare(),
);

export function periodOfAction(conn: Tx, actionId: number): PeriodOfItem | undefined {
  return conn
    .select(periodColumns)
    .from(actions)
    .innerJoin(agendas, eq(agendas.id, actions.agendaId))
    .where(eq(actions.id, actionId))
    .get();
}

export function periodOfTheme(conn: Tx, themeId: number): PeriodOfItem | undefined {
  return conn.select(periodColumns).from(themes).innerJoin(agendas, eq(agendas.id, themes.agendaId)).where(eq(themes.id, themeId)).get();
}

export function periodOfAccent(conn: Tx, accentId: number): PeriodOfItem | undefined {
  return conn
    .select(periodColumns)
    .from(localAccents)
    .innerJoin(goals, eq(goals.id, localAccents.goalId))
    .innerJoin(agendas, eq(agendas.id, goals.agendaId))
    .where(eq(localAccents.id, accentId))
    .get();
}

/** The period a comment's item belongs to; null for items outside the agenda (meetings, library), which stay writable. */
export function periodOfCommentTarget(conn: Tx, targetType: CommentTarget, targetId: number): PeriodOfItem | null {
  switch (targetType) {
    case 'goal':
      return periodOfGoal(conn, targetId) ?? null;
    case 'action':
      return periodOfAction(conn, targetId) ?? null;
    case 'accent':
      return periodOfAccent(conn, targetId) ?? null;
    default:
      return null;
  }
}

/** Throws PeriodClosedError when the period is closed; nothing happens for an open (or absent) one. */
export function assertPeriodWritable(period: PeriodOfItem | null | undefined): void {
  if (period && isPeriodClosed(period)) throw new PeriodClosedError(period);
}

export function assertGoalWritable(conn: Tx, goalId: number) {
  assertPeriodWritable(periodOfGoal(conn, goalId));
}

export function assertActionWritable(conn: Tx, actionId: number) {
  assertPeriodWritable(periodOfAction(conn, actionId));
}

export function assertThemeWritable(conn: Tx, themeId: number) {
  assertPeriodWritable(periodOfTheme(conn, themeId));
}

export function assertCommentTargetWritable(targetType: CommentTarget, targetId: number, conn: Tx = db) {
  assertPeriodWritable(periodOfCommentTarget(conn, targetType, targetId));
}

/** The agenda (period) of a goal: what its actions store as agenda_id. */
export function agendaIdOfGoal(conn: Tx, goalId: number): number | undefined {
  return conn.select({ agendaId: goals.agendaId }).from(goals).where(eq(goals.id, goalId)).get()?.agendaId;
}
