import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { loader as accountLoader } from '../../app/routes/account';
import { action as userAction } from '../../app/routes/beheer.gebruikers.$userId';
import { action as loginAction, loader as loginLoader } from '../../app/routes/login';
import { action as logoutAction } from '../../app/routes/logout';
import { getSessionId, getUser } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import { safeRedirect } from '../../app/utils/redirect';
import { sessions, users } from '../../db/schema';
import { prepareDatabase } from '../setup/database';
import { BASE, payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

const PASSWORD = 'koers-demo';

function userId(email: string): number {
  return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
}

function sessionCount(email: string): number {
  return db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, userId(email)))
    .all().length;
}

/** The "name=value" pair of a Set-Cookie header, usable as a Cookie header. */
function cookieOf(response: Response): string {
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0];
}

beforeAll(async () => {
  await prepareDatabase();
});

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax cookie holding only a session id backed by a sessions row', async () => {
    const before = sessionCount('lezer@koers.test');
    const result = await runAction(loginAction, '/login', { email: 'Lezer@Koers.test ', password: PASSWORD, redirectTo: '/acties' });
    expect(result).toBeInstanceOf(Response);
    const response = result as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/acties');
    const setCookie = response.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(/^koers_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const id = await getSessionId(cookieOf(response));
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(db.select().from(sessions).where(eq(sessions.id, id!)).get()?.userId).toBe(userId('lezer@koers.test'));
    expect(sessionCount('lezer@koers.test')).toBe(before + 1);
    // The cookie signs the user in.
    const user = await getUser(new Request(`${BASE}/`, { headers: { Cookie: cookieOf(response) } }));
    expect(user?.email).toBe('lezer@koers.test');
  });

  it('never redirects off-site after login', async () => {
    const result = (await runAction(loginAction, '/login', {
      email: 'lezer@koers.test',
      password: PASSWORD,
      redirectTo: '//evil.example/x',
    })) as Response;
    expect(result.headers.get('Location')).toBe('/');
  });

  it('refuses a wrong password with 401 and a message, and creates no session', async () => {
    const before = sessionCount('werkgroep.velsen@koers.test');
    const result = await runAction(loginAction, '/login', { email: 'werkgroep.velsen@koers.test', password: 'niet-het-wachtwoord' });
    expect(statusOf(result)).toBe(401);
    expect(payloadOf(result).formError).toContain('onjuist wachtwoord');
    expect(sessionCount('werkgroep.velsen@koers.test')).toBe(before);
  });

  it('refuses an unknown account with the same message', async () => {
    const result = await runAction(loginAction, '/login', { email: 'niemand@koers.test', password: 'wat-dan-ook' });
    expect(statusOf(result)).toBe(401);
    expect(payloadOf(result).formError).toContain('onjuist wachtwoord');
  });

  it('answers an empty form with 400 and messages beside the fields', async () => {
    const result = await runAction(loginAction, '/login', { email: 'geen-adres', password: '' });
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors).toMatchObject({ email: expect.any(String), password: expect.any(String) });
  });

  it('throttles the 6th attempt on one account, even with the right password', async () => {
    const email = 'gemeente.zandvoort@koers.test';
    for (let i = 0; i < 5; i++) {
      const result = await runAction(loginAction, '/login', { email, password: `fout-${i}` });
      expect(statusOf(result)).toBe(401);
    }
    const sixth = await runAction(loginAction, '/login', { email, password: PASSWORD });
    expect(statusOf(sixth)).toBe(429);
    expect(payloadOf(sixth).formError).toContain('Te veel mislukte pogingen');
    // Other accounts are not affected.
    const other = await runAction(loginAction, '/login', { email: 'adviseur@koers.test', password: PASSWORD });
    expect(statusOf(other)).toBe(302);
  });

  it('sends a signed-in user away from the login page', async () => {
    const cookie = await sessionFor('adviseur@koers.test');
    const result = await runLoader(loginLoader, '/login', { cookie });
    expect(statusOf(result)).toBe(302);
  });
});

describe('logout', () => {
  it('deletes the session row and clears the cookie', async () => {
    const cookie = await sessionFor('werkgroep.haarlem@koers.test');
    const id = await getSessionId(cookie);
    expect(db.select().from(sessions).where(eq(sessions.id, id!)).get()).toBeDefined();
    const result = (await runAction(logoutAction, '/logout', {}, { cookie })) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe('/login');
    expect(result.headers.get('Set-Cookie')).toMatch(/koers_session=;.*Max-Age=0/i);
    expect(db.select().from(sessions).where(eq(sessions.id, id!)).get()).toBeUndefined();
    // The old cookie no longer signs anyone in.
    const after = await runLoader(accountLoader, '/account', { cookie });
    expect(statusOf(after)).toBe(302);
    expect((after as Response).headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
  });
});

describe('deactivation', () => {
  it("ends a deactivated user's sessions at once and refuses their login", async () => {
    const email = 'werkgroep.velsen@koers.test';
    const victim = await sessionFor(email);
    const secondDevice = await sessionFor(email);
    expect(statusOf(await runLoader(accountLoader, '/account', { cookie: victim }))).toBe(200);

    const admin = await sessionFor('beheer@koers.test');
    const id = userId(email);
    const result = await runAction(
      userAction,
      `/beheer/gebruikers/${id}`,
      { intent: 'deactivate' },
      { params: { userId: String(id) }, cookie: admin },
    );
    expect(statusOf(result)).toBe(302);

    expect(sessionCount(email)).toBe(0);
    for (const cookie of [victim, secondDevice]) {
      expect(statusOf(await runLoader(accountLoader, '/account', { cookie }))).toBe(302);
    }
    const login = await runAction(loginAction, '/login', { email, password: PASSWORD });
    expect(statusOf(login)).toBe(401);

    // Reactivated, the account can log in again.
    await runAction(userAction, `/beheer/gebruikers/${id}`, { intent: 'reactivate' }, { params: { userId: String(id) }, cookie: admin });
    expect(statusOf(await runAction(loginAction, '/login', { email, password: PASSWORD }))).toBe(302);
  });
});

describe('safeRedirect', () => {
  it('keeps local paths and refuses everything else', () => {
    expect(safeRedirect('/acties?status=loopt')).toBe('/acties?status=loopt');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('javascript:alert(1)')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
