import { createHash, randomBytes } from 'node:crypto';

import { and, eq, gt, isNull } from 'drizzle-orm';

import { invites, sessions, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { env } from '../../utils/env.server';
import { hashPassword } from './password.server';
import { createSession } from './session.server';
import { hasTwoFactor } from './two-factor.server';

export const INVITE_DAYS = 7;

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** Only this is stored; the token itself exists only in the link handed to the user. */
export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The public link for a token: KOERS_PUBLIC_URL (or the request's origin) + /uitnodiging/<token>. */
export function inviteUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/uitnodiging/${token}`;
}

/**
 * Issues a fresh one-time invite for a user, inside the caller's transaction. Earlier
 * unused invites of the same user stop working (their expiry is set to now).
 */
export function issueInvite(tx: Tx, { userId, createdBy }: { userId: number; createdBy: number | null }) {
  const now = new Date();
  tx.update(invites)
    .set({ expiresAt: now.toISOString() })
    .where(and(eq(invites.userId, userId), isNull(invites.usedAt), gt(invites.expiresAt, now.toISOString())))
    .run();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 24 * 3600 * 1000).toISOString();
  tx.insert(invites)
    .values({ tokenHash: hashInviteToken(token), userId, expiresAt, createdBy })
    .run();
  return { token, expiresAt };
}

export type InviteState =
  | { state: 'valid'; inviteId: number; userId: number; name: string; email: string; expiresAt: string }
  | { state: 'unknown' | 'used' | 'expired' | 'inactive' };

/** What an invite link leads to. Tokens of the wrong shape are simply unknown. */
export function findInvite(token: string): InviteState {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: 'unknown' };
  const row = db
    .select({
      inviteId: invites.id,
      userId: invites.userId,
      expiresAt: invites.expiresAt,
      usedAt: invites.usedAt,
      name: users.name,
      email: users.email,
      active: users.active,
    })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.userId))
    .where(eq(invites.tokenHash, hashInviteToken(token)))
    .get();
  if (!row) return { state: 'unknown' };
  if (row.usedAt) return { state: 'used' };
  if (row.expiresAt <= new Date().toISOString()) return { state: 'expired' };
  if (!row.active) return { state: 'inactive' };
  return { state: 'valid', inviteId: row.inviteId, userId: row.userId, name: row.name, email: row.email, expiresAt: row.expiresAt };
}

/** `sessionId` null: the account has two-factor on (a beheerder re-invited someone who had set it up): the code comes next. */
export type AcceptResult = { ok: true; sessionId: string | null } | { ok: false; state: Exclude<InviteState['state'], 'valid'> };

/**
 * Accepts an invite: sets the password, uses up the invite (and any other open ones of
 * the user), ends the user's existing sessions and starts a new one, all at once.
 */
export async function acceptInvite({ token, password }: { token: string; password: string }): Promise<AcceptResult> {
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => {
    // Checked again inside the transaction: two tabs submitting at once get one success.
    const found = findInvite(token);
    if (found.state !== 'valid') return { ok: false, state: found.state } as const;
    const now = new Date().toISOString();
    tx.update(users).set({ passwordHash }).where(eq(users.id, found.userId)).run();
    tx.update(invites).set({ usedAt: now }).where(eq(invites.id, found.inviteId)).run();
    tx.update(invites)
      .set({ expiresAt: now })
      .where(and(eq(invites.userId, found.userId), isNull(invites.usedAt), gt(invites.expiresAt, now)))
      .run();
    tx.delete(sessions).where(eq(sessions.userId, found.userId)).run();
    return { ok: true, sessionId: hasTwoFactor(found.userId) ? null : createSession(found.userId).id } as const;
  });
}

/** Where links handed out by Koers point: KOERS_PUBLIC_URL, else the origin the request came in on. */
export function publicBaseUrl(request: Request): string {
  return env.KOERS_PUBLIC_URL ?? new URL(request.url).origin;
}
