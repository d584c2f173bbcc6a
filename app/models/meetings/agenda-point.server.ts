/**
 * A meeting's agenda: ordered points, each optionally about a goal and/or an action.
 * Every change brings the notes' outline in step (one heading per point) through
 * syncNotesOutline, after the change is committed.
 */
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import { actions, agendaPoints, goals, meetings, themes } from '../../../db/schema';
import { t } from '../../i18n';
import type { AgendaPointInput } from '../../schemas/meeting';
import { db } from '../../utils/db.server';
import type { FieldErrors } from '../../utils/forms';
import { goalExists } from '../tracker/goal.server';
import { listDecisionActionOptions } from './notes/notes-item.server';
import { syncNotesOutline } from './notes/notes-outline.server';

const carriedFrom = alias(agendaPoints, 'carried_from');
const carriedFromMeeting = alias(meetings, 'carried_from_meeting');

/** A meeting's agenda in order, with the goal and action each point is about. */
export function listAgendaPoints(meetingId: number) {
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
    })
    .from(agendaPoints)
    .leftJoin(goals, eq(goals.id, agendaPoints.goalId))
    .leftJoin(actions, eq(actions.id, agendaPoints.actionId))
    .leftJoin(carriedFrom, eq(carriedFrom.id, agendaPoints.carriedFromId))
    .leftJoin(carriedFromMeeting, eq(carriedFromMeeting.id, carriedFrom.meetingId))
    .where(eq(agendaPoints.meetingId, meetingId))
    .orderBy(asc(agendaPoints.position), asc(agendaPoints.id))
    .all();
}

export type AgendaPointRow = ReturnType<typeof listAgendaPoints>[number];

/** One point of one meeting (a point id from another meeting is not found). */
export function getAgendaPoint({ meetingId, pointId }: { meetingId: number; pointId: number }) {
  return db
    .select()
    .from(agendaPoints)
    .where(and(eq(agendaPoints.id, pointId), eq(agendaPoints.meetingId, meetingId)))
    .get();
}

/** Goal and action ids that point nowhere, as field errors. */
export function findAgendaPointReferenceErrors(input: Pick<AgendaPointInput, 'goalId' | 'actionId'>): FieldErrors {
  const errors: FieldErrors = {};
  if (input.goalId !== null && !goalExists(input.goalId)) errors.goalId = t.meetings.errors.goalUnknown;
  if (input.actionId !== null && !db.select({ id: actions.id }).from(actions).where(eq(actions.id, input.actionId)).get()) {
    errors.actionId = t.meetings.errors.actionUnknown;
  }
  return errors;
}

function nextPosition(meetingId: number): number {
  return db
    .select({ next: sql<number>`coalesce(max(${agendaPoints.position}), 0) + 1` })
    .from(agendaPoints)
    .where(eq(agendaPoints.meetingId, meetingId))
    .get()!.next;
}

/** Appends points to the end of the agenda, in the given order. */
export function addAgendaPoints({ meetingId, points }: { meetingId: number; points: AgendaPointInput[] }): number[] {
  if (points.length === 0) return [];
  const ids = db.transaction(() => {
    const first = nextPosition(meetingId);
    return points.map(
      (p, i) =>
        db
          .insert(agendaPoints)
          .values({
            meetingId,
            position: first + i,
            title: p.title,
            durationMinutes: p.duration,
            presenter: p.presenter,
            goalId: p.goalId,
            actionId: p.actionId,
          })
          .returning({ id: agendaPoints.id })
          .get().id,
    );
  });
  syncNotesOutline(meetingId);
  return ids;
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

/** Swaps a point with its neighbour above or below; false when it is not of this meeting. */
export function moveAgendaPoint({
  meetingId,
  pointId,
  direction,
}: {
  meetingId: number;
  pointId: number;
  direction: 'up' | 'down';
}): boolean {
  const moved = db.transaction(() => {
    const point = getAgendaPoint({ meetingId, pointId });
    if (!point) return false;
    const neighbour = db
      .select({ id: agendaPoints.id, position: agendaPoints.position })
      .from(agendaPoints)
      .where(
        and(
          eq(agendaPoints.meetingId, meetingId),
          direction === 'up' ? lt(agendaPoints.position, point.position) : gt(agendaPoints.position, point.position),
        ),
      )
      .orderBy(direction === 'up' ? sql`${agendaPoints.position} desc` : asc(agendaPoints.position))
      .get();
    if (!neighbour) return true; // Already first or last: nothing to do, not an error.
    db.update(agendaPoints).set({ position: neighbour.position }).where(eq(agendaPoints.id, point.id)).run();
    db.update(agendaPoints).set({ position: point.position }).where(eq(agendaPoints.id, neighbour.id)).run();
    return true;
  });
  if (moved) syncNotesOutline(meetingId);
  return moved;
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

/** The choices of an agenda point's goal and action selects, in agenda order. */
export function listAgendaPointOptions() {
  return {
    goals: db
      .select({ id: goals.id, code: goals.code, title: goals.title })
      .from(goals)
      .innerJoin(themes, eq(themes.id, goals.themeId))
      .orderBy(asc(themes.position), asc(goals.position))
      .all(),
    actions: listDecisionActionOptions(),
  };
}

export type AgendaPointOptions = ReturnType<typeof listAgendaPointOptions>;
