import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';

import { monitorFigures, monitorTargets, organisations, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { ForbiddenError } from '../errors';
import { recordHistory, recordUpdate, type Tx } from '../history.server';
import { type Actor, canEnterFigure, canManageMonitor } from '../permissions';

/** One figure as typed or imported: the value already in its stored integer form (monitor-rules.ts). */
export type FigureInput = {
  indicatorId: number;
  municipalityId: number | null;
  year: number;
  breakdownKey: string;
  value: number;
  source: string;
  completeness: string | null;
  respondents: number | null;
};

export type Figure = typeof monitorFigures.$inferSelect;

const areaKeyOf = (municipalityId: number | null) => municipalityId ?? 0;

function findFigure(tx: Tx, key: Pick<FigureInput, 'indicatorId' | 'municipalityId' | 'year' | 'breakdownKey'>): Figure | undefined {
  return tx
    .select()
    .from(monitorFigures)
    .where(
      and(
        eq(monitorFigures.indicatorId, key.indicatorId),
        eq(monitorFigures.areaKey, areaKeyOf(key.municipalityId)),
        eq(monitorFigures.year, key.year),
        eq(monitorFigures.breakdownKey, key.breakdownKey),
      ),
    )
    .get();
}

export type FigureChange = 'new' | 'changed' | 'unchanged';

const comparable = (f: Pick<FigureInput, 'value' | 'source' | 'completeness' | 'respondents'>) => ({
  value: f.value,
  source: f.source,
  completeness: f.completeness,
  respondents: f.respondents,
});

/** What saving this figure would do: add it, change the stored one, or nothing. */
export function figureChange(input: FigureInput, conn: Tx = db): FigureChange {
  const existing = findFigure(conn, input);
  if (!existing) return 'new';
  return JSON.stringify(comparable(existing)) === JSON.stringify(comparable(input)) ? 'unchanged' : 'changed';
}

/**
 * Stores one figure inside the caller's transaction: inserts it or corrects the stored one,
 * with its history entry ('import' for a spreadsheet delivery). A correction replaces the
 * demo mark: a figure someone entered is no example any more.
 */
export function upsertFigure(tx: Tx, userId: number, input: FigureInput, change: 'create' | 'import' = 'create'): FigureChange {
  const existing = findFigure(tx, input);
  const now = new Date().toISOString();
  if (!existing) {
    const { id } = tx
      .insert(monitorFigures)
      .values({ ...input, areaKey: areaKeyOf(input.municipalityId), enteredBy: userId, enteredAt: now })
      .returning({ id: monitorFigures.id })
      .get();
    recordHistory(tx, { entityType: 'figure', entityId: id, userId, change, after: { ...input } });
    return 'new';
  }
  if (!recordUpdate(tx, 'figure', existing.id, userId, comparable(existing), comparable(input))) return 'unchanged';
  tx.update(monitorFigures)
    .set({ ...comparable(input), enteredBy: userId, enteredAt: now, isExample: false })
    .where(eq(monitorFigures.id, existing.id))
    .run();
  return 'changed';
}

/** Enters or corrects one figure, if the actor may for its area. */
export function saveFigure(actor: Actor, input: FigureInput): FigureChange {
  if (!canEnterFigure(actor, input)) throw new ForbiddenError('monitor figure');
  return db.transaction((tx) => upsertFigure(tx, actor.id, input));
}

export type FigureQuery = {
  indicatorIds: number[];
  /** Undefined: every area; null: the region only; a number: that municipality only. */
  municipalityId?: number | null;
  fromYear?: number;
  toYear?: number;
  /** Undefined: totals only (''); '*': every breakdown too. */
  breakdownKey?: string;
};

export type FigureRow = Figure & { enteredByName: string | null };

/**
 * The figures' years as conditions on `+year`: SQLite then cannot pick the year index. Its
 * statistics take a range of years for a few rows, but the monitor's span covers nearly
 * every figure, and scanning the year index read all 50,000 figures of the page
 * benchmark's workspace for six indicators' 400 (4 ms instead of 0.4: docs/scaling.md,
 * "Uncached, with every loader running"). The indicator index finds them.
 */
function yearsBetween(fromYear: number | undefined, toYear: number | undefined): (SQL | undefined)[] {
  return [
    fromYear === undefined ? undefined : sql`+${monitorFigures.year} >= ${fromYear}`,
    toYear === undefined ? undefined : sql`+${monitorFigures.year} <= ${toYear}`,
  ];
}

export function listFigures(query: FigureQuery, conn: Tx = db): FigureRow[] {
  if (query.indicatorIds.length === 0) return [];
  const where: (SQL | undefined)[] = [
    inArray(monitorFigures.indicatorId, query.indicatorIds),
    query.municipalityId === undefined
      ? undefined
      : query.municipalityId === null
        ? isNull(monitorFigures.municipalityId)
        : eq(monitorFigures.municipalityId, query.municipalityId),
    ...yearsBetween(query.fromYear, query.toYear),
    query.breakdownKey === '*' ? undefined : eq(monitorFigures.breakdownKey, query.breakdownKey ?? ''),
  ];
  return conn
    .select({ figure: monitorFigures, enteredByName: users.name })
    .from(monitorFigures)
    .leftJoin(users, eq(users.id, monitorFigures.enteredBy))
    .where(and(...where))
    .orderBy(asc(monitorFigures.indicatorId), asc(monitorFigures.areaKey), asc(monitorFigures.year), asc(monitorFigures.breakdownKey))
    .all()
    .map((r) => ({ ...r.figure, enteredByName: r.enteredByName }));
}

/**
 * The totals the charts and the yearly report draw (monitor-series.ts `SeriesFigure`), of
 * every area: only the columns a series needs, without who entered them — the monitor
 * page reads 400 of them per view, and the full rows cost it as much again.
 */
export function listSeriesFigures(
  query: {
    indicatorIds: number[];
    fromYear: number;
    toYear: number;
    /** Only the region and this municipality (a municipality's monitor page); without it every area. */
    municipalityId?: number | null;
  },
  conn: Tx = db,
) {
  if (query.indicatorIds.length === 0) return [];
  const areas =
    query.municipalityId == null ? undefined : inArray(monitorFigures.areaKey, [areaKeyOf(null), areaKeyOf(query.municipalityId)]);
  return conn
    .select({
      indicatorId: monitorFigures.indicatorId,
      municipalityId: monitorFigures.municipalityId,
      year: monitorFigures.year,
      value: monitorFigures.value,
      completeness: monitorFigures.completeness,
      respondents: monitorFigures.respondents,
      isExample: monitorFigures.isExample,
    })
    .from(monitorFigures)
    .where(
      and(
        inArray(monitorFigures.indicatorId, query.indicatorIds),
        areas,
        ...yearsBetween(query.fromYear, query.toYear),
        eq(monitorFigures.breakdownKey, ''),
      ),
    )
    .all();
}

export type Target = typeof monitorTargets.$inferSelect;

/** Targets of the indicators, of one period or (without agendaId) of every period. */
export function listTargets(indicatorIds: number[], agendaId?: number, conn: Tx = db): Target[] {
  if (indicatorIds.length === 0) return [];
  return conn
    .select()
    .from(monitorTargets)
    .where(
      and(inArray(monitorTargets.indicatorId, indicatorIds), agendaId === undefined ? undefined : eq(monitorTargets.agendaId, agendaId)),
    )
    .orderBy(asc(monitorTargets.indicatorId), asc(monitorTargets.areaKey), asc(monitorTargets.year))
    .all();
}

export type TargetInput = { indicatorId: number; agendaId: number; municipalityId: number | null; year: number; value: number | null };

/** Sets (or with value null clears) the target of an area and year in a period: the werkgroep. */
export function saveTarget(actor: Actor, input: TargetInput): void {
  if (!canManageMonitor(actor)) throw new ForbiddenError('monitor target');
  db.transaction((tx) => {
    const key = and(
      eq(monitorTargets.indicatorId, input.indicatorId),
      eq(monitorTargets.agendaId, input.agendaId),
      eq(monitorTargets.areaKey, areaKeyOf(input.municipalityId)),
      eq(monitorTargets.year, input.year),
    );
    const existing = tx.select().from(monitorTargets).where(key).get();
    const fields = { ...input };
    if (input.value === null) {
      if (!existing) return;
      tx.delete(monitorTargets).where(eq(monitorTargets.id, existing.id)).run();
      recordHistory(tx, {
        entityType: 'target',
        entityId: existing.id,
        userId: actor.id,
        change: 'delete',
        before: { ...fields, value: existing.value },
      });
      return;
    }
    if (!existing) {
      const { id } = tx
        .insert(monitorTargets)
        .values({ ...input, value: input.value, areaKey: areaKeyOf(input.municipalityId), setBy: actor.id })
        .returning({ id: monitorTargets.id })
        .get();
      recordHistory(tx, { entityType: 'target', entityId: id, userId: actor.id, change: 'create', after: fields });
      return;
    }
    if (recordUpdate(tx, 'target', existing.id, actor.id, { value: existing.value }, { value: input.value })) {
      tx.update(monitorTargets)
        .set({ value: input.value, setBy: actor.id, setAt: new Date().toISOString(), isExample: false })
        .where(eq(monitorTargets.id, existing.id))
        .run();
    }
  });
}

/** The seven municipalities by name: the areas beside the region. */
export function listMonitorMunicipalities(conn: Tx = db) {
  return conn
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'gemeente'))
    .orderBy(asc(organisations.name))
    .all();
}
