/**
 * Steering from the monitor ("op basis van de metingen sturen we jaarlijks bij", agenda
 * 1.3.d): from an indicator, the working group puts a question on the agenda of its next
 * meeting, optionally about a goal the indicator measures. The agenda point remembers
 * the indicator, so the indicator page lists where it was discussed; the decision itself
 * is taken in that meeting's notes, as every decision is.
 */
import { and, asc, desc, eq, gt } from 'drizzle-orm';

import { agendaPoints, meetings, monitorAgendaPointIndicators } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { ForbiddenError } from '../errors';
import { insertAgendaPoints } from '../meetings/agenda-point.server';
import { syncNotesOutline } from '../meetings/notes/notes-outline.server';
import { type Actor, canManageMonitor } from '../permissions';
import { listGoalsOfIndicator } from './indicator.server';

/** The next werkgroep meeting that has not begun, or undefined. */
export function nextWerkgroepMeeting(now: string) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.kind, 'werkgroep'), gt(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .get();
}

export type SteeringOutcome = { ok: true; meetingId: number; agendaPointId: number } | { ok: false; error: 'no_meeting' | 'unknown_goal' };

/**
 * Puts `title` (already validated) on the agenda of the next werkgroep meeting, linked to
 * the indicator and, when given, to one of the goals the indicator measures.
 */
export function putIndicatorOnAgenda(
  actor: Actor,
  {
    indicatorId,
    title,
    goalId,
    now = new Date().toISOString(),
  }: { indicatorId: number; title: string; goalId: number | null; now?: string },
): SteeringOutcome {
  if (!canManageMonitor(actor)) throw new ForbiddenError('monitor steering');
  if (goalId !== null && !listGoalsOfIndicator(indicatorId).some((goal) => goal.id === goalId)) return { ok: false, error: 'unknown_goal' };
  const meeting = nextWerkgroepMeeting(now);
  if (!meeting) return { ok: false, error: 'no_meeting' };
  const agendaPointId = db.transaction((tx) => {
    const [id] = insertAgendaPoints({
      meetingId: meeting.id,
      points: [{ title, duration: 15, presenter: '', goalId, actionId: null }],
    });
    tx.insert(monitorAgendaPointIndicators).values({ agendaPointId: id!, indicatorId }).run();
    return id!;
  });
  // After the transaction, as addAgendaPoints does: the live notes get a heading for the new point.
  syncNotesOutline(meeting.id);
  return { ok: true, meetingId: meeting.id, agendaPointId };
}

/** Where the indicator was put on an agenda: newest meeting first. */
export function listSteeringPoints(indicatorId: number) {
  return db
    .select({
      id: agendaPoints.id,
      title: agendaPoints.title,
      status: agendaPoints.status,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
    })
    .from(monitorAgendaPointIndicators)
    .innerJoin(agendaPoints, eq(agendaPoints.id, monitorAgendaPointIndicators.agendaPointId))
    .innerJoin(meetings, eq(meetings.id, agendaPoints.meetingId))
    .where(eq(monitorAgendaPointIndicators.indicatorId, indicatorId))
    .orderBy(desc(meetings.startsAt), asc(agendaPoints.position))
    .all();
}
