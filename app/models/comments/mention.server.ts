import { and, asc, eq } from 'drizzle-orm';

import { organisations, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { mentionedNames, nameMatchesQuery } from './mention';

/** Every person's name, active or not: old comments keep showing their mentions highlighted. */
export function listPersonNames(): string[] {
  return db
    .select({ name: users.name })
    .from(users)
    .all()
    .map((row) => row.name);
}

/** The active people a comment's text mentions (everyone with a mentioned name: two people may share one). */
export function resolveMentionedUsers(body: string): { id: number; name: string }[] {
  if (!body.includes('@')) return [];
  const people = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.active, true)).all();
  const names = new Set(
    mentionedNames(
      body,
      people.map((p) => p.name),
    ).map((n) => n.toLowerCase()),
  );
  return people.filter((p) => names.has(p.name.toLowerCase()));
}

/** An active person by id (someone picked from the suggestions), or undefined. */
export function getActivePerson(userId: number): { id: number; name: string } | undefined {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .get();
}

export type PersonSuggestion = { id: number; name: string; organisation: string };

/** Active people whose name (or a word in it) starts with `query`, for the @-suggestions; alphabetical. */
export function suggestPeople({ query, limit = 8 }: { query: string; limit?: number }): PersonSuggestion[] {
  return db
    .select({ id: users.id, name: users.name, organisation: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.active, true))
    .orderBy(asc(users.name))
    .all()
    .filter((p) => nameMatchesQuery(p.name, query))
    .slice(0, limit);
}
