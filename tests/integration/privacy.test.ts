import { and, asc, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { pruneExpiredData } from '../../app/models/privacy/retention.server';
import { action as userAction, loader as userLoader } from '../../app/routes/beheer.gebruikers.$userId';
import { loader as exportLoader } from '../../app/routes/beheer.gebruikers.$userId_.gegevens[.json]';
import { action as removeAction, loader as removeLoader } from '../../app/routes/beheer.gebruikers.$userId_.verwijderen';
import { action as editAction, loader as editLoader } from '../../app/routes/beheer.verklaringen.$key';
import { loader as privacyLoader } from '../../app/routes/privacy';
import { loader as accessibilityLoader } from '../../app/routes/toegankelijkheid';
import { login } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import {
  auditLog,
  comments,
  follows,
  history,
  invites,
  notificationPreferences,
  notifications,
  removedPersons,
  sessions,
  siteTexts,
  users,
} from '../../db/schema';
import { type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, statusOf } from '../setup/requests';

const NON_ADMINS: Who[] = ['haarlem', 'zandvoort', 'adviseur', 'lezer'];
let cookies: Record<Who, string>;
let ids: Record<Who, number>;

const rowsOf = (userId: number) => ({
  sessions: db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()!.n,
  notifications: db.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId)).get()!.n,
  follows: db.select({ n: count() }).from(follows).where(eq(follows.userId, userId)).get()!.n,
  preferences: db.select({ n: count() }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).get()!.n,
  invites: db.select({ n: count() }).from(invites).where(eq(invites.userId, userId)).get()!.n,
});
const userRow = (userId: number) => db.select().from(users).where(eq(users.id, userId)).get()!;

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies, ids } = await signInDemoAccounts());
});

describe("a person's data export", () => {
  it.each(NON_ADMINS)('is refused to %s with 403', async (who) => {
    const result = await runLoader(exportLoader, `/beheer/gebruikers/${ids.haarlem}/gegevens.json`, {
      params: { userId: String(ids.haarlem) },
      cookie: cookies[who],
    });
    expect(statusOf(result)).toBe(403);
  });

  it('holds what Koers keeps about the person, no secret, and is recorded', async () => {
    db.update(users).set({ calendarToken: 'geheim-agenda-token-1234567890' }).where(eq(users.id, ids.haarlem)).run();
    const response = (await runLoader(exportLoader, `/beheer/gebruikers/${ids.haarlem}/gegevens.json`, {
      params: { userId: String(ids.haarlem) },
      cookie: cookies.beheerder,
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toMatch(
      /attachment; filename="koers-gegevens-persoon-\d+-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const text = await response.text();
    const exported = JSON.parse(text);
    expect(exported.account).toMatchObject({ email: 'werkgroep.haarlem@koers.test', hasPassword: true, hasCalendarFeed: true });
    expect(exported.sessions.count).toBeGreaterThan(0);
    const ownComments = db.select({ n: count() }).from(comments).where(eq(comments.authorId, ids.haarlem)).get()!.n;
    expect(exported.comments).toHaveLength(ownComments);
    expect(exported.historyEntries.length).toBe(db.select({ n: count() }).from(history).where(eq(history.userId, ids.haarlem)).get()!.n);
    for (const key of [
      'progressReports',
      'notifications',
      'notificationPreferences',
      'follows',
      'libraryItems',
      'auditEntries',
      'meetings',
    ]) {
      expect(exported).toHaveProperty(key);
    }
    expect(exported.auditEntries.some((e: { action: string }) => e.action === 'sign_in.succeeded')).toBe(true);
    expect(text).not.toContain('scrypt$');
    expect(text).not.toContain('geheim-agenda-token');
    const last = db
      .select()
      .from(auditLog)
      .orderBy(sql`id desc`)
      .get()!;
    expect([last.action, last.actorId, last.targetId]).toEqual(['person.data_exported', ids.beheerder, ids.haarlem]);
  });
});

describe('removing a person', () => {
  it.each(NON_ADMINS)('is refused to %s with 403, changing nothing', async (who) => {
    const before = { user: userRow(ids.velsen), rows: rowsOf(ids.velsen) };
    const params = { params: { userId: String(ids.velsen) }, cookie: cookies[who] };
    expect(statusOf(await runLoader(removeLoader, `/beheer/gebruikers/${ids.velsen}/verwijderen`, params))).toBe(403);
    expect(statusOf(await runAction(removeAction, `/beheer/gebruikers/${ids.velsen}/verwijderen`, { confirm: 'ja' }, params))).toBe(403);
    expect({ user: userRow(ids.velsen), rows: rowsOf(ids.velsen) }).toEqual(before);
  });

  it('a beheerder cannot remove themself', async () => {
    const params = { params: { userId: String(ids.beheerder) }, cookie: cookies.beheerder };
    expect(statusOf(await runLoader(removeLoader, `/beheer/gebruikers/${ids.beheerder}/verwijderen`, params))).toBe(403);
    expect(statusOf(await runAction(removeAction, `/beheer/gebruikers/${ids.beheerder}/verwijderen`, { confirm: 'ja' }, params))).toBe(403);
    expect(userRow(ids.beheerder).name).not.toBe('Voormalig gebruiker');
  });

  it('asks for the confirmation beside the box, changing nothing without it', async () => {
    const before = userRow(ids.velsen);
    const params = { params: { userId: String(ids.velsen) }, cookie: cookies.beheerder };
    const page = payloadOf(await runLoader(removeLoader, `/beheer/gebruikers/${ids.velsen}/verwijderen`, params));
    expect(page.user.email).toBe('werkgroep.velsen@koers.test');
    expect(typeof page.openActions).toBe('number');
    const result = await runAction(removeAction, `/beheer/gebruikers/${ids.velsen}/verwijderen`, {}, params);
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors).toEqual({ confirm: 'Vink aan dat u begrijpt dat dit niet ongedaan kan worden gemaakt.' });
    expect(userRow(ids.velsen)).toEqual(before);
  });

  it('anonymises the account, deletes what served only the person, keeps the history readable', async () => {
    const velsen = ids.velsen;
    db.insert(follows).values({ userId: velsen, targetType: 'goal', targetId: 1 }).onConflictDoNothing().run();
    db.update(users).set({ calendarToken: 'velsen-agenda-token-1234567890' }).where(eq(users.id, velsen)).run();
    const historyBefore = db.select().from(history).where(eq(history.userId, velsen)).orderBy(asc(history.id)).all();
    const commentsBefore = db.select().from(comments).where(eq(comments.authorId, velsen)).orderBy(asc(comments.id)).all();
    expect(rowsOf(velsen).sessions).toBeGreaterThan(0);

    const params = { params: { userId: String(velsen) }, cookie: cookies.beheerder };
    const result = await runAction(removeAction, `/beheer/gebruikers/${velsen}/verwijderen`, { confirm: 'ja' }, params);
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe(`/beheer/gebruikers/${velsen}?melding=verwijderd`);

    expect(userRow(velsen)).toMatchObject({
      name: 'Voormalig gebruiker',
      email: `voormalig-${velsen}@verwijderd.invalid`,
      passwordHash: null,
      active: false,
      calendarToken: null,
    });
    expect(rowsOf(velsen)).toEqual({ sessions: 0, notifications: 0, follows: 0, preferences: 0, invites: 0 });
    expect(db.select().from(history).where(eq(history.userId, velsen)).orderBy(asc(history.id)).all()).toEqual(historyBefore);
    expect(db.select().from(comments).where(eq(comments.authorId, velsen)).orderBy(asc(comments.id)).all()).toEqual(commentsBefore);
    expect(db.select().from(removedPersons).where(eq(removedPersons.userId, velsen)).get()).toMatchObject({ removedBy: ids.beheerder });
    expect(await login('werkgroep.velsen@koers.test', 'koers-demo', '10.0.0.1')).toEqual({ ok: false, error: 'invalid' });
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.removed'), eq(auditLog.targetId, velsen)))
      .get()!;
    expect(audit.actorId).toBe(ids.beheerder);

    // The beheer page says so, and no form there brings the account back.
    const page = payloadOf(await runLoader(userLoader, `/beheer/gebruikers/${velsen}`, params));
    expect(page.removedAt).toBeTruthy();
    for (const intent of ['reactivate', 'invite']) {
      const refused = await runAction(userAction, `/beheer/gebruikers/${velsen}`, { intent }, params);
      expect(statusOf(refused)).toBe(400);
    }
    expect(userRow(velsen).active).toBe(false);
    expect(rowsOf(velsen).invites).toBe(0);
    // Removing twice: the confirmation page sends back to the person.
    expect(statusOf(await runLoader(removeLoader, `/beheer/gebruikers/${velsen}/verwijderen`, params))).toBe(302);
  });
});

describe('retention of notifications and sessions', () => {
  it('removes read notifications past the setting and expired sessions; keeps unread ones and live sessions', () => {
    const lezer = ids.lezer;
    db.insert(notifications)
      .values([
        { userId: lezer, kind: 'mention', message: 'oud gelezen', link: '/', dedupeKey: 'r1', readAt: '2020-01-01T00:00:00.000Z' },
        { userId: lezer, kind: 'mention', message: 'oud ongelezen', link: '/', dedupeKey: 'r2', createdAt: '2020-01-01T00:00:00.000Z' },
        { userId: lezer, kind: 'mention', message: 'recent gelezen', link: '/', dedupeKey: 'r3', readAt: new Date().toISOString() },
      ])
      .run();
    db.insert(sessions).values({ id: 'verlopen-sessie', userId: lezer, expiresAt: '2020-01-01T00:00:00.000Z' }).run();
    const removed = pruneExpiredData({ notificationDays: 180 });
    expect(removed.notifications).toBeGreaterThanOrEqual(1);
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
    const left = db.select({ message: notifications.message }).from(notifications).where(eq(notifications.userId, lezer)).all();
    expect(left.map((n) => n.message)).toEqual(expect.arrayContaining(['oud ongelezen', 'recent gelezen']));
    expect(left.map((n) => n.message)).not.toContain('oud gelezen');
    expect(db.select().from(sessions).where(eq(sessions.id, 'verlopen-sessie')).get()).toBeUndefined();
    expect(rowsOf(lezer).sessions).toBeGreaterThan(0);
    expect(
      db
        .select()
        .from(auditLog)
        .orderBy(sql`id desc`)
        .get()!.action,
    ).toBe('retention.pruned');
  });
});

describe('the privacy and accessibility statements', () => {
  it('are public, with a default text that names the axe-core checks', async () => {
    const privacy = payloadOf(await runLoader(privacyLoader, '/privacy'));
    expect(privacy).toMatchObject({ key: 'privacy', isDefault: true, mayEdit: false });
    const accessibility = payloadOf(await runLoader(accessibilityLoader, '/toegankelijkheid'));
    expect(accessibility.body).toContain('axe-core');
    expect(payloadOf(await runLoader(accessibilityLoader, '/toegankelijkheid', { cookie: cookies.beheerder })).mayEdit).toBe(true);
  });

  it.each(NON_ADMINS)('cannot be edited by %s (403, unchanged)', async (who) => {
    const params = { params: { key: 'privacy' }, cookie: cookies[who] };
    expect(statusOf(await runLoader(editLoader, '/beheer/verklaringen/privacy', params))).toBe(403);
    expect(statusOf(await runAction(editAction, '/beheer/verklaringen/privacy', { intent: 'save', body: 'Nep' }, params))).toBe(403);
    expect(db.select().from(siteTexts).all()).toEqual([]);
  });

  it('are edited by the beheerder: an empty text is refused beside the field, a good one shown publicly, and the default comes back', async () => {
    const params = { params: { key: 'privacy' }, cookie: cookies.beheerder };
    const empty = await runAction(editAction, '/beheer/verklaringen/privacy', { intent: 'save', body: '   ' }, params);
    expect(statusOf(empty)).toBe(400);
    expect(payloadOf(empty).fieldErrors).toEqual({ body: 'Vul een tekst in.' });
    expect(
      statusOf(await runLoader(editLoader, '/beheer/verklaringen/onzin', { params: { key: 'onzin' }, cookie: cookies.beheerder })),
    ).toBe(404);

    const saved = await runAction(
      editAction,
      '/beheer/verklaringen/privacy',
      { intent: 'save', body: '## Wie\nDe gemeente Haarlem.' },
      params,
    );
    expect(statusOf(saved)).toBe(302);
    expect(payloadOf(await runLoader(privacyLoader, '/privacy'))).toMatchObject({ body: '## Wie\nDe gemeente Haarlem.', isDefault: false });
    await runAction(editAction, '/beheer/verklaringen/privacy', { intent: 'reset' }, params);
    expect(payloadOf(await runLoader(privacyLoader, '/privacy')).isDefault).toBe(true);
    const rows = db.select().from(auditLog).where(eq(auditLog.action, 'statement.updated')).all();
    expect(rows.map((r) => [r.actorId, r.targetName])).toEqual([
      [ids.beheerder, 'privacy'],
      [ids.beheerder, 'privacy'],
    ]);
  });
});
