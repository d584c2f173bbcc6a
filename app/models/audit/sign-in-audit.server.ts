/**
 * What the audit log keeps of a failed sign-in (docs/decisions/014, "The e-mail address
 * of a failed sign-in"): for an existing account the account itself (shown by its
 * current name, so it is anonymised with the person); for an unknown address the
 * address as typed, lower-cased — but only when it has the shape of an e-mail address,
 * because anything else typed there may well be a password in the wrong field.
 */
import { eq } from 'drizzle-orm';

import { users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { recordAudit } from './audit-log.server';

export type SignInFailureReason = 'unknown-account' | 'wrong-password' | 'inactive' | 'throttled';

const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@.]{2,}$/;

export function recordSignInFailure({ email, reason, ip }: { email: string; reason: SignInFailureReason; ip: string }) {
  const address = email.trim().toLowerCase();
  const account = db.select({ id: users.id }).from(users).where(eq(users.email, address)).get();
  const typed = !account && EMAIL_SHAPE.test(address) ? address : null;
  recordAudit({
    actorId: null,
    action: 'sign_in.failed',
    target: account ? { type: 'user', id: account.id } : null,
    ip,
    details: { reason: account || reason === 'throttled' ? reason : 'unknown-account', email: typed },
  });
}
