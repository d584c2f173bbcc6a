/**
 * The money of the financial overview: the only writer of the finance tables. Every
 * write checks the permission (canEditFinance), checks that what it refers to exists, and
 * records the change in the history in the same transaction. Reads give the records the
 * pure overview (overview.ts) adds up, and the rows and names the pages list.
 */
import { and, asc, count, eq, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';

import {
  actions,
  agendas,
  financeAllocations,
  financeCommitments,
  financeSpending,
  financeStreams,
  goals,
  organisations,
} from '../../../db/schema';
import { finance as financeText } from '../../i18n/nl/finance';
import type { AllocationInput, CommitmentInput, SpendingInput, StreamInput } from '../../schemas/finance';
import { db } from '../../utils/db.server';
import type { FieldErrors } from '../../utils/forms';
import { ForbiddenError, NotFoundError } from '../errors';
import { recordHistory, recordUpdate, type Tx } from '../history.server';
import { type Actor, canEditFinance } from '../permissions';
import { computeOverview, type FinanceRecords, recordYearsFor } from './overview';

const m = financeText.errors;

export type FinanceResult<T = { id: number }> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };

function requireEditor(actor: Actor) {
  if (!canEditFinance(actor)) throw new ForbiddenError('edit finance');
}

const now = () => new Date().toISOString();
const refused = (fieldErrors: FieldErrors): FinanceResult<never> => ({ ok: false, fieldErrors });

// ---------------------------------------------------------------------------------------
// Reads

/** Every stream, allocation, commitment and spending of the given years (all years when none given). */
export function loadFinanceRecords(years?: readonly number[], conn: Tx = db): FinanceRecords {
  const streams = conn
    .select({
      id: financeStreams.id,
      year: financeStreams.year,
      kind: financeStreams.kind,
      name: financeStreams.name,
      receivedCents: financeStreams.receivedCents,
      municipalityId: financeStreams.municipalityId,
      carryOverCents: financeStreams.carryOverCents,
      repaymentCents: financeStreams.repaymentCents,
      isExample: financeStreams.isExample,
    })
    .from(financeStreams)
    .where(years ? inArray(financeStreams.year, [...years]) : undefined)
    .all();
  const streamIds = streams.map((s) => s.id);
  const allocations = streamIds.length
    ? conn
        .select({
          id: financeAllocations.id,
          streamId: financeAllocations.streamId,
          purpose: financeAllocations.purpose,
          municipalityId: financeAllocations.municipalityId,
          goalId: financeAllocations.goalId,
          actionId: financeAllocations.actionId,
          amountCents: financeAllocations.amountCents,
        })
        .from(financeAllocations)
        .where(inArray(financeAllocations.streamId, streamIds))
        .all()
    : [];
  const allocationIds = allocations.map((a) => a.id);
  const commitments = allocationIds.length
    ? conn
        .select({ id: financeCommitments.id, allocationId: financeCommitments.allocationId, amountCents: financeCommitments.amountCents })
        .from(financeCommitments)
        .where(inArray(financeCommitments.allocationId, allocationIds))
        .all()
    : [];
  const spending = allocationIds.length
    ? conn
        .select({
          id: financeSpending.id,
          allocationId: financeSpending.allocationId,
          commitmentId: financeSpending.commitmentId,
          amountCents: financeSpending.amountCents,
        })
        .from(financeSpending)
        .where(inArray(financeSpending.allocationId, allocationIds))
        .all()
    : [];
  return { streams, allocations, commitments, spending };
}

/** The overview of some years, as of `today` (with what the year before carried over into them). */
export function getFinanceOverview(years: readonly number[], today: string) {
  return computeOverview(loadFinanceRecords(recordYearsFor(years)), years, today);
}

/** The years that have money recorded, oldest first. */
export function listFinanceYears(): number[] {
  return db
    .selectDistinct({ year: financeStreams.year })
    .from(financeStreams)
    .orderBy(asc(financeStreams.year))
    .all()
    .map((r) => r.year);
}

/** Names for the ids an overview holds: the municipalities and the goals. */
export function financeNames(goalIds: number[]) {
  const municipalities = db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'gemeente'))
    .orderBy(asc(organisations.name))
    .all();
  const goalRows = goalIds.length
    ? db.select({ id: goals.id, code: goals.code, title: goals.title }).from(goals).where(inArray(goals.id, goalIds)).all()
    : [];
  return { municipalities, goals: goalRows };
}

/** The rows of the given years for the lists under the overview (and the choices of the forms). */
export function listFinanceRows(years: readonly number[]) {
  const streams = db
    .select()
    .from(financeStreams)
    .where(inArray(financeStreams.year, [...years]))
    .orderBy(asc(financeStreams.year), asc(financeStreams.kind), asc(financeStreams.name))
    .all();
  const streamIds = streams.map((s) => s.id);
  const allocations = streamIds.length
    ? db
        .select({
          id: financeAllocations.id,
          streamId: financeAllocations.streamId,
          purpose: financeAllocations.purpose,
          municipalityId: financeAllocations.municipalityId,
          municipalityName: organisations.name,
          goalId: financeAllocations.goalId,
          goalCode: goals.code,
          actionId: financeAllocations.actionId,
          actionTitle: actions.title,
          amountCents: financeAllocations.amountCents,
          description: financeAllocations.description,
        })
        .from(financeAllocations)
        .leftJoin(organisations, eq(organisations.id, financeAllocations.municipalityId))
        .leftJoin(goals, eq(goals.id, financeAllocations.goalId))
        .leftJoin(actions, eq(actions.id, financeAllocations.actionId))
        .where(inArray(financeAllocations.streamId, streamIds))
        .orderBy(asc(financeAllocations.streamId), asc(financeAllocations.id))
        .all()
    : [];
  const allocationIds = allocations.map((a) => a.id);
  const commitments = allocationIds.length
    ? db
        .select()
        .from(financeCommitments)
        .where(inArray(financeCommitments.allocationId, allocationIds))
        .orderBy(asc(financeCommitments.periodFrom), asc(financeCommitments.id))
        .all()
    : [];
  const spending = allocationIds.length
    ? db
        .select()
        .from(financeSpending)
        .where(inArray(financeSpending.allocationId, allocationIds))
        .orderBy(asc(financeSpending.date), asc(financeSpending.id))
        .all()
    : [];
  return { streams, allocations, commitments, spending };
}

export function getStream(id: number) {
  return db.select().from(financeStreams).where(eq(financeStreams.id, id)).get();
}
export function getAllocation(id: number) {
  return db.select().from(financeAllocations).where(eq(financeAllocations.id, id)).get();
}
export function getCommitment(id: number) {
  return db.select().from(financeCommitments).where(eq(financeCommitments.id, id)).get();
}
export function getSpending(id: number) {
  return db.select().from(financeSpending).where(eq(financeSpending.id, id)).get();
}

/** The year of an allocation's money (its stream's year). */
function yearOfAllocation(tx: Tx, allocationId: number): number | undefined {
  return tx
    .select({ year: financeStreams.year })
    .from(financeAllocations)
    .innerJoin(financeStreams, eq(financeStreams.id, financeAllocations.streamId))
    .where(eq(financeAllocations.id, allocationId))
    .get()?.year;
}

// ---------------------------------------------------------------------------------------
// Checks of what a form refers to

function isMunicipality(tx: Tx, id: number) {
  return !!tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.kind, 'gemeente')))
    .get();
}

function checkStream(tx: Tx, input: StreamInput, id: number | null): FieldErrors {
  const errors: FieldErrors = {};
  if (input.municipalityId !== null && !isMunicipality(tx, input.municipalityId)) errors.municipalityId = m.municipalityUnknown;
  const taken = tx
    .select({ id: financeStreams.id })
    .from(financeStreams)
    .where(
      and(eq(financeStreams.year, input.year), eq(financeStreams.name, input.name), id === null ? undefined : ne(financeStreams.id, id)),
    )
    .get();
  if (taken) errors.name = m.nameTaken;
  return errors;
}

/** The agenda periods whose years hold `year` (the goals and actions money of that year can go to). */
export function periodsHoldingYear(tx: Tx, year: number): number[] {
  return tx
    .select({ id: agendas.id })
    .from(agendas)
    .where(and(lte(agendas.periodStart, year), gte(agendas.periodEnd, year)))
    .all()
    .map((p) => p.id);
}

/**
 * An allocation goes to a goal or to an action of the period its year belongs to. An
 * action is checked to be of that period (and of the goal, when one is chosen too).
 */
function checkAllocation(tx: Tx, input: AllocationInput): FieldErrors {
  const errors: FieldErrors = {};
  const stream = tx.select({ year: financeStreams.year }).from(financeStreams).where(eq(financeStreams.id, input.streamId)).get();
  if (!stream) errors.streamId = m.streamUnknown;
  if (input.municipalityId !== null && !isMunicipality(tx, input.municipalityId)) errors.municipalityId = m.municipalityUnknown;
  if (input.goalId !== null && !tx.select({ id: goals.id }).from(goals).where(eq(goals.id, input.goalId)).get()) {
    errors.goalId = m.goalUnknown;
  }
  if (input.actionId !== null) {
    const action = tx
      .select({ goalId: actions.goalId, agendaId: actions.agendaId })
      .from(actions)
      .where(eq(actions.id, input.actionId))
      .get();
    if (!action) errors.actionId = m.actionUnknown;
    else if (stream && !periodsHoldingYear(tx, stream.year).includes(action.agendaId)) errors.actionId = m.actionOtherPeriod(stream.year);
    else if (input.goalId !== null && input.goalId !== action.goalId) errors.actionId = m.actionOtherGoal;
  }
  return errors;
}

/** An action chosen without a goal brings its goal along. */
function completeAllocation(tx: Tx, input: AllocationInput): AllocationInput {
  if (input.actionId === null || input.goalId !== null) return input;
  const action = tx.select({ goalId: actions.goalId }).from(actions).where(eq(actions.id, input.actionId)).get();
  return action ? { ...input, goalId: action.goalId } : input;
}

function checkCommitment(tx: Tx, input: CommitmentInput): FieldErrors {
  return yearOfAllocation(tx, input.allocationId) === undefined ? { allocationId: m.allocationUnknown } : {};
}

function checkSpending(tx: Tx, input: SpendingInput): FieldErrors {
  if (yearOfAllocation(tx, input.allocationId) === undefined) return { allocationId: m.allocationUnknown };
  if (input.commitmentId !== null) {
    const commitment = tx
      .select({ allocationId: financeCommitments.allocationId })
      .from(financeCommitments)
      .where(eq(financeCommitments.id, input.commitmentId))
      .get();
    if (!commitment) return { commitmentId: m.commitmentUnknown };
    if (commitment.allocationId !== input.allocationId) return { commitmentId: m.commitmentOtherAllocation };
  }
  return {};
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

// ---------------------------------------------------------------------------------------
// Writes: one create and one update per kind, each in a transaction with its history.

type Writer<I> = {
  table: typeof financeStreams | typeof financeAllocations | typeof financeCommitments | typeof financeSpending;
  entity: 'finance_stream' | 'finance_allocation' | 'finance_commitment' | 'finance_spending';
  check: (tx: Tx, input: I, id: number | null) => FieldErrors;
  /** Fills in what follows from the input (before the check), e.g. an action's goal. */
  complete?: (tx: Tx, input: I) => I;
  values: (input: I) => Record<string, unknown>;
};

const STREAM: Writer<StreamInput> = {
  table: financeStreams,
  entity: 'finance_stream',
  check: checkStream,
  values: (i) => ({
    year: i.year,
    kind: i.kind,
    name: i.name,
    receivedCents: i.receivedCents,
    municipalityId: i.municipalityId,
    carryOverCents: i.carryOverCents,
    repaymentCents: i.repaymentCents,
    notes: i.notes,
  }),
};
const ALLOCATION: Writer<AllocationInput> = {
  table: financeAllocations,
  entity: 'finance_allocation',
  check: checkAllocation,
  complete: completeAllocation,
  values: (i) => ({
    streamId: i.streamId,
    purpose: i.purpose,
    municipalityId: i.municipalityId,
    goalId: i.goalId,
    actionId: i.actionId,
    amountCents: i.amountCents,
    description: i.description,
  }),
};
const COMMITMENT: Writer<CommitmentInput> = {
  table: financeCommitments,
  entity: 'finance_commitment',
  check: checkCommitment,
  values: (i) => ({
    allocationId: i.allocationId,
    kind: i.kind,
    party: i.party,
    periodFrom: i.periodFrom,
    periodTo: i.periodTo,
    amountCents: i.amountCents,
    reference: i.reference,
  }),
};
const SPENDING: Writer<SpendingInput> = {
  table: financeSpending,
  entity: 'finance_spending',
  check: checkSpending,
  values: (i) => ({
    allocationId: i.allocationId,
    commitmentId: i.commitmentId,
    date: i.date,
    amountCents: i.amountCents,
    description: i.description,
  }),
};

function create<I>(writer: Writer<I>, actor: Actor, given: I, { isExample = false } = {}): FinanceResult {
  requireEditor(actor);
  return db.transaction((tx) => {
    const input = writer.complete ? writer.complete(tx, given) : given;
    const errors = writer.check(tx, input, null);
    if (hasErrors(errors)) return refused(errors);
    const values = writer.values(input);
    const extra = writer.table === financeStreams ? { isExample } : {};
    const row = tx
      .insert(writer.table)
      .values({ ...values, ...extra } as never)
      .returning({ id: writer.table.id })
      .get();
    recordHistory(tx, { entityType: writer.entity, entityId: row.id, userId: actor.id, change: 'create', after: values });
    return { ok: true as const, id: row.id };
  });
}

function update<I>(writer: Writer<I>, actor: Actor, id: number, given: I): FinanceResult {
  requireEditor(actor);
  return db.transaction((tx) => {
    const input = writer.complete ? writer.complete(tx, given) : given;
    const before = tx.select().from(writer.table).where(eq(writer.table.id, id)).get() as Record<string, unknown> | undefined;
    if (!before) throw new NotFoundError(writer.entity, id);
    const errors = writer.check(tx, input, id);
    if (hasErrors(errors)) return refused(errors);
    const values = writer.values(input);
    const changed = recordUpdate(tx, writer.entity, id, actor.id, before, values);
    if (changed) {
      tx.update(writer.table)
        .set({ ...values, updatedAt: now() } as never)
        .where(eq(writer.table.id, id))
        .run();
    }
    return { ok: true as const, id };
  });
}

export const createStream = (actor: Actor, input: StreamInput, options?: { isExample?: boolean }) => create(STREAM, actor, input, options);
export const updateStream = (actor: Actor, id: number, input: StreamInput) => update(STREAM, actor, id, input);
export const createAllocation = (actor: Actor, input: AllocationInput) => create(ALLOCATION, actor, input);
export const updateAllocation = (actor: Actor, id: number, input: AllocationInput) => update(ALLOCATION, actor, id, input);
export const createCommitment = (actor: Actor, input: CommitmentInput) => create(COMMITMENT, actor, input);
export const updateCommitment = (actor: Actor, id: number, input: CommitmentInput) => update(COMMITMENT, actor, id, input);
export const createSpending = (actor: Actor, input: SpendingInput) => create(SPENDING, actor, input);
export const updateSpending = (actor: Actor, id: number, input: SpendingInput) => update(SPENDING, actor, id, input);

// ---------------------------------------------------------------------------------------
// Deleting: a record nothing depends on, in a transaction with its history.

export type FinanceEntity = Writer<unknown>['entity'];

const TABLES: Record<FinanceEntity, Writer<unknown>['table']> = {
  finance_stream: STREAM.table,
  finance_allocation: ALLOCATION.table,
  finance_commitment: COMMITMENT.table,
  finance_spending: SPENDING.table,
};

/**
 * What still rests on a record, as the Dutch sentence that refuses deleting it; null when
 * nothing does. A stream carries allocations; an allocation commitments and spending; a
 * commitment the spending paid under it. A spending carries nothing.
 */
export function financeDependents(entity: FinanceEntity, id: number, conn: Tx = db): string | null {
  const n = (table: typeof financeAllocations | typeof financeCommitments | typeof financeSpending, where: SQL | undefined) =>
    conn.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
  const d = m.deleteRefused;
  switch (entity) {
    case 'finance_stream': {
      const allocations = n(financeAllocations, eq(financeAllocations.streamId, id));
      return allocations ? d.stream(allocations) : null;
    }
    case 'finance_allocation': {
      const commitments = n(financeCommitments, eq(financeCommitments.allocationId, id));
      const spending = n(financeSpending, eq(financeSpending.allocationId, id));
      return commitments || spending ? d.allocation(commitments, spending) : null;
    }
    case 'finance_commitment': {
      const spending = n(financeSpending, eq(financeSpending.commitmentId, id));
      return spending ? d.commitment(spending) : null;
    }
    case 'finance_spending':
      return null;
  }
}

/**
 * Deletes one record of the money, refused (with the Dutch reason) while other records
 * depend on it; the whole row goes into the history as `before` of a 'delete'.
 */
export function deleteFinanceRecord(actor: Actor, entity: FinanceEntity, id: number): { ok: true } | { ok: false; message: string } {
  requireEditor(actor);
  const table = TABLES[entity];
  return db.transaction((tx) => {
    const before = tx.select().from(table).where(eq(table.id, id)).get() as Record<string, unknown> | undefined;
    if (!before) throw new NotFoundError(entity, id);
    const dependents = financeDependents(entity, id, tx);
    if (dependents) return { ok: false as const, message: dependents };
    tx.delete(table).where(eq(table.id, id)).run();
    recordHistory(tx, { entityType: entity, entityId: id, userId: actor.id, change: 'delete', before });
    return { ok: true as const };
  });
}
