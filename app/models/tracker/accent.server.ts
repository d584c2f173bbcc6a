import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';

import { actions, goals, localAccents, organisations, themes, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { recordHistory, recordUpdate } from '../history.server';
import { assertGoalWritable } from '../periods/period-guard.server';
import type { ActionStatus } from './action-status';
import { goalWithChapterColumns } from './goal.server';

export type LocalAction = {
  id: number;
  title: string;
  status: ActionStatus;
  deadlinePhrase: string | null;
  deadlineStart: string | null;
  deadlineEnd: string | null;
  progress: number;
};

/** One cell of the matrix: a municipality's accent for one goal and its local actions. */
export type AccentCell = {
  goalId: number;
  municipalityId: number;
  municipalityName: string;
  /** Null until the accent is first saved or commented on. */
  accentId: number | null;
  body: string;
  /** Null while nothing has been written (also for a row made only to hold comments). */
  updatedAt: string | null;
  updatedByName: string | null;
};

export type AccentCellWithActions = AccentCell & { localActions: LocalAction[] };

/** The seven municipalities, by name. */
export function listMunicipalities() {
  return municipalitiesByName().all();
}

const municipalitiesByName = preparedOnce(() =>
  db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'gemeente'))
    .orderBy(asc(organisations.name))
    .prepare(),
);

export function getMunicipality(id: number) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, 'gemeente')))
    .get();
}

const accentColumns = {
  id: localAccents.id,
  goalId: localAccents.goalId,
  municipalityId: localAccents.municipalityId,
  body: localAccents.body,
  updatedAt: localAccents.updatedAt,
  updatedBy: localAccents.updatedBy,
  updatedByName: users.name,
};

const localActionColumns = {
  id: actions.id,
  goalId: actions.goalId,
  municipalityId: actions.municipalityId,
  title: actions.title,
  status: actions.status,
  deadlinePhrase: actions.deadlinePhrase,
  deadlineStart: actions.deadlineStart,
  deadlineEnd: actions.deadlineEnd,
  progress: actions.progress,
};

// One goal's cells are on the goal page, read on every view: prepared once.
const ofOneGoal = preparedOnce(() => ({
  accents: db
    .select(accentColumns)
    .from(localAccents)
    .leftJoin(users, eq(users.id, localAccents.updatedBy))
    .where(eq(localAccents.goalId, sql.placeholder('goalId')))
    .prepare(),
  localActions: db
    .select(localActionColumns)
    .from(actions)
    .where(and(isNotNull(actions.municipalityId), eq(actions.goalId, sql.placeholder('goalId'))))
    .orderBy(asc(actions.position), asc(actions.id))
    .prepare(),
}));

function loadAccents(goalIds: number[] | null) {
  if (goalIds?.length === 1) return ofOneGoal().accents.all({ goalId: goalIds[0] });
  return db
    .select(accentColumns)
    .from(localAccents)
    .leftJoin(users, eq(users.id, localAccents.updatedBy))
    .where(goalIds ? inArray(localAccents.goalId, goalIds) : undefined)
    .all();
}

function loadLocalActions(goalIds: number[] | null) {
  if (goalIds?.length === 1) return ofOneGoal().localActions.all({ goalId: goalIds[0] });
  const local = isNotNull(actions.municipalityId);
  return db
    .select(localActionColumns)
    .from(actions)
    .where(goalIds ? and(local, inArray(actions.goalId, goalIds)) : local)
    .orderBy(asc(actions.position), asc(actions.id))
    .all();
}

const key = (goalId: number, municipalityId: number) => `${goalId}:${municipalityId}`;

/** Builds the cells of the given goals × municipalities from three flat queries. */
function buildCells(goalIds: number[] | null, municipalities: { id: number; name: string }[]) {
  const accents = new Map(loadAccents(goalIds).map((a) => [key(a.goalId, a.municipalityId), a]));
  const localActions = new Map<string, LocalAction[]>();
  for (const { goalId, municipalityId, ...action } of loadLocalActions(goalIds)) {
    const k = key(goalId, municipalityId!);
    const list = localActions.get(k) ?? [];
    list.push(action);
    localActions.set(k, list);
  }
  return (goalId: number): AccentCellWithActions[] =>
    municipalities.map((m) => ({
      ...cellOf(goalId, m, accents.get(key(goalId, m.id))),
      localActions: localActions.get(key(goalId, m.id)) ?? [],
    }));
}

/** A cell from its accent row, if there is one; a row made only to hold comments counts as not written. */
function cellOf(
  goalId: number,
  municipality: { id: number; name: string },
  accent: ReturnType<typeof loadAccents>[number] | undefined,
): AccentCell {
  const written = accent !== undefined && (accent.body !== '' || accent.updatedBy !== null);
  return {
    goalId,
    municipalityId: municipality.id,
    municipalityName: municipality.name,
    accentId: accent?.id ?? null,
    body: accent?.body ?? '',
    updatedAt: written ? accent.updatedAt : null,
    updatedByName: written ? accent.updatedByName : null,
  };
}

/** The accents of all seven municipalities for one goal (the goal page). */
export function listAccentsForGoal(goalId: number): AccentCellWithActions[] {
  return buildCells([goalId], listMunicipalities())(goalId);
}

/** The matrix's cells: each accent with the number of its local actions (the matrix shows no more of them). */
function matrixCells(goalIds: number[], municipalities: { id: number; name: string }[]) {
  const accents = new Map(loadAccents(goalIds).map((a) => [key(a.goalId, a.municipalityId), a]));
  const localActions = new Map(
    db
      .select({ goalId: actions.goalId, municipalityId: actions.municipalityId, n: count() })
      .from(actions)
      .where(and(isNotNull(actions.municipalityId), inArray(actions.goalId, goalIds)))
      .groupBy(actions.goalId, actions.municipalityId)
      .all()
      .map((row) => [key(row.goalId, row.municipalityId!), row.n]),
  );
  return (goalId: number): (AccentCell & { localActionCount: number })[] =>
    municipalities.map((m) => ({
      ...cellOf(goalId, m, accents.get(key(goalId, m.id))),
      localActionCount: localActions.get(key(goalId, m.id)) ?? 0,
    }));
}

/**
 * Above this many goals the matrix shows one chapter at a time: 60 goals × 7 municipalities
 * (the benchmark's workspace) were 320 KiB and 30 ms; the real agenda's handful of goals
 * stays on one page (decision 034).
 */
export const MATRIX_GOALS_ON_ONE_PAGE = 30;

/**
 * The matrix page: the goals of the period's tracked chapters (onderwerpen), in agenda
 * order, each with one cell per municipality. A period with more goals than
 * MATRIX_GOALS_ON_ONE_PAGE shows one chapter (`chapterId`, or the first); `chapterLinks`
 * names them all. Undefined for a chapter that is not one of the period's.
 */
export function getAccentMatrix(periodId: number, chapterId: number | null = null) {
  const municipalities = listMunicipalities();
  const goalRows = db
    .select(goalWithChapterColumns)
    .from(goals)
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .where(and(eq(themes.kind, 'onderwerp'), eq(goals.agendaId, periodId)))
    .orderBy(asc(themes.position), asc(goals.position))
    .all();
  const chapters: { id: number; code: string; title: string; goals: typeof goalRows }[] = [];
  for (const g of goalRows) {
    let chapter = chapters.at(-1);
    if (!chapter || chapter.id !== g.themeId) {
      chapter = { id: g.themeId, code: g.themeCode, title: g.themeTitle, goals: [] };
      chapters.push(chapter);
    }
    chapter.goals.push(g);
  }
  const requested = chapterId === null ? undefined : chapters.find((c) => c.id === chapterId);
  if (chapterId !== null && !requested) return undefined;
  const oneChapter = goalRows.length > MATRIX_GOALS_ON_ONE_PAGE;
  const shown = oneChapter ? [requested ?? chapters[0]!] : chapters;
  const shownGoals = shown.flatMap((c) => c.goals);
  const cellsOf = matrixCells(
    shownGoals.map((g) => g.id),
    municipalities,
  );
  return {
    municipalities,
    oneChapter,
    chapterLinks: chapters.map((c) => ({ id: c.id, code: c.code, title: c.title, goalCount: c.goals.length })),
    goalCount: goalRows.length,
    chapters: shown.map((c) => ({
      id: c.id,
      code: c.code,
      title: c.title,
      goals: c.goals.map((g) => ({ id: g.id, code: g.code, title: g.title, cells: cellsOf(g.id) })),
    })),
  };
}

/** One cell with its goal and municipality; undefined for an unknown goal or a non-municipality. */
export function getAccentCell(goalId: number, municipalityId: number) {
  const municipality = getMunicipality(municipalityId);
  if (!municipality) return undefined;
  const goal = db
    .select(goalWithChapterColumns)
    .from(goals)
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .where(eq(goals.id, goalId))
    .get();
  if (!goal) return undefined;
  const cell = buildCells([goalId], [municipality])(goalId)[0];
  return { goal, municipality, cell };
}

/** The accent row's goal and municipality (for an accent comment's links and permissions). */
export function getAccentById(id: number) {
  return db
    .select({ id: localAccents.id, goalId: localAccents.goalId, municipalityId: localAccents.municipalityId })
    .from(localAccents)
    .where(eq(localAccents.id, id))
    .get();
}

/**
 * The accent row of a cell, made empty when it does not exist yet, so a first comment
 * has something to point at. Not a change of content, so no history. The caller
 * checks that goal and municipality exist.
 */
export function ensureAccent(goalId: number, municipalityId: number): number {
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: localAccents.id })
      .from(localAccents)
      .where(and(eq(localAccents.goalId, goalId), eq(localAccents.municipalityId, municipalityId)))
      .get();
    if (existing) return existing.id;
    return tx.insert(localAccents).values({ goalId, municipalityId, body: '', updatedBy: null }).returning({ id: localAccents.id }).get()
      .id;
  });
}

/** Saves a cell's accent text (created on first save) and records the change in the history. */
export function saveAccent({
  userId,
  goalId,
  municipalityId,
  body,
}: {
  userId: number;
  goalId: number;
  municipalityId: number;
  body: string;
}): number {
  return db.transaction((tx) => {
    assertGoalWritable(tx, goalId);
    const existing = tx
      .select({ id: localAccents.id, body: localAccents.body })
      .from(localAccents)
      .where(and(eq(localAccents.goalId, goalId), eq(localAccents.municipalityId, municipalityId)))
      .get();
    const updatedAt = new Date().toISOString();
    if (!existing) {
      const row = tx
        .insert(localAccents)
        .values({ goalId, municipalityId, body, updatedAt, updatedBy: userId })
        .returning({ id: localAccents.id })
        .get();
      recordHistory(tx, { entityType: 'accent', entityId: row.id, userId, change: 'create', after: { body } });
      return row.id;
    }
    if (recordUpdate(tx, 'accent', existing.id, userId, { body: existing.body }, { body })) {
      tx.update(localAccents).set({ body, updatedAt, updatedBy: userId }).where(eq(localAccents.id, existing.id)).run();
    }
    return existing.id;
  });
}
