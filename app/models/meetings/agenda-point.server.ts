/**
 * A meeting's agenda: ordered points, each optionally about a goal and/or an action.
 * Every change brings the notes' outline in step (one heading per point) through
 * syncNotesOutline, after the change is committed.
 */
import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import { actions, agendaPoints, goals, meetings, themes } from '../../../db/schema';
import { agendaPointLinks } from '../../i18n/nl/agenda-point-links';
import type { AgendaPointForm, AgendaPointInput } from '../../schemas/meeting';
import { db } from '../../utils/db.server';
import type { FieldErrors } from '../../utils/forms';
import { preparedOnce } from '../../utils/prepared.server';
import { actionFieldOf, meetingActionPeriod, resolveActionChoice } from './action-choice.server';
import { insertionIndex, moveTo } from './agenda-order';
import { syncNotesOutline } from './notes/notes-outline.server';

const carriedFrom = alias(agendaPoints, 'carried_from');
const carriedFromMeeting = alias(meetings, 'carried_from_meeting');
const minutesMeeting = alias(meetings, 'minutes_meeting');

// The meeting page's statements run on every view and live revalidation: prepared once.
const agendaStatements = preparedOnce(() => ({
  points: agendaPointsQuery().prepare(),
  periodGoals: goalChoices(eq(goals.agendaId, sql.placeholder('periodId'))).prepare(),
}));

/** A meeting's agenda in order, with the goal and action each point is about. */
export function listAgendaPoints(meetingId: number) {
  return agendaStatements().points.all({ meetingId });
}

function agendaPointsQuery() {
  return db
    .select({
      id: agendaPoints.id,
      position: agendaPoints.position,
      title: agendaPoints.title,
      durationMinutes: agendaPoints.durationMinutes,
      presenter: agendaPoints.presenter,
      status: agendaPoints.status,
      goalId: agendaPoints.goalId,
      goalCode: goals.code,
      goalTitle: goals.title,
      actionId: agendaPoints.actionId,
      actionTitle: actions.title,
      actionStatus: actions.status,
      carriedFromId: agendaPoints.carriedFromId,
      carriedFromMeetingId: carriedFromMeeting.id,
      minutesOfMeetingId: agendaPoints.minutesOfMeetingId,
      minutesMeetingTitle: minutesMeeting.title,
      minutesMeetingStartsAt: minutesMeeting.startsAt,
      minutesMeetingStatus: minutesMeeting.status,
    })
    .from(agendaPoints)
    .leftJoin(goals, eq(goals.id, agendaPoints.goalId))
    .leftJoin(actions, eq(actions.id, agendaPoints.actionId))
    .leftJoin(carriedFrom, eq(carriedFrom.id, agendaPoints.carriedFromId))
    .leftJoin(carriedFromMeeting, eq(carriedFromMeeting.id, carriedFrom.meetingId))
    .leftJoin(minutesMeeting, eq(minutesMeeting.id, agendaPoints.minutesOfMeetingId))
    .where(eq(agendaPoints.meetingId, sql.placeholder('meetingId')))
    .orderBy(asc(agendaPoints.position), asc(agendaPoints.id));
}

export type AgendaPointRow = ReturnType<typeof listAgendaPoints>[number];

/** Per agenda point, the goal it is about (its own, else its action's): an action item written under it belongs there. */
export function agendaPointGoals(meetingId: number): Record<number, number> {
  const rows = db
    .select({ id: agendaPoints.id, goalId: agendaPoints.goalId, actionGoalId: actions.goalId })
    .from(agendaPoints)
    .leftJoin(actions, eq(actions.id, agendaPoints.actionId))
    .where(eq(agendaPoints.meetingId, meetingId))
    .all();
  const goals: Record<number, number> = {};
  for (const row of rows) {
    const goalId = row.goalId ?? row.actionGoalId;
    if (goalId !== null) goals[row.id] = goalId;
  }
  return goals;
}

/** One point of one meeting (a point id from another meeting is not found). */
export function getAgendaPoint({ meetingId, pointId }: { meetingId: number; pointId: number }) {
  return db
    .select()
    .from(agendaPoints)
    .where(and(eq(agendaPoints.id, pointId), eq(agendaPoints.meetingId, meetingId)))
    .get();
}

/**
 * An agenda point's form, checked against the database: the goal must be one of the
 * meeting's period and the action field must name exactly one action of it (or be empty);
 * `keepGoalId` and `keepActionId` are the point's goal and action now, which may stay
 * even from another period (a link made before this rule).
 * Errors are Dutch, per field; nothing is written.
 */
export function readAgendaPointForm({
  meeting,
  form,
  keepGoalId = null,
  keepActionId = null,
}: {
  meeting: { startsAt: string };
  form: AgendaPointForm;
  keepGoalId?: number | null;
  keepActionId?: number | null;
}): { ok: true; input: AgendaPointInput } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  if (form.goalId !== null && form.goalId !== keepGoalId) {
    const period = meetingActionPeriod(meeting);
    if (!period || !goalInPeriod(form.goalId, period.id)) fieldErrors.goalId = agendaPointLinks.goalNotInPeriod(period?.label ?? null);
  }
  const action = resolveActionChoice({ meeting, value: form.actionChoice, keep: keepActionId });
  if (!action.ok) fieldErrors.actionChoice = action.message;
  if (!action.ok || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const { title, duration, presenter, goalId } = form;
  return { ok: true, input: { title, duration, presenter, goalId, actionId: action.actionId } };
}

/** Whether a goal is one of the period (the meeting's: the goals its agenda points may be about). */
function goalInPeriod(goalId: number, periodId: number): boolean {
  return (
    db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.id, goalId), eq(goals.agendaId, periodId)))
      .get() !== undefined
  );
}

/** The points of a meeting in agenda order (id and title). */
function agendaOrder(meetingId: number): { id: number; title: string }[] {
  return db
    .select({ id: agendaPoints.id, title: agendaPoints.title })
    .from(agendaPoints)
    .where(eq(agendaPoints.meetingId, meetingId))
    .orderBy(asc(agendaPoints.position), asc(agendaPoints.id))
    .all();
}

/** Positions 1…n in the order of `ids` (only the rows whose position changes are written). */
function renumber(meetingId: number, ids: number[]) {
  const current = new Map(
    db
      .select({ id: agendaPoints.id, position: agendaPoints.position })
      .from(agendaPoints)
      .where(eq(agendaPoints.meetingId, meetingId))
      .all()
      .map((r) => [r.id, r.position]),
  );
  ids.forEach((id, i) => {
    if (current.get(id) !== i + 1)
      db.update(agendaPoints)
        .set({ position: i + 1 })
        .where(eq(agendaPoints.id, id))
        .run();
  });
}

export type NewAgendaPoint = AgendaPointInput & { minutesOfMeetingId?: number | null };

/**
 * Adds points to the agenda, in the given order: before the closing point ("Rondvraag en
 * sluiting"), and a "Verslag vorige vergadering" point after the opening (agenda-order.ts).
 */
export function addAgendaPoints({ meetingId, points }: { meetingId: number; points: NewAgendaPoint[] }): number[] {
  if (points.length === 0) return [];
  const ids = insertAgendaPoints({ meetingId, points });
  syncNotesOutline(meetingId);
  return ids;
}

/** addAgendaPoints without bringing the notes in step: for a caller that does so after its own transaction. */
export function insertAgendaPoints({ meetingId, points }: { meetingId: number; points: NewAgendaPoint[] }): number[] {
  return db.transaction(() => {
    const order = agendaOrder(meetingId);
    const added = points.map((p) => {
      const id = db
        .insert(agendaPoints)
        .values({
          meetingId,
          position: 0,
          title: p.title,
          durationMinutes: p.duration,
          presenter: p.presenter,
          goalId: p.goalId,
          actionId: p.actionId,
          minutesOfMeetingId: p.minutesOfMeetingId ?? null,
        })
        .returning({ id: agendaPoints.id })
        .get().id;
      const at = insertionIndex(
        order.map((o) => o.title),
        p.minutesOfMeetingId ? 'minutes' : 'point',
      );
      order.splice(at, 0, { id, title: p.title });
      return id;
    });
    renumber(
      meetingId,
      order.map((o) => o.id),
    );
    return added;
  });
}

export function addAgendaPoint({ meetingId, input }: { meetingId: number; input: AgendaPointInput }): number {
  return addAgendaPoints({ meetingId, points: [input] })[0];
}

export function updateAgendaPoint({ meetingId, pointId, input }: { meetingId: number; pointId: number; input: AgendaPointInput }): boolean {
  const { changes } = db
    .update(agendaPoints)
    .set({
      title: input.title,
      durationMinutes: input.duration,
      presenter: input.presenter,
      goalId: input.goalId,
      actionId: input.actionId,
    })
    .where(and(eq(agendaPoints.id, pointId), eq(agendaPoints.meetingId, meetingId)))
    .run();
  if (changes > 0) syncNotesOutline(meetingId);
  return changes > 0;
}

/** Puts a point at `index` (0-based) in the agenda; false when it is not of this meeting. */
export function placeAgendaPoint({ meetingId, pointId, index }: { meetingId: number; pointId: number; index: number }): boolean {
  const placed = db.transaction(() => {
    const ids = agendaOrder(meetingId).map((p) => p.id);
    if (!ids.includes(pointId)) return false;
    renumber(meetingId, moveTo(ids, pointId, index));
    return true;
  });
  if (placed) syncNotesOutline(meetingId);
  return placed;
}

/** One place up or down (already first or last: nothing to do, not an error); false when it is not of this meeting. */
export function moveAgendaPoint({
  meetingId,
  pointId,
  direction,
}: {
  meetingId: number;
  pointId: number;
  direction: 'up' | 'down';
}): boolean {
  const index = agendaOrder(meetingId).findIndex((p) => p.id === pointId);
  if (index === -1) return false;
  return placeAgendaPoint({ meetingId, pointId, index: direction === 'up' ? Math.max(0, index - 1) : index + 1 });
}

/** Sets a point's planned minutes (null: none); false when it is not of this meeting. */
export function setAgendaPointDuration({
  meetingId,
  pointId,
  duration,
}: {
  meetingId: number;
  pointId: number;
  duration: number | null;
}): boolean {
  const { changes } = db
    .update(agendaPoints)
    .set({ durationMinutes: duration })
    .where(and(eq(agendaPoints.id, pointId), eq(agendaPoints.meetingId, meetingId)))
    .run();
  return changes > 0;
}

/** Removes a point; points carried over from it (in a later meeting) keep their text and lose the link. */
export function removeAgendaPoint({ meetingId, pointId }: { meetingId: number; pointId: number }): boolean {
  const removed = db.transaction(() => {
    if (!getAgendaPoint({ meetingId, pointId })) return false;
    db.update(agendaPoints).set({ carriedFromId: null }).where(eq(agendaPoints.carriedFromId, pointId)).run();
    db.delete(agendaPoints).where(eq(agendaPoints.id, pointId)).run();
    return true;
  });
  if (removed) syncNotesOutline(meetingId);
  return removed;
}

/** Open or afgerond: open points carry over to the next meeting of the series. */
export function setAgendaPointStatus({
  meetingId,
  pointId,
  status,
}: {
  meetingId: number;
  pointId: number;
  status: 'open' | 'afgerond';
}): boolean {
  const { changes } = db
    .update(agendaPoints)
    .set({ status })
    .where(and(eq(agendaPoints.id, pointId), eq(agendaPoints.meetingId, meetingId)))
    .run();
  if (changes > 0) syncNotesOutline(meetingId);
  return changes > 0;
}

/**
 * What an agenda point's form offers: the goals of the meeting's period in agenda order
 * (plus `keepGoalId`, the point's goal now, when it is of another period: it stays
 * selectable) and the action field (a search field, action-choice.server.ts).
 */
export function agendaPointChoices({ meeting, keepGoalId = null }: { meeting: { startsAt: string }; keepGoalId?: number | null }) {
  const period = meetingActionPeriod(meeting);
  const goalsOfPeriod =
    period && keepGoalId === null
      ? agendaStatements().periodGoals.all({ periodId: period.id })
      : goalChoices(period ? or(eq(goals.agendaId, period.id), eq(goals.id, keepGoalId ?? 0)) : undefined).all();
  return { goals: goalsOfPeriod, action: actionFieldOf(period) };
}

function goalChoices(where: SQL | undefined) {
  return db
    .select({ id: goals.id, code: goals.code, title: goals.title })
    .from(goals)
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .where(where)
    .orderBy(asc(goals.agendaId), asc(themes.position), asc(goals.position));
}

export type AgendaPointChoiceData = ReturnType<typeof agendaPointChoices>;
