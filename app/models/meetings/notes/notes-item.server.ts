/**
 * What the notes of a meeting hold besides text: action items (tracker actions created
 * from the notes, with their live status) and the facts about the meeting the notes page
 * shows. Decisions are in decision.server.ts.
 */
import { asc, eq, inArray, or } from 'drizzle-orm';

import { actions, meetings, users } from '../../../../db/schema';
import type { ActionItemInput } from '../../../schemas/notes';
import { db } from '../../../utils/db.server';
import { createAction, selectActions } from '../../tracker/action.server';

/** The meeting as the notes page shows it; undefined when it does not exist. */
export function getNotesMeeting(id: number) {
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      durationMinutes: meetings.durationMinutes,
      status: meetings.status,
    })
    .from(meetings)
    .where(eq(meetings.id, id))
    .get();
}

/**
 * Creates the tracker action of an action item: a regional action of the chosen goal,
 * not started, its trekker's organisation as owning organisation, linked to the meeting.
 * History is recorded by createAction, in the same transaction.
 */
export function createActionItem({ userId, meetingId, input }: { userId: number; meetingId: number; input: ActionItemInput }): number {
  return db.transaction(() => {
    const owner =
      input.ownerUserId === null
        ? undefined
        : db.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, input.ownerUserId)).get();
    // A person brings their organisation; an organisation may be trekker on its own.
    const id = createAction({
      userId,
      input: {
        title: input.title,
        description: '',
        goalId: input.goalId,
        ownerUserId: input.ownerUserId,
        ownerOrganisationId: input.ownerOrganisationId ?? owner?.organisationId ?? null,
        partners: '',
        deadline: input.deadline,
        status: 'niet_gestart',
        progress: 0,
        municipalityId: null,
      },
    });
    db.update(actions).set({ sourceMeetingId: meetingId }).where(eq(actions.id, id)).run();
    return id;
  });
}

/** At most this many extra ids per status request (a forged query must not become a table scan). */
const MAX_REQUESTED_IDS = 200;

/**
 * The current state of the actions an item in the notes shows: every action from this
 * meeting, plus the requested ids (an item copied from another meeting's notes).
 */
export function listActionItemStatuses({ meetingId, ids = [] }: { meetingId: number; ids?: number[] }) {
  const extra = ids.slice(0, MAX_REQUESTED_IDS);
  return selectActions()
    .where(
      extra.length > 0 ? or(eq(actions.sourceMeetingId, meetingId), inArray(actions.id, extra)) : eq(actions.sourceMeetingId, meetingId),
    )
    .orderBy(asc(actions.id))
    .all()
    .map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      deadlinePhrase: a.deadlinePhrase,
      deadlineStart: a.deadlineStart,
      deadlineEnd: a.deadlineEnd,
      ownerUserName: a.ownerUserName,
      ownerOrganisationName: a.ownerOrganisationName,
    }));
}

export type ActionItemStatus = ReturnType<typeof listActionItemStatuses>[number];
