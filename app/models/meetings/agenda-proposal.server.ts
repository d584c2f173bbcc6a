/**
 * "Agenda voorstellen": the agenda points Koers proposes for a meeting, in one click.
 *
 * First, "Verslag vorige vergadering" when the previous meeting (its series predecessor,
 * else the previous of the same kind) has begun, its minutes are not adopted and no point
 * of this agenda is about them yet: the draft-minutes round.
 *
 * Then the rules, in order of precedence (an action is proposed once, for its first reason):
 * 1. decision — actions with status "besluit nodig" (not done, not cancelled by definition);
 * 2. overdue  — actions whose deadline window has ended while not done or cancelled
 *    (isActionOverdue, the same rule as every list);
 * 3. deadline — open actions whose window ends from today up to the next meeting (the
 *    next one in the series, else the next of the same kind), or within six weeks of the
 *    meeting (or of today, if later) when none is planned;
 * 4. changed  — goals and actions changed since the previous meeting (its series
 *    predecessor, else the previous meeting of the same kind), most recently changed
 *    first, at most CHANGED_LIMIT; none when there is no previous meeting.
 * Goals and actions already on this meeting's agenda are not proposed again.
 *
 * The proposals are recomputed when the chosen ones are added, so the browser sends only
 * keys and never a title or id that Koers would have to trust.
 */
import { eq, inArray } from 'drizzle-orm';

import { goals, meetings } from '../../../db/schema';
import { t } from '../../i18n';
import { addDays, toNL } from '../../utils/date-time';
import { db } from '../../utils/db.server';
import { listHistorySince } from '../history.server';
import { selectActions } from '../tracker/action.server';
import { isActionOverdue, isDueBy } from '../tracker/deadline';
import { addAgendaPoints, listAgendaPoints } from './agenda-point.server';
import { defaultProposalMinutes, type ProposalReason } from './agenda-proposal';
import { findNextMeeting, findPreviousMeeting, getMeeting } from './meeting.server';
import { meetingHasStarted } from './meeting-time';

export { PROPOSAL_REASONS, type ProposalReason } from './agenda-proposal';

/** Look this far ahead when no next meeting is planned. */
export const HORIZON_WITHOUT_NEXT_MEETING_DAYS = 42;
/** At most this many "changed since" proposals: the agenda is for a two-hour meeting. */
export const CHANGED_LIMIT = 10;

export type AgendaProposal = {
  /** Stable within one computation: `<reason>:<action|goal>:<id>`. */
  key: string;
  reason: ProposalReason;
  title: string;
  goalId: number | null;
  actionId: number | null;
  /** The deadline window's end (action proposals), for display. */
  deadlineEnd: string | null;
  /** How many changes since the previous meeting ("changed" proposals). */
  changes: number | null;
  /** "minutes": the meeting whose concept minutes the point is about. */
  minutesOfMeetingId: number | null;
  /** The planned minutes it starts with. */
  duration: number;
};

function pointTitle(reason: ProposalReason, title: string): string {
  const full = t.meetings.proposals.titles[reason](title);
  return full.length > 300 ? `${full.slice(0, 299).trimEnd()}…` : full;
}

/** The proposals for a meeting, with the horizon and reference date they were computed from; undefined for an unknown meeting. */
export function proposeAgendaPoints({ meetingId, today }: { meetingId: number; today: string }) {
  const meeting = getMeeting(meetingId);
  if (!meeting) return undefined;

  const onAgenda = listAgendaPoints(meetingId);
  const actionsOnAgenda = new Set(onAgenda.map((p) => p.actionId).filter((id) => id !== null));
  const goalsOnAgenda = new Set(
    onAgenda
      .filter((p) => p.actionId === null)
      .map((p) => p.goalId)
      .filter((id) => id !== null),
  );

  const next = findNextMeeting(meeting);
  const meetingDay = toNL(meeting.startsAt).date;
  const horizon = next ? toNL(next.startsAt).date : addDays(meetingDay > today ? meetingDay : today, HORIZON_WITHOUT_NEXT_MEETING_DAYS);
  const previous = findPreviousMeeting(meeting);

  const proposals: AgendaProposal[] = [];
  const proposedActions = new Set<number>();

  if (previous && !onAgenda.some((p) => p.minutesOfMeetingId === previous.id)) {
    const state = db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, previous.id)).get();
    if (state && state.status !== 'vastgesteld' && meetingHasStarted(previous.startsAt)) {
      proposals.push({
        key: `minutes:meeting:${previous.id}`,
        reason: 'minutes',
        title: t.meetings.proposals.titles.minutes(''),
        goalId: null,
        actionId: null,
        deadlineEnd: null,
        changes: null,
        minutesOfMeetingId: previous.id,
        duration: defaultProposalMinutes('minutes'),
      });
    }
  }
  const allActions = selectActions().all();
  const actionById = new Map(allActions.map((a) => [a.id, a]));

  const reasonOf = (a: (typeof allActions)[number]): ProposalReason | null => {
    if (a.status === 'besluit_nodig') return 'decision';
    if (isActionOverdue(a, today)) return 'overdue';
    if (isDueBy(a, today, horizon)) return 'deadline';
    return null;
  };
  for (const reason of ['decision', 'overdue', 'deadline'] as const) {
    const matching = allActions
      .filter((a) => !actionsOnAgenda.has(a.id) && reasonOf(a) === reason)
      .sort((x, y) => (x.deadlineEnd ?? '9999').localeCompare(y.deadlineEnd ?? '9999') || x.id - y.id);
    for (const a of matching) {
      proposedActions.add(a.id);
      proposals.push({
        key: `${reason}:action:${a.id}`,
        reason,
        title: pointTitle(reason, a.title),
        goalId: a.goalId,
        actionId: a.id,
        deadlineEnd: a.deadlineEnd,
        changes: null,
        minutesOfMeetingId: null,
        duration: defaultProposalMinutes(reason),
      });
    }
  }

  if (previous) {
    const counts = new Map<string, number>();
    for (const entry of listHistorySince({ since: previous.startsAt, limit: 2000 })) {
      if (entry.entityType !== 'action' && entry.entityType !== 'goal') continue;
      const key = `${entry.entityType}:${entry.entityId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1); // Map keeps first insertion: newest change first.
    }
    const goalIds = [...counts.keys()].filter((k) => k.startsWith('goal:')).map((k) => Number(k.slice(5)));
    const goalTitles = new Map(
      (goalIds.length
        ? db.select({ id: goals.id, code: goals.code, title: goals.title }).from(goals).where(inArray(goals.id, goalIds)).all()
        : []
      ).map((g) => [g.id, `${g.code} ${g.title}`]),
    );
    let added = 0;
    for (const [key, changes] of counts) {
      if (added >= CHANGED_LIMIT) break;
      const [type, idText] = key.split(':');
      const id = Number(idText);
      if (type === 'action') {
        const a = actionById.get(id);
        if (!a || proposedActions.has(id) || actionsOnAgenda.has(id)) continue;
        proposals.push({
          key: `changed:action:${id}`,
          reason: 'changed',
          title: pointTitle('changed', a.title),
          goalId: a.goalId,
          actionId: id,
          deadlineEnd: a.deadlineEnd,
          changes,
          minutesOfMeetingId: null,
          duration: defaultProposalMinutes('changed'),
        });
      } else {
        const title = goalTitles.get(id);
        if (!title || goalsOnAgenda.has(id)) continue;
        proposals.push({
          key: `changed:goal:${id}`,
          reason: 'changed',
          title: pointTitle('changed', title),
          goalId: id,
          actionId: null,
          deadlineEnd: null,
          changes,
          minutesOfMeetingId: null,
          duration: defaultProposalMinutes('changed'),
        });
      }
      added++;
    }
  }

  return { meeting, proposals, horizon, nextMeeting: next, previousMeeting: previous };
}

/**
 * Adds the chosen proposals (by key) with their planned minutes (by key; a proposal
 * without one keeps none) before the closing point of the agenda; returns how many were added.
 */
export function addProposedAgendaPoints({
  meetingId,
  keys,
  durations = {},
  today,
}: {
  meetingId: number;
  keys: string[];
  durations?: Record<string, number | null>;
  today: string;
}): number {
  const result = proposeAgendaPoints({ meetingId, today });
  if (!result) return 0;
  const chosen = new Set(keys);
  const points = result.proposals
    .filter((p) => chosen.has(p.key))
    .map((p) => ({
      title: p.title,
      duration: durations[p.key] ?? null,
      presenter: '',
      goalId: p.goalId,
      actionId: p.actionId,
      minutesOfMeetingId: p.minutesOfMeetingId,
    }));
  return addAgendaPoints({ meetingId, points }).length;
}
