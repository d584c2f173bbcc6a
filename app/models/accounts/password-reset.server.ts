/**
 * "Wachtwoord vergeten": one-time links to choose a new password. A link is asked for by
 * e-mail address (only when e-mail is on; the answer never tells whether the address has
 * an account) or made by a beheerder on the user's page. Only the token's SHA-256 is
 * stored; a link works once, expires, and a newer link replaces older ones. Using it sets
 * the password and ends every session of the user. See docs/decisions/003 and 015.
 */
import { randomBytes } from 'node:crypto';

import { and, count, eq, gt, isNull, lt } from 'drizzle-orm';

import { loginFailures, passwordResets, sessions, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { hashInviteToken } from './invite.server';
import { hashPassword } from './password.server';
import { createSession } from './session.server';
import { hasTwoFactor } from './two-factor.server';

/** A link asked for by e-mail is valid for an hour; one a beheerder hands over by hand for a day. */
export const RESET_BY_EMAIL_MS = 60 * 60 * 1000;
export const RESET_BY_ADMIN_MS = 24 * 60 * 60 * 1000;

/** At most this many requests per hour, per address asked for and per client address. */
const REQUEST_WINDOW_MS = 60 * 60 * 1000;
const MAX_REQUESTS_PER_EMAIL = 3;
const MAX_REQUESTS_PER_CLIENT = 10;

/** The public link for a token: <base>/wachtwoord-herstellen/<token>. */
export function resetUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/wachtwoord-herstellen/${token}`;
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

function issue(tx: Tx, { userId, createdBy, validMs }: { userId: number; createdBy: number | null; validMs: number }) {
  const now = new Date();
  // A newer link replaces older unused ones: only the latest one the user got works.
  tx.update(passwordResets)
    .set({ expiresAt: now.toISOString() })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now.toISOString())))
    .run();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + validMs).toISOString();
  tx.insert(passwordResets)
    .values({ tokenHash: hashInviteToken(token), userId, expiresAt, createdBy })
    .run();
  return { token, expiresAt };
}

/** A beheerder's reset link for an active account with a password (others get an invite link). */
export function createResetByAdmin(input: {
  userId: number;
  createdBy: number;
}):
  | { ok: true; token: string; expiresAt: string; name: string; email: string }
  | { ok: false; error: 'not_found' | 'inactive' | 'no_password' } {
  return db.transaction((tx) => {
    const user = tx
      .select({ active: users.active, name: users.name, email: users.email, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, input.userId))
      .get();
    if (!user) return { ok: false, error: 'not_found' } as const;
    if (!user.active) return { ok: false, error: 'inactive' } as const;
    if (!user.passwordHash) return { ok: false, error: 'no_password' } as const;
    const link = issue(tx, { userId: input.userId, createdBy: input.createdBy, validMs: RESET_BY_ADMIN_MS });
    return { ok: true, name: user.name, email: user.email, ...link } as const;
  });
}

function recentRequests(key: string, since: string): number {
  return (
    db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
      .get()?.n ?? 0
  );
}

export type ResetRequest =
  | { outcome: 'throttled' }
  /** Nothing to send (no such active account with a password): the caller says the same as for 'issued'. */
  | { outcome: 'none' }
  | { outcome: 'issued'; userId: number; token: string; expiresAt: string; name: string; email: string };

/**
 * Someone asks for a reset link for an e-mail address. Every request counts against the
 * address and the client (in the throttle table of failed logins, with keys of their
 * own), whether or not the account exists, so the limits tell nothing either.
 */
export function requestPasswordReset({ email: emailInput, client }: { email: string; client: string }): ResetRequest {
  const email = emailInput.trim().toLowerCase();
  const emailKey = `reset-email:${email}`;
  const clientKey = `reset-ip:${client}`;
  return db.transaction((tx) => {
    const since = new Date(Date.now() - REQUEST_WINDOW_MS).toISOString();
    if (recentRequests(emailKey, since) >= MAX_REQUESTS_PER_EMAIL || recentRequests(clientKey, since) >= MAX_REQUESTS_PER_CLIENT) {
      return { outcome: 'throttled' } as const;
    }
    tx.insert(loginFailures)
      .values([{ key: emailKey }, { key: clientKey }])
      .run();
    // Old request marks are of no use after the window; they are cleared on the way.
    tx.delete(loginFailures)
      .where(and(lt(loginFailures.at, since), gt(loginFailures.key, 'reset-'), lt(loginFailures.key, 'reset.')))
      .run();
    const user = tx
      .select({ id: users.id, name: users.name, email: users.email, active: users.active, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email))
      .get();
    // An account without a password has an invite waiting: the beheerder sends a new one.
    if (!user || !user.active || !user.passwordHash) return { outcome: 'none' } as const;
    const link = issue(tx, { userId: user.id, createdBy: null, validMs: RESET_BY_EMAIL_MS });
    return { outcome: 'issued', userId: user.id, name: user.name, email: user.email, ...link } as const;
  });
}

export type ResetLinkState =
  { state: 'valid'; resetId: number; userId: number; name: string; email: string } | { state: 'unknown' | 'used' | 'expired' | 'inactive' };

/** What a reset link leads to. Tokens of the wrong shape are simply unknown. */
export function findPasswordReset(token: string): ResetLinkState {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: 'unknown' };
  const row = db
    .select({
      resetId: passwordResets.id,
      userId: passwordResets.userId,
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
      name: users.name,
      email: users.email,
      active: users.active,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashInviteToken(token)))
    .get();
  if (!row) return { state: 'unknown' };
  if (row.usedAt) return { state: 'used' };
  if (row.expiresAt <= new Date().toISOString()) return { state: 'expired' };
  if (!row.active) return { state: 'inactive' };
  return { state: 'valid', resetId: row.resetId, userId: row.userId, name: row.name, email: row.email };
}

/** `sessionId` null: the account has two-factor on, and a link replaces the password, not the second factor (decision 018). */
export type ResetResult =
  { ok: true; userId: number; sessionId: string | null } | { ok: false; state: Exclude<ResetLinkState['state'], 'valid'> };

/**
 * Uses a reset link: sets the new password, uses up the link (and any other open ones),
 * ends every session of the user (a forgotten password may mean a lost device) and
 * starts a new one here, all at once.
 */
export async function resetPassword({ token, password }: { token: string; password: string }): Promise<ResetResult> {
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => {
    // Checked again inside the transaction: two tabs submitting at once get one success.
    const found = findPasswordReset(token);
    if (found.state !== 'valid') return { ok: false, state: found.state } as const;
    const now = new Date().toISOString();
    tx.update(users).set({ passwordHash }).where(eq(users.id, found.userId)).run();
    tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, found.resetId)).run();
    tx.update(passwordResets)
      .set({ expiresAt: now })
      .where(and(eq(passwordResets.userId, found.userId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .run();
    tx.delete(sessions).where(eq(sessions.userId, found.userId)).run();
    return { ok: true, userId: found.userId, sessionId: hasTwoFactor(found.userId) ? null : createSession(found.userId).id } as const;
  });
}
