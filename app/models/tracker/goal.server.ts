import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

import { actions, goals, organisations, themes, users } from '../../../db/schema';
import type { GoalFormInput } from '../../schemas/goal';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { NotFoundError } from '../errors';
import { recordUpdate } from '../history.server';
import { assertGoalWritable } from '../periods/period-guard.server';

/** A goal with the code and title of its chapter (select from goals joined with themes). */
export const goalWithChapterColumns = {
  id: goals.id,
  code: goals.code,
  title: goals.title,
  themeId: themes.id,
  themeCode: themes.code,
  themeTitle: themes.title,
};

/** One goal with its chapter; undefined when it does not exist. */
export function getGoal(id: number) {
  return goalById().get({ id });
}

// The goal page's statements run on every view and live revalidation: prepared once.
const goalById = preparedOnce(() =>
  db
    .select({ ...goalWithChapterColumns, body: goals.body, targetYear: goals.targetYear, updatedAt: goals.updatedAt })
    .from(goals)
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .where(eq(goals.id, sql.placeholder('id')))
    .prepare(),
);

export type GoalDetail = NonNullable<ReturnType<typeof getGoal>>;

export function goalExists(id: number): boolean {
  return db.select({ id: goals.id }).from(goals).where(eq(goals.id, id)).get() !== undefined;
}

const municipality = alias(organisations, 'municipality');
const ownerOrganisation = alias(organisations, 'owner_organisation');

/** The actions of one goal: regional ones first, then local ones by municipality. */
export function listGoalActions(goalId: number) {
  return actionsOfGoal().all({ goalId });
}

const actionsOfGoal = preparedOnce(() =>
  db
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      progress: actions.progress,
      deadlinePhrase: actions.deadlinePhrase,
      deadlineStart: actions.deadlineStart,
      deadlineEnd: actions.deadlineEnd,
      ownerUserName: users.name,
      ownerOrganisationName: ownerOrganisation.name,
      municipalityId: actions.municipalityId,
      municipalityName: municipality.name,
    })
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .leftJoin(ownerOrganisation, eq(ownerOrganisation.id, actions.ownerOrganisationId))
    .leftJoin(municipality, eq(municipality.id, actions.municipalityId))
    .where(eq(actions.goalId, sql.placeholder('goalId')))
    .orderBy(sql`${actions.municipalityId} is not null`, asc(municipality.name), asc(actions.position), asc(actions.id))
    .prepare(),
);

/** Saves the goal form; history records only the fields that changed. */
export function updateGoal({ userId, id, input }: { userId: number; id: number; input: GoalFormInput }) {
  db.transaction((tx) => {
    const before = tx
      .select({ title: goals.title, body: goals.body, targetYear: goals.targetYear })
      .from(goals)
      .where(eq(goals.id, id))
      .get();
    if (!before) throw new NotFoundError('goal', id);
    assertGoalWritable(tx, id);
    const fields = { title: input.title, body: input.body, targetYear: input.targetYear };
    if (recordUpdate(tx, 'goal', id, userId, before, fields)) {
      tx.update(goals)
        .set({ ...fields, updatedAt: new Date().toISOString() })
        .where(eq(goals.id, id))
        .run();
    }
  });
}
