/**
 * Two-factor sign-in with TOTP (RFC 6238: authenticator apps) and one-time recovery
 * codes; docs/decisions/018-two-factor.md. The seed is stored encrypted
 * (app/utils/secret-box.server.ts), recovery codes as SHA-256 hashes (they are random,
 * 50 bits each, and throttled like passwords: a slow hash would add nothing). Neither
 * ever reaches a log or the audit log.
 */
import { createHash, randomInt } from 'node:crypto';

import { and, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

import { recoveryCodes, twoFactor, users } from '../../../db/schema';
import { t } from '../../i18n';
import { db } from '../../utils/db.server';
import { decryptSecret, encryptSecret } from '../../utils/secret-box.server';
import { recordAudit } from '../audit/audit-log.server';
import { ForbiddenError } from '../errors';
import { type Actor, canResetTwoFactor } from '../permissions';
import { verifyPassword } from './password.server';

export const RECOVERY_CODE_COUNT = 10;
/** Codes of the step before and after the server's are accepted too: a phone's clock may be a little off. */
const WINDOW = 1;

const purpose = (userId: number) => `two-factor:${userId}`;

function totpFor(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: t.twoFactor.issuer, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: 30 });
}

function rowOf(userId: number) {
  return db.select().from(twoFactor).where(eq(twoFactor.userId, userId)).get();
}

function secretOf(row: { userId: number; secretEncrypted: string }): string | null {
  return decryptSecret(row.secretEncrypted, purpose(row.userId));
}

/** Is two-factor sign-in on for this person (set up and confirmed)? */
export function hasTwoFactor(userId: number): boolean {
  return (
    db
      .select({ userId: twoFactor.userId })
      .from(twoFactor)
      .where(and(eq(twoFactor.userId, userId), isNotNull(twoFactor.enabledAt)))
      .get() !== undefined
  );
}

function unusedRecoveryCodes(userId: number): number {
  return (
    db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

export type TwoFactorStatus = { state: 'off' } | { state: 'pending' } | { state: 'on'; enabledAt: string; recoveryCodesLeft: number };

export function twoFactorStatus(userId: number): TwoFactorStatus {
  const row = rowOf(userId);
  if (!row) return { state: 'off' };
  if (!row.enabledAt) return { state: 'pending' };
  return { state: 'on', enabledAt: row.enabledAt, recoveryCodesLeft: unusedRecoveryCodes(userId) };
}

// ---------------------------------------------------------------------------------------
// Setting up

/** A new seed, not yet in force: shown to the person until they confirm it with a code. Replaces an earlier unconfirmed one. */
export function startTwoFactorSetup(userId: number): { ok: true } | { ok: false; error: 'already_enabled' } {
  if (hasTwoFactor(userId)) return { ok: false, error: 'already_enabled' };
  const secret = new Secret({ size: 20 }).base32;
  const secretEncrypted = encryptSecret(secret, purpose(userId));
  db.insert(twoFactor)
    .values({ userId, secretEncrypted })
    .onConflictDoUpdate({ target: twoFactor.userId, set: { secretEncrypted, enabledAt: null, lastUsedStep: null } })
    .run();
  return { ok: true };
}

/** What the set-up page shows of an unconfirmed seed: the QR code (SVG, made here) and the seed as text. */
export async function pendingSetup(userId: number, accountLabel: string) {
  const row = rowOf(userId);
  if (!row || row.enabledAt) return null;
  const secret = secretOf(row);
  if (!secret) return null;
  const uri = totpFor(secret, accountLabel).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { qrSvg, secretGroups: secret.match(/.{1,4}/g) ?? [secret], accountLabel };
}

/**
 * Confirms the unconfirmed seed with a first code: two-factor is on from here, and the
 * person gets their recovery codes (returned once, stored hashed).
 */
export function confirmTwoFactorSetup({
  userId,
  code,
  ip,
  now = Date.now(),
}: {
  userId: number;
  code: string;
  ip: string | null;
  now?: number;
}): { ok: true; recoveryCodes: string[] } | { ok: false; error: 'no_setup' | 'wrong_code' } {
  const row = rowOf(userId);
  if (!row || row.enabledAt) return { ok: false, error: 'no_setup' };
  const secret = secretOf(row);
  if (!secret) return { ok: false, error: 'no_setup' };
  const step = matchingStep(secret, code, now);
  if (step === null) {
    recordAudit({
      actorId: userId,
      action: 'two_factor.code_failed',
      target: { type: 'user', id: userId },
      ip,
      details: { reason: 'wrong-code', step: 'setup' },
    });
    return { ok: false, error: 'wrong_code' };
  }
  return db.transaction(() => {
    db.update(twoFactor)
      .set({ enabledAt: new Date(now).toISOString(), lastUsedStep: step })
      .where(eq(twoFactor.userId, userId))
      .run();
    const codes = replaceRecoveryCodes(userId);
    recordAudit({ actorId: userId, action: 'two_factor.enabled', target: { type: 'user', id: userId }, ip });
    return { ok: true, recoveryCodes: codes } as const;
  });
}

// ---------------------------------------------------------------------------------------
// Codes

/** The 30-second step the code belongs to, or null when it is no code of this seed (now, or one step off). */
function matchingStep(secret: string, code: string, now: number): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpFor(secret);
  const delta = totp.validate({ token, timestamp: now, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

/** Does it look like a code of the app (six digits) rather than a recovery code? */
export function isAppCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s+/g, ''));
}

export type CodeCheck =
  { ok: true; method: 'totp' } | { ok: true; method: 'recovery'; remaining: number } | { ok: false; error: 'wrong' | 'replayed' };

/**
 * Checks a code of a person who has two-factor on: a code of the app (each 30-second
 * step accepted once: a code seen over someone's shoulder or in a proxy log does not
 * work a second time) or an unused recovery code (then used up). Does not throttle or
 * record: the caller does (the sign-in step and the confirmation of a change differ).
 */
export function checkSecondFactor({ userId, code, now = Date.now() }: { userId: number; code: string; now?: number }): CodeCheck {
  const row = rowOf(userId);
  if (!row?.enabledAt) return { ok: false, error: 'wrong' };
  if (isAppCode(code)) {
    const secret = secretOf(row);
    const step = secret ? matchingStep(secret, code, now) : null;
    if (step === null) return { ok: false, error: 'wrong' };
    // Conditional, so two requests with the same code cannot both pass.
    const { changes } = db
      .update(twoFactor)
      .set({ lastUsedStep: step })
      .where(and(eq(twoFactor.userId, userId), or(isNull(twoFactor.lastUsedStep), lt(twoFactor.lastUsedStep, step))))
      .run();
    return changes === 1 ? { ok: true, method: 'totp' } : { ok: false, error: 'replayed' };
  }
  const hash = hashRecoveryCode(code);
  if (!hash) return { ok: false, error: 'wrong' };
  const { changes } = db
    .update(recoveryCodes)
    .set({ usedAt: new Date(now).toISOString() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt)))
    .run();
  return changes === 1 ? { ok: true, method: 'recovery', remaining: unusedRecoveryCodes(userId) } : { ok: false, error: 'wrong' };
}

/**
 * The confirmation that a change to two-factor needs (turning it off, new recovery
 * codes): the person's password or a current code of the app. The caller throttles
 * and records a wrong one (confirmationFailed in auth.server).
 */
export async function confirmIdentity({ userId, confirmation }: { userId: number; confirmation: string }): Promise<boolean> {
  if (isAppCode(confirmation)) return checkSecondFactor({ userId, code: confirmation }).ok;
  const user = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  return verifyPassword(confirmation, user?.passwordHash ?? null);
}

// ---------------------------------------------------------------------------------------
// Recovery codes

/** Lower-case letters and digits without the ones people misread (0/o, 1/l/i). */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** The hash of a recovery code as typed (case, spaces and dashes do not matter), or null for something that is none. */
function hashRecoveryCode(typed: string): string | null {
  const normalised = typed.toLowerCase().replace(/[\s-]+/g, '');
  if (!/^[a-z0-9]{10}$/.test(normalised)) return null;
  return createHash('sha256').update(normalised).digest('hex');
}

function replaceRecoveryCodes(userId: number): string[] {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  db.insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code)! })))
    .run();
  return codes;
}

/** New recovery codes (the old ones stop working); returned once. */
export function regenerateRecoveryCodes({
  userId,
  ip,
}: {
  userId: number;
  ip: string | null;
}): { ok: true; recoveryCodes: string[] } | { ok: false; error: 'not_enabled' } {
  return db.transaction(() => {
    if (!hasTwoFactor(userId)) return { ok: false, error: 'not_enabled' } as const;
    const codes = replaceRecoveryCodes(userId);
    recordAudit({ actorId: userId, action: 'two_factor.recovery_codes_regenerated', target: { type: 'user', id: userId }, ip });
    return { ok: true, recoveryCodes: codes } as const;
  });
}

/** Turns two-factor off: the seed and the recovery codes are deleted. */
export function disableTwoFactor({
  userId,
  ip,
}: {
  userId: number;
  ip: string | null;
}): { ok: true } | { ok: false; error: 'not_enabled' } {
  return db.transaction(() => {
    if (!hasTwoFactor(userId)) return { ok: false, error: 'not_enabled' } as const;
    deleteTwoFactorOf(userId);
    recordAudit({ actorId: userId, action: 'two_factor.disabled', target: { type: 'user', id: userId }, ip });
    return { ok: true } as const;
  });
}

/**
 * The beheerder turns off someone's two-factor (lost phone and recovery codes); the
 * person signs in with the password alone and sets it up again (at once, when their
 * role requires it). Refused for oneself: that needs the password or a code.
 */
export function resetTwoFactor({
  actor,
  userId,
  ip,
}: {
  actor: Actor;
  userId: number;
  ip: string | null;
}): { ok: true } | { ok: false; error: 'not_enabled' } {
  if (!canResetTwoFactor(actor, { id: userId })) throw new ForbiddenError('reset two-factor');
  return db.transaction(() => {
    if (!rowOf(userId)) return { ok: false, error: 'not_enabled' } as const;
    deleteTwoFactorOf(userId);
    recordAudit({ actorId: actor.id, action: 'two_factor.disabled', target: { type: 'user', id: userId }, ip, details: { by: 'admin' } });
    return { ok: true } as const;
  });
}

/** Every two-factor row of a person (turning it off; removing the person). Returns how many rows went. */
export function deleteTwoFactorOf(userId: number): number {
  const codes = db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run().changes;
  const seed = db.delete(twoFactor).where(eq(twoFactor.userId, userId)).run().changes;
  return codes + seed;
}

/** For a person's data export: whether and since when, how many recovery codes are left — never the seed or a code. */
export function twoFactorForExport(userId: number) {
  const row = db
    .select({ enabledAt: twoFactor.enabledAt, createdAt: twoFactor.createdAt })
    .from(twoFactor)
    .where(eq(twoFactor.userId, userId))
    .get();
  const codes = db
    .select({ createdAt: recoveryCodes.createdAt, usedAt: recoveryCodes.usedAt })
    .from(recoveryCodes)
    .where(eq(recoveryCodes.userId, userId))
    .all();
  return {
    enabled: row?.enabledAt != null,
    enabledAt: row?.enabledAt ?? null,
    setupStartedAt: row && !row.enabledAt ? row.createdAt : null,
    recoveryCodes: { total: codes.length, used: codes.filter((c) => c.usedAt !== null).map((c) => c.usedAt) },
  };
}
