/**
 * Published minutes ("Verslag vaststellen"): freezing a meeting's live notes into a
 * numbered version that never changes again, and reading those versions back.
 *
 * A version must read the same in ten years as on the day it was published, whatever
 * happens to the notes, the actions and the decisions afterwards. So publishing copies
 * into the stored JSON everything the minutes show (see minutes-content.ts): the
 * meeting, its attendees, and each action item's and decision's text at that moment.
 */
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as Y from 'yjs';

import { actions, agendaPoints, decisions, goals, meetings, minutesVersions, organisations, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { fragmentToJson } from '../collab/compaction';
import { loadDocumentState, NOTES_FIELD } from '../collab/document-store.server';
import type { Tx } from '../history.server';
import { notifyMinutesPublished } from '../notifications/notification.server';
import { listAttendees } from './meeting.server';
import { meetingHasStarted } from './meeting-time';
import {
  type FrozenActionItem,
  type FrozenDecision,
  isEmptyNotes,
  type MinutesAttendee,
  minutesBlocks,
  type MinutesDoc,
  type MinutesMeeting,
  type MinutesNode,
  minutesText,
  orderByAgenda,
  referencedIds,
} from './minutes-content';
import { attrId, NOTES_ATTRS, NOTES_NODES, notesDocumentName } from './notes/notes-nodes';
import { listOutlinePoints } from './notes/notes-outline.server';

/** The meeting as the minutes page shows it before anything is published; undefined when it does not exist. */
export function getMinutesMeeting(id: number) {
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      kind: meetings.kind,
      startsAt: meetings.startsAt,
      place: meetings.place,
      status: meetings.status,
    })
    .from(meetings)
    .where(eq(meetings.id, id))
    .get();
}

/** The notes as they are now, including updates not yet compacted into a snapshot. */
export function readCurrentNotes(meetingId: number): MinutesNode {
  const state = loadDocumentState(notesDocumentName(meetingId));
  if (!state) return { type: 'doc', content: [] };
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return fragmentToJson(doc.getXmlFragment(NOTES_FIELD));
  } finally {
    doc.destroy();
  }
}

/** The notes as the minutes read them: the sections in the agenda's order (orderByAgenda). */
function readNotesInAgendaOrder(meetingId: number): MinutesNode {
  return orderByAgenda(
    readCurrentNotes(meetingId),
    listOutlinePoints(meetingId).map((p) => p.id),
  );
}

/**
 * The concept minutes ("concept verslag"): what publishing would freeze now, without
 * storing anything. Undefined when the meeting does not exist.
 */
export function readConceptMinutes(meetingId: number, now = new Date().toISOString()) {
  const meeting = getMinutesMeeting(meetingId);
  if (!meeting) return undefined;
  const doc = freezeMinutes(db, { meetingId, notes: readNotesInAgendaOrder(meetingId), meeting });
  return { meeting, doc, readAt: now, started: meetingHasStarted(meeting.startsAt, now), empty: isEmptyNotes(doc) };
}

export type ConceptMinutes = NonNullable<ReturnType<typeof readConceptMinutes>>;

export type PublishResult = { ok: true; version: number } | { ok: false; error: 'empty' | 'notFound' | 'notStarted' };

/**
 * Freezes the current notes (in agenda order) as the next version of the minutes, marks
 * the meeting 'vastgesteld', closes the "Verslag vorige vergadering" points about it and
 * notifies the participants — in one transaction. Empty notes, and a meeting that has
 * not begun, are refused and change nothing.
 */
export function publishMinutes({
  meetingId,
  userId,
  now = new Date().toISOString(),
}: {
  meetingId: number;
  userId: number;
  now?: string;
}): PublishResult {
  return db.transaction((tx) => {
    const meeting = getMinutesMeeting(meetingId);
    if (!meeting) return { ok: false, error: 'notFound' };
    if (!meetingHasStarted(meeting.startsAt, now)) return { ok: false, error: 'notStarted' };
    const notes = readNotesInAgendaOrder(meetingId);
    if (isEmptyNotes(notes)) return { ok: false, error: 'empty' };

    const doc = freezeMinutes(tx, { meetingId, notes, meeting });
    const previous = tx
      .select({ n: max(minutesVersions.version) })
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, meetingId))
      .get();
    const version = (previous?.n ?? 0) + 1;
    tx.insert(minutesVersions)
      .values({
        meetingId,
        version,
        json: JSON.stringify(doc),
        text: minutesText(minutesBlocks(doc)),
        publishedBy: userId,
        publishedAt: new Date().toISOString(),
      })
      .run();
    tx.update(meetings).set({ status: 'vastgesteld' }).where(eq(meetings.id, meetingId)).run();
    tx.update(agendaPoints).set({ status: 'afgerond' }).where(eq(agendaPoints.minutesOfMeetingId, meetingId)).run();
    notifyMinutesPublished({ meetingId, actorId: userId });
    return { ok: true, version };
  });
}

/**
 * The minutes document of a meeting's notes as they read now: the meeting, its
 * attendees, and every action item and decision with what it shows at this moment.
 * Reads through `tx` (the demo seed publishes minutes on a database of its own).
 */
export function freezeMinutes(
  tx: Tx,
  { meetingId, notes, meeting }: { meetingId: number; notes: MinutesNode; meeting: MinutesMeeting },
): MinutesDoc {
  return {
    ...freezeReferences(tx, notes),
    type: 'doc',
    attrs: {
      meeting: { title: meeting.title, kind: meeting.kind, startsAt: meeting.startsAt, place: meeting.place },
      attendees: listFrozenAttendees(tx, meetingId),
    },
  };
}

/** A copy of the notes in which every action item and decision carries what it showed at this moment. */
function freezeReferences(tx: Tx, notes: MinutesNode): MinutesNode {
  const { actionIds, decisionIds } = referencedIds(notes);
  const ownerOrganisation = alias(organisations, 'owner_organisation');
  const actionsById = new Map(
    actionIds.length === 0
      ? []
      : tx
          .select({
            id: actions.id,
            code: actions.code,
            title: actions.title,
            ownerName: users.name,
            ownerOrganisation: ownerOrganisation.name,
            deadlinePhrase: actions.deadlinePhrase,
            status: actions.status,
          })
          .from(actions)
          .leftJoin(users, eq(users.id, actions.ownerUserId))
          .leftJoin(ownerOrganisation, eq(ownerOrganisation.id, actions.ownerOrganisationId))
          .where(inArray(actions.id, actionIds))
          .all()
          .map(({ id, ...a }): [number, FrozenActionItem] => [id, { found: true, ...a }]),
  );
  const decisionsById = new Map(
    decisionIds.length === 0
      ? []
      : tx
          .select({
            id: decisions.id,
            text: decisions.text,
            goalCode: goals.code,
            goalTitle: goals.title,
            actionCode: actions.code,
            actionTitle: actions.title,
          })
          .from(decisions)
          .leftJoin(goals, eq(goals.id, decisions.goalId))
          .leftJoin(actions, eq(actions.id, decisions.actionId))
          .where(inArray(decisions.id, decisionIds))
          .all()
          .map(({ id, ...d }): [number, FrozenDecision] => [id, { found: true, ...d }]),
  );

  const freeze = (node: MinutesNode): MinutesNode => {
    if (node.type === NOTES_NODES.actionItem) {
      const id = attrId(node.attrs?.[NOTES_ATTRS.actionId]);
      return { ...node, attrs: { ...node.attrs, frozen: (id && actionsById.get(id)) || missingAction } };
    }
    if (node.type === NOTES_NODES.decision) {
      const id = attrId(node.attrs?.[NOTES_ATTRS.decisionId]);
      return { ...node, attrs: { ...node.attrs, frozen: (id && decisionsById.get(id)) || missingDecision } };
    }
    return node.content ? { ...node, content: node.content.map(freeze) } : node;
  };
  return freeze(notes);
}

const missingAction: FrozenActionItem = {
  found: false,
  code: null,
  title: '',
  ownerName: null,
  ownerOrganisation: null,
  deadlinePhrase: null,
  status: null,
};
const missingDecision: FrozenDecision = { found: false, text: '', goalCode: null, goalTitle: null, actionCode: null, actionTitle: null };

/** Who was invited and who came, with names as they are now (users may be renamed later). */
function listFrozenAttendees(tx: Tx, meetingId: number): MinutesAttendee[] {
  return listAttendees(meetingId, tx)
    .map((a): MinutesAttendee => ({ name: a.name, organisation: a.organisation || null, guest: a.guest, attended: a.attended }))
    .filter((a) => a.name.trim() !== '')
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Every published version of a meeting's minutes, newest first. */
export function listMinutesVersions({ meetingId }: { meetingId: number }) {
  return db
    .select({ version: minutesVersions.version, publishedAt: minutesVersions.publishedAt, publishedByName: users.name })
    .from(minutesVersions)
    .leftJoin(users, eq(users.id, minutesVersions.publishedBy))
    .where(eq(minutesVersions.meetingId, meetingId))
    .orderBy(desc(minutesVersions.version))
    .all();
}

export type MinutesVersionSummary = ReturnType<typeof listMinutesVersions>[number];

/** One version (the latest when `version` is null) with its frozen document; undefined when there is none. */
export function getMinutesVersion({ meetingId, version = null }: { meetingId: number; version?: number | null }) {
  const row = db
    .select({
      version: minutesVersions.version,
      json: minutesVersions.json,
      text: minutesVersions.text,
      publishedAt: minutesVersions.publishedAt,
      publishedByName: users.name,
    })
    .from(minutesVersions)
    .leftJoin(users, eq(users.id, minutesVersions.publishedBy))
    .where(
      version === null
        ? eq(minutesVersions.meetingId, meetingId)
        : and(eq(minutesVersions.meetingId, meetingId), eq(minutesVersions.version, version)),
    )
    .orderBy(desc(minutesVersions.version))
    .limit(1)
    .get();
  if (!row) return undefined;
  const { json, ...rest } = row;
  return { ...rest, doc: JSON.parse(json) as MinutesDoc };
}

export type MinutesVersion = NonNullable<ReturnType<typeof getMinutesVersion>>;
