import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { action as userAction } from '../../app/routes/beheer.gebruikers.$userId';
import { action as newUserAction } from '../../app/routes/beheer.gebruikers.nieuw';
import { action as loginAction } from '../../app/routes/login';
import { action as resetAction, loader as resetLoader } from '../../app/routes/wachtwoord-herstellen.$token';
import { action as forgotAction, loader as forgotLoader } from '../../app/routes/wachtwoord-vergeten';
import { getSessionId } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import { organisations, passwordResets, sessions, users } from '../../db/schema';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';
import { type ReceivedMail, startTestSmtp } from '../setup/smtp';

// E-mail on for this file: a real SMTP server on a port of its own.
vi.hoisted(() => {
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = '2532';
  process.env.SMTP_FROM = 'Koers <koers@koers.test>';
  process.env.KOERS_PUBLIC_URL = 'https://koers.example.nl';
});

const VELSEN = 'werkgroep.velsen@koers.test';
const NEW_PASSWORD = 'een nieuwe lange wachtwoordzin';

let inbox: ReceivedMail[];
let stop: () => Promise<void>;

const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
const linkIn = (mail: ReceivedMail, path: string) =>
  new RegExp(`https://koers\\.example\\.nl/${path}/([A-Za-z0-9_-]{43})`).exec(mail.text)?.[1];
const ask = (email: string, client = '10.0.0.1') =>
  runAction((args) => forgotAction({ ...args, context: { clientAddress: client } }), '/wachtwoord-vergeten', { email });

beforeAll(async () => {
  await prepareDatabase();
  ({ inbox, stop } = await startTestSmtp(2532));
});
afterAll(() => stop());

describe('Wachtwoord vergeten, with e-mail on', () => {
  it('mails a one-time link that sets a new password and ends every other session', async () => {
    const otherSession = await sessionFor(VELSEN);
    expect((await runLoader(forgotLoader, '/wachtwoord-vergeten')) as object).toEqual({ emailOn: true });

    const answer = await ask(VELSEN.toUpperCase());
    expect(statusOf(answer)).toBe(200);
    expect(payloadOf(answer).done).toBe(true);
    await expect.poll(() => inbox.length, { timeout: 5000 }).toBe(1);
    expect(inbox[0].to).toEqual([VELSEN]);
    expect(inbox[0].subject).toBe('Nieuw wachtwoord voor Koers');
    const token = linkIn(inbox[0], 'wachtwoord-herstellen')!;
    expect(token).toBeTruthy();
    // Only the hash is stored, and the link is valid for an hour.
    const row = db.select().from(passwordResets).orderBy(asc(passwordResets.id)).all().at(-1)!;
    expect(row.tokenHash).not.toContain(token);
    expect(Date.parse(row.expiresAt) - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    expect(Date.parse(row.expiresAt) - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);

    expect(statusOf(await runLoader(resetLoader, `/wachtwoord-herstellen/${token}`, { params: { token } }))).toBe(200);
    // The same password rules as everywhere; a refused attempt does not use up the link.
    const short = await runAction(resetAction, '/x', { password: 'kort', repeatPassword: 'kort' }, { params: { token } });
    expect(statusOf(short)).toBe(400);
    expect(payloadOf(short).fieldErrors.password).toBe('Het wachtwoord moet minstens 12 tekens lang zijn.');

    const done = await runAction(resetAction, '/x', { password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD }, { params: { token } });
    expect(statusOf(done)).toBe(302);
    expect((done as Response).headers.get('Location')).toBe('/account?wachtwoord=gewijzigd');
    const newSession = await getSessionId((done as Response).headers.get('Set-Cookie'));
    const left = db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, userId(VELSEN)))
      .all();
    expect(left.map((s) => s.id)).toEqual([newSession]);
    expect(left.map((s) => s.id)).not.toContain(await getSessionId(otherSession));

    // The new password works, the link only once.
    const login = await runAction(loginAction, '/login', { email: VELSEN, password: NEW_PASSWORD, redirectTo: '/' });
    expect(statusOf(login)).toBe(302);
    const again = await runAction(resetAction, '/x', { password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD }, { params: { token } });
    expect(statusOf(again)).toBe(410);
    expect(statusOf(await runLoader(resetLoader, `/wachtwoord-herstellen/${token}`, { params: { token } }))).toBe(410);
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const before = inbox.length;
    const answer = await ask('niemand@koers.test', '10.0.0.2');
    expect(statusOf(answer)).toBe(200);
    expect(payloadOf(answer)).toEqual({ fieldErrors: {}, email: '', done: true, throttled: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inbox.length).toBe(before);
  });

  it('throttles per address and per client, with a Dutch message, whether or not the account exists', async () => {
    for (const email of ['lezer@koers.test', 'bestaat.niet@koers.test']) {
      for (let i = 0; i < 3; i++) expect(statusOf(await ask(email, `10.1.0.${i}`))).toBe(200);
      const fourth = await ask(email, '10.1.0.9');
      expect(statusOf(fourth)).toBe(429);
      expect(payloadOf(fourth).throttled).toBe(true);
    }
    for (let i = 0; i < 10; i++) await ask(`iemand${i}@koers.test`, '10.2.0.1');
    expect(statusOf(await ask('adviseur@koers.test', '10.2.0.1'))).toBe(429);
  });

  it('refuses a link after it expired, and an older link once a newer one was sent', async () => {
    const to = 'gemeente.zandvoort@koers.test';
    await ask(to, '10.3.0.1');
    await ask(to, '10.3.0.2');
    const mails = () => inbox.filter((m) => m.to.includes(to));
    await expect.poll(() => mails().length, { timeout: 5000 }).toBe(2);
    // The two mails may arrive in either order: exactly one link still works, the newer one.
    const tokens = mails().map((m) => linkIn(m, 'wachtwoord-herstellen')!);
    const statuses = await Promise.all(tokens.map(async (token) => statusOf(await runLoader(resetLoader, '/x', { params: { token } }))));
    expect([...statuses].sort()).toEqual([200, 410]);
    const newer = tokens[statuses.indexOf(200)];
    db.update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .run();
    const late = await runAction(resetAction, '/x', { password: NEW_PASSWORD, repeatPassword: NEW_PASSWORD }, { params: { token: newer } });
    expect(statusOf(late)).toBe(410);
    expect(payloadOf(late).invalid).toBe('expired');
  });

  it('e-mails the invitation and a beheerder-made reset link as well as showing them', async () => {
    const admin = await sessionFor('beheer@koers.test');
    const orgId = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Heemstede')).get()!.id;
    const before = inbox.length;
    const invited = payloadOf(
      await runAction(
        newUserAction,
        '/beheer/gebruikers/nieuw',
        { name: 'Mila Mail', email: 'mila.mail@heemstede.nl', role: 'lezer', organisationId: String(orgId) },
        { cookie: admin },
      ),
    );
    expect(invited.created.mail).toBe('sent');
    expect(inbox.length).toBe(before + 1);
    expect(inbox.at(-1)!.to).toEqual(['mila.mail@heemstede.nl']);
    expect(linkIn(inbox.at(-1)!, 'uitnodiging')).toBe(/\/uitnodiging\/(.+)$/.exec(invited.created.url)![1]);

    const id = String(userId('lezer@koers.test'));
    const reset = payloadOf(
      await runAction(userAction, `/beheer/gebruikers/${id}`, { intent: 'reset' }, { params: { userId: id }, cookie: admin }),
    );
    expect(reset.reset.mail).toBe('sent');
    expect(linkIn(inbox.at(-1)!, 'wachtwoord-herstellen')).toBe(/\/wachtwoord-herstellen\/(.+)$/.exec(reset.reset.url)![1]);
  });
});
