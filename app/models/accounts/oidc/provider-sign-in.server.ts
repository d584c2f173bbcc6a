/**
 * What a verified identity from an organisation's provider leads to in Koers: the
 * provider may only vouch for a verified address in its own e-mail domains; an active
 * account with that address gets a session; a deactivated or removed one is refused; an
 * unknown person becomes an access request for a beheerder (nobody gets rights by
 * signing in alone). Every outcome is in the audit log, with the provider.
 */
import { eq } from 'drizzle-orm';

import { accessRequests, providerSessions, userIdentities, users } from '../../../../db/schema';
import { db } from '../../../utils/db.server';
import { recordAudit } from '../../audit/audit-log.server';
import { removalOf } from '../../privacy/person-removal.server';
import { createSession } from '../session.server';
import { findOidcProvider, mayVouchFor, type OidcProviderConfig } from './oidc-config.server';
import { type IdentityClaims, providerSignOutUrl } from './oidc-flow.server';

export type ProviderRefusal = 'no_email' | 'email_unverified' | 'domain_not_allowed' | 'inactive';

export type ProviderSignInResult =
  { ok: true; sessionId: string } | { ok: false; reason: ProviderRefusal } | { ok: false; reason: 'requested'; email: string };

/** Records a refused sign-in through a provider (the flow's reasons and the ones below). */
export function recordProviderSignInFailure(input: {
  provider: string;
  reason: string;
  detail?: string;
  userId?: number | null;
  ip: string;
}) {
  recordAudit({
    actorId: null,
    action: 'sign_in.failed',
    target: input.userId ? { type: 'user', id: input.userId } : null,
    ip: input.ip,
    details: { method: 'oidc', provider: input.provider, reason: input.reason, error: input.detail ?? null },
  });
}

export function signInWithProviderIdentity({
  provider,
  claims,
  idToken,
  ip,
}: {
  provider: OidcProviderConfig;
  claims: IdentityClaims;
  idToken: string;
  ip: string;
}): ProviderSignInResult {
  return db.transaction((tx) => {
    const refuse = (reason: ProviderRefusal, userId: number | null = null) => {
      recordProviderSignInFailure({ provider: provider.id, reason, userId, ip });
      return { ok: false, reason } as const;
    };
    if (!claims.email) return refuse('no_email');
    if (!claims.emailVerified) return refuse('email_unverified');
    if (!mayVouchFor(provider, claims.email)) return refuse('domain_not_allowed');

    const user = tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.email, claims.email)).get();
    if (user) {
      if (!user.active || removalOf(user.id)) return refuse('inactive', user.id);
      const session = createSession(user.id);
      tx.insert(providerSessions).values({ sessionId: session.id, providerId: provider.id, idToken }).run();
      const now = new Date().toISOString();
      tx.insert(userIdentities)
        .values({ userId: user.id, providerId: provider.id, subject: claims.subject, lastSignInAt: now })
        .onConflictDoUpdate({ target: [userIdentities.providerId, userIdentities.subject], set: { userId: user.id, lastSignInAt: now } })
        .run();
      recordAudit({ actorId: user.id, action: 'sign_in.succeeded', ip, details: { method: 'oidc', provider: provider.id } });
      return { ok: true, sessionId: session.id } as const;
    }

    // An unknown person: one open request per address, the newest sign-in's details.
    const name = claims.name ?? claims.email;
    const request = tx
      .insert(accessRequests)
      .values({ providerId: provider.id, subject: claims.subject, email: claims.email, name })
      .onConflictDoUpdate({ target: accessRequests.email, set: { providerId: provider.id, subject: claims.subject, name } })
      .returning({ id: accessRequests.id })
      .get();
    recordAudit({
      actorId: null,
      action: 'access.requested',
      target: { type: 'access_request', id: request.id, name: claims.email },
      ip,
      details: { provider: provider.id },
    });
    return { ok: false, reason: 'requested', email: claims.email } as const;
  });
}

/** The provider and ID token behind a session, if it began at a provider. */
export function providerSessionOf(sessionId: string) {
  return (
    db
      .select({ providerId: providerSessions.providerId, idToken: providerSessions.idToken })
      .from(providerSessions)
      .where(eq(providerSessions.sessionId, sessionId))
      .get() ?? null
  );
}

/**
 * RP-initiated logout: where signing out of this session goes after Koers has ended it —
 * the provider's end-session endpoint (with the ID token as hint and back to Koers's login
 * page afterwards), or null for a password session or a provider without one.
 */
export async function providerSignOutUrlFor(sessionId: string, baseUrl: string): Promise<{ provider: string; url: string | null } | null> {
  const session = providerSessionOf(sessionId);
  if (!session) return null;
  const provider = findOidcProvider(session.providerId);
  if (!provider) return { provider: session.providerId, url: null };
  const url = await providerSignOutUrl(provider, {
    idToken: session.idToken,
    postLogoutRedirectUri: `${baseUrl.replace(/\/+$/, '')}/login`,
  });
  return { provider: provider.id, url };
}
