/**
 * Meetings ("overleggen"): planning, attendees and guests, attendance, the series
 * (each meeting may point at the one it was planned from), and what a meeting produced.
 * Agenda points live in agenda-point.server.ts, the notes in the real-time document
 * `meeting.<id>` (notes/, stored by collab/document-store.server.ts).
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import {
  actions,
  agendaPoints,
  type MEETING_KINDS,
  type MEETING_STATUSES,
  meetingAttendees,
  meetings,
  organisations,
  users,
} from '../../../db/schema';
import { t } from '../../i18n';
import { type Guest, type MeetingFormInput, MeetingFormSchema, normalizeMeetingForm } from '../../schemas/meeting';
import { toNL } from '../../utils/date-time';
import { db } from '../../utils/db.server';
import { type FieldErrors, parseForm } from '../../utils/forms';
import { groupConsecutive } from '../../utils/grouping';
import { preparedOnce } from '../../utils/prepared.server';
import { NotFoundError } from '../errors';
import type { Tx } from '../history.server';
import { notifyMeetingPlanned } from '../notifications/notification.server';
import { selectActions } from '../tracker/action.server';
import { actionIsOpen } from '../tracker/action-status.server';
import { insertAgendaPoints } from './agenda-point.server';
import { meetingEnd, nlToUtc, sameTimeWeeksLater } from './meeting-time';
import { syncNotesOutline } from './notes/notes-outline.server';

export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Minutes planned for "Verslag vorige vergadering". */
export const MINUTES_POINT_DURATION = 5;

/** The weeks between two meetings of a series when the next one is planned from this one. */
export const SERIES_INTERVAL_WEEKS = 4;

export function createMeeting(input: {
  title: string;
  kind: MeetingKind;
  startsAt: string;
  place?: string;
  createdBy: number | null;
  durationMinutes?: number;
  status?: MeetingStatus;
  previousMeetingId?: number | null;
}): { id: number } {
  return db
    .insert(meetings)
    .values({
      title: input.title,
      kind: input.kind,
      startsAt: input.startsAt,
      place: input.place ?? '',
      createdBy: input.createdBy,
      durationMinutes: input.durationMinutes,
      status: input.status,
      previousMeetingId: input.previousMeetingId ?? null,
    })
    .returning({ id: meetings.id })
    .get();
}

export function meetingExists(id: number): boolean {
  return db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id)).get() !== undefined;
}

/** What a meeting list and a meeting page both show of a meeting. */
const meetingColumns = {
  id: meetings.id,
  title: meetings.title,
  kind: meetings.kind,
  startsAt: meetings.startsAt,
  durationMinutes: meetings.durationMinutes,
  place: meetings.place,
  status: meetings.status,
};

// Qualified by hand: drizzle writes columns unqualified, and inside this subquery a bare
// "id" would be meeting_attendees.id.
const attendeeCount = sql<number>`(select count(*) from meeting_attendees where meeting_attendees.meeting_id = meetings.id)`;

/**
 * Every meeting, split into upcoming (not yet ended, soonest first) and past (most recent
 * first). A meeting in progress counts as upcoming: it is what people are looking for.
 */
export function listMeetings({ now = new Date().toISOString() }: { now?: string } = {}) {
  const rows = db
    .select({ ...meetingColumns, attendeeCount })
    .from(meetings)
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .all();
  const upcoming = rows.filter((r) => meetingEnd(r.startsAt, r.durationMinutes) >= now);
  const past = rows.filter((r) => meetingEnd(r.startsAt, r.durationMinutes) < now).reverse();
  return { upcoming, past };
}

export type MeetingListRow = ReturnType<typeof listMeetings>['upcoming'][number];

const previousMeeting = alias(meetings, 'previous_meeting');
const sourceMeeting = alias(meetings, 'source_meeting');

// The meeting page's statements run on every view and live revalidation: prepared once.
const meetingPageStatements = preparedOnce(() => ({
  meeting: db
    .select({
      ...meetingColumns,
      previousMeetingId: meetings.previousMeetingId,
      previousTitle: previousMeeting.title,
      previousStartsAt: previousMeeting.startsAt,
    })
    .from(meetings)
    .leftJoin(previousMeeting, eq(previousMeeting.id, meetings.previousMeetingId))
    .where(eq(meetings.id, sql.placeholder('id')))
    .prepare(),
  next: db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(eq(meetings.previousMeetingId, sql.placeholder('id')))
    .orderBy(asc(meetings.startsAt))
    .prepare(),
  people: attendeePeople(db).prepare(),
  guests: attendeeGuests(db).prepare(),
  actions: selectActions()
    .where(eq(actions.sourceMeetingId, sql.placeholder('meetingId')))
    .orderBy(asc(actions.id))
    .prepare(),
  earlier: db.$client.prepare<[number], { id: number }>(`
    with recursive chain(id, depth) as (
      select previous_meeting_id, 1 from meetings where id = ? and previous_meeting_id is not null
      union
      select m.previous_meeting_id, chain.depth + 1 from meetings m join chain on m.id = chain.id
       where m.previous_meeting_id is not null and chain.depth < 500
    )
    select id from chain order by depth`),
  // Lists of ids as JSON arrays (json_each), so the statements need not change with their length.
  // A cross join keeps the few meetings the outer loop (SQLite's planner would otherwise scan
  // every action, not knowing how short the list is) and finds their actions by index.
  openFromMeetings: db
    .select({ id: actions.id, meetingId: sourceMeeting.id, meetingTitle: sourceMeeting.title, meetingStartsAt: sourceMeeting.startsAt })
    .from(sql`json_each(${sql.placeholder('meetingIds')}) as earlier`)
    .crossJoin(actions)
    .innerJoin(sourceMeeting, eq(sourceMeeting.id, actions.sourceMeetingId))
    .where(and(sql`${actions.sourceMeetingId} = earlier.value`, actionIsOpen()))
    .prepare(),
  actionsByIds: selectActions()
    .where(sql`${actions.id} in (select value from json_each(${sql.placeholder('ids')}))`)
    .orderBy(asc(actions.deadlineEnd), asc(actions.id))
    .prepare(),
}));

/** One meeting with the meetings before and after it in its series; undefined when it does not exist. */
export function getMeeting(id: number) {
  const statements = meetingPageStatements();
  const meeting = statements.meeting.get({ id });
  if (!meeting) return undefined;
  const next = statements.next.get({ id });
  return { ...meeting, next: next ?? null };
}

export type MeetingDetail = NonNullable<ReturnType<typeof getMeeting>>;

const attendeePeople = (conn: Tx) =>
  conn
    .select({
      id: meetingAttendees.id,
      userId: meetingAttendees.userId,
      name: users.name,
      organisation: organisations.name,
      attended: meetingAttendees.attended,
    })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(meetingAttendees.meetingId, sql.placeholder('meetingId')))
    .orderBy(sql`${organisations.name} collate nocase`, sql`${users.name} collate nocase`);

const attendeeGuests = (conn: Tx) =>
  conn
    .select({
      id: meetingAttendees.id,
      name: meetingAttendees.guestName,
      organisation: meetingAttendees.guestOrganisation,
      attended: meetingAttendees.attended,
    })
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, sql.placeholder('meetingId')), isNull(meetingAttendees.userId)))
    .orderBy(asc(meetingAttendees.id));

/** Attendees (users, by organisation and name) then guests, with attendance. Reads through `tx` when given (the demo seed). */
export function listAttendees(meetingId: number, tx: Tx = db) {
  const statements = tx === db ? meetingPageStatements() : { people: attendeePeople(tx), guests: attendeeGuests(tx) };
  const people = statements.people.all({ meetingId }).map((p) => ({ ...p, guest: false }));
  const guests = statements.guests
    .all({ meetingId })
    .map((g) => ({ id: g.id, userId: null, name: g.name ?? '', organisation: g.organisation ?? '', attended: g.attended, guest: true }));
  return [...people, ...guests];
}

export type Attendee = ReturnType<typeof listAttendees>[number];

/** The people a meeting form offers as attendees: active users grouped by organisation. */
export function listAttendeeOptions() {
  const rows = db
    .select({
      id: users.id,
      name: users.name,
      organisationId: organisations.id,
      organisation: organisations.name,
      kind: organisations.kind,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.active, true))
    .orderBy(asc(organisations.kind), sql`${organisations.name} collate nocase`, sql`${users.name} collate nocase`)
    .all();
  return groupConsecutive(rows, (row) => row.organisation).map((group) => ({
    organisation: group.label,
    people: group.items.map(({ id, name }) => ({ id, name })),
  }));
}

export type AttendeeOptions = ReturnType<typeof listAttendeeOptions>;

/** Attendee ids that are no (active) user: answered beside the field, never as a foreign-key failure. */
export function findMeetingReferenceErrors(
  input: Pick<MeetingFormInput, 'attendeeIds'>,
  { keepUserIds = [] as number[] } = {},
): FieldErrors {
  const ids = input.attendeeIds.filter((id) => !keepUserIds.includes(id));
  if (ids.length === 0) return {};
  const found = db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)))
    .all();
  return found.length === ids.length ? {} : { attendeeIds: t.meetings.errors.attendeeUnknown };
}

function meetingFields(input: MeetingFormInput) {
  return {
    title: input.title,
    kind: input.kind,
    startsAt: nlToUtc(input.date, input.time),
    durationMinutes: input.duration,
    place: input.place,
  };
}

function insertGuests(meetingId: number, guests: (Guest & { attended?: boolean | null })[]) {
  if (guests.length === 0) return;
  db.insert(meetingAttendees)
    .values(guests.map((g) => ({ meetingId, guestName: g.name, guestOrganisation: g.organisation || null, attended: g.attended ?? null })))
    .run();
}

/** Plans a new meeting with its attendees and guests; the attendees are notified. */
export function planMeeting({ userId, input }: { userId: number; input: MeetingFormInput }): number {
  return db.transaction(() => {
    const { id } = createMeeting({ ...meetingFields(input), createdBy: userId, status: input.status });
    if (input.attendeeIds.length > 0) {
      db.insert(meetingAttendees)
        .values(input.attendeeIds.map((uid) => ({ meetingId: id, userId: uid })))
        .run();
    }
    insertGuests(id, input.guests);
    if (input.attendeeIds.length > 0) notifyMeetingPlanned({ meetingId: id, actorId: userId });
    return id;
  });
}

/**
 * Saves the meeting form. Attendance already marked is kept for people who stay on the
 * list (guests are matched by name and organisation). A meeting whose minutes are
 * published keeps the status "vastgesteld".
 */
export function updateMeeting({ id, input }: { id: number; input: MeetingFormInput }) {
  db.transaction(() => {
    const current = db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, id)).get();
    if (!current) throw new NotFoundError('meeting', id);
    const status = current.status === 'vastgesteld' ? current.status : input.status;
    db.update(meetings)
      .set({ ...meetingFields(input), status })
      .where(eq(meetings.id, id))
      .run();

    const userRows = and(eq(meetingAttendees.meetingId, id), isNotNull(meetingAttendees.userId));
    db.delete(meetingAttendees)
      .where(input.attendeeIds.length > 0 ? and(userRows, notInArray(meetingAttendees.userId, input.attendeeIds)) : userRows)
      .run();
    const present = new Set(
      db
        .select({ userId: meetingAttendees.userId })
        .from(meetingAttendees)
        .where(userRows)
        .all()
        .map((r) => r.userId),
    );
    const added = input.attendeeIds.filter((uid) => !present.has(uid));
    if (added.length > 0)
      db.insert(meetingAttendees)
        .values(added.map((uid) => ({ meetingId: id, userId: uid })))
        .run();

    const guestRows = and(eq(meetingAttendees.meetingId, id), isNull(meetingAttendees.userId));
    const oldGuests = db
      .select({ name: meetingAttendees.guestName, organisation: meetingAttendees.guestOrganisation, attended: meetingAttendees.attended })
      .from(meetingAttendees)
      .where(guestRows)
      .all();
    const attendedOf = (g: Guest) =>
      oldGuests.find((o) => o.name === g.name && (o.organisation ?? '') === g.organisation)?.attended ?? null;
    db.delete(meetingAttendees).where(guestRows).run();
    insertGuests(
      id,
      input.guests.map((g) => ({ ...g, attended: attendedOf(g) })),
    );
  });
}

/** The meeting form's values for an existing meeting. */
export function meetingFormValues(meeting: MeetingDetail, attendees: Attendee[]) {
  const { date, time } = toNL(meeting.startsAt);
  return {
    title: meeting.title,
    kind: meeting.kind,
    date,
    time,
    duration: String(meeting.durationMinutes),
    place: meeting.place,
    status: meeting.status === 'vastgesteld' ? 'gehouden' : meeting.status,
    attendeeIds: attendees
      .filter((a) => a.userId !== null)
      .map((a) => a.userId)
      .join(','),
    guests: JSON.stringify(attendees.filter((a) => a.guest).map((a) => ({ name: a.name, organisation: a.organisation }))),
  };
}

/** Marks one attendee or guest of this meeting present or absent; false when the row is not of this meeting. */
export function setAttendance({ meetingId, attendeeId, attended }: { meetingId: number; attendeeId: number; attended: boolean }): boolean {
  const { changes } = db
    .update(meetingAttendees)
    .set({ attended })
    .where(and(eq(meetingAttendees.id, attendeeId), eq(meetingAttendees.meetingId, meetingId)))
    .run();
  return changes > 0;
}

/** The meeting an action was agreed in (an action item of its notes), or null. */
export function getActionSourceMeeting(actionId: number) {
  return (
    db
      .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
      .from(actions)
      .innerJoin(meetings, eq(meetings.id, actions.sourceMeetingId))
      .where(eq(actions.id, actionId))
      .get() ?? null
  );
}

/** The actions this meeting produced (action items in its notes), with their live state. */
export function listMeetingActions(meetingId: number) {
  return meetingPageStatements().actions.all({ meetingId });
}

/** The ids of the meetings before this one in its series, nearest first (cycles are cut off). */
export function listEarlierInSeries(meetingId: number): number[] {
  const rows = meetingPageStatements().earlier.all(meetingId);
  return rows.map((r) => r.id).filter((id) => id !== meetingId);
}

/** "Openstaande actiepunten": actions from earlier meetings of the series that are neither done nor cancelled. */
export function listOpenSeriesActions(meetingId: number) {
  const earlier = listEarlierInSeries(meetingId);
  if (earlier.length === 0) return [];
  const statements = meetingPageStatements();
  const ids = statements.openFromMeetings.all({ meetingIds: JSON.stringify(earlier) });
  if (ids.length === 0) return [];
  const source = new Map(ids.map((r) => [r.id, r]));
  return statements.actionsByIds.all({ ids: JSON.stringify(ids.map((r) => r.id)) }).map((a) => ({
    ...a,
    sourceMeetingId: source.get(a.id)!.meetingId,
    sourceMeetingTitle: source.get(a.id)!.meetingTitle,
    sourceMeetingStartsAt: source.get(a.id)!.meetingStartsAt,
  }));
}

/**
 * "Volgende overleg plannen": a new meeting after this one in its series — same title,
 * kind, place, length and attendees, four weeks later at the same Dutch time — with this
 * meeting's open agenda points carried over (carried_from_id) in their order, and (unless
 * its minutes are adopted) "Verslag vorige vergadering" about this meeting's concept minutes.
 */
export function planNextMeeting({ userId, meetingId }: { userId: number; meetingId: number }): number {
  const id = db.transaction(() => {
    const from = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!from) throw new NotFoundError('meeting', meetingId);
    const { id } = createMeeting({
      title: from.title,
      kind: from.kind,
      startsAt: sameTimeWeeksLater(from.startsAt, SERIES_INTERVAL_WEEKS),
      place: from.place,
      durationMinutes: from.durationMinutes,
      createdBy: userId,
      previousMeetingId: from.id,
    });
    const attendees = db
      .select({
        userId: meetingAttendees.userId,
        guestName: meetingAttendees.guestName,
        guestOrganisation: meetingAttendees.guestOrganisation,
      })
      .from(meetingAttendees)
      .where(eq(meetingAttendees.meetingId, from.id))
      .orderBy(asc(meetingAttendees.id))
      .all();
    if (attendees.length > 0)
      db.insert(meetingAttendees)
        .values(attendees.map((a) => ({ ...a, meetingId: id })))
        .run();
    const open = db
      .select()
      .from(agendaPoints)
      .where(and(eq(agendaPoints.meetingId, from.id), eq(agendaPoints.status, 'open')))
      .orderBy(asc(agendaPoints.position), asc(agendaPoints.id))
      .all();
    if (open.length > 0) {
      db.insert(agendaPoints)
        .values(
          open.map((p, i) => ({
            meetingId: id,
            position: i + 1,
            title: p.title,
            durationMinutes: p.durationMinutes,
            presenter: p.presenter,
            goalId: p.goalId,
            actionId: p.actionId,
            carriedFromId: p.id,
            minutesOfMeetingId: p.minutesOfMeetingId,
          })),
        )
        .run();
    }
    // The draft-minutes round: this meeting's minutes are adopted at the next one.
    if (from.status !== 'vastgesteld') {
      insertAgendaPoints({
        meetingId: id,
        points: [
          {
            title: t.meetings.agenda.minutesPoint,
            duration: MINUTES_POINT_DURATION,
            presenter: '',
            goalId: null,
            actionId: null,
            minutesOfMeetingId: from.id,
          },
        ],
      });
    }
    if (attendees.some((a) => a.userId !== null)) notifyMeetingPlanned({ meetingId: id, actorId: userId });
    return id;
  });
  syncNotesOutline(id);
  return id;
}

/**
 * The meeting after this one (the next in its series, else the next of the same kind),
 * or null: "Agenda voorstellen" looks ahead to it.
 */
export function findNextMeeting(meeting: { id: number; kind: MeetingKind; startsAt: string }) {
  const columns = { id: meetings.id, title: meetings.title, startsAt: meetings.startsAt };
  const inSeries = db
    .select(columns)
    .from(meetings)
    .where(eq(meetings.previousMeetingId, meeting.id))
    .orderBy(asc(meetings.startsAt))
    .get();
  if (inSeries) return inSeries;
  return (
    db
      .select(columns)
      .from(meetings)
      .where(and(eq(meetings.kind, meeting.kind), sql`${meetings.startsAt} > ${meeting.startsAt}`))
      .orderBy(asc(meetings.startsAt))
      .get() ?? null
  );
}

/** The meeting before this one (its series predecessor, else the previous of the same kind), or null. */
export function findPreviousMeeting(meeting: { id: number; kind: MeetingKind; startsAt: string; previousMeetingId: number | null }) {
  const columns = { id: meetings.id, title: meetings.title, startsAt: meetings.startsAt };
  if (meeting.previousMeetingId !== null) {
    const previous = db.select(columns).from(meetings).where(eq(meetings.id, meeting.previousMeetingId)).get();
    if (previous) return previous;
  }
  return (
    db
      .select(columns)
      .from(meetings)
      .where(and(eq(meetings.kind, meeting.kind), sql`${meetings.startsAt} < ${meeting.startsAt}`))
      .orderBy(desc(meetings.startsAt))
      .get() ?? null
  );
}

export type MeetingFormResult =
  { ok: true; input: MeetingFormInput } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/**
 * Reads a posted meeting form: the schema's field errors, then attendees that are no
 * (active) user. `keepUserIds`: people already on the meeting stay valid even when their
 * account has since been deactivated.
 */
export function readMeetingForm(formData: FormData, { keepUserIds = [] as number[] } = {}): MeetingFormResult {
  const normalized = normalizeMeetingForm(formData);
  const form = parseForm(MeetingFormSchema, normalized);
  if (!form.ok) return form;
  const fieldErrors = findMeetingReferenceErrors(form.data, { keepUserIds });
  if (Object.keys(fieldErrors).length > 0) {
    const values: Record<string, string> = {};
    for (const [key, value] of normalized.entries()) if (typeof value === 'string') values[key] = value;
    return { ok: false, fieldErrors, values };
  }
  return { ok: true, input: form.data };
}
