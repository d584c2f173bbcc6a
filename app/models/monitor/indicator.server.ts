import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';

import { actions, goals, monitorActionIndicators, monitorFigures, monitorGoalIndicators, monitorIndicators } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { ForbiddenError } from '../errors';
import { recordHistory, recordUpdate, type Tx } from '../history.server';
import { type Actor, canManageMonitor } from '../permissions';
import type { CountedPer, IndicatorLevel, IndicatorUnit, MonitorKind } from './monitor-rules';

export type Indicator = typeof monitorIndicators.$inferSelect;

export type IndicatorInput = {
  code: string;
  name: string;
  level: IndicatorLevel;
  unit: IndicatorUnit;
  source: string;
  monitor: MonitorKind;
  countedPer: CountedPer;
  definition: string;
  active: boolean;
};

export type IndicatorFilter = {
  level?: IndicatorLevel | null;
  monitor?: MonitorKind | null;
  code?: string | null;
  includeInactive?: boolean;
};

/** The catalogue in its order (level, then position), filtered as the monitor page's address says. */
export function listIndicators(filter: IndicatorFilter = {}, conn: Tx = db): Indicator[] {
  const where: (SQL | undefined)[] = [
    filter.includeInactive ? undefined : eq(monitorIndicators.active, true),
    filter.level ? eq(monitorIndicators.level, filter.level) : undefined,
    filter.monitor ? eq(monitorIndicators.monitor, filter.monitor) : undefined,
    filter.code ? eq(monitorIndicators.code, filter.code) : undefined,
  ];
  return conn
    .select()
    .from(monitorIndicators)
    .where(and(...where))
    .orderBy(asc(monitorIndicators.position), asc(monitorIndicators.code))
    .all();
}

export function getIndicatorByCode(code: string, conn: Tx = db): Indicator | undefined {
  return conn.select().from(monitorIndicators).where(eq(monitorIndicators.code, code)).get();
}

export function indicatorCodeTaken(code: string, exceptId: number | null = null, conn: Tx = db): boolean {
  const row = conn.select({ id: monitorIndicators.id }).from(monitorIndicators).where(eq(monitorIndicators.code, code)).get();
  return row !== undefined && row.id !== exceptId;
}

const historyFields = (i: IndicatorInput) => ({ ...i });

export function createIndicator(actor: Actor, input: IndicatorInput, conn: Pick<typeof db, 'transaction'> = db): number {
  if (!canManageMonitor(actor)) throw new ForbiddenError('monitor catalogue');
  return conn.transaction((tx) => {
    const last = tx
      .select({ position: monitorIndicators.position })
      .from(monitorIndicators)
      .orderBy(asc(monitorIndicators.position))
      .all()
      .at(-1);
    const { id } = tx
      .insert(monitorIndicators)
      .values({ ...input, position: (last?.position ?? 0) + 1 })
      .returning({ id: monitorIndicators.id })
      .get();
    recordHistory(tx, { entityType: 'indicator', entityId: id, userId: actor.id, change: 'create', after: historyFields(input) });
    return id;
  });
}

export function updateIndicator(actor: Actor, id: number, input: IndicatorInput): boolean {
  if (!canManageMonitor(actor)) throw new ForbiddenError('monitor catalogue');
  return db.transaction((tx) => {
    const before = tx.select().from(monitorIndicators).where(eq(monitorIndicators.id, id)).get();
    if (!before) return false;
    const { code, name, level, unit, source, monitor, countedPer, definition, active } = before;
    const changed = recordUpdate(
      tx,
      'indicator',
      id,
      actor.id,
      { code, name, level, unit, source, monitor, countedPer, definition, active },
      historyFields(input),
    );
    if (changed)
      tx.update(monitorIndicators)
        .set({ ...input, updatedAt: new Date().toISOString() })
        .where(eq(monitorIndicators.id, id))
        .run();
    return true;
  });
}

/** The goals an indicator measures, and the indicators of a goal. */
export function listGoalsOfIndicator(indicatorId: number, conn: Tx = db) {
  return conn
    .select({ id: goals.id, code: goals.code, title: goals.title })
    .from(monitorGoalIndicators)
    .innerJoin(goals, eq(goals.id, monitorGoalIndicators.goalId))
    .where(eq(monitorGoalIndicators.indicatorId, indicatorId))
    .orderBy(asc(goals.code))
    .all();
}

export function listIndicatorsOfGoal(goalId: number, conn: Tx = db): Indicator[] {
  return conn
    .select({ indicator: monitorIndicators })
    .from(monitorGoalIndicators)
    .innerJoin(monitorIndicators, eq(monitorIndicators.id, monitorGoalIndicators.indicatorId))
    .where(eq(monitorGoalIndicators.goalId, goalId))
    .orderBy(asc(monitorIndicators.position))
    .all()
    .map((r) => r.indicator);
}

/** Links goals to an indicator (the catalogue's editors); existing links are kept. */
export function linkGoals(tx: Tx, indicatorId: number, goalIds: number[]) {
  for (const goalId of goalIds) tx.insert(monitorGoalIndicators).values({ goalId, indicatorId }).onConflictDoNothing().run();
}

/** Steering: the actions started from an indicator. */
export function listActionsOfIndicator(indicatorId: number, conn: Tx = db) {
  return conn
    .select({ id: actions.id, title: actions.title, status: actions.status })
    .from(monitorActionIndicators)
    .innerJoin(actions, eq(actions.id, monitorActionIndicators.actionId))
    .where(eq(monitorActionIndicators.indicatorId, indicatorId))
    .orderBy(asc(actions.id))
    .all();
}

/** Stores that an action was started from an indicator (inside the action's own transaction). */
export function linkActionToIndicator(actionId: number, indicatorId: number, tx: Tx = db) {
  tx.insert(monitorActionIndicators).values({ actionId, indicatorId }).onConflictDoNothing().run();
}

export function indicatorsByIds(ids: number[], conn: Tx = db): Indicator[] {
  return ids.length ? conn.select().from(monitorIndicators).where(inArray(monitorIndicators.id, ids)).all() : [];
}

/** The goal page's "Gemeten met": each linked indicator with its latest region-wide total. */
export function measuredWith(goalId: number) {
  const { indicators, latest } = measuredWithStatements();
  return indicators.all({ goalId }).map(({ indicator }) => ({
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    latest: latest.get({ indicatorId: indicator.id }) ?? null,
  }));
}

// The goal page shows them on every view: prepared once.
const measuredWithStatements = preparedOnce(() => ({
  indicators: db
    .select({ indicator: monitorIndicators })
    .from(monitorGoalIndicators)
    .innerJoin(monitorIndicators, eq(monitorIndicators.id, monitorGoalIndicators.indicatorId))
    .where(eq(monitorGoalIndicators.goalId, sql.placeholder('goalId')))
    .orderBy(asc(monitorIndicators.position))
    .prepare(),
  latest: db
    .select({ year: monitorFigures.year, value: monitorFigures.value, isExample: monitorFigures.isExample })
    .from(monitorFigures)
    .where(
      and(
        eq(monitorFigures.indicatorId, sql.placeholder('indicatorId')),
        eq(monitorFigures.areaKey, 0),
        eq(monitorFigures.breakdownKey, ''),
      ),
    )
    .orderBy(desc(monitorFigures.year))
    .limit(1)
    .prepare(),
}));
