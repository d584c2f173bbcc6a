import { createCookie, redirect } from '@remix-run/node';
import { and, count, eq, gt } from 'drizzle-orm';

import { loginFailures, users } from '../../db/schema';
import { publicBaseUrl } from '../models/accounts/invite.server';
import { providerSignOutUrlFor } from '../models/accounts/oidc/provider-sign-in.server';
import { DUMMY_HASH, verifyPassword } from '../models/accounts/password.server';
import { createSession, deleteSession, findSessionUser, SESSION_DAYS, type SessionUser } from '../models/accounts/session.server';
import { recordAudit } from '../models/audit/audit-log.server';
import { recordSignInFailure } from '../models/audit/sign-in-audit.server';
import { type Actor, asActor } from '../models/permissions';
import { db } from './db.server';
import { env } from './env.server';

/** The cookie holds only the session id; the session itself lives in the database. */
export const sessionCookie = createCookie('koers_session', {
  httpOnly: true,
  sameSite: 'lax',
  // Secure in production; browsers treat http://localhost as secure, so local runs still work.
  secure: env.KOERS_PUBLIC_URL ? env.KOERS_PUBLIC_URL.startsWith('https:') : env.NODE_ENV === 'production',
  path: '/',
  maxAge: SESSION_DAYS * 24 * 3600,
});

export async function getSessionId(cookieHeader: string | null): Promise<string | null> {
  const value = await sessionCookie.parse(cookieHeader);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request.headers.get('Cookie'));
  return sessionId ? (findSessionUser(sessionId) ?? null) : null;
}

/** Guard for every page but the login: the signed-in user, or a redirect to the login page. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
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

function recentFailures(key: string): number {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS).toISOString();
  const row = db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
    .get();
  return row?.n ?? 0;
}

export type LoginResult = { ok: true; sessionId: string } | { ok: false; error: 'invalid' | 'throttled' };

export async function login(emailInput: string, password: string, address: string): Promise<LoginResult> {
  const email = emailInput.trim().toLowerCase();
  const accountKey = `email:${email}`;
  const addressKey = `ip:${address}`;
  if (recentFailures(accountKey) >= MAX_FAILURES_PER_ACCOUNT || recentFailures(addressKey) >= MAX_FAILURES_PER_ADDRESS) {
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
    db.insert(loginFailures)
      .values([{ key: accountKey }, { key: addressKey }])
      .run();
    recordSignInFailure({ email, reason: !user ? 'unknown-account' : !valid ? 'wrong-password' : 'inactive', ip: address });
    return { ok: false, error: 'invalid' };
  }
  db.delete(loginFailures).where(eq(loginFailures.key, accountKey)).run();
  recordAudit({ actorId: user.id, action: 'sign_in.succeeded', ip: address });
  return { ok: true, sessionId: createSession(user.id).id };
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
