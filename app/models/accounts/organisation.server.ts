import { and, asc, count, eq, ne, sql } from 'drizzle-orm';

import { organisations, users } from '../../../db/schema';
import { db } from '../../utils/db.server';

export type OrganisationKind = 'gemeente' | 'partner';

/** Every organisation with its number of users: municipalities first, then partners, by name. */
export function listOrganisations() {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, userCount: count(users.id) })
    .from(organisations)
    .leftJoin(users, eq(users.organisationId, organisations.id))
    .groupBy(organisations.id)
    .orderBy(asc(organisations.kind), sql`${organisations.name} collate nocase`)
    .all();
}

/** For <select>s: id, name and kind. */
export function listOrganisationOptions() {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(asc(organisations.kind), sql`${organisations.name} collate nocase`)
    .all();
}

export function organisationExists(id: number): boolean {
  return db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).get() !== undefined;
}

export function findOrganisationByName(name: string) {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(sql`${organisations.name} = ${name.trim()} collate nocase`)
    .get();
}

/** Names are unique regardless of case ("CJG" and "cjg" are the same organisation). */
function nameTaken(name: string, exceptId?: number): boolean {
  const sameName = sql`${organisations.name} = ${name} collate nocase`;
  const row = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(exceptId === undefined ? sameName : and(sameName, ne(organisations.id, exceptId)))
    .get();
  return row !== undefined;
}

export type OrganisationResult = { ok: true; id: number; name: string } | { ok: false; error: 'name_taken' | 'not_found' };

/** Adds a partner organisation (the seven municipalities are seeded and fixed). */
export function createOrganisation({ name }: { name: string }): OrganisationResult {
  return db.transaction((tx) => {
    if (nameTaken(name)) return { ok: false, error: 'name_taken' } as const;
    const row = tx.insert(organisations).values({ name, kind: 'partner' }).returning({ id: organisations.id }).get();
    return { ok: true, id: row.id, name } as const;
  });
}

export function renameOrganisation({ organisationId, name }: { organisationId: number; name: string }): OrganisationResult {
  return db.transaction((tx) => {
    const existing = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).get();
    if (!existing) return { ok: false, error: 'not_found' } as const;
    if (nameTaken(name, organisationId)) return { ok: false, error: 'name_taken' } as const;
    tx.update(organisations).set({ name }).where(eq(organisations.id, organisationId)).run();
    return { ok: true, id: organisationId, name } as const;
  });
}
