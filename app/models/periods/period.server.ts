/**
 * Agenda periods: the only writer of their status. Creating a concept from the current
 * agenda, closing a period (every open action carried over or closed as "niet afgerond",
 * in one transaction), adopting a concept (closing the current period in the same
 * transaction) and reopening a closed period. The rules are in period-rules.ts and
 * app/models/permissions.ts; docs/decisions/017-agenda-periods.md explains the design.
 */
import { and, asc, count, desc, eq, inArray, isNull, max, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import type { Db } from '../../../db/client';
import { actions, agendas, goals, localAccents, organisations, themes } from '../../../db/schema';
import { t } from '../../i18n';
import { periodClosing } from '../../i18n/nl/period-closing';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { documentAccessChanged } from '../collab/live-bridge.server';
import { ForbiddenError } from '../errors';
import { recordHistory, type Tx } from '../history.server';
import { type Actor, canManagePeriods, canReopenPeriod } from '../permissions';
import { CLOSED_ACTION_STATUSES } from '../tracker/action-status';
import { type ChapterDecisions, chapterFieldNames, type ClosingDecision, closingFieldNames, REASON_MAX_LENGTH } from './closing-fields';
import { periodOfAction, periodOfGoal, periodOfTheme } from './period-guard.server';
import { periodLabel, periodSlug, periodYearsError } from './period-rules';

export type Period = typeof agendas.$inferSelect;

/** Every period, newest first. */
const allPeriods = (conn: Tx) => conn.select().from(agendas).orderBy(desc(agendas.periodStart));
const periodBySlug = (conn: Tx) =>
  conn
    .select()
    .from(agendas)
    .where(eq(agendas.slug, sql.placeholder('slug')));
const adoptedPeriod = (conn: Tx) => conn.select().from(agendas).where(eq(agendas.status, 'vastgesteld'));

/**
 * Nearly every page asks which period it shows (the period switch, the current period),
 * so these run prepared on the app's connection (app/utils/prepared.server.ts); a caller's
 * transaction or other connection gets them built.
 */
const periodStatements = preparedOnce(() => ({
  all: allPeriods(db).prepare(),
  bySlug: periodBySlug(db).prepare(),
  adopted: adoptedPeriod(db).prepare(),
}));

/** The period statements on `conn`: prepared on the app's connection, built on any other. */
function periodQueries(conn: Tx) {
  return conn === db ? periodStatements() : { all: allPeriods(conn), bySlug: periodBySlug(conn), adopted: adoptedPeriod(conn) };
}

export function listPeriods(conn: Tx = db): Period[] {
  return periodQueries(conn).all.all();
}

export function getPeriodBySlug(slug: string, conn: Tx = db): Period | undefined {
  return periodQueries(conn).bySlug.get({ slug });
}

export function getPeriod(id: number, conn: Tx = db): Period | undefined {
  return conn.select().from(agendas).where(eq(agendas.id, id)).get();
}

/** The current (vastgesteld) period; on a database without one, the latest period. */
export function getCurrentPeriod(conn: Tx = db): Period | undefined {
  const queries = periodQueries(conn);
  return queries.adopted.get() ?? queries.all.get();
}

/**
 * The period an agenda page shows: the one named by `?periode=<slug>`, or the current
 * one without it. Undefined for an unknown slug (the page answers 404).
 */
export function resolvePeriod(slug: string | null, conn: Tx = db): Period | undefined {
  return slug ? getPeriodBySlug(slug, conn) : getCurrentPeriod(conn);
}

/** What a refused period change says: one Dutch message, and per field where one belongs. */
export type PeriodResult<T = object> = ({ ok: true } & T) | { ok: false; message: string; fieldErrors: Record<string, string> };

/** Thrown inside a transaction to undo everything and answer with the message. */
class PeriodRuleError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The database or a transaction (the demo seed runs in one): what the writers here need. */
export type Conn = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'transaction'>;

function runRule<T extends object>(conn: Conn, work: (tx: Tx) => T): PeriodResult<T> {
  try {
    const result = conn.transaction((tx) => work(tx));
    // Who may write a chapter's text follows its period: live connections are checked again.
    documentAccessChanged();
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof PeriodRuleError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// Creating a concept

export type ConceptInput = { title: string; periodStart: number; periodEnd: number; isExample?: boolean };

/**
 * "Nieuwe agenda opstellen": a concept period drafted from the current agenda. Its
 * chapters start as copies of the current chapters (to be rewritten together); goals and
 * actions come over when the current period is closed or the concept adopted (each open
 * action is decided then). At most one concept at a time; its years overlap no other period.
 */
export function createConcept(actor: Actor, input: ConceptInput, conn: Conn = db): PeriodResult<{ id: number; slug: string }> {
  if (!canManagePeriods(actor)) throw new ForbiddenError('create concept period');
  const m = t.periods.errors;
  return runRule(conn, (tx) => {
    const title = input.title.trim();
    if (!title) throw new PeriodRuleError(m.titleRequired, { title: m.titleRequired });
    const all = tx.select().from(agendas).all();
    const concept = all.find((p) => p.status === 'concept');
    if (concept) throw new PeriodRuleError(m.conceptExists(periodLabel(concept)));
    const current = all.find((p) => p.status === 'vastgesteld');
    if (!current) throw new PeriodRuleError(m.noCurrent);
    const yearsError = periodYearsError(input, all);
    if (yearsError) throw new PeriodRuleError(yearsError, { periodStart: yearsError });
    const slug = periodSlug(input);
    const id = tx
      .insert(agendas)
      .values({
        title,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        slug,
        status: 'concept',
        predecessorId: current.id,
        isExample: input.isExample ?? false,
      })
      .returning({ id: agendas.id })
      .get().id;
    const chapters = tx.select().from(themes).where(eq(themes.agendaId, current.id)).orderBy(asc(themes.position)).all();
    for (const chapter of chapters) {
      const themeId = tx
        .insert(themes)
        .values({
          agendaId: id,
          code: chapter.code,
          title: chapter.title,
          kind: chapter.kind,
          body: chapter.body,
          position: chapter.position,
        })
        .returning({ id: themes.id })
        .get().id;
      recordHistory(tx, {
        entityType: 'theme',
        entityId: themeId,
        userId: actor.id,
        change: 'create',
        after: { code: chapter.code, title: chapter.title },
      });
    }
    return { id, slug };
  });
}

// ---------------------------------------------------------------------------------------
// Open actions and the decisions about them

const municipality = alias(organisations, 'municipality');

/** An action still open: not done, not cancelled, not yet decided at a closing. */
export const isOpenAction = () => and(notInArray(actions.status, [...CLOSED_ACTION_STATUSES]), isNull(actions.periodOutcome));

/**
 * The actions of a period that are still open, in agenda order; with `only`, just those
 * of these ids (the exceptions of a form asking per chapter).
 */
export function listOpenActions(periodId: number, conn: Tx = db, only?: readonly number[]) {
  return conn
    .select({
      id: actions.id,
      code: actions.code,
      title: actions.title,
      status: actions.status,
      progress: actions.progress,
      deadlinePhrase: actions.deadlinePhrase,
      municipalityName: municipality.name,
      goalId: goals.id,
      goalCode: goals.code,
      goalTitle: goals.title,
      themeId: themes.id,
      themeCode: themes.code,
      themeTitle: themes.title,
    })
    .from(actions)
    .innerJoin(goals, eq(goals.id, actions.goalId))
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .leftJoin(municipality, eq(municipality.id, actions.municipalityId))
    .where(and(eq(actions.agendaId, periodId), isOpenAction(), only ? inArray(actions.id, [...only]) : undefined))
    .orderBy(asc(themes.position), asc(goals.position), asc(actions.municipalityId), asc(actions.position), asc(actions.id))
    .all();
}

/** The chapters of a period that hold open actions, in agenda order, with how many each holds. */
export function listOpenChapters(periodId: number, conn: Tx = db) {
  return conn
    .select({ themeId: themes.id, code: themes.code, title: themes.title, open: count() })
    .from(actions)
    .innerJoin(goals, eq(goals.id, actions.goalId))
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .where(and(eq(actions.agendaId, periodId), isOpenAction()))
    .groupBy(themes.id)
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
}

export type OpenChapter = ReturnType<typeof listOpenChapters>[number];

export type OpenAction = ReturnType<typeof listOpenActions>[number];

export type { ClosingDecision };

/**
 * Closes `period` inside the caller's transaction: every open action must have a
 * decision (carried over to `successorId`, or niet afgerond with a reason). On a large
 * agenda the form decides per chapter (`byChapter`, decision 039): a chapter's decision
 * holds for each of its open actions but the exceptions, whose decisions are in
 * `decisions`; it is expanded here, per action, so the rule below is the same for both
 * forms, and a problem is reported beside the field it came from (the chapter's or the
 * exception's). Throws PeriodRuleError with every problem at once; nothing is written
 * unless all is well.
 */
function closeInTransaction(
  tx: Tx,
  actor: Actor,
  period: Period,
  decisions: ReadonlyMap<number, ClosingDecision>,
  successor: Period | undefined,
  byChapter?: ChapterDecisions,
) {
  const m = t.periods.errors;
  const open = listOpenActions(period.id, tx);
  const openIds = new Set(open.map((a) => a.id));
  const fieldErrors: Record<string, string> = {};
  const chosen = new Map<number, ClosingDecision>();
  let undecided = 0;
  for (const action of open) {
    const own = !byChapter || byChapter.exceptions.has(action.id);
    const decision = own ? decisions.get(action.id) : byChapter.chapters.get(action.themeId);
    const names = own ? closingFieldNames(action.id) : chapterFieldNames(action.themeId);
    if (!decision) {
      undecided++;
      fieldErrors[names.choice] = own ? m.undecided(1) : periodClosing.chapterUndecided;
      continue;
    }
    chosen.set(action.id, decision);
    if (decision.choice === 'niet_afgerond') {
      const reason = decision.reason.trim();
      if (!reason) fieldErrors[names.reason] = own ? m.reasonRequired : periodClosing.chapterReasonRequired;
      else if (reason.length > REASON_MAX_LENGTH) fieldErrors[names.reason] = m.reasonTooLong(REASON_MAX_LENGTH);
    } else if (!successor) {
      fieldErrors[names.choice] = m.noSuccessor;
    }
  }
  const named = [...decisions.keys(), ...(byChapter?.exceptions ?? [])];
  if (named.some((id) => !openIds.has(id))) throw new PeriodRuleError(m.unknownAction, fieldErrors);
  if (Object.keys(fieldErrors).length > 0) {
    const message = undecided > 0 ? m.undecided(undecided) : Object.values(fieldErrors)[0];
    throw new PeriodRuleError(message, fieldErrors);
  }

  for (const action of open) {
    const decision = chosen.get(action.id)!;
    if (decision.choice === 'meenemen') carryAction(tx, actor.id, action.id, successor!);
    else {
      const reason = decision.reason.trim();
      tx.update(actions).set({ periodOutcome: 'niet_afgerond', periodOutcomeReason: reason }).where(eq(actions.id, action.id)).run();
      recordHistory(tx, {
        entityType: 'action',
        entityId: action.id,
        userId: actor.id,
        change: 'update',
        before: { periodOutcome: null },
        after: { periodOutcome: 'niet_afgerond', periodOutcomeReason: reason },
      });
    }
  }
  const closedAt = new Date().toISOString();
  tx.update(agendas).set({ status: 'afgesloten', closedAt, closedBy: actor.id }).where(eq(agendas.id, period.id)).run();
  recordHistory(tx, {
    entityType: 'period',
    entityId: period.id,
    userId: actor.id,
    change: 'update',
    before: { status: period.status },
    after: { status: 'afgesloten' },
  });
}

/** The period that carried-over work goes to when `period` closes on its own: the concept, if there is one. */
function successorFor(tx: Tx, period: Period): Period | undefined {
  return tx
    .select()
    .from(agendas)
    .where(eq(agendas.status, 'concept'))
    .all()
    .find((p) => p.id !== period.id);
}

/**
 * "Periode afsluiten": the current period becomes read-only. Every open action is
 * decided in the same transaction (carried over to the concept, or niet afgerond with a
 * reason). A second submit (another tab) finds the period closed and changes nothing.
 */
export function closePeriod(
  actor: Actor,
  { periodId, decisions, byChapter }: { periodId: number; decisions: ReadonlyMap<number, ClosingDecision>; byChapter?: ChapterDecisions },
  conn: Conn = db,
): PeriodResult {
  if (!canManagePeriods(actor)) throw new ForbiddenError('close period');
  return runRule(conn, (tx) => {
    const period = getPeriod(periodId, tx);
    if (!period || period.status !== 'vastgesteld') throw new PeriodRuleError(t.periods.errors.notCurrent);
    closeInTransaction(tx, actor, period, decisions, successorFor(tx, period), byChapter);
    return {};
  });
}

/**
 * "Vaststellen": the concept becomes the current period. The period that was current is
 * closed in the same transaction, with a decision for each of its open actions (carried
 * over into the adopted agenda, or niet afgerond) — both or neither.
 */
export function adoptConcept(
  actor: Actor,
  { conceptId, decisions, byChapter }: { conceptId: number; decisions: ReadonlyMap<number, ClosingDecision>; byChapter?: ChapterDecisions },
  conn: Conn = db,
): PeriodResult {
  if (!canManagePeriods(actor)) throw new ForbiddenError('adopt period');
  return runRule(conn, (tx) => {
    const concept = getPeriod(conceptId, tx);
    if (!concept || concept.status !== 'concept') throw new PeriodRuleError(t.periods.errors.notConcept);
    const current = tx.select().from(agendas).where(eq(agendas.status, 'vastgesteld')).get();
    if (current) closeInTransaction(tx, actor, current, decisions, concept, byChapter);
    tx.update(agendas).set({ status: 'vastgesteld', adoptedAt: new Date().toISOString() }).where(eq(agendas.id, concept.id)).run();
    recordHistory(tx, {
      entityType: 'period',
      entityId: concept.id,
      userId: actor.id,
      change: 'update',
      before: { status: 'concept' },
      after: { status: 'vastgesteld' },
    });
    return {};
  });
}

/**
 * Reopening a closed period (the beheerder, to undo a mistake): it becomes current again
 * when no other period is; its recorded outcomes stay (they are history), and the
 * reopening is recorded too.
 */
export function reopenPeriod(actor: Actor, { periodId }: { periodId: number }, conn: Conn = db): PeriodResult {
  if (!canReopenPeriod(actor)) throw new ForbiddenError('reopen period');
  return runRule(conn, (tx) => {
    const period = getPeriod(periodId, tx);
    if (!period || period.status !== 'afgesloten') throw new PeriodRuleError(t.periods.errors.notClosed);
    const current = tx.select().from(agendas).where(eq(agendas.status, 'vastgesteld')).get();
    if (current) throw new PeriodRuleError(t.periods.errors.otherCurrent(periodLabel(current)));
    tx.update(agendas).set({ status: 'vastgesteld', closedAt: null, closedBy: null }).where(eq(agendas.id, period.id)).run();
    // "Niet afgerond" was a closing decision: open again, the work is open again and is
    // decided anew at the next closing (the reasons stay in each item's history). What was
    // carried over stays carried: its continuation lives in the other period.
    const reopenedActions = tx
      .update(actions)
      .set({ periodOutcome: null, periodOutcomeReason: null })
      .where(and(eq(actions.agendaId, period.id), eq(actions.periodOutcome, 'niet_afgerond')))
      .returning({ id: actions.id, reason: actions.periodOutcomeReason })
      .all();
    for (const row of reopenedActions)
      recordHistory(tx, {
        entityType: 'action',
        entityId: row.id,
        userId: actor.id,
        change: 'update',
        before: { periodOutcome: 'niet_afgerond' },
        after: { periodOutcome: null },
      });
    tx.update(goals)
      .set({ periodOutcome: null, periodOutcomeReason: null })
      .where(and(eq(goals.agendaId, period.id), eq(goals.periodOutcome, 'niet_afgerond')))
      .run();
    recordHistory(tx, {
      entityType: 'period',
      entityId: period.id,
      userId: actor.id,
      change: 'update',
      before: { status: 'afgesloten' },
      after: { status: 'vastgesteld' },
    });
    return {};
  });
}

const nextPosition = (last: number | null | undefined) => (last ?? 0) + 1;

// ---------------------------------------------------------------------------------------
// Carrying over: a new row in the next period that links to its origin; the origin keeps
// its progress reports, comments and history and is marked 'meegenomen'.

/** The goal in `target` that continues `originGoalId`, made (with its chapter) when there is none yet. */
export function carryGoal(tx: Tx, userId: number | null, originGoalId: number, target: Period): number {
  const carried = tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.agendaId, target.id), eq(goals.carriedFromId, originGoalId)))
    .get();
  if (carried) return carried.id;
  const origin = tx.select().from(goals).where(eq(goals.id, originGoalId)).get()!;
  const markOrigin = () => {
    if (origin.periodOutcome === 'meegenomen') return;
    tx.update(goals).set({ periodOutcome: 'meegenomen' }).where(eq(goals.id, origin.id)).run();
    recordHistory(tx, {
      entityType: 'goal',
      entityId: origin.id,
      userId,
      change: 'update',
      before: { periodOutcome: null },
      after: { periodOutcome: 'meegenomen' },
    });
  };
  // A goal with the same code already drafted in the new agenda (by hand or by import) becomes the continuation.
  const sameCode = tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.agendaId, target.id), eq(goals.code, origin.code)))
    .get();
  if (sameCode) {
    tx.update(goals).set({ carriedFromId: origin.id }).where(eq(goals.id, sameCode.id)).run();
    markOrigin();
    return sameCode.id;
  }
  const originChapter = tx.select().from(themes).where(eq(themes.id, origin.themeId)).get()!;
  const themeId =
    tx
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.agendaId, target.id), eq(themes.code, originChapter.code)))
      .get()?.id ??
    tx
      .insert(themes)
      .values({
        agendaId: target.id,
        code: originChapter.code,
        title: originChapter.title,
        kind: originChapter.kind,
        body: originChapter.body,
        position: nextPosition(
          tx
            .select({ p: max(themes.position) })
            .from(themes)
            .where(eq(themes.agendaId, target.id))
            .get()?.p,
        ),
      })
      .returning({ id: themes.id })
      .get().id;
  const fields = {
    themeId,
    agendaId: target.id,
    code: origin.code,
    title: origin.title,
    // A target year before the new period began is history; the new agenda sets its own.
    targetYear: origin.targetYear !== null && origin.targetYear >= target.periodStart ? origin.targetYear : null,
    body: origin.body,
    // Last in its chapter, so the new agenda's order stays strict (an export imports back unchanged).
    position: nextPosition(
      tx
        .select({ p: max(goals.position) })
        .from(goals)
        .where(eq(goals.themeId, themeId))
        .get()?.p,
    ),
    carriedFromId: origin.id,
  };
  const id = tx.insert(goals).values(fields).returning({ id: goals.id }).get().id;
  recordHistory(tx, {
    entityType: 'goal',
    entityId: id,
    userId,
    change: 'create',
    after: { code: fields.code, title: fields.title, carriedFromId: origin.id },
  });
  // The municipalities' accents go along as text; their discussions stay on the origin.
  const accents = tx.select().from(localAccents).where(eq(localAccents.goalId, origin.id)).all();
  for (const accent of accents.filter((a) => a.body !== '')) {
    tx.insert(localAccents)
      .values({
        goalId: id,
        municipalityId: accent.municipalityId,
        body: accent.body,
        updatedAt: accent.updatedAt,
        updatedBy: accent.updatedBy,
      })
      .run();
  }
  markOrigin();
  return id;
}

/** Carries one open action into `target`: a new row (same code, status and progress) with carriedFromId → the origin. */
export function carryAction(tx: Tx, userId: number | null, originActionId: number, target: Period): number {
  const carried = tx
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.agendaId, target.id), eq(actions.carriedFromId, originActionId)))
    .get();
  if (carried) return carried.id;
  const origin = tx.select().from(actions).where(eq(actions.id, originActionId)).get()!;
  const goalId = carryGoal(tx, userId, origin.goalId, target);
  const codeTaken =
    origin.code !== null &&
    tx
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.agendaId, target.id), eq(actions.code, origin.code)))
      .get() !== undefined;
  // A deadline that ended before the new period began is the old period's; the new agenda plans anew.
  const keepsDeadline = origin.deadlineEnd !== null && origin.deadlineEnd >= `${target.periodStart}-01-01`;
  const fields = {
    goalId,
    agendaId: target.id,
    code: codeTaken ? null : origin.code,
    title: origin.title,
    description: origin.description,
    ownerUserId: origin.ownerUserId,
    ownerOrganisationId: origin.ownerOrganisationId,
    partners: origin.partners,
    deadlinePhrase: keepsDeadline ? origin.deadlinePhrase : null,
    deadlineStart: keepsDeadline ? origin.deadlineStart : null,
    deadlineEnd: keepsDeadline ? origin.deadlineEnd : null,
    status: origin.status,
    progress: origin.progress,
    municipalityId: origin.municipalityId,
    position: nextPosition(
      tx
        .select({ p: max(actions.position) })
        .from(actions)
        .where(eq(actions.goalId, goalId))
        .get()?.p,
    ),
    sourceMeetingId: origin.sourceMeetingId,
    carriedFromId: origin.id,
  };
  const id = tx.insert(actions).values(fields).returning({ id: actions.id }).get().id;
  if (codeTaken)
    tx.update(actions)
      .set({ code: `K${id}` })
      .where(eq(actions.id, id))
      .run();
  recordHistory(tx, {
    entityType: 'action',
    entityId: id,
    userId,
    change: 'create',
    after: { title: fields.title, goalId, status: fields.status, progress: fields.progress, carriedFromId: origin.id },
  });
  tx.update(actions).set({ periodOutcome: 'meegenomen' }).where(eq(actions.id, origin.id)).run();
  recordHistory(tx, {
    entityType: 'action',
    entityId: origin.id,
    userId,
    change: 'update',
    before: { periodOutcome: null },
    after: { periodOutcome: 'meegenomen' },
  });
  return id;
}

// ---------------------------------------------------------------------------------------
// Links across periods, for the pages of a goal or an action

export type PeriodLink = { id: number; title: string; code: string | null; periodSlug: string; periodLabel: string };

function linkRows(rows: { id: number; title: string; code: string | null; periodStart: number; periodEnd: number }[]): PeriodLink[] {
  return rows.map((r) => ({ id: r.id, title: r.title, code: r.code, periodSlug: periodSlug(r), periodLabel: periodLabel(r) }));
}

/** Where an action came from ("Voortgezet uit …") and where it went ("Meegenomen naar …"). */
export function actionPeriodLinks(actionId: number, conn: Tx = db): { from: PeriodLink | null; to: PeriodLink[] } {
  const self = conn.select({ carriedFromId: actions.carriedFromId }).from(actions).where(eq(actions.id, actionId)).get();
  const cols = { id: actions.id, title: actions.title, code: actions.code, periodStart: agendas.periodStart, periodEnd: agendas.periodEnd };
  const from = self?.carriedFromId
    ? linkRows(
        conn
          .select(cols)
          .from(actions)
          .innerJoin(agendas, eq(agendas.id, actions.agendaId))
          .where(eq(actions.id, self.carriedFromId))
          .all(),
      )
    : [];
  const to = linkRows(
    conn.select(cols).from(actions).innerJoin(agendas, eq(agendas.id, actions.agendaId)).where(eq(actions.carriedFromId, actionId)).all(),
  );
  return { from: from[0] ?? null, to };
}

/** Where a goal came from and where it went. */
export function goalPeriodLinks(goalId: number): { from: PeriodLink | null; to: PeriodLink[] } {
  const { from, to } = goalLinkStatements();
  return { from: linkRows(from.all({ goalId }))[0] ?? null, to: linkRows(to.all({ goalId })) };
}

// The goal page shows them on every view: prepared once.
const goalLinkStatements = preparedOnce(() => {
  const cols = { id: goals.id, title: goals.title, code: goals.code, periodStart: agendas.periodStart, periodEnd: agendas.periodEnd };
  const goalId = sql.placeholder('goalId');
  const carriedFrom = db.select({ id: goals.carriedFromId }).from(goals).where(eq(goals.id, goalId));
  return {
    from: db.select(cols).from(goals).innerJoin(agendas, eq(agendas.id, goals.agendaId)).where(inArray(goals.id, carriedFrom)).prepare(),
    to: db.select(cols).from(goals).innerJoin(agendas, eq(agendas.id, goals.agendaId)).where(eq(goals.carriedFromId, goalId)).prepare(),
  };
});

/** Ids of actions in `ids` that belong to `periodId` (a form cannot decide about another period's actions). */
export function actionsInPeriod(periodId: number, ids: number[], conn: Tx = db): number[] {
  if (ids.length === 0) return [];
  return conn
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.agendaId, periodId), inArray(actions.id, ids)))
    .all()
    .map((r) => r.id);
}

/** How an action's period ended for it (null while its period runs). */
export function getActionOutcome(actionId: number, conn: Tx = db) {
  return conn
    .select({ periodOutcome: actions.periodOutcome, periodOutcomeReason: actions.periodOutcomeReason })
    .from(actions)
    .where(eq(actions.id, actionId))
    .get();
}

/** The period of an action or a goal, for the pages of one item. */
export function getPeriodOfAction(actionId: number) {
  return periodOfAction(db, actionId);
}

export function getPeriodOfGoal(goalId: number) {
  return periodOfGoal(db, goalId);
}

export function getPeriodOfTheme(themeId: number) {
  return periodOfTheme(db, themeId);
}
