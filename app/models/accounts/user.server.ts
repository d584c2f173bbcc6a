import { and, asc, eq, ne, sql } from 'drizzle-orm';

import { invites, organisations, sessions, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { userAccessChanged } from '../collab/live-bridge.server';
import { locksSelfOut, type Role } from '../permissions';
import { issueInvite } from './invite.server';
import { organisationExists } from './organisation.server';
import { hashPassword, verifyPassword } from './password.server';
import { userWithOrganisationColumns } from './user-columns.server';

/** The latest expiry of the user's unused invites (null when there is none). */
const openInviteUntil = sql<
  string | null
>`(select max(${invites.expiresAt}) from ${invites} where ${invites.userId} = ${users.id} and ${invites.usedAt} is null)`;

/** What the beheer screens show of an account besides name and organisation. */
const accountStateColumns = {
  active: users.active,
  isDemo: users.isDemo,
  hasPassword: sql<number>`${users.passwordHash} is not null`.mapWith(Boolean),
  openInviteUntil,
};

/** Everyone, for the beheer list: by name, with organisation and invite state. */
export function listUsers() {
  return db
    .select({ ...userWithOrganisationColumns, ...accountStateColumns })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(sql`${users.name} collate nocase`, asc(users.id))
    .all();
}

export function countUsers(): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()?.n ?? 0
  );
}

export function getUserForAdmin(userId: number) {
  return db
    .select({ ...userWithOrganisationColumns, ...accountStateColumns, createdAt: users.createdAt })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .get();
}

/** The signed-in user's own details for /account. */
export function getAccount(userId: number) {
  return db
    .select({ name: users.name, email: users.email, role: users.role, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .get();
}

function findUserIdByEmail(email: string): number | undefined {
  return db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).get()?.id;
}

type Failure<E extends string> = { ok: false; error: E };

/**
 * Creates a user without a password and a one-time invite link for them.
 * The token is returned once, to be shown to the beheerder; only its hash is stored.
 */
export function inviteUser(input: {
  name: string;
  email: string;
  role: Role;
  organisationId: number;
  invitedBy: number | null;
}): { ok: true; userId: number; token: string; expiresAt: string } | Failure<'email_taken' | 'organisation_unknown'> {
  const email = input.email.trim().toLowerCase();
  return db.transaction((tx) => {
    if (findUserIdByEmail(email) !== undefined) return { ok: false, error: 'email_taken' } as const;
    if (!organisationExists(input.organisationId)) return { ok: false, error: 'organisation_unknown' } as const;
    const { id: userId } = tx
      .insert(users)
      .values({ name: input.name, email, role: input.role, organisationId: input.organisationId, passwordHash: null })
      .returning({ id: users.id })
      .get();
    const invite = issueInvite(tx, { userId, createdBy: input.invitedBy });
    return { ok: true, userId, ...invite } as const;
  });
}

/** Changes role and organisation. A beheerder cannot take away their own beheerder role. */
export function updateUserAccess(input: {
  userId: number;
  role: Role;
  organisationId: number;
  actorId: number;
}): { ok: true } | Failure<'not_found' | 'organisation_unknown' | 'self_demote'> {
  const result = db.transaction((tx) => {
    const user = tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, input.userId)).get();
    if (!user) return { ok: false, error: 'not_found' } as const;
    if (locksSelfOut({ id: input.actorId }, user, { role: input.role })) return { ok: false, error: 'self_demote' } as const;
    if (!organisationExists(input.organisationId)) return { ok: false, error: 'organisation_unknown' } as const;
    tx.update(users).set({ role: input.role, organisationId: input.organisationId }).where(eq(users.id, input.userId)).run();
    return { ok: true } as const;
  });
  // Open real-time connections are checked again under the new role (after the commit).
  if (result.ok) userAccessChanged(input.userId);
  return result;
}

/**
 * Deactivates or reactivates an account. Deactivating ends all of the user's sessions
 * in the same transaction, so they are out at once; nobody can deactivate themself.
 */
export function setUserActive(input: {
  userId: number;
  active: boolean;
  actorId: number;
}): { ok: true } | Failure<'not_found' | 'self_deactivate'> {
  const result = db.transaction((tx) => {
    const user = tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, input.userId)).get();
    if (!user) return { ok: false, error: 'not_found' } as const;
    if (locksSelfOut({ id: input.actorId }, user, { active: input.active })) return { ok: false, error: 'self_deactivate' } as const;
    tx.update(users).set({ active: input.active }).where(eq(users.id, input.userId)).run();
    if (!input.active) tx.delete(sessions).where(eq(sessions.userId, input.userId)).run();
    return { ok: true } as const;
  });
  if (result.ok) userAccessChanged(input.userId);
  return result;
}

/** A new invite link for an existing, active user; earlier unused links stop working. */
export function reinviteUser(input: {
  userId: number;
  invitedBy: number | null;
}): { ok: true; token: string; expiresAt: string; name: string; email: string } | Failure<'not_found' | 'inactive'> {
  return db.transaction((tx) => {
    const user = tx
      .select({ active: users.active, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, input.userId))
      .get();
    if (!user) return { ok: false, error: 'not_found' } as const;
    if (!user.active) return { ok: false, error: 'inactive' } as const;
    const invite = issueInvite(tx, { userId: input.userId, createdBy: input.invitedBy });
    return { ok: true, name: user.name, email: user.email, ...invite } as const;
  });
}

/**
 * Changes one's own password after checking the current one. All other sessions of
 * the user end (a password change is often a reaction to a lost laptop); this one stays.
 */
export async function changeOwnPassword(input: {
  userId: number;
  currentPassword: string;
  newPassword: string;
  currentSessionId: string | null;
}): Promise<{ ok: true; revokedSessions: number } | Failure<'wrong_current'>> {
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).get();
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) return { ok: false, error: 'wrong_current' };
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, input.userId)).run();
    const others = input.currentSessionId
      ? and(eq(sessions.userId, input.userId), ne(sessions.id, input.currentSessionId))
      : eq(sessions.userId, input.userId);
    const { changes } = tx.delete(sessions).where(others).run();
    return { ok: true, revokedSessions: changes } as const;
  });
}

/**
 * For `npm run create-admin`: creates a beheerder (or promotes and reactivates an
 * existing account) and issues a one-time invite link.
 */
export function createOrPromoteAdmin(input: {
  email: string;
  name?: string;
  organisationId?: number;
}): { ok: true; userId: number; created: boolean; token: string; expiresAt: string } | Failure<'name_required' | 'organisation_required'> {
  const email = input.email.trim().toLowerCase();
  return db.transaction((tx) => {
    const existingId = findUserIdByEmail(email);
    let userId: number;
    if (existingId === undefined) {
      if (!input.name) return { ok: false, error: 'name_required' } as const;
      if (input.organisationId === undefined) return { ok: false, error: 'organisation_required' } as const;
      userId = tx
        .insert(users)
        .values({ email, name: input.name, role: 'beheerder', organisationId: input.organisationId, passwordHash: null })
        .returning({ id: users.id })
        .get().id;
    } else {
      userId = existingId;
      tx.update(users)
        .set({
          role: 'beheerder',
          active: true,
          isDemo: false,
          ...(input.name ? { name: input.name } : {}),
          ...(input.organisationId !== undefined ? { organisationId: input.organisationId } : {}),
        })
        .where(eq(users.id, userId))
        .run();
    }
    return { ok: true, userId, created: existingId === undefined, ...issueInvite(tx, { userId, createdBy: null }) } as const;
  });
}

/** For `npm run demo-accounts -- off|on`: (de)activates every demo account; off also ends their sessions. */
export function setDemoAccountsActive(active: boolean): { changed: number } {
  return db.transaction((tx) => {
    const { changes } = tx
      .update(users)
      .set({ active })
      .where(and(eq(users.isDemo, true), eq(users.active, !active)))
      .run();
    if (!active) {
      tx.delete(sessions)
        .where(sql`${sessions.userId} in (select ${users.id} from ${users} where ${users.isDemo} = 1)`)
        .run();
    }
    return { changed: changes };
  });
}
