/**
 * Access requests: people who signed in through their organisation's provider without
 * having an account. A beheerder approves one with a role and an organisation — which
 * creates the account (no password: it signs in through the provider) and links the
 * provider identity — or rejects it, which deletes it (it held only what the provider
 * sent). Both are recorded in the audit log by the route, with the beheerder.
 */
import { asc, eq } from 'drizzle-orm';

import { accessRequests, userIdentities, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { recordAudit } from '../audit/audit-log.server';
import type { Role } from '../permissions';
import { findOidcProvider } from './oidc/oidc-config.server';
import { findOrganisationByName, organisationExists } from './organisation.server';

/** The open requests, oldest first, with the organisation their provider belongs to (the default choice). */
export function listAccessRequests() {
  return db
    .select({
      id: accessRequests.id,
      name: accessRequests.name,
      email: accessRequests.email,
      providerId: accessRequests.providerId,
      createdAt: accessRequests.createdAt,
    })
    .from(accessRequests)
    .orderBy(asc(accessRequests.createdAt), asc(accessRequests.id))
    .all()
    .map((request) => {
      const provider = findOidcProvider(request.providerId);
      return {
        ...request,
        providerName: provider?.name ?? request.providerId,
        organisationId: provider ? (findOrganisationByName(provider.organisation)?.id ?? null) : null,
      };
    });
}

export type DecisionResult =
  { ok: true; name: string; userId?: number } | { ok: false; error: 'not_found' | 'organisation_unknown' | 'email_taken' };

export function approveAccessRequest(input: {
  requestId: number;
  role: Role;
  organisationId: number;
  actorId: number;
  ip: string;
}): DecisionResult {
  return db.transaction((tx) => {
    const request = tx.select().from(accessRequests).where(eq(accessRequests.id, input.requestId)).get();
    if (!request) return { ok: false, error: 'not_found' } as const;
    if (!organisationExists(input.organisationId)) return { ok: false, error: 'organisation_unknown' } as const;
    // An account made meanwhile (an invite) for the same address: the request is settled by that.
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, request.email)).get())
      return { ok: false, error: 'email_taken' } as const;
    const { id: userId } = tx
      .insert(users)
      .values({ name: request.name, email: request.email, role: input.role, organisationId: input.organisationId, passwordHash: null })
      .returning({ id: users.id })
      .get();
    tx.insert(userIdentities)
      .values({ userId, providerId: request.providerId, subject: request.subject })
      .onConflictDoUpdate({ target: [userIdentities.providerId, userIdentities.subject], set: { userId } })
      .run();
    tx.delete(accessRequests).where(eq(accessRequests.id, request.id)).run();
    recordAudit({
      actorId: input.actorId,
      action: 'access.approved',
      target: { type: 'user', id: userId },
      ip: input.ip,
      details: { provider: request.providerId, role: input.role, organisationId: input.organisationId },
    });
    return { ok: true, name: request.name, userId } as const;
  });
}

export function rejectAccessRequest(input: { requestId: number; actorId: number; ip: string }): DecisionResult {
  return db.transaction((tx) => {
    const request = tx.select().from(accessRequests).where(eq(accessRequests.id, input.requestId)).get();
    if (!request) return { ok: false, error: 'not_found' } as const;
    tx.delete(accessRequests).where(eq(accessRequests.id, request.id)).run();
    recordAudit({
      actorId: input.actorId,
      action: 'access.rejected',
      target: { type: 'access_request', id: request.id, name: request.email },
      ip: input.ip,
      details: { provider: request.providerId },
    });
    return { ok: true, name: request.name } as const;
  });
}
