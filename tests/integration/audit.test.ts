import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';

import type { ServerBuild } from '@remix-run/node';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { pruneAuditLog, recordAudit } from '../../app/models/audit/audit-log.server';
import { uploadsDir } from '../../app/models/library/upload.server';
import { loader as csvLoader } from '../../app/routes/acties[.csv]';
import * as adminHome from '../../app/routes/beheer._index';
import { loader as auditLoader } from '../../app/routes/beheer.auditlog';
import { loader as auditCsvLoader } from '../../app/routes/beheer.auditlog[.csv]';
import { action as userAction } from '../../app/routes/beheer.gebruikers.$userId';
import { action as newUserAction } from '../../app/routes/beheer.gebruikers.nieuw';
import { action as orgAction } from '../../app/routes/beheer.organisaties';
import { loader as financeCsvLoader } from '../../app/routes/financien[.csv]';
import { loader as financeXlsxLoader } from '../../app/routes/financien[.xlsx]';
import { action as logoutAction } from '../../app/routes/logout';
import { loader as monitorCsvLoader } from '../../app/routes/monitor[.csv]';
import { loader as monitorXlsxLoader } from '../../app/routes/monitor[.xlsx]';
import { loader as minutesDocxLoader } from '../../app/routes/overleggen.$meetingId_.verslag[.docx]';
import { action as inviteAction } from '../../app/routes/uitnodiging.$token';
import { login } from '../../app/utils/auth.server';
import { db } from '../../app/utils/db.server';
import { parseEnv } from '../../app/utils/env.server';
import { withDomainErrors } from '../../app/utils/http.server';
import { auditLog, minutesVersions, organisations } from '../../db/schema';
import { writeBackup } from '../../server/backups/write-backup';
import { admit } from '../../server/collab/authenticate';
import { workspaceDataVersion } from '../../server/live/data-version';
import { type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

const NON_ADMINS: Who[] = ['haarlem', 'zandvoort', 'adviseur', 'lezer'];
let cookies: Record<Who, string>;
let ids: Record<Who, number>;

/** The audit rows written after row `after`, oldest first. */
function rowsAfter(after: number) {
  return db.select().from(auditLog).where(gt(auditLog.id, after)).orderBy(asc(auditLog.id)).all();
}
function lastId(): number {
  return db
    .select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)` })
    .from(auditLog)
    .get()!.id;
}

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies, ids } = await signInDemoAccounts());
});

describe('sign-ins', () => {
  it('records a success with the address, and failures with the account or the address typed (never the password)', async () => {
    const start = lastId();
    expect((await login('lezer@koers.test', 'koers-demo', '10.1.2.3')).ok).toBe(true);
    expect((await login('Lezer@koers.test ', 'geheim-wachtwoord-1', '10.1.2.3')).ok).toBe(false);
    expect((await login('onbekend@gemeente.nl', 'geheim-wachtwoord-2', '10.9.9.9')).ok).toBe(false);
    const rows = rowsAfter(start);
    expect(rows.map((r) => [r.action, r.actorId, r.targetType, r.targetId, r.ip])).toEqual([
      ['sign_in.succeeded', ids.lezer, null, null, '10.1.2.3'],
      ['sign_in.failed', null, 'user', ids.lezer, '10.1.2.3'],
      ['sign_in.failed', null, null, null, '10.9.9.9'],
    ]);
    expect(JSON.parse(rows[1]!.details!)).toEqual({ reason: 'wrong-password', email: null });
    expect(JSON.parse(rows[2]!.details!)).toEqual({ reason: 'unknown-account', email: 'onbekend@gemeente.nl' });
    expect(JSON.stringify(rows)).not.toMatch(/geheim-wachtwoord/);
  });

  it('records throttled attempts, and a sign-out', async () => {
    for (let i = 0; i < 5; i++) await login('adviseur@koers.test', 'fout fout fout', '10.7.7.7');
    const start = lastId();
    expect(await login('adviseur@koers.test', 'koers-demo', '10.7.7.7')).toEqual({ ok: false, error: 'throttled' });
    expect(rowsAfter(start).map((r) => [r.action, JSON.parse(r.details!).reason])).toEqual([['sign_in.failed', 'throttled']]);

    const cookie = await sessionFor('werkgroep.velsen@koers.test');
    const before = lastId();
    await runAction(logoutAction, '/logout', {}, { cookie });
    expect(rowsAfter(before).map((r) => [r.action, r.actorId, r.ip])).toEqual([['sign_out', ids.velsen, '127.0.0.1']]);
  });
});

describe('account changes', () => {
  it('records invites, role changes, (de)activation, new links, organisations and accepted invites — without the link', async () => {
    const start = lastId();
    const haarlem = db.select().from(organisations).where(eq(organisations.name, 'Haarlem')).get()!.id;
    const created = payloadOf(
      await runAction(
        newUserAction,
        '/beheer/gebruikers/nieuw',
        { name: 'Audit Persoon', email: 'audit.persoon@koers.test', role: 'lezer', organisationId: String(haarlem) },
        { cookie: cookies.beheerder },
      ),
    ).created;
    const userId = created.userId as number;
    const params = { params: { userId: String(userId) }, cookie: cookies.beheerder };
    const path = `/beheer/gebruikers/${userId}`;
    await runAction(userAction, path, { intent: 'access', role: 'adviseur', organisationId: String(haarlem) }, params);
    await runAction(userAction, path, { intent: 'deactivate' }, params);
    await runAction(userAction, path, { intent: 'reactivate' }, params);
    const renewed = payloadOf(await runAction(userAction, path, { intent: 'invite' }, params)).invite.url as string;
    await runAction(orgAction, '/beheer/organisaties', { intent: 'create', name: 'Auditclub' }, { cookie: cookies.beheerder });
    const token = renewed.split('/').pop()!;
    await runAction(
      inviteAction,
      `/uitnodiging/${token}`,
      { password: 'een lange zin als wachtwoord', repeatPassword: 'een lange zin als wachtwoord' },
      { params: { token } },
    );

    const rows = rowsAfter(start);
    expect(rows.map((r) => [r.action, r.actorId, r.targetType, r.targetType === 'user' ? r.targetId : r.targetName])).toEqual([
      ['account.invited', ids.beheerder, 'user', userId],
      ['account.access_changed', ids.beheerder, 'user', userId],
      ['account.deactivated', ids.beheerder, 'user', userId],
      ['account.reactivated', ids.beheerder, 'user', userId],
      ['account.invite_renewed', ids.beheerder, 'user', userId],
      ['organisation.created', ids.beheerder, 'organisation', 'Auditclub'],
      ['account.invite_accepted', userId, 'user', userId],
    ]);
    expect(rows.every((r) => r.ip === '127.0.0.1')).toBe(true);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(created.url.split('/').pop());
    expect(stored).not.toMatch(/een lange zin/);
  });
});

describe('permission denials', () => {
  const build = () =>
    withDomainErrors({ routes: { 'routes/beheer._index': { id: 'routes/beheer._index', module: adminHome } } } as unknown as ServerBuild);

  it('records every 403 of a page, with who, the page (not its query) and the address', async () => {
    const loader = build().routes['routes/beheer._index']!.module.loader!;
    const start = lastId();
    for (const who of NON_ADMINS) {
      const request = new Request('http://localhost/beheer.data?_routes=routes%2Fbeheer._index', { headers: { Cookie: cookies[who] } });
      const thrown = await Promise.resolve(loader({ request, params: {}, context: { clientAddress: '10.0.0.8' } })).catch(
        (e: unknown) => e,
      );
      expect((thrown as Response).status).toBe(403);
    }
    expect(rowsAfter(start).map((r) => [r.action, r.actorId, r.targetType, r.targetName, r.ip])).toEqual(
      NON_ADMINS.map((who) => ['permission.denied', ids[who], 'page', 'GET /beheer', '10.0.0.8']),
    );
  });

  it('records refused websocket upgrades (another site, no access) of signed-in users', async () => {
    const start = lastId();
    const req = {
      headers: { cookie: cookies.lezer, origin: 'https://kwaadwillend.example', host: 'localhost' },
      socket: { remoteAddress: '10.0.0.9' },
    };
    const admission = await admit(req as unknown as IncomingMessage, 'meeting.1', undefined);
    expect(admission).toMatchObject({ ok: false, status: 403 });
    expect(rowsAfter(start).map((r) => [r.action, r.actorId, r.targetName, r.ip, JSON.parse(r.details!)])).toEqual([
      ['permission.denied', ids.lezer, 'meeting.1', '10.0.0.9', { channel: 'websocket', reason: 'cross-site' }],
    ]);
  });
});

describe('exports and downloads', () => {
  it('records the action list export and a minutes download', async () => {
    const start = lastId();
    expect(statusOf(await runLoader(csvLoader, '/acties.csv?status=loopt', { cookie: cookies.adviseur }))).toBe(200);
    const minutes = db.select({ meetingId: minutesVersions.meetingId }).from(minutesVersions).get()!;
    const docx = await runLoader(minutesDocxLoader, `/overleggen/${minutes.meetingId}/verslag.docx`, {
      params: { meetingId: String(minutes.meetingId) },
      cookie: cookies.lezer,
    });
    expect(statusOf(docx)).toBe(200);
    const rows = rowsAfter(start);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ['export.actions_csv', ids.adviseur],
      ['download.minutes', ids.lezer],
    ]);
    expect(JSON.parse(rows[1]!.details!)).toMatchObject({ format: 'docx' });
  });

  it('records the monitor and money exports, as CSV and as .xlsx', async () => {
    const start = lastId();
    const run = async (loader: typeof csvLoader, url: string, who: Who) => {
      const response = (await runLoader(loader, url, { cookie: cookies[who] })) as Response;
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    };
    await run(monitorCsvLoader, '/monitor.csv?niveau=outcome', 'lezer');
    await run(monitorXlsxLoader, '/monitor.xlsx', 'adviseur');
    await run(financeCsvLoader, '/financien.csv?jaar=2024', 'lezer');
    await run(financeXlsxLoader, '/financien.xlsx?jaar=2024', 'haarlem');
    const rows = rowsAfter(start);
    expect(rows.map((r) => [r.action, r.actorId, r.targetName])).toEqual([
      ['export.monitor', ids.lezer, 'monitor.csv'],
      ['export.monitor', ids.adviseur, 'monitor.xlsx'],
      ['export.finance', ids.lezer, 'financien.csv'],
      ['export.finance', ids.haarlem, 'financien.xlsx'],
    ]);
    expect(JSON.parse(rows[0]!.details!)).toMatchObject({ filters: '?niveau=outcome' });
  });

  it('records a backup in the database that was backed up', async () => {
    const start = lastId();
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'koers-audit-')), 'koers.tar.gz');
    await writeBackup({ databaseFile: process.env.KOERS_DATABASE!, uploadsDir: uploadsDir(), target });
    expect(rowsAfter(start).map((r) => [r.action, r.actorId, r.targetName, JSON.parse(r.details!).by])).toEqual([
      ['backup.written', null, 'koers.tar.gz', 'command'],
    ]);
  });
});

describe('the audit log page and its export', () => {
  it.each(NON_ADMINS)('refuses %s the page and the export with 403, writing nothing', async (who) => {
    const start = lastId();
    expect(statusOf(await runLoader(auditLoader, '/beheer/auditlog', { cookie: cookies[who] }))).toBe(403);
    expect(statusOf(await runLoader(auditCsvLoader, '/beheer/auditlog.csv', { cookie: cookies[who] }))).toBe(403);
    expect(rowsAfter(start)).toEqual([]);
  });

  it('filters by period, person and kind; pages; refuses bad filters beside the field', async () => {
    const all = payloadOf(await runLoader(auditLoader, '/beheer/auditlog', { cookie: cookies.beheerder }));
    expect(all.list.total).toBeGreaterThan(0);
    expect(all.list.rows.length).toBeLessThanOrEqual(50);
    const failed = payloadOf(await runLoader(auditLoader, '/beheer/auditlog?soort=sign_in.failed', { cookie: cookies.beheerder }));
    expect(failed.list.rows.every((r: { action: string }) => r.action === 'sign_in.failed')).toBe(true);
    const signin = payloadOf(await runLoader(auditLoader, '/beheer/auditlog?soort=groep:signin', { cookie: cookies.beheerder }));
    expect(new Set(signin.list.rows.map((r: { action: string }) => r.action))).toContain('sign_in.succeeded');
    const lezer = payloadOf(await runLoader(auditLoader, `/beheer/auditlog?persoon=${ids.lezer}`, { cookie: cookies.beheerder }));
    expect(
      lezer.list.rows.every(
        (r: { actorId: number | null; targetId: number | null }) => r.actorId === ids.lezer || r.targetId === ids.lezer,
      ),
    ).toBe(true);
    const future = payloadOf(await runLoader(auditLoader, '/beheer/auditlog?van=2099-01-01', { cookie: cookies.beheerder }));
    expect(future.list.total).toBe(0);
    const today = payloadOf(await runLoader(auditLoader, `/beheer/auditlog?van=2000-01-01&tot=2099-12-31`, { cookie: cookies.beheerder }));
    expect(today.list.total).toBe(all.list.total);

    const bad = await runLoader(auditLoader, '/beheer/auditlog?van=31-02-2026&persoon=abc&soort=drop table', { cookie: cookies.beheerder });
    expect(statusOf(bad)).toBe(400);
    expect(payloadOf(bad)).toMatchObject({
      list: null,
      fieldErrors: {
        van: 'Vul een geldige datum in, bijvoorbeeld 2026-03-31.',
        persoon: 'Kies een persoon uit de lijst.',
        soort: 'Kies een soort handeling uit de lijst.',
      },
    });
    const backwards = await runLoader(auditLoader, '/beheer/auditlog?van=2026-05-01&tot=2026-04-01', { cookie: cookies.beheerder });
    expect(payloadOf(backwards).fieldErrors).toEqual({ tot: 'De einddatum ligt vóór de begindatum.' });
  });

  it('exports the filtered rows as CSV and records the export', async () => {
    const start = lastId();
    const response = (await runLoader(auditCsvLoader, '/beheer/auditlog.csv?soort=groep:accounts', {
      cookie: cookies.beheerder,
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('Gebruiker uitgenodigd');
    expect(text).not.toContain('Ingelogd;');
    const rows = rowsAfter(start);
    expect(rows.map((r) => [r.action, r.actorId, JSON.parse(r.details!).filters])).toEqual([
      ['export.audit_csv', ids.beheerder, 'soort=groep%3Aaccounts'],
    ]);
    expect(statusOf(await runLoader(auditCsvLoader, '/beheer/auditlog.csv?tot=gisteren', { cookie: cookies.beheerder }))).toBe(400);
  });
});

describe('append-only', () => {
  it('the database refuses to change a row or to remove a recent one', () => {
    const row = db.select().from(auditLog).get()!;
    expect(() => db.update(auditLog).set({ action: 'sign_out' }).where(eq(auditLog.id, row.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(auditLog).where(eq(auditLog.id, row.id)).run()).toThrow(/younger than 30 days/);
    expect(db.select().from(auditLog).where(eq(auditLog.id, row.id)).get()).toEqual(row);
  });

  it('retention removes only rows older than the setting, and records that it did', () => {
    db.$client.exec(
      "insert into audit_log (at, action) values ('2020-01-01T00:00:00.000Z', 'sign_out'), ('2020-06-01T00:00:00.000Z', 'sign_out')",
    );
    const total = db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .get()!.n;
    const start = lastId();
    expect(pruneAuditLog({ retentionDays: 730, now: new Date('2022-03-01T00:00:00Z') })).toBe(1);
    expect(rowsAfter(start).map((r) => [r.action, JSON.parse(r.details!).removed])).toEqual([['audit.pruned', 1]]);
    expect(pruneAuditLog({ retentionDays: 730 })).toBe(1);
    expect(
      db
        .select({ n: sql<number>`count(*)` })
        .from(auditLog)
        .get()!.n,
    ).toBe(total - 2 + 2);
  });

  it('an audit row changes no page: the data version the page cache and live stream follow stays', () => {
    const version = workspaceDataVersion();
    const before = version();
    recordAudit({ actorId: null, action: 'sign_out', details: { password: 'nooit', token: 'nooit', reason: 'test' } });
    expect(version()).toBe(before);
    const last = db
      .select()
      .from(auditLog)
      .orderBy(sql`id desc`)
      .get()!;
    expect(JSON.parse(last.details!)).toEqual({ reason: 'test' });
  });

  it('no code but the audit model writes the table (and no code but retention deletes from it)', () => {
    const roots = ['app', 'server', 'scripts', 'db/seed'];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx|mjs|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          if (full.startsWith(path.join('app', 'models', 'audit'))) continue;
          const text = fs.readFileSync(full, 'utf8');
          if (/\bauditLog\b/.test(text) || /(insert\s+into|update|delete\s+from)\s+[`"']?audit_log/i.test(text)) offenders.push(full);
        }
      }
    };
    for (const root of roots) walk(root);
    expect(offenders).toEqual([]);
    const model = fs.readFileSync('app/models/audit/audit-log.server.ts', 'utf8');
    expect(model.match(/\.delete\(auditLog\)/g)).toHaveLength(1);
    expect(model.match(/\.update\(auditLog\)/g)).toBeNull();
  });
});

describe('settings', () => {
  it('validates the retention settings at start-up, naming the setting', () => {
    expect(parseEnv({ NODE_ENV: 'test' })).toMatchObject({ KOERS_AUDIT_RETENTION_DAYS: 730, KOERS_NOTIFICATION_RETENTION_DAYS: 180 });
    expect(parseEnv({ NODE_ENV: 'test', KOERS_AUDIT_RETENTION_DAYS: '365' }).KOERS_AUDIT_RETENTION_DAYS).toBe(365);
    for (const bad of ['10', 'twee jaar', '7.5', '99999']) {
      expect(() => parseEnv({ NODE_ENV: 'test', KOERS_AUDIT_RETENTION_DAYS: bad })).toThrow(/KOERS_AUDIT_RETENTION_DAYS/);
    }
    expect(() => parseEnv({ NODE_ENV: 'test', KOERS_NOTIFICATION_RETENTION_DAYS: '0' })).toThrow(/KOERS_NOTIFICATION_RETENTION_DAYS/);
  });
});
