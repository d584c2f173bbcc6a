import { createCookie, redirect } from '@remix-run/node';
import { and, count, eq, gt } from 'drizzle-orm';

import { loginFailures, users } from '../../db/schema';
import { publicBaseUrl } from '../models/accounts/invite.server';
import { providerSignOutUrlFor } from '../models/accounts/oidc/provider-sign-in.server';
import { DUMMY_HASH, verifyPassword } from '../models/accounts/password.server';
import { createSession, deleteSession, findSessionUser, SESSION_DAYS, type SessionUser } from '../models/accounts/session.server';
import { checkSecondFactor, hasTwoFactor } from '../models/accounts/two-factor.server';
import { mustSetUpTwoFactor } from '../models/accounts/two-factor-policy.server';
import { recordAudit } from '../models/audit/audit-log.server';
import { recordSignInFailure } from '../models/audit/sign-in-audit.server';
import { type Actor, asActor } from '../models/permissions';
import { db } from './db.server';
import { env } from './env.server';
import { safeRedirect } from './redirect';
import { derivedKey } from './secret-box.server';
import { SECOND_STEP_PATH, TWO_FACTOR_SETUP_PATH } from './sign-in-paths';

// Secure in production; browsers treat http://localhost as secure, so local runs still work.
const secureCookies = env.KOERS_PUBLIC_URL ? env.KOERS_PUBLIC_URL.startsWith('https:') : env.NODE_ENV === 'production';

/** The cookie holds only the session id; the session itself lives in the database. */
export const sessionCookie = createCookie('koers_session', {
  httpOnly: true,
  sameSite: 'lax',
  secure: secureCookies,
  path: '/',
  maxAge: SESSION_DAYS * 24 * 3600,
});

/** How long the second step may take after the password. */
const SECOND_STEP_SECONDS = 5 * 60;

/**
 * Between the password and the code: who passed the password, until when, and where to
 * go afterwards — in a signed cookie (HMAC with a key derived from KOERS_SECRET_KEY),
 * not in a session, so nothing is signed in yet and the password is not sent again.
 */
const secondStepCookie = createCookie('koers_second_step', {
  httpOnly: true,
  sameSite: 'lax',
  secure: secureCookies,
  // Sent to /login/code and its data requests (/login/code.data), nowhere else of the app.
  path: '/login',
  maxAge: SECOND_STEP_SECONDS,
  secrets: [derivedKey('second-step-cookie')],
});

type SecondStep = { userId: number; until: number; redirectTo: string };

export async function getSessionId(cookieHeader: string | null): Promise<string | null> {
  const value = await sessionCookie.parse(cookieHeader);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request.headers.get('Cookie'));
  return sessionId ? (findSessionUser(sessionId) ?? null) : null;
}

/**
 * Guard for every page but the login: the signed-in user, or a redirect to the login page.
 * A person whose role requires two-factor and who has not set it up is sent to set it up,
 * from every page and every form (only the set-up page itself passes `twoFactorSetup`).
 */
export async function requireUser(request: Request, { twoFactorSetup = false }: { twoFactorSetup?: boolean } = {}): Promise<SessionUser> {
  const sessionId = await getSessionId(request.headers.get('Cookie'));
  const user = sessionId ? findSessionUser(sessionId) : undefined;
  if (!sessionId || !user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  if (!twoFactorSetup && mustSetUpTwoFactor(user, sessionId)) throw redirect(`${TWO_FACTOR_SETUP_PATH}?verplicht=ja`);
  return user;
}

/**
 * The guard of a page that decides permissions: the signed-in user (or the redirect to
 * the login page) and the same user as the actor that app/models/permissions.ts asks about.
 */
export async function requireActor(request: Request): Promise<{ user: SessionUser; actor: Actor }> {
  const user = await requireUser(request);
  return { user, actor: asActor(user) };
}

/** Also here for the real-time server (server/collab), which signs users in with this module. */
export { asActor };

/** At most this many failed logins in the window, per account and per address. */
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

const accountKeyOf = (email: string) => `email:${email}`;
const addressKeyOf = (address: string) => `ip:${address}`;

function recentFailures(key: string): number {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS).toISOString();
  const row = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
    .get();
  return row?.n ?? 0;
}

/** Too many recent failures (passwords and second-step codes alike) for this account or this address? */
function throttled(email: string, address: string): boolean {
  return (
    recentFailures(accountKeyOf(email)) >= MAX_FAILURES_PER_ACCOUNT || recentFailures(addressKeyOf(address)) >= MAX_FAILURES_PER_ADDRESS
  );
}

function countFailure(email: string, address: string) {
  db.insert(loginFailures)
    .values([{ key: accountKeyOf(email) }, { key: addressKeyOf(address) }])
    .run();
}

export type LoginResult =
  | { ok: true; sessionId: string }
  | { ok: false; error: 'invalid' | 'throttled' }
  /** The password was right, but the account signs in with a second factor: see beginSecondStep. */
  | { ok: false; error: 'code_required'; userId: number };

export async function login(emailInput: string, password: string, address: string): Promise<LoginResult> {
  const email = emailInput.trim().toLowerCase();
  const accountKey = accountKeyOf(email);
  if (throttled(email, address)) {
    recordSignInFailure({ email, reason: 'throttled', ip: address });
    return { ok: false, error: 'throttled' };
  }
  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email))
    .get();
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || !user.active) {
    countFailure(email, address);
    recordSignInFailure({ email, reason: !user ? 'unknown-account' : !valid ? 'wrong-password' : 'inactive', ip: address });
    return { ok: false, error: 'invalid' };
  }
  // The failures are forgiven only after the second step: the code shares the password's budget.
  if (hasTwoFactor(user.id)) return { ok: false, error: 'code_required', userId: user.id };
  db.delete(loginFailures).where(eq(loginFailures.key, accountKey)).run();
  recordAudit({ actorId: user.id, action: 'sign_in.succeeded', ip: address });
  return { ok: true, sessionId: createSession(user.id).id };
}

/** The answer to a right password of an account with two-factor: on to the code, with the half-done sign-in in a signed cookie. */
export async function beginSecondStep(userId: number, redirectTo: string | null | undefined) {
  const step: SecondStep = { userId, until: Date.now() + SECOND_STEP_SECONDS * 1000, redirectTo: safeRedirect(redirectTo) };
  return redirect(SECOND_STEP_PATH, { headers: { 'Set-Cookie': await secondStepCookie.serialize(step) } });
}

/** The half-done sign-in of this browser, or null (none, tampered with, expired, account gone or deactivated). */
export async function readSecondStep(request: Request): Promise<(SecondStep & { email: string }) | null> {
  const value = (await secondStepCookie.parse(request.headers.get('Cookie'))) as Partial<SecondStep> | null;
  if (!value || typeof value.userId !== 'number' || typeof value.until !== 'number' || typeof value.redirectTo !== 'string') return null;
  if (value.until < Date.now()) return null;
  const user = db.select({ email: users.email, active: users.active }).from(users).where(eq(users.id, value.userId)).get();
  if (!user?.active) return null;
  return { userId: value.userId, until: value.until, redirectTo: safeRedirect(value.redirectTo), email: user.email };
}

/** A Set-Cookie header that ends the half-done sign-in. */
export function endSecondStep(): Promise<string> {
  return secondStepCookie.serialize('', { maxAge: 0 });
}

export type SecondStepResult =
  { ok: true; sessionId: string; recoveryCodesLeft: number | null } | { ok: false; error: 'wrong' | 'replayed' | 'throttled' };

/**
 * The second step: a code of the app or a recovery code. Throttled with the password
 * (the same failure counters per account and per address), every failure recorded.
 */
export function completeSecondStep(step: { userId: number; email: string }, code: string, address: string): SecondStepResult {
  const target = { type: 'user', id: step.userId };
  if (throttled(step.email, address)) {
    recordAudit({
      actorId: null,
      action: 'two_factor.code_failed',
      target,
      ip: address,
      details: { reason: 'throttled', step: 'sign-in' },
    });
    return { ok: false, error: 'throttled' };
  }
  const check = checkSecondFactor({ userId: step.userId, code });
  if (!check.ok) {
    countFailure(step.email, address);
    recordAudit({
      actorId: null,
      action: 'two_factor.code_failed',
      target,
      ip: address,
      details: { reason: check.error === 'replayed' ? 'code-replayed' : 'wrong-code', step: 'sign-in' },
    });
    return { ok: false, error: check.error };
  }
  db.delete(loginFailures)
    .where(eq(loginFailures.key, accountKeyOf(step.email)))
    .run();
  if (check.method === 'recovery') {
    recordAudit({ actorId: step.userId, action: 'sign_in.recovery_code', target, ip: address, details: { remaining: check.remaining } });
  }
  recordAudit({ actorId: step.userId, action: 'sign_in.succeeded', ip: address, details: { secondFactor: check.method } });
  return { ok: true, sessionId: createSession(step.userId).id, recoveryCodesLeft: check.method === 'recovery' ? check.remaining : null };
}

/** A wrong password or code when a person confirms a change to their two-factor: counted and recorded like a failed sign-in step. */
export function confirmationFailed({ userId, email, address }: { userId: number; email: string; address: string }) {
  countFailure(email, address);
  recordAudit({
    actorId: userId,
    action: 'two_factor.code_failed',
    target: { type: 'user', id: userId },
    ip: address,
    details: { reason: 'wrong-confirmation' },
  });
}

/** Too many failures to try a confirmation now? */
export function confirmationThrottled(email: string, address: string): boolean {
  return throttled(email, address);
}

export async function logout(request: Request, address: string | null = null) {
  const sessionId = await getSessionId(request.headers.get('Cookie'));
  const user = sessionId ? findSessionUser(sessionId) : undefined;
  // A session that began at an organisation's provider also ends there (RP-initiated logout).
  const provider = user && sessionId ? await providerSignOutUrlFor(sessionId, publicBaseUrl(request)) : null;
  if (user)
    recordAudit({
      actorId: user.id,
      action: 'sign_out',
      ip: address,
      details: provider ? { method: 'oidc', provider: provider.provider } : null,
    });
  if (sessionId) deleteSession(sessionId);
  return redirect(provider?.url ?? '/login', { headers: { 'Set-Cookie': await sessionCookie.serialize('', { maxAge: 0 }) } });
}

/** The client address, as Express saw it (passed through the Remix load context). */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: string } | undefined)?.clientAddress;
  return address ?? 'unknown';
}
