/**
 * Decisions ("besluiten") recorded from a meeting's notes: the decisions log, and the
 * decisions about one goal or one action.
 */
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/sqlite-core';

import { actions, decisions, goals, meetings, users } from '../../../db/schema';
import { t } from '../../i18n';
import type { DecisionInput } from '../../schemas/notes';
import { db } from '../../utils/db.server';
import type { FieldErrors } from '../../utils/forms';
import { preparedOnce } from '../../utils/prepared.server';
import { setActionStatus } from '../tracker/action.server';
import { goalExists } from '../tracker/goal.server';

export function createDecision({
  userId,
  meetingId,
  input,
}: {
  userId: number;
  meetingId: number;
  input: Pick<DecisionInput, 'text' | 'goalId' | 'actionId'>;
}): number {
  return db
    .insert(decisions)
    .values({ meetingId, text: input.text, goalId: input.goalId, actionId: input.actionId, createdBy: userId })
    .returning({ id: decisions.id })
    .get().id;
}

/**
 * "Besluit" in the notes: records the decision and, when `actionStatus` is given, moves
 * the linked action on from "besluit nodig" (recorded in its history) — together or not
 * at all. The route checks that the actor may change that action.
 */
export function recordDecision({ userId, meetingId, input }: { userId: number; meetingId: number; input: DecisionInput }): number {
  return db.transaction(() => {
    const id = createDecision({ userId, meetingId, input });
    if (input.actionStatus !== null && input.actionId !== null) setActionStatus({ userId, id: input.actionId, status: input.actionStatus });
    return id;
  });
}

/** A status change asked with a decision must be about a linked action that waits for one. */
export function findDecisionStatusErrors(input: Pick<DecisionInput, 'actionId' | 'actionStatus'>): FieldErrors {
  if (input.actionStatus === null) return {};
  const action =
    input.actionId === null ? undefined : db.select({ status: actions.status }).from(actions).where(eq(actions.id, input.actionId)).get();
  return action?.status === 'besluit_nodig' ? {} : { actionStatus: t.notes.errors.statusNotWaiting };
}

/** A goal or action id that points nowhere, answered beside the field. */
export function findDecisionReferenceErrors(input: Pick<DecisionInput, 'goalId' | 'actionId'>): FieldErrors {
  const errors: FieldErrors = {};
  if (input.goalId !== null && !goalExists(input.goalId)) errors.goalId = t.actions.errors.goalUnknown;
  if (input.actionId !== null && !db.select({ id: actions.id }).from(actions).where(eq(actions.id, input.actionId)).get()) {
    errors.actionId = t.notes.errors.actionUnknown;
  }
  return errors;
}

function decisionsWhere(where: SQL | undefined) {
  return db
    .select({
      id: decisions.id,
      text: decisions.text,
      createdAt: decisions.createdAt,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      goalId: decisions.goalId,
      goalCode: goals.code,
      goalTitle: goals.title,
      actionId: decisions.actionId,
      actionTitle: actions.title,
      createdByName: users.name,
    })
    .from(decisions)
    .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
    .leftJoin(goals, eq(goals.id, decisions.goalId))
    .leftJoin(actions, eq(actions.id, decisions.actionId))
    .leftJoin(users, eq(users.id, decisions.createdBy))
    .where(where)
    .orderBy(desc(meetings.startsAt), desc(decisions.createdAt), desc(decisions.id))
    .$dynamic();
}

function selectDecisions(where: SQL | undefined) {
  return decisionsWhere(where).all();
}

// A meeting's page and its notes ask on every view and live revalidation: prepared once.
const meetingDecisions = preparedOnce(() => decisionsWhere(eq(decisions.meetingId, sql.placeholder('meetingId'))).prepare());

export type DecisionRow = ReturnType<typeof selectDecisions>[number];

/**
 * The decisions log: every decision, newest meeting first; with `within` (a period's
 * dates, periodDateRange) those of the meetings held in it — decisions belong to no period.
 */
export function listDecisions({ within }: { within?: { from: string; until: string } } = {}): DecisionRow[] {
  return selectDecisions(within ? and(gte(meetings.startsAt, within.from), lt(meetings.startsAt, within.until)) : undefined);
}

/** Decisions about an action: linked to it directly. */
export function listActionDecisions({ actionId }: { actionId: number }): DecisionRow[] {
  return selectDecisions(eq(decisions.actionId, actionId));
}

/** Decisions about a goal: linked to it, or to one of its actions. */
export function listGoalDecisions({ goalId }: { goalId: number }): DecisionRow[] {
  return decisionsOfGoal().all({ goalId });
}

// The goal page shows them on every view: prepared once. The two ways a decision is about
// a goal are looked up by their indexes and united; an OR of the two made SQLite walk every
// meeting instead (0.3 ms on the benchmark's 200 meetings, 0.1 ms this way).
const decisionsOfGoal = preparedOnce(() => {
  const goalId = sql.placeholder('goalId');
  const aboutGoal = db.select({ id: decisions.id }).from(decisions).where(eq(decisions.goalId, goalId));
  const aboutItsActions = db
    .select({ id: decisions.id })
    .from(decisions)
    .innerJoin(actions, eq(actions.id, decisions.actionId))
    .where(eq(actions.goalId, goalId));
  return decisionsWhere(inArray(decisions.id, unionAll(aboutGoal, aboutItsActions))).prepare();
});

/** Decisions taken in a meeting (ids and what the notes show of them). */
export function listMeetingDecisions({ meetingId }: { meetingId: number }): DecisionRow[] {
  return meetingDecisions().all({ meetingId });
}
