import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import { actions, goals, organisations, progressUpdates, themes, users } from '../../../db/schema';
import { t } from '../../i18n';
import type { ActionFormInput } from '../../schemas/action';
import { db } from '../../utils/db.server';
import type { FieldErrors } from '../../utils/forms';
import { preparedOnce } from '../../utils/prepared.server';
import { listOrganisationOptions, organisationExists } from '../accounts/organisation.server';
import { NotFoundError } from '../errors';
import { recordHistory, recordUpdate } from '../history.server';
import { notifyActionOwner } from '../notifications/notification.server';
import { agendaIdOfGoal, assertActionWritable, assertGoalWritable } from '../periods/period-guard.server';
import { type ActionStatus, progressForStatus } from './action-status';
import { goalExists, goalWithChapterColumns } from './goal.server';

/** The fields of an action that its form edits and its history records (afgerond is 100 %). */
function editableFields(input: ActionFormInput) {
  return {
    title: input.title,
    description: input.description,
    goalId: input.goalId,
    ownerUserId: input.ownerUserId,
    ownerOrganisationId: input.ownerOrganisationId,
    partners: input.partners,
    deadlinePhrase: input.deadline?.phrase ?? null,
    deadlineStart: input.deadline?.start ?? null,
    deadlineEnd: input.deadline?.end ?? null,
    status: input.status,
    progress: progressForStatus(input.status, input.progress),
    municipalityId: input.municipalityId,
  };
}

const municipality = alias(organisations, 'municipality');
const ownerOrganisation = alias(organisations, 'owner_organisation');

/** An action with the names around it (goal, chapter, trekker, organisations): what its page and the list views show. */
export const actionColumns = {
  id: actions.id,
  code: actions.code,
  title: actions.title,
  status: actions.status,
  progress: actions.progress,
  partners: actions.partners,
  deadlinePhrase: actions.deadlinePhrase,
  deadlineStart: actions.deadlineStart,
  deadlineEnd: actions.deadlineEnd,
  updatedAt: actions.updatedAt,
  goalId: actions.goalId,
  goalCode: goals.code,
  goalTitle: goals.title,
  themeId: themes.id,
  themeCode: themes.code,
  themeTitle: themes.title,
  ownerUserId: actions.ownerUserId,
  ownerUserName: users.name,
  ownerOrganisationId: actions.ownerOrganisationId,
  ownerOrganisationName: ownerOrganisation.name,
  municipalityId: actions.municipalityId,
  municipalityName: municipality.name,
};

// The action page's statements run on every view and live revalidation: prepared once.
const actionById = preparedOnce(() =>
  db
    .select({ ...actionColumns, description: actions.description, createdAt: actions.createdAt })
    .from(actions)
    .innerJoin(goals, eq(goals.id, actions.goalId))
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .leftJoin(ownerOrganisation, eq(ownerOrganisation.id, actions.ownerOrganisationId))
    .leftJoin(municipality, eq(municipality.id, actions.municipalityId))
    .where(eq(actions.id, sql.placeholder('id')))
    .prepare(),
);

/** One action with everything its page shows around it; undefined when it does not exist. */
export function getAction(id: number) {
  return actionById().get({ id });
}

/** Every action with the names of actionColumns, unfiltered and unordered: the base of the list views. */
export function selectActions() {
  return db
    .select(actionColumns)
    .from(actions)
    .innerJoin(goals, eq(goals.id, actions.goalId))
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .leftJoin(ownerOrganisation, eq(ownerOrganisation.id, actions.ownerOrganisationId))
    .leftJoin(municipality, eq(municipality.id, actions.municipalityId));
}

export type ActionDetail = NonNullable<ReturnType<typeof getAction>>;

/** Just what a permission check needs. */
export function getActionScope(id: number) {
  return db.select({ id: actions.id, municipalityId: actions.municipalityId }).from(actions).where(eq(actions.id, id)).get();
}

export function createAction({ userId, input }: { userId: number; input: ActionFormInput }): number {
  return db.transaction((tx) => {
    // The goal's period: it must be open, and the action belongs to it.
    assertGoalWritable(tx, input.goalId);
    const agendaId = agendaIdOfGoal(tx, input.goalId);
    if (agendaId === undefined) throw new NotFoundError('goal', input.goalId);
    const fields = editableFields(input);
    const position = tx
      .select({ next: sql<number>`coalesce(max(${actions.position}), 0) + 1` })
      .from(actions)
      .where(eq(actions.goalId, input.goalId))
      .get()!.next;
    const row = tx
      .insert(actions)
      .values({ ...fields, agendaId, position })
      .returning({ id: actions.id })
      .get();
    // Actions made in Koers get a code too, so an exported agenda imports back onto them.
    tx.update(actions)
      .set({ code: `K${row.id}` })
      .where(eq(actions.id, row.id))
      .run();
    recordHistory(tx, { entityType: 'action', entityId: row.id, userId, change: 'create', after: fields });
    if (fields.ownerUserId !== null)
      notifyActionOwner({ actionId: row.id, ownerUserId: fields.ownerUserId, actorId: userId, occasion: 'created' });
    return row.id;
  });
}

/** Saves the action form; history records only the fields that changed. */
export function updateAction({ userId, id, input }: { userId: number; id: number; input: ActionFormInput }) {
  db.transaction((tx) => {
    const before = tx.select().from(actions).where(eq(actions.id, id)).get();
    if (!before) throw new NotFoundError('action', id);
    assertActionWritable(tx, id);
    // Moving it to another goal: that goal's period must be open too, and becomes the action's.
    assertGoalWritable(tx, input.goalId);
    const agendaId = agendaIdOfGoal(tx, input.goalId) ?? before.agendaId;
    const fields = editableFields(input);
    if (recordUpdate(tx, 'action', id, userId, before, fields)) {
      const updatedAt = new Date().toISOString();
      tx.update(actions)
        .set({ ...fields, agendaId, updatedAt })
        .where(eq(actions.id, id))
        .run();
      if (fields.ownerUserId !== null && fields.ownerUserId !== before.ownerUserId) {
        notifyActionOwner({ actionId: id, ownerUserId: fields.ownerUserId, actorId: userId, occasion: updatedAt });
      }
    }
  });
}

/** A status change on its own (the board, a meeting): recorded like any other edit. */
export function setActionStatus({ userId, id, status }: { userId: number; id: number; status: ActionStatus }) {
  db.transaction((tx) => {
    const before = tx.select({ status: actions.status, progress: actions.progress }).from(actions).where(eq(actions.id, id)).get();
    if (!before) throw new NotFoundError('action', id);
    assertActionWritable(tx, id);
    const progress = progressForStatus(status, before.progress);
    if (recordUpdate(tx, 'action', id, userId, before, { status, progress })) {
      tx.update(actions).set({ status, progress, updatedAt: new Date().toISOString() }).where(eq(actions.id, id)).run();
    }
  });
}

/** A progress report: stored in the log and, when given, applied to status and percentage (afgerond is 100 %). */
export function addProgressUpdate({
  userId,
  actionId,
  body,
  status,
  progress,
}: {
  userId: number;
  actionId: number;
  body: string;
  status: ActionStatus | null;
  progress: number | null;
}) {
  db.transaction((tx) => {
    const before = tx.select({ status: actions.status, progress: actions.progress }).from(actions).where(eq(actions.id, actionId)).get();
    if (!before) throw new NotFoundError('action', actionId);
    assertActionWritable(tx, actionId);
    const afterStatus = status ?? before.status;
    const after = { status: afterStatus, progress: progressForStatus(afterStatus, progress ?? before.progress) };
    tx.insert(progressUpdates)
      .values({
        actionId,
        authorId: userId,
        body,
        statusFrom: after.status !== before.status ? before.status : null,
        statusTo: after.status !== before.status ? after.status : null,
        progress: after.progress !== before.progress ? after.progress : null,
      })
      .run();
    if (recordUpdate(tx, 'action', actionId, userId, before, after)) {
      tx.update(actions)
        .set({ ...after, updatedAt: new Date().toISOString() })
        .where(eq(actions.id, actionId))
        .run();
    }
  });
}

const progressUpdatesOfAction = preparedOnce(() =>
  db
    .select({
      id: progressUpdates.id,
      body: progressUpdates.body,
      statusFrom: progressUpdates.statusFrom,
      statusTo: progressUpdates.statusTo,
      progress: progressUpdates.progress,
      createdAt: progressUpdates.createdAt,
      authorName: users.name,
    })
    .from(progressUpdates)
    .innerJoin(users, eq(users.id, progressUpdates.authorId))
    .where(eq(progressUpdates.actionId, sql.placeholder('actionId')))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
    .prepare(),
);

export function listProgressUpdates(actionId: number) {
  return progressUpdatesOfAction().all({ actionId });
}

/** The choices an action form offers: goals, people and organisations. */
export function listActionFormOptions() {
  return {
    goals: db
      .select(goalWithChapterColumns)
      .from(goals)
      .innerJoin(themes, eq(themes.id, goals.themeId))
      .orderBy(asc(themes.position), asc(goals.position))
      .all(),
    users: db
      .select({ id: users.id, name: users.name, organisationId: users.organisationId })
      .from(users)
      .where(eq(users.active, true))
      .orderBy(asc(users.name))
      .all(),
    organisations: listOrganisationOptions(),
  };
}

/**
 * Ids in a submitted action form that point nowhere (a removed goal, a forged value):
 * answered as field errors beside the field rather than as a foreign-key failure.
 */
export function findActionReferenceErrors(
  input: Pick<ActionFormInput, 'goalId' | 'ownerUserId' | 'ownerOrganisationId' | 'municipalityId'>,
): FieldErrors {
  const m = t.actions.errors;
  const errors: FieldErrors = {};
  if (!goalExists(input.goalId)) errors.goalId = m.goalUnknown;
  if (input.ownerUserId !== null && !db.select({ id: users.id }).from(users).where(eq(users.id, input.ownerUserId)).get()) {
    errors.ownerUserId = m.ownerUnknown;
  }
  if (input.ownerOrganisationId !== null && !organisationExists(input.ownerOrganisationId)) {
    errors.ownerOrganisationId = m.organisationUnknown;
  }
  if (
    input.municipalityId !== null &&
    !db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.municipalityId), eq(organisations.kind, 'gemeente')))
      .get()
  ) {
    errors.municipalityId = m.scopeUnknown;
  }
  return errors;
}
