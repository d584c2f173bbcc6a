/**
 * Two-factor sign-in (issue 14 §2, docs/decisions/018) with real TOTP codes computed
 * from the seed the set-up page shows, on a real database. The clock is faked (Date
 * only) so each step of a test knows which 30-second window its code belongs to.
 */
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';

import { and, count, desc, eq, like } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { hashPassword } from '../../app/models/accounts/password.server';
import { createResetByAdmin } from '../../app/models/accounts/password-reset.server';
import { isTwoFactorRequired } from '../../app/models/accounts/two-factor-policy.server';
import { setDemoAccountsActive } from '../../app/models/accounts/user.server';
import { exportPersonData } from '../../app/models/privacy/person-export.server';
import { removePerson } from '../../app/models/privacy/person-removal.server';
import { action as accountAction, loader as accountLoader } from '../../app/routes/account';
import { action as setupAction, loader as setupLoader } from '../../app/routes/account_.tweestapsverificatie';
import { loader as actionsLoader } from '../../app/routes/acties._index';
import { action as userAction, loader as userLoader } from '../../app/routes/beheer.gebruikers.$userId';
import { action as policyAction, loader as policyLoader } from '../../app/routes/beheer.tweestapsverificatie';
import { action as loginAction } from '../../app/routes/login';
import { action as codeAction, loader as codeLoader } from '../../app/routes/login_.code';
import { action as resetAction } from '../../app/routes/wachtwoord-herstellen.$token';
import { getSessionId, getUser } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import { parseEnv } from '../../app/utils/env.server';
import {
  auditLog,
  loginFailures,
  organisations,
  providerSessions,
  recoveryCodes,
  sessions,
  twoFactor,
  twoFactorRequirements,
  users,
} from '../../db/schema';
import { admit } from '../../server/collab/authenticate';
import { prepareDatabase } from '../setup/database';
import { signInDemoAccounts } from '../setup/demo-users';
import { BASE, payloadOf, runAction, runLoader, statusOf } from '../setup/requests';

const PASSWORD = 'een lang eigen wachtwoord';
/** The start of the current 30-second window, so `later(n)` lands in window + n (near the real time: the database stamps failures with it). */
const T0 = Math.floor(Date.now() / 30_000) * 30_000;

let cookies: Awaited<ReturnType<typeof signInDemoAccounts>>['cookies'];
let ids: Awaited<ReturnType<typeof signInDemoAccounts>>['ids'];

const cookieOf = (response: Response) => (response.headers.get('Set-Cookie') ?? '').split(';')[0];
const setCookies = (response: Response) => response.headers.getSetCookie();
const totpCode = (secret: string, at = Date.now()) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
const later = (steps: number) => vi.setSystemTime(T0 + steps * 30_000 + 5_000);

/** A person with a password of their own (no demo account), signed in: their id, e-mail and session cookie. */
async function createPerson(name: string, role: 'beheerder' | 'werkgroeplid' | 'lezer') {
  const email = `${name.toLowerCase()}@velsen.nl`;
  const organisationId = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Velsen')).get()!.id;
  const id = db
    .insert(users)
    .values({ email, name, role, organisationId, passwordHash: await hashPassword(PASSWORD) })
    .returning({ id: users.id })
    .get().id;
  return { id, email };
}

async function passwordStep(email: string, redirectTo = '/acties') {
  return (await runAction(loginAction, '/login', { email, password: PASSWORD, redirectTo })) as Response;
}

/** A full sign-in without two-factor: the session cookie. */
async function signIn(email: string) {
  const response = await passwordStep(email);
  expect(response.headers.get('Location')).toBe('/acties');
  return cookieOf(response);
}

async function runCode(secondStepCookie: string, code: string) {
  return runAction(codeAction, '/login/code', { code }, { cookie: secondStepCookie });
}

/** Sets up two-factor on the set-up page as the person would: start, read the seed shown as text, confirm with a code. */
async function setUpTwoFactor(cookie: string) {
  expect(statusOf(await runAction(setupAction, '/account/tweestapsverificatie', { intent: 'start' }, { cookie }))).toBe(302);
  const page = payloadOf(await runLoader(setupLoader, '/account/tweestapsverificatie', { cookie }));
  expect(page.status.state).toBe('pending');
  const secret = (page.setup.secretGroups as string[]).join('');
  const confirmed = await runAction(
    setupAction,
    '/account/tweestapsverificatie',
    { intent: 'confirm', code: totpCode(secret) },
    { cookie },
  );
  expect(statusOf(confirmed)).toBe(200);
  return { secret, recoveryCodes: payloadOf(confirmed).recoveryCodes as string[] };
}

const auditActions = (userId: number) =>
  db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.targetId, userId))
    .orderBy(desc(auditLog.id))
    .all();
const auditActionsBy = (userId: number) =>
  db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.actorId, userId))
    .orderBy(desc(auditLog.id))
    .all();
const sessionsOf = (userId: number) => db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()!.n;
const forgiveFailures = (email: string) =>
  db
    .delete(loginFailures)
    .where(like(loginFailures.key, `%${email}%`))
    .run();

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies, ids } = await signInDemoAccounts());
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  later(0);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => {
  db.delete(twoFactorRequirements).run();
});

describe('setting up two-factor on Mijn account', () => {
  it('shows a QR code and the seed as text, is on only after a correct first code, and shows ten recovery codes once', async () => {
    const anna = await createPerson('Anna', 'werkgroeplid');
    const cookie = await signIn(anna.email);
    expect(payloadOf(await runLoader(accountLoader, '/account', { cookie })).twoFactor).toEqual({ state: 'off' });

    await runAction(setupAction, '/account/tweestapsverificatie', { intent: 'start' }, { cookie });
    const page = payloadOf(await runLoader(setupLoader, '/account/tweestapsverificatie', { cookie }));
    expect(page.setup.qrSrc).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(page.setup.qrSrc.split(',')[1], 'base64').toString('utf8')).toContain('<svg');
    const secret = (page.setup.secretGroups as string[]).join('');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    // A wrong code, and something that is no code: a Dutch message beside the field, still off.
    for (const [code, message] of [
      ['000000', 'Deze code klopt niet'],
      ['abc', 'Deze code klopt niet'],
      ['', 'Vul de code in'],
    ]) {
      const wrong = await runAction(setupAction, '/account/tweestapsverificatie', { intent: 'confirm', code }, { cookie });
      expect(statusOf(wrong)).toBe(400);
      expect(payloadOf(wrong).fieldErrors.code).toContain(message);
    }
    expect(db.select().from(twoFactor).where(eq(twoFactor.userId, anna.id)).get()?.enabledAt).toBeNull();

    const code = totpCode(secret);
    const confirmed = await runAction(
      setupAction,
      '/account/tweestapsverificatie',
      { intent: 'confirm', code: `${code.slice(0, 3)} ${code.slice(3)}` },
      { cookie },
    );
    expect(statusOf(confirmed)).toBe(200);
    const codes = payloadOf(confirmed).recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(payloadOf(await runLoader(accountLoader, '/account', { cookie })).twoFactor).toMatchObject({
      state: 'on',
      recoveryCodesLeft: 10,
    });
    expect(auditActions(anna.id).map((r) => r.action)).toContain('two_factor.enabled');
    // The page no longer shows the seed: it is in force.
    expect(payloadOf(await runLoader(setupLoader, '/account/tweestapsverificatie', { cookie })).setup).toBeNull();
  });

  it('stores the seed encrypted and the recovery codes hashed: neither is anywhere in the database file in clear', async () => {
    const bram = await createPerson('Bram', 'lezer');
    const { secret, recoveryCodes: codes } = await setUpTwoFactor(await signIn(bram.email));
    const row = db.select().from(twoFactor).where(eq(twoFactor.userId, bram.id)).get()!;
    expect(row.secretEncrypted).toMatch(/^v1\./);
    expect(row.secretEncrypted).not.toContain(secret);
    const hashes = db.select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, bram.id)).all();
    expect(hashes).toHaveLength(10);
    for (const { hash } of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // Byte for byte: the database and its write-ahead log hold neither the seed nor a code (nor in the audit log).
    db.$client.pragma('wal_checkpoint(FULL)');
    const file = process.env.KOERS_DATABASE!;
    const bytes = [file, `${file}-wal`]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString('latin1'))
      .join('');
    expect(bytes).not.toContain(secret);
    for (const code of codes) {
      expect(bytes).not.toContain(code);
      expect(bytes).not.toContain(code.replace('-', ''));
    }
  });
});

describe('signing in with two-factor', () => {
  let carla: { id: number; email: string };
  let secret: string;
  let codes: string[];

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    later(0);
    carla = await createPerson('Carla', 'werkgroeplid');
    ({ secret, recoveryCodes: codes } = await setUpTwoFactor(await signIn(carla.email)));
    vi.useRealTimers();
  });
  beforeEach(() => forgiveFailures(carla.email));

  it('asks for the code after the right password, on its own page, without signing in yet', async () => {
    const before = sessionsOf(carla.id);
    const response = await passwordStep(carla.email);
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login/code');
    const stepCookie = cookieOf(response);
    expect(stepCookie).toMatch(/^koers_second_step=/);
    expect(response.headers.get('Set-Cookie')).toMatch(/HttpOnly/i);
    expect(response.headers.get('Set-Cookie')).not.toMatch(/koers_session=/);
    expect(sessionsOf(carla.id)).toBe(before);
    // The half-done sign-in opens the code page, and nothing else.
    expect(await runLoader(codeLoader, '/login/code', { cookie: stepCookie })).toBeNull();
    expect(await getUser(new Request(`${BASE}/`, { headers: { Cookie: stepCookie } }))).toBeNull();
    expect(statusOf(await runLoader(actionsLoader, '/acties', { cookie: stepCookie }))).toBe(302);

    later(1);
    const signedIn = (await runCode(stepCookie, totpCode(secret))) as Response;
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get('Location')).toBe('/acties');
    const [session, ended] = setCookies(signedIn);
    expect(session).toMatch(/^koers_session=/);
    expect(ended).toMatch(/^koers_second_step=;.*Max-Age=0/i);
    expect(sessionsOf(carla.id)).toBe(before + 1);
    const user = await getUser(new Request(`${BASE}/`, { headers: { Cookie: session.split(';')[0] } }));
    expect(user?.email).toBe(carla.email);
    const last = db.select().from(auditLog).where(eq(auditLog.actorId, carla.id)).orderBy(desc(auditLog.id)).get()!;
    expect(last.action).toBe('sign_in.succeeded');
    expect(JSON.parse(last.details!)).toEqual({ secondFactor: 'totp' });
  });

  it('refuses a wrong code with a Dutch message beside the field, and records it', async () => {
    const stepCookie = cookieOf(await passwordStep(carla.email));
    const before = sessionsOf(carla.id);
    const wrong = await runCode(stepCookie, '123456');
    expect(statusOf(wrong)).toBe(401);
    expect(payloadOf(wrong).fieldErrors.code).toContain('Deze code klopt niet');
    const empty = await runCode(stepCookie, '   ');
    expect(statusOf(empty)).toBe(400);
    expect(payloadOf(empty).fieldErrors.code).toBe('Vul de code in.');
    expect(sessionsOf(carla.id)).toBe(before);
    expect(auditActions(carla.id)[0]).toMatchObject({
      action: 'two_factor.code_failed',
      details: JSON.stringify({ reason: 'wrong-code', step: 'sign-in' }),
    });
  });

  it('refuses a code that was already used in its 30-second window (replay)', async () => {
    later(3);
    const code = totpCode(secret);
    const first = (await runCode(cookieOf(await passwordStep(carla.email)), code)) as Response;
    expect(first.status).toBe(302);
    const before = sessionsOf(carla.id);
    const again = await runCode(cookieOf(await passwordStep(carla.email)), code);
    expect(statusOf(again)).toBe(401);
    expect(payloadOf(again).fieldErrors.code).toContain('net al gebruikt');
    expect(sessionsOf(carla.id)).toBe(before);
    expect(JSON.parse(auditActions(carla.id)[0].details!)).toMatchObject({ reason: 'code-replayed' });
    // The code of the next window works.
    later(4);
    expect(statusOf(await runCode(cookieOf(await passwordStep(carla.email)), totpCode(secret)))).toBe(302);
  });

  it('throttles wrong codes like wrong passwords: after five, even the right code waits', async () => {
    later(6);
    const stepCookie = cookieOf(await passwordStep(carla.email));
    for (let i = 0; i < 5; i++) expect(statusOf(await runCode(stepCookie, '999999'))).toBe(401);
    const before = sessionsOf(carla.id);
    const throttled = await runCode(stepCookie, totpCode(secret));
    expect(statusOf(throttled)).toBe(429);
    expect(payloadOf(throttled).fieldErrors.code).toContain('Te veel mislukte pogingen');
    expect(sessionsOf(carla.id)).toBe(before);
    // The same counter as the password: the password step is throttled too.
    const password = await runAction(loginAction, '/login', { email: carla.email, password: PASSWORD });
    expect(statusOf(password)).toBe(429);
  });

  it('accepts a recovery code instead, once', async () => {
    const stepCookie = cookieOf(await passwordStep(carla.email));
    const used = (await runCode(stepCookie, codes[0].toUpperCase())) as Response;
    expect(used.status).toBe(302);
    expect(used.headers.get('Location')).toBe('/account/tweestapsverificatie?herstelcodes=9');
    expect(auditActions(carla.id).map((r) => r.action)).toContain('sign_in.recovery_code');
    const again = await runCode(cookieOf(await passwordStep(carla.email)), codes[0]);
    expect(statusOf(again)).toBe(401);
    // Without the dash works too.
    expect(statusOf(await runCode(cookieOf(await passwordStep(carla.email)), codes[1].replace('-', '')))).toBe(302);
  });

  it('a password reset link replaces the password, not the code: the second step follows', async () => {
    later(8);
    const reset = createResetByAdmin({ userId: carla.id, createdBy: ids.beheerder });
    if (!reset.ok) throw new Error(reset.error);
    const before = sessionsOf(carla.id);
    const newPassword = 'een nieuw lang wachtwoord';
    const done = (await runAction(
      resetAction,
      `/wachtwoord-herstellen/${reset.token}`,
      { password: newPassword, repeatPassword: newPassword },
      { params: { token: reset.token } },
    )) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/login/code');
    expect(done.headers.get('Set-Cookie')).not.toMatch(/koers_session=/);
    // The reset ended every session and started none.
    expect(sessionsOf(carla.id)).toBe(0);
    expect(before).toBeGreaterThan(0);
    const signedIn = (await runCode(cookieOf(done), totpCode(secret))) as Response;
    expect(signedIn.headers.get('Location')).toBe('/account?wachtwoord=gewijzigd');
    expect(sessionsOf(carla.id)).toBe(1);
    db.update(users)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(users.id, carla.id))
      .run();
  });

  it('sends a tampered or expired half-done sign-in back to the password', async () => {
    const stepCookie = cookieOf(await passwordStep(carla.email));
    const [name, value] = stepCookie.split('=');
    const forged = `${name}=${Buffer.from(JSON.stringify({ userId: ids.beheerder, until: Date.now() + 60_000, redirectTo: '/' })).toString('base64')}.${value.split('.')[1]}`;
    for (const cookie of [forged, `${name}=x${value}`]) {
      const answer = (await runAction(codeAction, '/login/code', { code: totpCode(secret) }, { cookie })) as Response;
      expect(answer.status).toBe(302);
      expect(answer.headers.get('Location')).toBe('/login?verlopen=ja');
    }
    vi.setSystemTime(Date.now() + 6 * 60_000);
    const expired = (await runCode(stepCookie, totpCode(secret))) as Response;
    expect(expired.headers.get('Location')).toBe('/login?verlopen=ja');
    expect(((await runLoader(codeLoader, '/login/code', { cookie: null })) as Response).headers.get('Location')).toBe('/login?verlopen=ja');
  });
});

describe('changing one’s two-factor', () => {
  it('turns off only with the password or a current code; new recovery codes replace the old', async () => {
    const dirk = await createPerson('Dirk', 'lezer');
    const cookie = await signIn(dirk.email);
    const { secret, recoveryCodes: oldCodes } = await setUpTwoFactor(cookie);
    const path = '/account/tweestapsverificatie';

    const wrong = await runAction(setupAction, path, { intent: 'disable', confirmation: 'niet mijn wachtwoord' }, { cookie });
    expect(statusOf(wrong)).toBe(400);
    expect(payloadOf(wrong).fieldErrors.confirmation).toContain('klopt niet');
    expect(auditActions(dirk.id)[0]).toMatchObject({ action: 'two_factor.code_failed' });
    expect(statusOf(await runAction(setupAction, path, { intent: 'disable', confirmation: '' }, { cookie }))).toBe(400);
    expect(db.select().from(twoFactor).where(eq(twoFactor.userId, dirk.id)).get()?.enabledAt).not.toBeNull();

    later(1);
    const renewed = await runAction(setupAction, path, { intent: 'regenerate', confirmation: totpCode(secret) }, { cookie });
    expect(statusOf(renewed)).toBe(200);
    const newCodes = payloadOf(renewed).recoveryCodes as string[];
    expect(newCodes).toHaveLength(10);
    expect(newCodes.some((c) => oldCodes.includes(c))).toBe(false);
    expect(auditActions(dirk.id)[0].action).toBe('two_factor.recovery_codes_regenerated');

    const off = (await runAction(setupAction, path, { intent: 'disable', confirmation: PASSWORD }, { cookie })) as Response;
    expect(off.headers.get('Location')).toBe(`${path}?uitgezet=ja`);
    expect(db.select({ n: count() }).from(twoFactor).where(eq(twoFactor.userId, dirk.id)).get()!.n).toBe(0);
    expect(db.select({ n: count() }).from(recoveryCodes).where(eq(recoveryCodes.userId, dirk.id)).get()!.n).toBe(0);
    expect(auditActions(dirk.id)[0].action).toBe('two_factor.disabled');
    // Signing in is a password alone again.
    forgiveFailures(dirk.email);
    expect((await passwordStep(dirk.email)).headers.get('Location')).toBe('/acties');
  });

  it('the beheerder can turn off someone else’s (lost phone and codes), nobody else can, and not their own there', async () => {
    const gijs = await createPerson('Gijs', 'lezer');
    await setUpTwoFactor(await signIn(gijs.email));
    const path = `/beheer/gebruikers/${gijs.id}`;
    const rows = () => db.select({ n: count() }).from(twoFactor).where(eq(twoFactor.userId, gijs.id)).get()!.n;
    for (const who of ['haarlem', 'zandvoort', 'adviseur', 'lezer'] as const) {
      const refused = await runAction(
        userAction,
        path,
        { intent: 'two-factor-reset' },
        { params: { userId: String(gijs.id) }, cookie: cookies[who] },
      );
      expect(statusOf(refused)).toBe(403);
      expect(rows()).toBe(1);
    }
    expect(payloadOf(await runLoader(userLoader, path, { params: { userId: String(gijs.id) }, cookie: cookies.beheerder })).twoFactor).toBe(
      'on',
    );
    const done = (await runAction(
      userAction,
      path,
      { intent: 'two-factor-reset' },
      { params: { userId: String(gijs.id) }, cookie: cookies.beheerder },
    )) as Response;
    expect(done.headers.get('Location')).toBe(`${path}?melding=tweestapsverificatie`);
    expect(rows()).toBe(0);
    expect(db.select({ n: count() }).from(recoveryCodes).where(eq(recoveryCodes.userId, gijs.id)).get()!.n).toBe(0);
    const logged = db.select().from(auditLog).where(eq(auditLog.targetId, gijs.id)).orderBy(desc(auditLog.id)).get()!;
    expect([logged.action, logged.actorId, JSON.parse(logged.details!)]).toEqual(['two_factor.disabled', ids.beheerder, { by: 'admin' }]);
    expect((await passwordStep(gijs.email)).headers.get('Location')).toBe('/acties');
    // Their own, on the beheer page: refused (Mijn account asks the password or a code).
    const self = `/beheer/gebruikers/${ids.beheerder}`;
    const own = await runAction(
      userAction,
      self,
      { intent: 'two-factor-reset' },
      { params: { userId: String(ids.beheerder) }, cookie: cookies.beheerder },
    );
    expect(statusOf(own)).toBe(403);
  });

  it('answers a post no form sends with 400, changing nothing', async () => {
    const cookie = cookies.lezer;
    expect(statusOf(await runAction(setupAction, '/account/tweestapsverificatie', { intent: 'iets' }, { cookie }))).toBe(400);
  });
});

describe('two-factor required per role', () => {
  const policyPath = '/beheer/tweestapsverificatie';
  const requirementRows = () => db.select().from(twoFactorRequirements).all();

  it('is by default required for beheerders only on an installation without active demo accounts', async () => {
    expect(isTwoFactorRequired('beheerder')).toBe(false);
    setDemoAccountsActive(false);
    try {
      expect(isTwoFactorRequired('beheerder')).toBe(true);
      expect(isTwoFactorRequired('werkgroeplid')).toBe(false);
    } finally {
      setDemoAccountsActive(true);
      // Turning them off ended their sessions.
      ({ cookies, ids } = await signInDemoAccounts());
    }
  });

  it.each(['haarlem', 'zandvoort', 'adviseur', 'lezer'] as const)('cannot be changed by %s (403, nothing stored)', async (who) => {
    const before = requirementRows();
    expect(statusOf(await runLoader(policyLoader, policyPath, { cookie: cookies[who] }))).toBe(403);
    const refused = await runAction(
      policyAction,
      policyPath,
      { 'role-werkgroeplid': 'ja', 'role-beheerder': 'ja' },
      { cookie: cookies[who] },
    );
    expect(statusOf(refused)).toBe(403);
    expect(requirementRows()).toEqual(before);
  });

  it('is enforced on the server for every page and form until the person has set it up; demo accounts are exempt', async () => {
    const eva = await createPerson('Eva', 'werkgroeplid');
    const evaCookie = await signIn(eva.email);
    expect(statusOf(await runLoader(actionsLoader, '/acties', { cookie: evaCookie }))).toBe(200);

    // The beheerder requires it for werkgroepleden (bad input first: refused, nothing stored).
    expect(statusOf(await runAction(policyAction, policyPath, { 'role-lezer': 'misschien' }, { cookie: cookies.beheerder }))).toBe(400);
    expect(requirementRows()).toEqual([]);
    const saved = (await runAction(
      policyAction,
      policyPath,
      { 'role-beheerder': 'ja', 'role-werkgroeplid': 'ja' },
      { cookie: cookies.beheerder },
    )) as Response;
    expect(saved.headers.get('Location')).toBe(`${policyPath}?opgeslagen=ja`);
    expect(isTwoFactorRequired('werkgroeplid')).toBe(true);
    expect(isTwoFactorRequired('lezer')).toBe(false);
    const logged = db.select().from(auditLog).where(eq(auditLog.action, 'two_factor.requirement_changed')).get()!;
    expect(logged.actorId).toBe(ids.beheerder);
    expect(JSON.parse(logged.details!)).toEqual({ requiredFor: 'beheerder, werkgroeplid' });
    expect(payloadOf(await runLoader(policyLoader, policyPath, { cookie: cookies.beheerder })).withoutTwoFactor).toBeGreaterThan(0);

    // A page load and a form post: both sent to the set-up page; the post changes nothing.
    const page = (await runLoader(actionsLoader, '/acties', { cookie: evaCookie })) as Response;
    expect(page.status).toBe(302);
    expect(page.headers.get('Location')).toBe('/account/tweestapsverificatie?verplicht=ja');
    const hashBefore = db.select({ h: users.passwordHash }).from(users).where(eq(users.id, eva.id)).get()!.h;
    const post = (await runAction(
      accountAction,
      '/account',
      { currentPassword: PASSWORD, newPassword: 'een ander lang wachtwoord', repeatPassword: 'een ander lang wachtwoord' },
      { cookie: evaCookie },
    )) as Response;
    expect(post.headers.get('Location')).toBe('/account/tweestapsverificatie?verplicht=ja');
    expect(db.select({ h: users.passwordHash }).from(users).where(eq(users.id, eva.id)).get()!.h).toBe(hashBefore);
    // A fresh sign-in lands there too.
    const fresh = await signIn(eva.email);
    expect(statusOf(await runLoader(accountLoader, '/account', { cookie: fresh }))).toBe(302);
    // The live notes refuse the connection too (recorded as a denial).
    const upgrade = (cookie: string) =>
      admit(
        { headers: { cookie, host: 'localhost' }, socket: { remoteAddress: '10.0.0.5' } } as unknown as IncomingMessage,
        'meeting.1',
        undefined,
      );
    expect(await upgrade(evaCookie)).toMatchObject({ ok: false, status: 403 });
    expect(JSON.parse(auditActionsBy(eva.id)[0].details!)).toMatchObject({ channel: 'websocket', reason: 'two-factor-setup' });
    // The set-up page itself opens and says why.
    expect(payloadOf(await runLoader(setupLoader, '/account/tweestapsverificatie', { cookie: evaCookie })).mustSetUp).toBe(true);

    // A session started through the organisation's provider is not asked (its multi-factor applies).
    const viaProvider = await signIn(eva.email);
    db.insert(providerSessions)
      .values({ sessionId: (await getSessionId(viaProvider))!, providerId: 'test', idToken: 'x' })
      .run();
    expect(statusOf(await runLoader(actionsLoader, '/acties', { cookie: viaProvider }))).toBe(200);

    // A demo werkgroeplid keeps signing in with the password alone.
    expect(statusOf(await runLoader(actionsLoader, '/acties', { cookie: cookies.haarlem }))).toBe(200);

    // Once set up, everything works again.
    await setUpTwoFactor(evaCookie);
    expect(statusOf(await runLoader(actionsLoader, '/acties', { cookie: evaCookie }))).toBe(200);
    expect(await upgrade(evaCookie)).toMatchObject({ ok: true, access: 'write' });

    // Back to the default: nothing required for werkgroepleden.
    await runAction(policyAction, policyPath, { 'role-beheerder': 'ja' }, { cookie: cookies.beheerder });
    expect(isTwoFactorRequired('werkgroeplid')).toBe(false);
  });
});

describe('privacy and configuration', () => {
  it("a person's data export says whether two-factor is on, never the seed; removing the person deletes the rows", async () => {
    const fleur = await createPerson('Fleur', 'lezer');
    const { secret, recoveryCodes: codes } = await setUpTwoFactor(await signIn(fleur.email));
    const exported = exportPersonData(fleur.id)!;
    expect(exported.twoFactor).toMatchObject({ enabled: true, recoveryCodes: { total: 10, used: [] } });
    const text = JSON.stringify(exported);
    expect(text).not.toContain(secret);
    for (const code of codes) expect(text).not.toContain(code);

    const admin = { id: ids.beheerder, role: 'beheerder' as const, organisationId: 1 };
    expect(removePerson({ actor: admin, userId: fleur.id, ip: null })).toEqual({ ok: true });
    expect(db.select({ n: count() }).from(twoFactor).where(eq(twoFactor.userId, fleur.id)).get()!.n).toBe(0);
    expect(db.select({ n: count() }).from(recoveryCodes).where(eq(recoveryCodes.userId, fleur.id)).get()!.n).toBe(0);
    const removed = db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.removed'), eq(auditLog.targetId, fleur.id)))
      .get()!;
    expect(JSON.parse(removed.details!)).toMatchObject({ twoFactor: 1, recovery: 10 });
  });

  it('stops a real installation in production without a valid KOERS_SECRET_KEY, naming the setting; the demo runs without', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', KOERS_DEMO: 'off' })).toThrow(/KOERS_SECRET_KEY: required in production/);
    expect(() => parseEnv({ NODE_ENV: 'production', KOERS_SECRET_KEY: 'te-kort' })).toThrow(/KOERS_SECRET_KEY: use 64 hexadecimal/);
    expect(parseEnv({ NODE_ENV: 'production' }).KOERS_SECRET_KEY).toBeUndefined();
    expect(parseEnv({ NODE_ENV: 'production', KOERS_SECRET_KEY: 'a'.repeat(64) }).KOERS_SECRET_KEY).toBe('a'.repeat(64));
    expect(parseEnv({ NODE_ENV: 'development' }).KOERS_SECRET_KEY).toBeUndefined();
  });
});
