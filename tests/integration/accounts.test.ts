import { createHash } from 'node:crypto';

import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { action as accountAction, loader as accountLoader } from '../../app/routes/account';
import { loader as adminHomeLoader } from '../../app/routes/beheer._index';
import { loader as usersLoader } from '../../app/routes/beheer.gebruikers._index';
import { action as userAction, loader as userLoader } from '../../app/routes/beheer.gebruikers.$userId';
import { action as newUserAction, loader as newUserLoader } from '../../app/routes/beheer.gebruikers.nieuw';
import { action as orgAction, loader as orgLoader } from '../../app/routes/beheer.organisaties';
import { action as loginAction } from '../../app/routes/login';
import { action as inviteAction, loader as inviteLoader } from '../../app/routes/uitnodiging.$token';
import { getSessionId } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import { invites, organisations, sessions, users } from '../../db/schema';
import { CliError, createAdmin, parseCreateAdminArgs } from '../../scripts/create-admin';
import { switchDemoAccounts } from '../../scripts/demo-accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

const ADMIN = 'beheer@koers.test';
const NON_ADMINS = ['werkgroep.haarlem@koers.test', 'gemeente.zandvoort@koers.test', 'adviseur@koers.test', 'lezer@koers.test'];
const GOOD_PASSWORD = 'een lange zin als wachtwoord';

let adminCookie: string;

function userByEmail(email: string) {
  return db.select().from(users).where(eq(users.email, email)).get();
}
function orgId(name: string): number {
  return db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get()!.id;
}
/** Everything the admin screens can change (sessions aside). */
function snapshot() {
  return {
    users: db.select().from(users).orderBy(asc(users.id)).all(),
    organisations: db.select().from(organisations).orderBy(asc(organisations.id)).all(),
    invites: db.select().from(invites).orderBy(asc(invites.id)).all(),
  };
}
function tokenOf(url: string): string {
  const match = /\/uitnodiging\/([A-Za-z0-9_-]+)$/.exec(url);
  if (!match) throw new Error(`Not an invite link: ${url}`);
  return match[1];
}
async function invite(fields: Partial<Record<'name' | 'email' | 'role' | 'organisationId', string>> = {}) {
  const result = await runAction(
    newUserAction,
    '/beheer/gebruikers/nieuw',
    {
      name: 'Iris Nieuw',
      email: `nieuw-${Math.random().toString(36).slice(2)}@koers.test`,
      role: 'werkgroeplid',
      organisationId: String(orgId('Bloemendaal')),
      ...fields,
    },
    { cookie: adminCookie },
  );
  return { status: statusOf(result), payload: payloadOf(result) };
}
function userParams(id: number) {
  return { params: { userId: String(id) }, cookie: adminCookie };
}

beforeAll(async () => {
  await prepareDatabase();
  adminCookie = await sessionFor(ADMIN);
});

describe('who may use the beheer screens', () => {
  it('sends visitors who are not signed in to the login page', async () => {
    const result = await runLoader(adminHomeLoader, '/beheer');
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe('/login?redirectTo=%2Fbeheer');
  });

  it.each(NON_ADMINS)('refuses %s every beheer page and every beheer action with 403, changing nothing', async (email) => {
    const cookie = await sessionFor(email);
    const target = userByEmail('werkgroep.velsen@koers.test')!;
    const haarlem = orgId('Haarlem');

    for (const [loader, path, params] of [
      [adminHomeLoader, '/beheer', {}],
      [usersLoader, '/beheer/gebruikers', {}],
      [newUserLoader, '/beheer/gebruikers/nieuw', {}],
      [userLoader, `/beheer/gebruikers/${target.id}`, { userId: String(target.id) }],
      [orgLoader, '/beheer/organisaties', {}],
    ] as const) {
      expect(statusOf(await runLoader(loader, path, { params, cookie })), path).toBe(403);
    }

    const before = snapshot();
    const sessionsBefore = db.select().from(sessions).where(eq(sessions.userId, target.id)).all().length;
    const attempts = [
      () =>
        runAction(
          newUserAction,
          '/beheer/gebruikers/nieuw',
          { name: 'Indringer', email: 'indringer@koers.test', role: 'beheerder', organisationId: String(haarlem) },
          { cookie },
        ),
      () =>
        runAction(
          userAction,
          `/beheer/gebruikers/${target.id}`,
          { intent: 'access', role: 'lezer', organisationId: String(haarlem) },
          { params: { userId: String(target.id) }, cookie },
        ),
      () =>
        runAction(
          userAction,
          `/beheer/gebruikers/${target.id}`,
          { intent: 'deactivate' },
          { params: { userId: String(target.id) }, cookie },
        ),
      () =>
        runAction(
          userAction,
          `/beheer/gebruikers/${target.id}`,
          { intent: 'reactivate' },
          { params: { userId: String(target.id) }, cookie },
        ),
      () =>
        runAction(userAction, `/beheer/gebruikers/${target.id}`, { intent: 'invite' }, { params: { userId: String(target.id) }, cookie }),
      () => runAction(orgAction, '/beheer/organisaties', { intent: 'create', name: 'Nepclub' }, { cookie }),
      () =>
        runAction(
          orgAction,
          '/beheer/organisaties',
          { intent: 'rename', organisationId: String(haarlem), name: 'Nep-Haarlem' },
          { cookie },
        ),
    ];
    for (const attempt of attempts) expect(statusOf(await attempt())).toBe(403);
    expect(snapshot()).toEqual(before);
    expect(db.select().from(sessions).where(eq(sessions.userId, target.id)).all().length).toBe(sessionsBefore);
  });

  it('shows the beheerder the overview, the users with their state and the organisations', async () => {
    const home = payloadOf(await runLoader(adminHomeLoader, '/beheer', { cookie: adminCookie }));
    expect(home.userCount).toBeGreaterThanOrEqual(6);
    const list = payloadOf(await runLoader(usersLoader, '/beheer/gebruikers', { cookie: adminCookie }));
    const lezer = list.users.find((u: { email: string }) => u.email === 'lezer@koers.test');
    expect(lezer).toMatchObject({
      role: 'lezer',
      organisationName: 'Heemstede',
      active: true,
      isDemo: true,
      hasPassword: true,
      openInviteUntil: null,
    });
    const orgs = payloadOf(await runLoader(orgLoader, '/beheer/organisaties', { cookie: adminCookie })).organisations;
    expect(orgs.filter((o: { kind: string }) => o.kind === 'gemeente')).toHaveLength(7);
    expect(orgs.find((o: { name: string }) => o.name === 'Haarlem').userCount).toBeGreaterThanOrEqual(2);
  });

  it('answers an unknown or malformed user id with 404', async () => {
    expect(statusOf(await runLoader(userLoader, '/beheer/gebruikers/999999', userParams(999999)))).toBe(404);
    expect(statusOf(await runLoader(userLoader, '/beheer/gebruikers/abc', { params: { userId: 'abc' }, cookie: adminCookie }))).toBe(404);
    expect(statusOf(await runAction(userAction, '/beheer/gebruikers/999999', { intent: 'deactivate' }, userParams(999999)))).toBe(404);
  });
});

describe('inviting a user', () => {
  it('creates a user without password and shows a one-time link whose token is stored only as a hash', async () => {
    const { status, payload } = await invite({
      name: 'Ingrid Uitgenodigd',
      email: '  Ingrid.U@Gemeente.NL ',
      role: 'gemeente',
      organisationId: String(orgId('Heemskerk')),
    });
    expect(status).toBe(201);
    const created = userByEmail('ingrid.u@gemeente.nl')!;
    expect(created).toMatchObject({
      name: 'Ingrid Uitgenodigd',
      role: 'gemeente',
      organisationId: orgId('Heemskerk'),
      passwordHash: null,
      active: true,
    });
    expect(payload.created.url).toMatch(/^http:\/\/localhost\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(payload.created.url);
    const rows = db.select().from(invites).where(eq(invites.userId, created.id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    const days = (Date.parse(rows[0].expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    // The list shows the open invitation.
    const list = payloadOf(await runLoader(usersLoader, '/beheer/gebruikers', { cookie: adminCookie }));
    expect(list.users.find((u: { id: number }) => u.id === created.id)).toMatchObject({
      hasPassword: false,
      openInviteUntil: rows[0].expiresAt,
    });
  });

  it('refuses a duplicate e-mail address (whatever its case) beside the field, saving nothing', async () => {
    const before = snapshot();
    const { status, payload } = await invite({ email: 'Lezer@Koers.test' });
    expect(status).toBe(400);
    expect(payload.fieldErrors.email).toBe('Er is al een gebruiker met dit e-mailadres.');
    expect(payload.values.email).toBe('lezer@koers.test');
    expect(snapshot()).toEqual(before);
  });

  it('refuses bad input beside each field, saving nothing', async () => {
    const before = snapshot();
    const { status, payload } = await invite({ name: '  ', email: 'geen-adres', role: 'koning', organisationId: 'x' });
    expect(status).toBe(400);
    expect(Object.keys(payload.fieldErrors).sort()).toEqual(['email', 'name', 'organisationId', 'role']);
    const unknownOrg = await invite({ organisationId: '99999' });
    expect(unknownOrg.status).toBe(400);
    expect(unknownOrg.payload.fieldErrors.organisationId).toBe('Deze organisatie bestaat niet.');
    expect(snapshot()).toEqual(before);
  });

  it('lets the invitee choose a password once, which signs them in; a second use is refused', async () => {
    const { payload } = await invite({ name: 'Eenmalig', email: 'eenmalig@koers.test' });
    const token = tokenOf(payload.created.url);
    const path = `/uitnodiging/${token}`;
    const page = await runLoader(inviteLoader, path, { params: { token } });
    expect(statusOf(page)).toBe(200);
    expect(payloadOf(page).invitee).toEqual({ name: 'Eenmalig', email: 'eenmalig@koers.test' });

    // Too short, or not repeated the same: messages beside the fields, nothing saved.
    const short = await runAction(inviteAction, path, { password: 'kort', repeatPassword: 'kort' }, { params: { token } });
    expect(statusOf(short)).toBe(400);
    expect(payloadOf(short).fieldErrors.password).toContain('12 tekens');
    const differ = await runAction(
      inviteAction,
      path,
      { password: GOOD_PASSWORD, repeatPassword: `${GOOD_PASSWORD}!` },
      { params: { token } },
    );
    expect(statusOf(differ)).toBe(400);
    expect(payloadOf(differ).fieldErrors.repeatPassword).toBe('De twee wachtwoorden zijn niet gelijk.');
    expect(userByEmail('eenmalig@koers.test')!.passwordHash).toBeNull();

    const accepted = (await runAction(
      inviteAction,
      path,
      { password: GOOD_PASSWORD, repeatPassword: GOOD_PASSWORD },
      { params: { token } },
    )) as Response;
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get('Location')).toBe('/');
    const cookie = (accepted.headers.get('Set-Cookie') ?? '').split(';')[0];
    const account = payloadOf(await runLoader(accountLoader, '/account', { cookie }));
    expect(account.account.email).toBe('eenmalig@koers.test');
    const user = userByEmail('eenmalig@koers.test')!;
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(db.select().from(invites).where(eq(invites.userId, user.id)).get()!.usedAt).not.toBeNull();

    // The link is used up: the page and the form both refuse it, and the password stays.
    const again = await runLoader(inviteLoader, path, { params: { token } });
    expect(statusOf(again)).toBe(410);
    expect(payloadOf(again)).toMatchObject({ invalid: 'used', invitee: null });
    const reuse = await runAction(
      inviteAction,
      path,
      { password: 'een ander lang wachtwoord', repeatPassword: 'een ander lang wachtwoord' },
      { params: { token } },
    );
    expect(statusOf(reuse)).toBe(410);
    expect(userByEmail('eenmalig@koers.test')!.passwordHash).toBe(user.passwordHash);

    // And the chosen password works on the login page.
    expect(statusOf(await runAction(loginAction, '/login', { email: 'eenmalig@koers.test', password: GOOD_PASSWORD }))).toBe(302);
  });

  it('refuses an expired link with 410 and an unknown one with 404', async () => {
    const { payload } = await invite({ email: 'verlopen@koers.test' });
    const token = tokenOf(payload.created.url);
    const user = userByEmail('verlopen@koers.test')!;
    db.update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(invites.userId, user.id))
      .run();
    const page = await runLoader(inviteLoader, `/uitnodiging/${token}`, { params: { token } });
    expect(statusOf(page)).toBe(410);
    expect(payloadOf(page).invalid).toBe('expired');
    const post = await runAction(
      inviteAction,
      `/uitnodiging/${token}`,
      { password: GOOD_PASSWORD, repeatPassword: GOOD_PASSWORD },
      { params: { token } },
    );
    expect(statusOf(post)).toBe(410);
    expect(userByEmail('verlopen@koers.test')!.passwordHash).toBeNull();

    for (const bad of ['x'.repeat(43), 'kort', '../../etc', 'a'.repeat(500)]) {
      const result = await runLoader(inviteLoader, `/uitnodiging/${encodeURIComponent(bad)}`, { params: { token: bad } });
      expect(statusOf(result)).toBe(404);
      expect(payloadOf(result).invalid).toBe('unknown');
    }
  });

  it('issues a new link on the user page, which makes the earlier unused link stop working', async () => {
    const { payload } = await invite({ email: 'tweede-link@koers.test' });
    const first = tokenOf(payload.created.url);
    const user = userByEmail('tweede-link@koers.test')!;
    const result = await runAction(userAction, `/beheer/gebruikers/${user.id}`, { intent: 'invite' }, userParams(user.id));
    expect(statusOf(result)).toBe(201);
    const second = tokenOf(payloadOf(result).invite.url);
    expect(second).not.toBe(first);
    expect(statusOf(await runLoader(inviteLoader, '/x', { params: { token: first } }))).toBe(410);
    expect(statusOf(await runLoader(inviteLoader, '/x', { params: { token: second } }))).toBe(200);
  });

  it('refuses the link of a deactivated account', async () => {
    const { payload } = await invite({ email: 'gestopt@koers.test' });
    const token = tokenOf(payload.created.url);
    const user = userByEmail('gestopt@koers.test')!;
    await runAction(userAction, `/beheer/gebruikers/${user.id}`, { intent: 'deactivate' }, userParams(user.id));
    expect(payloadOf(await runLoader(inviteLoader, '/x', { params: { token } })).invalid).toBe('inactive');
    const post = await runAction(inviteAction, '/x', { password: GOOD_PASSWORD, repeatPassword: GOOD_PASSWORD }, { params: { token } });
    expect(statusOf(post)).toBe(410);
    expect(userByEmail('gestopt@koers.test')!.passwordHash).toBeNull();
    // No new link for an inactive account either.
    expect(statusOf(await runAction(userAction, '/x', { intent: 'invite' }, userParams(user.id)))).toBe(400);
  });
});

describe('changing a user', () => {
  it('changes role and organisation', async () => {
    const { payload } = await invite({ email: 'wissel@koers.test', role: 'lezer' });
    const id = payload.created.userId as number;
    const result = await runAction(
      userAction,
      '/x',
      { intent: 'access', role: 'adviseur', organisationId: String(orgId('Qwasp')) },
      userParams(id),
    );
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe(`/beheer/gebruikers/${id}?melding=toegang`);
    expect(userByEmail('wissel@koers.test')).toMatchObject({ role: 'adviseur', organisationId: orgId('Qwasp') });
    const page = payloadOf(await runLoader(userLoader, `/beheer/gebruikers/${id}?melding=toegang`, userParams(id)));
    expect(page.notice).toBe('Rol en organisatie zijn opgeslagen.');
  });

  it('refuses a bad role or organisation beside the field, saving nothing', async () => {
    const id = userByEmail('lezer@koers.test')!.id;
    const before = snapshot();
    const result = await runAction(userAction, '/x', { intent: 'access', role: 'superuser', organisationId: '0' }, userParams(id));
    expect(statusOf(result)).toBe(400);
    expect(Object.keys(payloadOf(result).fieldErrors).sort()).toEqual(['organisationId', 'role']);
    expect(statusOf(await runAction(userAction, '/x', { intent: 'verwijder' }, userParams(id)))).toBe(400);
    expect(snapshot()).toEqual(before);
  });

  it('does not let a beheerder demote or deactivate themself', async () => {
    const me = userByEmail(ADMIN)!;
    const before = snapshot();
    const demote = await runAction(
      userAction,
      '/x',
      { intent: 'access', role: 'werkgroeplid', organisationId: String(me.organisationId) },
      userParams(me.id),
    );
    expect(statusOf(demote)).toBe(400);
    expect(payloadOf(demote).fieldErrors.role).toContain('eigen rol');
    const deactivate = await runAction(userAction, '/x', { intent: 'deactivate' }, userParams(me.id));
    expect(statusOf(deactivate)).toBe(400);
    expect(payloadOf(deactivate).formError).toBe('U kunt uw eigen account niet deactiveren.');
    expect(snapshot()).toEqual(before);
    // Moving to another organisation while staying beheerder is fine.
    const move = await runAction(
      userAction,
      '/x',
      { intent: 'access', role: 'beheerder', organisationId: String(orgId('Velsen')) },
      userParams(me.id),
    );
    expect(statusOf(move)).toBe(302);
    await runAction(
      userAction,
      '/x',
      { intent: 'access', role: 'beheerder', organisationId: String(me.organisationId) },
      userParams(me.id),
    );
  });
});

describe('organisations', () => {
  it('adds a partner organisation, refusing a name that exists (whatever its case)', async () => {
    const added = await runAction(
      orgAction,
      '/beheer/organisaties',
      { intent: 'create', name: '  Bibliotheek Zuid-Kennemerland ' },
      { cookie: adminCookie },
    );
    expect(statusOf(added)).toBe(302);
    const row = db.select().from(organisations).where(eq(organisations.name, 'Bibliotheek Zuid-Kennemerland')).get();
    expect(row?.kind).toBe('partner');

    const before = snapshot();
    const duplicate = await runAction(orgAction, '/beheer/organisaties', { intent: 'create', name: 'haarlem' }, { cookie: adminCookie });
    expect(statusOf(duplicate)).toBe(400);
    expect(payloadOf(duplicate).fieldErrors.name).toBe('Er is al een organisatie met deze naam.');
    const empty = await runAction(orgAction, '/beheer/organisaties', { intent: 'create', name: '   ' }, { cookie: adminCookie });
    expect(statusOf(empty)).toBe(400);
    expect(snapshot()).toEqual(before);
  });

  it('renames an organisation, refusing a name another one has', async () => {
    const id = orgId('Stichting ABC');
    const renamed = await runAction(
      orgAction,
      '/x',
      { intent: 'rename', organisationId: String(id), name: 'Stichting ABC Noord-Holland' },
      { cookie: adminCookie },
    );
    expect(statusOf(renamed)).toBe(302);
    expect(db.select().from(organisations).where(eq(organisations.id, id)).get()?.name).toBe('Stichting ABC Noord-Holland');

    const before = snapshot();
    const clash = await runAction(orgAction, '/x', { intent: 'rename', organisationId: String(id), name: 'CJG' }, { cookie: adminCookie });
    expect(statusOf(clash)).toBe(400);
    expect(payloadOf(clash)).toMatchObject({ organisationId: id, fieldErrors: { name: 'Er is al een organisatie met deze naam.' } });
    expect(
      statusOf(await runAction(orgAction, '/x', { intent: 'rename', organisationId: '999999', name: 'Wie' }, { cookie: adminCookie })),
    ).toBe(404);
    expect(
      statusOf(await runAction(orgAction, '/x', { intent: 'delete', organisationId: String(orgId('Haarlem')) }, { cookie: adminCookie })),
    ).toBe(400);
    expect(snapshot()).toEqual(before);
    // Changing only the case of its own name is allowed.
    expect(
      statusOf(
        await runAction(
          orgAction,
          '/x',
          { intent: 'rename', organisationId: String(id), name: 'Stichting ABC noord-holland' },
          { cookie: adminCookie },
        ),
      ),
    ).toBe(302);
  });
});

describe('changing one’s own password', () => {
  async function newAccount(email: string) {
    const { payload } = await invite({ email });
    const token = tokenOf(payload.created.url);
    const accepted = (await runAction(
      inviteAction,
      '/x',
      { password: GOOD_PASSWORD, repeatPassword: GOOD_PASSWORD },
      { params: { token } },
    )) as Response;
    return (accepted.headers.get('Set-Cookie') ?? '').split(';')[0];
  }
  async function loginCookie(email: string, password: string) {
    const result = await runAction(loginAction, '/login', { email, password });
    expect(statusOf(result)).toBe(302);
    return ((result as Response).headers.get('Set-Cookie') ?? '').split(';')[0];
  }

  it('shows the own account', async () => {
    const cookie = await sessionFor('adviseur@koers.test');
    const page = payloadOf(await runLoader(accountLoader, '/account', { cookie }));
    expect(page.account).toEqual({
      name: 'Fatima El Amrani',
      email: 'adviseur@koers.test',
      role: 'adviseur',
      organisationName: 'Stichting Lezen en Schrijven',
    });
  });

  it('requires the right current password and a new one of at least 12 characters, repeated', async () => {
    const email = 'wachtwoord1@koers.test';
    const cookie = await newAccount(email);
    const hash = userByEmail(email)!.passwordHash;
    const wrong = await runAction(
      accountAction,
      '/account',
      { currentPassword: 'fout fout fout', newPassword: 'nieuw en lang genoeg', repeatPassword: 'nieuw en lang genoeg' },
      { cookie },
    );
    expect(statusOf(wrong)).toBe(400);
    expect(payloadOf(wrong).fieldErrors).toEqual({ currentPassword: 'Dit is niet uw huidige wachtwoord.' });
    const short = await runAction(
      accountAction,
      '/account',
      { currentPassword: GOOD_PASSWORD, newPassword: 'te kort', repeatPassword: 'te kort' },
      { cookie },
    );
    expect(payloadOf(short).fieldErrors.newPassword).toBe('Het wachtwoord moet minstens 12 tekens lang zijn.');
    const differ = await runAction(
      accountAction,
      '/account',
      { currentPassword: GOOD_PASSWORD, newPassword: 'nieuw en lang genoeg', repeatPassword: 'iets anders lang' },
      { cookie },
    );
    expect(payloadOf(differ).fieldErrors.repeatPassword).toBe('De twee wachtwoorden zijn niet gelijk.');
    expect(userByEmail(email)!.passwordHash).toBe(hash);
  });

  it('changes the password, ends every other session and keeps this one', async () => {
    const email = 'wachtwoord2@koers.test';
    const cookie = await newAccount(email);
    const laptop = await loginCookie(email, GOOD_PASSWORD);
    const phone = await loginCookie(email, GOOD_PASSWORD);
    const result = await runAction(
      accountAction,
      '/account',
      { currentPassword: GOOD_PASSWORD, newPassword: 'mijn nieuwe wachtwoordzin', repeatPassword: 'mijn nieuwe wachtwoordzin' },
      { cookie },
    );
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe('/account?wachtwoord=gewijzigd');

    const id = userByEmail(email)!.id;
    const left = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, id)).all();
    expect(left.map((s) => s.id)).toEqual([await getSessionId(cookie)]);
    expect(statusOf(await runLoader(accountLoader, '/account', { cookie: laptop }))).toBe(302);
    expect(statusOf(await runLoader(accountLoader, '/account', { cookie: phone }))).toBe(302);
    const page = await runLoader(accountLoader, '/account?wachtwoord=gewijzigd', { cookie });
    expect(payloadOf(page).changed).toBe(true);

    expect(statusOf(await runAction(loginAction, '/login', { email, password: GOOD_PASSWORD }))).toBe(401);
    expect(statusOf(await runAction(loginAction, '/login', { email, password: 'mijn nieuwe wachtwoordzin' }))).toBe(302);
  });
});

describe('command line tools', () => {
  it('create-admin: refuses bad arguments with a clear message', () => {
    expect(() => parseCreateAdminArgs([])).toThrow(CliError);
    expect(() => parseCreateAdminArgs(['--email'])).toThrow(/--email heeft een waarde nodig/);
    expect(() => parseCreateAdminArgs(['--email', 'geen-adres'])).toThrow(/Geen geldig e-mailadres/);
    expect(() => parseCreateAdminArgs(['--mail', 'a@b.nl'])).toThrow(/Onbekend argument: --mail/);
    expect(parseCreateAdminArgs(['--email', 'A@B.nl', '--name=Anna Admin', '--organisation', 'Haarlem'])).toEqual({
      email: 'a@b.nl',
      name: 'Anna Admin',
      organisation: 'Haarlem',
    });
    expect(() => createAdmin({ email: 'x@y.nl', name: 'X', organisation: 'Atlantis' }, 'http://localhost:3000')).toThrow(
      /Onbekende organisatie: Atlantis/,
    );
    expect(() => createAdmin({ email: 'x@y.nl', organisation: 'Haarlem' }, 'http://localhost:3000')).toThrow(/--name/);
    expect(userByEmail('x@y.nl')).toBeUndefined();
  });

  it('create-admin: creates a beheerder with a working one-time link', async () => {
    const result = createAdmin(
      { email: 'echte.beheerder@haarlem.nl', name: 'Echte Beheerder', organisation: 'haarlem' },
      'https://koers.example.nl/',
    );
    expect(result.output).toContain('is aangemaakt');
    expect(result.link).toMatch(/^https:\/\/koers\.example\.nl\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
    expect(userByEmail('echte.beheerder@haarlem.nl')).toMatchObject({
      role: 'beheerder',
      organisationId: orgId('Haarlem'),
      passwordHash: null,
    });
    const token = tokenOf(result.link);
    const accepted = await runAction(inviteAction, '/x', { password: GOOD_PASSWORD, repeatPassword: GOOD_PASSWORD }, { params: { token } });
    expect(statusOf(accepted)).toBe(302);
    const cookie = await loginAs('echte.beheerder@haarlem.nl', GOOD_PASSWORD);
    expect(statusOf(await runLoader(adminHomeLoader, '/beheer', { cookie }))).toBe(200);
  });

  it('create-admin: promotes an existing account', () => {
    const result = createAdmin({ email: 'werkgroep.haarlem@koers.test' }, 'http://localhost:3000');
    expect(result.created).toBe(false);
    expect(userByEmail('werkgroep.haarlem@koers.test')).toMatchObject({ role: 'beheerder', active: true, isDemo: false });
    db.update(users).set({ role: 'werkgroeplid', isDemo: true }).where(eq(users.email, 'werkgroep.haarlem@koers.test')).run();
  });

  // Last: it turns the demo accounts off for the rest of this file.
  it('demo-accounts off: deactivates every demo account and ends its sessions', async () => {
    const cookie = await sessionFor('lezer@koers.test');
    expect(() => switchDemoAccounts('uit')).toThrow(/Gebruik/);
    const message = switchDemoAccounts('off');
    expect(message).toMatch(/^\d+ demo-account\(s\) gedeactiveerd/);
    const demo = db.select().from(users).where(eq(users.isDemo, true)).all();
    expect(demo.length).toBeGreaterThanOrEqual(5);
    expect(demo.every((u) => !u.active)).toBe(true);
    expect(statusOf(await runLoader(accountLoader, '/account', { cookie }))).toBe(302);
    expect(statusOf(await runAction(loginAction, '/login', { email: 'lezer@koers.test', password: 'koers-demo' }))).toBe(401);
    // Real accounts are untouched.
    expect(userByEmail('echte.beheerder@haarlem.nl')!.active).toBe(true);
  });
});

async function loginAs(email: string, password: string) {
  const result = await runAction(loginAction, '/login', { email, password });
  return ((result as Response).headers.get('Set-Cookie') ?? '').split(';')[0];
}
