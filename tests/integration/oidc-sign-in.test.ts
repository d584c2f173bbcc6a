/**
 * Sign-in with the organisation's account, end to end: Koers's routes (through the Remix
 * loaders and actions) against a real OpenID Connect provider on this machine. Every
 * refusal lands on the login page with its reason and creates no session.
 */
import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { configureOidc, configureOidcAtStartUp, OidcConfigError, parseOidcConfig } from '../../app/models/accounts/oidc/oidc-config.server';
import { findSessionUser } from '../../app/models/accounts/session.server';
import { asActor } from '../../app/models/permissions';
import { exportPersonData } from '../../app/models/privacy/person-export.server';
import { removePerson } from '../../app/models/privacy/person-removal.server';
import { pruneExpiredData } from '../../app/models/privacy/retention.server';
import { action as usersAction, loader as usersLoader } from '../../app/routes/beheer.gebruikers._index';
import { action as loginAction, loader as loginLoader } from '../../app/routes/login';
import { loader as startLoader } from '../../app/routes/login_.oidc.$provider';
import { loader as callbackLoader } from '../../app/routes/login_.oidc.$provider_.callback';
import { action as logoutAction } from '../../app/routes/logout';
import { db } from '../../app/utils/db.server';
import { accessRequests, auditLog, organisations, providerSessions, sessions, userIdentities, users } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId } from '../setup/demo-users';
import { koersProviderConfig, signInAtProvider, startTestOidcProvider, type TestOidcProvider } from '../setup/oidc-provider';
import { BASE, payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

let provider: TestOidcProvider;

beforeAll(async () => {
  await prepareDatabase();
  provider = await startTestOidcProvider({
    redirectUris: [`${BASE}/login/oidc/test/callback`],
    postLogoutRedirectUris: [`${BASE}/login`],
  });
  configureOidc(parseOidcConfig({ providers: [koersProviderConfig(provider.issuer)] }));
});

afterAll(async () => {
  await provider.close();
});

/** /login/oidc/test: the provider's authorization URL and the flow cookie. */
async function startFlow(path = '/login/oidc/test') {
  const response = (await runLoader(startLoader, path, { params: { provider: 'test' } })) as Response;
  expect(response.status).toBe(302);
  const flowCookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('koers_oidc_flow='))!
    .split(';')[0];
  return { authorizationUrl: response.headers.get('Location')!, flowCookie };
}

async function callback(url: URL, cookie: string | null) {
  return (await runLoader(callbackLoader, url.pathname + url.search, { params: { provider: 'test' }, cookie })) as Response;
}

/** The whole round trip as a browser makes it; returns Koers's answer to the callback. */
async function signIn(login: string, path?: string) {
  const { authorizationUrl, flowCookie } = await startFlow(path);
  const callbackUrl = await signInAtProvider(authorizationUrl, login);
  return { response: await callback(callbackUrl, flowCookie), callbackUrl, flowCookie };
}

function sessionIdFrom(response: Response): string | null {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('koers_session='));
  const value = cookie?.split(';')[0].slice('koers_session='.length);
  return value ? JSON.parse(Buffer.from(decodeURIComponent(value), 'base64').toString('utf8')) : null;
}

const sessionCount = () => db.select({ n: count() }).from(sessions).get()!.n;
const lastAuditId = () =>
  db
    .select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)` })
    .from(auditLog)
    .get()!.id;
const auditSince = (id: number) => db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id)).all();

/** A refused callback: back to the login page with the reason, no session, the refusal in the audit log. */
async function expectRefused(response: Response, reason: string, sessionsBefore: number, auditBefore: number) {
  expect(response.status).toBe(302);
  expect(response.headers.get('Location')).toBe(`/login?oidc=${reason}`);
  expect(sessionIdFrom(response)).toBeNull();
  expect(sessionCount()).toBe(sessionsBefore);
  const failure = auditSince(auditBefore).find((row) => row.action === 'sign_in.failed');
  expect(JSON.parse(failure!.details!)).toMatchObject({ method: 'oidc', provider: 'test', reason });
  // The login page says what went wrong, in Dutch.
  const page = payloadOf(await runLoader(loginLoader, `/login?oidc=${reason}`));
  expect(page.oidcError).toMatch(/[a-z]/);
}

describe('the login page', () => {
  it('offers the provider beside the password form', async () => {
    const page = payloadOf(await runLoader(loginLoader, '/login'));
    expect(page).toMatchObject({ providers: [{ id: 'test', name: 'Gemeente Haarlem (test)' }], passwordForm: true, oidcError: null });
  });

  it('sends people to the provider with PKCE, state and nonce', async () => {
    const { authorizationUrl, flowCookie } = await startFlow();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${BASE}/login/oidc/test/callback`);
    // The flow's secrets are in the signed cookie, not in the URL.
    expect(authorizationUrl).not.toContain('code_verifier');
    expect(flowCookie).toMatch(/^koers_oidc_flow=.+\..+/);
  });

  it('answers an unknown provider with a message, not an error', async () => {
    const response = (await runLoader(startLoader, '/login/oidc/onbekend', { params: { provider: 'onbekend' } })) as Response;
    expect(response.headers.get('Location')).toBe('/login?oidc=unknownProvider');
  });
});

describe('signing in', () => {
  it('signs an existing active account in, links the identity and records it', async () => {
    const auditBefore = lastAuditId();
    const { response } = await signIn('anouk', '/login/oidc/test?redirectTo=%2Facties');
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/acties');
    const sessionId = sessionIdFrom(response)!;
    expect(findSessionUser(sessionId)?.email).toBe(ACCOUNTS.haarlem);
    // The flow cookie is gone, whatever the outcome.
    expect(response.headers.getSetCookie().some((c) => /^koers_oidc_flow=;/.test(c))).toBe(true);
    const userId = demoUserId('haarlem');
    expect(db.select().from(userIdentities).where(eq(userIdentities.userId, userId)).all()).toMatchObject([
      { providerId: 'test', subject: 'anouk' },
    ]);
    expect(db.select().from(providerSessions).where(eq(providerSessions.sessionId, sessionId)).get()?.providerId).toBe('test');
    const success = auditSince(auditBefore).find((row) => row.action === 'sign_in.succeeded')!;
    expect(success.actorId).toBe(userId);
    expect(JSON.parse(success.details!)).toEqual({ method: 'oidc', provider: 'test' });
  });

  it('refuses the same callback a second time (replayed state)', async () => {
    const { response, callbackUrl, flowCookie } = await signIn('anouk');
    expect(sessionIdFrom(response)).not.toBeNull();
    const sessionsBefore = sessionCount();
    const auditBefore = lastAuditId();
    await expectRefused(await callback(callbackUrl, flowCookie), 'replayed', sessionsBefore, auditBefore);
  });

  it('refuses a callback without the flow cookie, or with a forged one', async () => {
    const { authorizationUrl, flowCookie } = await startFlow();
    const callbackUrl = await signInAtProvider(authorizationUrl, 'anouk');
    const sessionsBefore = sessionCount();
    let auditBefore = lastAuditId();
    await expectRefused(await callback(callbackUrl, null), 'expired', sessionsBefore, auditBefore);
    auditBefore = lastAuditId();
    const forged = flowCookie.replace(/\.[^.]+$/, '.ongeldig');
    await expectRefused(await callback(callbackUrl, forged), 'expired', sessionsBefore, auditBefore);
  });

  it('refuses an ID token for another client (wrong audience)', async () => {
    const sessionsBefore = sessionCount();
    const auditBefore = lastAuditId();
    provider.rewriteNextIdToken((claims, resign) => resign({ ...claims, aud: 'een-andere-applicatie' }));
    const { response } = await signIn('anouk');
    await expectRefused(response, 'invalid_token', sessionsBefore, auditBefore);
  });

  it('refuses an expired ID token', async () => {
    const sessionsBefore = sessionCount();
    const auditBefore = lastAuditId();
    const now = Math.floor(Date.now() / 1000);
    provider.rewriteNextIdToken((claims, resign) => resign({ ...claims, iat: now - 7200, exp: now - 3600 }));
    const { response } = await signIn('anouk');
    await expectRefused(response, 'invalid_token', sessionsBefore, auditBefore);
  });

  it('refuses a tampered ID token (another e-mail address, the signature left as it was)', async () => {
    const sessionsBefore = sessionCount();
    const auditBefore = lastAuditId();
    provider.rewriteNextIdToken((claims, _resign, original) => {
      const [head, , signature] = original.split('.');
      const forged = Buffer.from(JSON.stringify({ ...claims, email: ACCOUNTS.beheerder })).toString('base64url');
      return `${head}.${forged}.${signature}`;
    });
    const { response } = await signIn('anouk');
    await expectRefused(response, 'invalid_token', sessionsBefore, auditBefore);
  });

  it('refuses an ID token with another nonce (signed by the provider)', async () => {
    const sessionsBefore = sessionCount();
    const auditBefore = lastAuditId();
    provider.rewriteNextIdToken((claims, resign) => resign({ ...claims, nonce: 'een-oude-nonce' }));
    const { response } = await signIn('anouk');
    await expectRefused(response, 'invalid_token', sessionsBefore, auditBefore);
  });

  it('refuses an address the provider did not verify', async () => {
    const sessionsBefore = sessionCount();
    const auditBefore = lastAuditId();
    const { response } = await signIn('onbevestigd');
    await expectRefused(response, 'email_unverified', sessionsBefore, auditBefore);
    expect(db.select().from(accessRequests).where(eq(accessRequests.email, 'onbevestigd@haarlem.nl')).all()).toEqual([]);
  });

  it("accepts the provider's own verification claim when configured (Entra ID: xms_edov)", async () => {
    configureOidc(parseOidcConfig({ providers: [koersProviderConfig(provider.issuer, { verifiedEmailClaim: 'xms_edov' })] }));
    try {
      provider.rewriteNextIdToken((claims, resign) => resign({ ...claims, email_verified: undefined, xms_edov: true }));
      const { response } = await signIn('anouk');
      expect(findSessionUser(sessionIdFrom(response)!)?.email).toBe(ACCOUNTS.haarlem);
      // The standard claim alone does not count for such a provider.
      const sessionsBefore = sessionCount();
      const auditBefore = lastAuditId();
      const refused = await signIn('anouk');
      await expectRefused(refused.response, 'email_unverified', sessionsBefore, auditBefore);
    } finally {
      configureOidc(parseOidcConfig({ providers: [koersProviderConfig(provider.issuer)] }));
    }
  });

  it('refuses an address in a domain the provider may not vouch for', async () => {
    const sessionsBefore = sessionCount();
    const auditBefore = lastAuditId();
    const { response } = await signIn('elders');
    await expectRefused(response, 'domain_not_allowed', sessionsBefore, auditBefore);
    expect(db.select().from(accessRequests).where(eq(accessRequests.email, 'iemand@elders.nl')).all()).toEqual([]);
  });

  it('refuses a deactivated account', async () => {
    const lezerId = demoUserId('lezer');
    db.update(users).set({ active: false }).where(eq(users.id, lezerId)).run();
    try {
      const sessionsBefore = sessionCount();
      const auditBefore = lastAuditId();
      const { response } = await signIn('lezer');
      await expectRefused(response, 'inactive', sessionsBefore, auditBefore);
      expect(auditSince(auditBefore).find((row) => row.action === 'sign_in.failed')?.targetId).toBe(lezerId);
    } finally {
      db.update(users).set({ active: true }).where(eq(users.id, lezerId)).run();
    }
  });
});

describe('an unknown person', () => {
  it('becomes a pending request, gets no rights, and can sign in once a beheerder approves', async () => {
    const usersBefore = db.select({ n: count() }).from(users).get()!.n;
    const sessionsBefore = sessionCount();
    const { response } = await signIn('nina');
    expect(response.headers.get('Location')).toBe('/login/aanvraag-ontvangen');
    expect(sessionIdFrom(response)).toBeNull();
    expect(sessionCount()).toBe(sessionsBefore);
    expect(db.select({ n: count() }).from(users).get()!.n).toBe(usersBefore);
    const request = db.select().from(accessRequests).where(eq(accessRequests.email, 'nina.nieuw@haarlem.nl')).get()!;
    expect(request).toMatchObject({ providerId: 'test', subject: 'nina', name: 'Nina Nieuw' });

    // Signing in again keeps one request.
    await signIn('nina');
    expect(db.select({ n: count() }).from(accessRequests).where(eq(accessRequests.email, 'nina.nieuw@haarlem.nl')).get()!.n).toBe(1);

    // The beheerder sees it, with the provider's organisation as the default.
    const beheerder = await sessionFor(ACCOUNTS.beheerder);
    const haarlem = db.select().from(organisations).where(eq(organisations.name, 'Haarlem')).get()!;
    const page = payloadOf(await runLoader(usersLoader, '/beheer/gebruikers', { cookie: beheerder }));
    expect(page.accessRequests).toMatchObject([
      { id: request.id, email: 'nina.nieuw@haarlem.nl', providerName: 'Gemeente Haarlem (test)', organisationId: haarlem.id },
    ]);

    // Bad input: a clear message, nothing changed.
    const bad = await runAction(
      usersAction,
      '/beheer/gebruikers',
      { intent: 'approve', requestId: String(request.id), role: 'koning', organisationId: String(haarlem.id) },
      { cookie: beheerder },
    );
    expect(statusOf(bad)).toBe(400);
    expect(payloadOf(bad).message).toBe('Kies een rol.');
    expect(db.select().from(accessRequests).where(eq(accessRequests.id, request.id)).get()).toBeDefined();

    const approved = await runAction(
      usersAction,
      '/beheer/gebruikers',
      { intent: 'approve', requestId: String(request.id), role: 'gemeente', organisationId: String(haarlem.id) },
      { cookie: beheerder },
    );
    expect(statusOf(approved)).toBe(200);
    expect(payloadOf(approved).message).toContain('Nina Nieuw heeft nu toegang');
    const nina = db.select().from(users).where(eq(users.email, 'nina.nieuw@haarlem.nl')).get()!;
    expect(nina).toMatchObject({ name: 'Nina Nieuw', role: 'gemeente', organisationId: haarlem.id, passwordHash: null, active: true });
    expect(db.select().from(accessRequests).where(eq(accessRequests.id, request.id)).get()).toBeUndefined();
    const audit = db.select().from(auditLog).where(eq(auditLog.action, 'access.approved')).orderBy(desc(auditLog.id)).get()!;
    expect(audit).toMatchObject({ actorId: demoUserId('beheerder'), targetType: 'user', targetId: nina.id });

    const again = await signIn('nina');
    expect(findSessionUser(sessionIdFrom(again.response)!)?.id).toBe(nina.id);
  });

  it('can be rejected; the request is then deleted', async () => {
    await signIn('rik');
    const request = db.select().from(accessRequests).where(eq(accessRequests.email, 'rik.aanvrager@haarlem.nl')).get()!;
    const beheerder = await sessionFor(ACCOUNTS.beheerder);
    const rejected = await runAction(
      usersAction,
      '/beheer/gebruikers',
      { intent: 'reject', requestId: String(request.id) },
      { cookie: beheerder },
    );
    expect(payloadOf(rejected).message).toContain('Rik Aanvrager');
    expect(db.select().from(accessRequests).where(eq(accessRequests.id, request.id)).get()).toBeUndefined();
    expect(db.select().from(users).where(eq(users.email, 'rik.aanvrager@haarlem.nl')).get()).toBeUndefined();
    expect(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'access.rejected'), eq(auditLog.targetId, request.id)))
        .get(),
    ).toBeDefined();
    // Handled twice (two beheerders at once): a message, not an error.
    const twice = await runAction(
      usersAction,
      '/beheer/gebruikers',
      { intent: 'reject', requestId: String(request.id) },
      { cookie: beheerder },
    );
    expect(statusOf(twice)).toBe(400);
  });

  it('cannot be approved or rejected by anyone but a beheerder (403, nothing changed)', async () => {
    await signIn('rik');
    const request = db.select().from(accessRequests).where(eq(accessRequests.email, 'rik.aanvrager@haarlem.nl')).get()!;
    const usersBefore = db.select({ n: count() }).from(users).get()!.n;
    const haarlem = db.select().from(organisations).where(eq(organisations.name, 'Haarlem')).get()!;
    for (const who of ['haarlem', 'zandvoort', 'adviseur', 'lezer'] as const) {
      const cookie = await sessionFor(ACCOUNTS[who]);
      expect(statusOf(await runLoader(usersLoader, '/beheer/gebruikers', { cookie }))).toBe(403);
      const approve = await runAction(
        usersAction,
        '/beheer/gebruikers',
        { intent: 'approve', requestId: String(request.id), role: 'beheerder', organisationId: String(haarlem.id) },
        { cookie },
      );
      expect(statusOf(approve)).toBe(403);
      const reject = await runAction(usersAction, '/beheer/gebruikers', { intent: 'reject', requestId: String(request.id) }, { cookie });
      expect(statusOf(reject)).toBe(403);
    }
    expect(db.select({ n: count() }).from(users).get()!.n).toBe(usersBefore);
    expect(db.select().from(accessRequests).where(eq(accessRequests.id, request.id)).get()).toBeDefined();
  });
});

describe('signing out', () => {
  it('of a provider session ends the session and goes on to the provider with the ID token as hint', async () => {
    const { response } = await signIn('anouk');
    const sessionId = sessionIdFrom(response)!;
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith('koers_session='))!
      .split(';')[0];
    const idToken = db.select().from(providerSessions).where(eq(providerSessions.sessionId, sessionId)).get()!.idToken;
    const out = (await runAction(logoutAction, '/logout', {}, { cookie })) as Response;
    const location = new URL(out.headers.get('Location')!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('id_token_hint')).toBe(idToken);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${BASE}/login`);
    expect(findSessionUser(sessionId)).toBeUndefined();
    expect(db.select().from(providerSessions).where(eq(providerSessions.sessionId, sessionId)).get()).toBeUndefined();
    // The provider accepts it: its sign-out page, not an error.
    const providerAnswer = await fetch(location, { redirect: 'manual' });
    expect(providerAnswer.status).toBe(200);
    expect(await providerAnswer.text()).toContain('logout');
  });

  it('of a password session stays in Koers', async () => {
    const cookie = await sessionFor(ACCOUNTS.velsen);
    const out = (await runAction(logoutAction, '/logout', {}, { cookie })) as Response;
    expect(out.headers.get('Location')).toBe('/login');
  });
});

describe('privacy', () => {
  it("a person's data export lists their organisation accounts; removing them deletes the links and open requests", async () => {
    const userId = demoUserId('haarlem');
    const exported = exportPersonData(userId)!;
    expect(exported.organisationAccounts).toMatchObject([{ provider: 'test', subject: 'anouk' }]);
    // An open request for the same address (made before an account existed) goes with the person too.
    db.insert(accessRequests).values({ providerId: 'test', subject: 'sub-oud', email: ACCOUNTS.haarlem, name: 'Anouk' }).run();
    expect(exportPersonData(userId)!.accessRequests).toHaveLength(1);
    const result = removePerson({
      actor: asActor(
        db
          .select()
          .from(users)
          .where(eq(users.id, demoUserId('beheerder')))
          .get()!,
      ),
      userId,
      ip: null,
    });
    expect(result).toEqual({ ok: true });
    expect(db.select().from(userIdentities).where(eq(userIdentities.userId, userId)).all()).toEqual([]);
    expect(db.select().from(accessRequests).where(eq(accessRequests.email, ACCOUNTS.haarlem)).all()).toEqual([]);
    // And the provider can no longer sign the removed person in (their address is gone).
    const { response } = await signIn('anouk');
    expect(response.headers.get('Location')).toBe('/login/aanvraag-ontvangen');
  });
});

describe('retention', () => {
  it('removes access requests nobody decided on within 90 days', () => {
    const old = new Date(Date.now() - 91 * 24 * 3600 * 1000).toISOString();
    db.insert(accessRequests).values({ providerId: 'test', subject: 'oud', email: 'oud@haarlem.nl', name: 'Oud', createdAt: old }).run();
    db.insert(accessRequests).values({ providerId: 'test', subject: 'vers', email: 'vers@haarlem.nl', name: 'Vers' }).run();
    const removed = pruneExpiredData({ notificationDays: 180 });
    expect(removed.accessRequests).toBe(1);
    expect(db.select({ email: accessRequests.email }).from(accessRequests).where(eq(accessRequests.subject, 'vers')).all()).toEqual([
      { email: 'vers@haarlem.nl' },
    ]);
    expect(db.select().from(accessRequests).where(eq(accessRequests.subject, 'oud')).all()).toEqual([]);
  });
});

describe('the configuration', () => {
  const valid = () => koersProviderConfig('https://login.example.nl/tenant/v2.0', { allowInsecureHttp: false });

  it('names the setting of every mistake and never prints a secret', () => {
    const attempt = () =>
      parseOidcConfig({
        providers: [
          { ...valid(), id: 'Met Spaties', emailDomains: [], issuer: 'http://login.example.nl', clientSecret: 'zeer-geheim-123' },
        ],
      });
    expect(attempt).toThrow(OidcConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('KOERS_OIDC_CONFIG.providers.0.id');
      expect(message).toContain('KOERS_OIDC_CONFIG.providers.0.emailDomains');
      expect(message).toContain('KOERS_OIDC_CONFIG.providers.0.issuer');
      expect(message).not.toContain('zeer-geheim-123');
    }
    expect(() => parseOidcConfig({ providers: [valid(), valid()] })).toThrow(/providers\.1\.id: id 'test' is used twice/);
    expect(() =>
      parseOidcConfig({ providers: [{ ...valid(), clientSecret: undefined, clientSecretEnv: 'KOERS_TEST_UNSET_SECRET' }] }),
    ).toThrow(/clientSecretEnv: environment variable KOERS_TEST_UNSET_SECRET is not set/);
    expect(() => parseOidcConfig({ providers: [{ ...valid(), onbekend: true }] })).toThrow(/KOERS_OIDC_CONFIG\.providers\.0/);
  });

  it('reads the secret from the environment when asked to', () => {
    process.env.KOERS_TEST_OIDC_SECRET = 'uit-de-omgeving';
    const config = parseOidcConfig({ providers: [{ ...valid(), clientSecret: undefined, clientSecretEnv: 'KOERS_TEST_OIDC_SECRET' }] });
    expect(config.providers[0].clientSecret).toBe('uit-de-omgeving');
    delete process.env.KOERS_TEST_OIDC_SECRET;
  });

  it('stops the start-up for a file that cannot be read or an organisation that does not exist', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    expect(() => configureOidcAtStartUp('/nonexistent/providers.json')).toThrow(/KOERS_OIDC_CONFIG: cannot read/);
    const file = path.join(os.tmpdir(), `koers-oidc-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify({ providers: [{ ...valid(), organisation: 'Gemeente Nergenshuizen' }] }));
    expect(() => configureOidcAtStartUp(file)).toThrow(
      /KOERS_OIDC_CONFIG\.providers\.0\.organisation: no organisation named 'Gemeente Nergenshuizen'/,
    );
    fs.writeFileSync(file, '{ niet: json');
    expect(() => configureOidcAtStartUp(file)).toThrow(/is not valid JSON/);
    fs.rmSync(file);
  });

  it('can switch the password form off: the login page shows only the providers and refuses a password post', async () => {
    configureOidc(parseOidcConfig({ passwordForm: 'off', providers: [koersProviderConfig(provider.issuer)] }));
    try {
      expect(payloadOf(await runLoader(loginLoader, '/login')).passwordForm).toBe(false);
      const sessionsBefore = sessionCount();
      const post = await runAction(loginAction, '/login', { email: ACCOUNTS.velsen, password: 'koers-demo' });
      expect(statusOf(post)).toBe(405);
      expect(sessionCount()).toBe(sessionsBefore);
    } finally {
      configureOidc(parseOidcConfig({ providers: [koersProviderConfig(provider.issuer)] }));
    }
  });
});
