/**
 * Removing a person on request (AVG, right to erasure), without tearing holes in the
 * agenda's history: the account row stays, anonymised ("Voormalig gebruiker", an
 * address that cannot receive mail, no password, inactive, marked in removed_persons so
 * it is never reactivated), and everything that only served the person goes.
 * docs/decisions/014-audit-log-and-privacy.md.
 */
import { and, count, eq } from 'drizzle-orm';

import {
  accessRequests,
  actions,
  follows,
  formSubmissions,
  invites,
  loginFailures,
  notificationPreferences,
  notifications,
  passwordResets,
  recoveryCodes,
  removedPersons,
  sessions,
  twoFactor,
  userIdentities,
  users,
} from '../../../db/schema';
import { t } from '../../i18n';
import { db } from '../../utils/db.server';
import { recordAudit } from '../audit/audit-log.server';
import { userAccessChanged } from '../collab/live-bridge.server';
import { type Actor, canRemovePerson } from '../permissions';
import { actionIsOpen } from '../tracker/action-status.server';

/** When the person was removed, or null when they were not. */
export function removalOf(userId: number): { removedAt: string } | null {
  return db.select({ removedAt: removedPersons.removedAt }).from(removedPersons).where(eq(removedPersons.userId, userId)).get() ?? null;
}

/** Open actions the person is the owner (trekker) of: the confirmation step names them. */
export function openActionsOwnedBy(userId: number): number {
  return (
    db
      .select({ n: count() })
      .from(actions)
      .where(and(eq(actions.ownerUserId, userId), actionIsOpen()))
      .get()?.n ?? 0
  );
}

export type RemovalResult = { ok: true } | { ok: false; error: 'not_found' | 'self' | 'already_removed' };

/**
 * Anonymises the account and deletes its sessions (with their provider sessions), invites,
 * notifications, preferences, links to organisation accounts, open access requests,
 * follows, calendar feed secret, two-factor seed and recovery codes and login-failure
 * counters, all in one transaction with the audit row that records it. Open real-time
 * connections are closed after the commit.
 */
export function removePerson({ actor, userId, ip }: { actor: Actor; userId: number; ip: string | null }): RemovalResult {
  const result = db.transaction((tx) => {
    const person = tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!person) return { ok: false, error: 'not_found' } as const;
    if (!canRemovePerson(actor, person)) return { ok: false, error: 'self' } as const;
    if (removalOf(userId)) return { ok: false, error: 'already_removed' } as const;
    tx.update(users)
      .set({
        name: t.privacy.formerUser,
        email: t.privacy.formerUserEmail(userId),
        passwordHash: null,
        active: false,
        isDemo: false,
        calendarToken: null,
      })
      .where(eq(users.id, userId))
      .run();
    const removed = {
      sessions: tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes,
      invites: tx.delete(invites).where(eq(invites.userId, userId)).run().changes,
      notifications: tx.delete(notifications).where(eq(notifications.userId, userId)).run().changes,
      preferences: tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId)).run().changes,
      follows: tx.delete(follows).where(eq(follows.userId, userId)).run().changes,
      passwordResets: tx.delete(passwordResets).where(eq(passwordResets.userId, userId)).run().changes,
      // What the person's create forms answered (kept to answer a repeated post the same way).
      formSubmissions: tx.delete(formSubmissions).where(eq(formSubmissions.userId, userId)).run().changes,
      // Sign-in with the organisation's account: the links to provider accounts and any open request.
      identities: tx.delete(userIdentities).where(eq(userIdentities.userId, userId)).run().changes,
      accessRequests: tx.delete(accessRequests).where(eq(accessRequests.email, person.email)).run().changes,
      // The two-factor seed and the recovery codes (docs/decisions/018); `recovery`: a key with 'code' in it is scrubbed from audit details.
      twoFactor: tx.delete(twoFactor).where(eq(twoFactor.userId, userId)).run().changes,
      recovery: tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run().changes,
    };
    tx.delete(loginFailures)
      .where(eq(loginFailures.key, `email:${person.email}`))
      .run();
    tx.insert(removedPersons).values({ userId, removedBy: actor.id }).run();
    recordAudit({ actorId: actor.id, action: 'person.removed', target: { type: 'user', id: userId }, ip, details: removed });
    return { ok: true } as const;
  });
  if (result.ok) userAccessChanged(userId);
  return result;
}
