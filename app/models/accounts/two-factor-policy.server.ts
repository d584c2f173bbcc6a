/**
 * Which roles must sign in with a second factor (docs/decisions/018-two-factor.md).
 * The beheerder sets it per role; a role never set follows the default: required for
 * beheerders, except on an installation that still has active demo accounts (a demo or
 * test installation, where everybody signs in with the demo password). Demo accounts
 * themselves are never asked: they keep signing in with their password alone.
 */
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';

import { providerSessions, twoFactor, twoFactorRequirements, users } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { recordAudit } from '../audit/audit-log.server';
import { ForbiddenError } from '../errors';
import { type Actor, canSetTwoFactorRequirements, type Role, ROLES } from '../permissions';

function hasActiveDemoAccounts(): boolean {
  return (
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.isDemo, true), eq(users.active, true)))
      .limit(1)
      .get() !== undefined
  );
}

function defaultRequirement(role: Role, demoInstallation: () => boolean): boolean {
  return role === 'beheerder' && !demoInstallation();
}

export type RoleRequirement = { role: Role; required: boolean; isDefault: boolean };

/** Every role with whether two-factor is required, and whether that is the default or a choice of the beheerder. */
export function listTwoFactorRequirements(): RoleRequirement[] {
  const stored = new Map(
    db
      .select()
      .from(twoFactorRequirements)
      .all()
      .map((row) => [row.role, row.required]),
  );
  let demo: boolean | undefined;
  const demoInstallation = () => (demo ??= hasActiveDemoAccounts());
  return ROLES.map((role) => {
    const choice = stored.get(role);
    return choice === undefined
      ? { role, required: defaultRequirement(role, demoInstallation), isDefault: true }
      : { role, required: choice, isDefault: false };
  });
}

// Asked on every request (requireUser).
const requirementOfRole = preparedOnce(() =>
  db
    .select({ required: twoFactorRequirements.required })
    .from(twoFactorRequirements)
    .where(eq(twoFactorRequirements.role, sql.placeholder('role')))
    .prepare(),
);

/** Must people of this role sign in with a second factor? */
export function isTwoFactorRequired(role: Role): boolean {
  const row = requirementOfRole().get({ role });
  return row ? row.required : defaultRequirement(role, hasActiveDemoAccounts);
}

/**
 * Must this signed-in person set up two-factor before anything else? Their role
 * requires it, they are no demo account, they have a password, this session was not
 * started through their organisation's provider, and they have not confirmed it yet. Asked on
 * every request (requireUser, the live notes), so the cheap question comes first.
 */
export function mustSetUpTwoFactor(user: { id: number; role: Role }, sessionId: string): boolean {
  if (!isTwoFactorRequired(user.role)) return false;
  // Signed in through the organisation's provider (issue 14 §1): its own multi-factor applies.
  if (db.select({ id: providerSessions.sessionId }).from(providerSessions).where(eq(providerSessions.sessionId, sessionId)).get())
    return false;
  const row = db
    .select({ isDemo: users.isDemo, hasPassword: sql<number>`${users.passwordHash} is not null`, enabledAt: twoFactor.enabledAt })
    .from(users)
    .leftJoin(twoFactor, eq(twoFactor.userId, users.id))
    .where(eq(users.id, user.id))
    .get();
  // Two-factor is for password accounts: one without a password signs in through its organisation's provider.
  return row !== undefined && !row.isDemo && row.hasPassword === 1 && row.enabledAt === null;
}

/** How many active people with a password have a required role but no two-factor yet (shown to the beheerder). */
export function countWithoutRequiredTwoFactor(): number {
  const required = listTwoFactorRequirements()
    .filter((r) => r.required)
    .map((r) => r.role);
  if (required.length === 0) return 0;
  return (
    db
      .select({ n: count() })
      .from(users)
      .leftJoin(twoFactor, and(eq(twoFactor.userId, users.id), isNotNull(twoFactor.enabledAt)))
      .where(
        and(
          eq(users.active, true),
          eq(users.isDemo, false),
          isNotNull(users.passwordHash),
          sql`${twoFactor.userId} is null`,
          sql`${users.role} in ${required}`,
        ),
      )
      .get()?.n ?? 0
  );
}

/** Saves the requirement of every role (the beheer form sends them all); records the change when there is one. */
export function setTwoFactorRequirements({ actor, required, ip }: { actor: Actor; required: Role[]; ip: string | null }): {
  changed: boolean;
} {
  if (!canSetTwoFactorRequirements(actor)) throw new ForbiddenError('set two-factor requirements');
  return db.transaction(() => {
    const before = listTwoFactorRequirements();
    const wanted = new Set(required);
    for (const role of ROLES) {
      const value = { role, required: wanted.has(role), updatedBy: actor.id, updatedAt: new Date().toISOString() };
      db.insert(twoFactorRequirements).values(value).onConflictDoUpdate({ target: twoFactorRequirements.role, set: value }).run();
    }
    const differs = before.some((r) => r.required !== wanted.has(r.role));
    if (differs) {
      recordAudit({
        actorId: actor.id,
        action: 'two_factor.requirement_changed',
        ip,
        details: { requiredFor: ROLES.filter((role) => wanted.has(role)).join(', ') || '—' },
      });
    }
    return { changed: differs };
  });
}
