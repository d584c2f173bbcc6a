import { eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { deliverDigests, deliverImmediateEmails, emailDeliveryIdle } from '../../app/models/notifications/email-delivery.server';
import { action as preferencesAction, loader as preferencesLoader } from '../../app/routes/meldingen.voorkeuren';
import { action as commentAction } from '../../app/routes/reacties';
import { db } from '../../app/utils/db.server';
import { goals, notificationPreferences, notifications } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, statusOf } from '../setup/requests';
import { decodeMail } from '../setup/smtp';

// E-mail on for this file: a real SMTP server, started below, on a port of its own.
const SMTP_PORT = 2531;
vi.hoisted(() => {
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = '2531';
  process.env.SMTP_FROM = 'Koers <koers@koers.test>';
  process.env.KOERS_PUBLIC_URL = 'https://koers.example.nl';
});

type Received = { from: string; to: string[]; subject: string; text: string };
let inbox: Received[] = [];
let smtp: SMTPServer | null = null;

function startSmtp(): Promise<void> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const { subject, text } = decodeMail(Buffer.concat(chunks).toString('utf8'));
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject,
          text,
        });
        callback();
      });
    },
  });
  return new Promise((resolve) => smtp!.listen(SMTP_PORT, '127.0.0.1', resolve));
}

function stopSmtp(): Promise<void> {
  return new Promise((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
}

let cookies: Record<Who, string>;
let ids: Record<Who, number>;
let names: Record<Who, string>;
let goalId: number;

const savePreferences = (who: Who, email: Record<string, string>) => {
  const fields: Record<string, string> = {};
  for (const kind of ['mention', 'comment', 'owner', 'deadline_soon', 'overdue', 'meeting_planned', 'minutes_published']) {
    fields[`${kind}.enabled`] = 'on';
    fields[`${kind}.email`] = email[kind] ?? 'off';
  }
  return runAction(preferencesAction, '/meldingen/voorkeuren', fields, { cookie: cookies[who] });
};

const comment = (who: Who, body: string) =>
  runAction(
    commentAction,
    '/reacties',
    { intent: 'create', targetType: 'goal', targetId: String(goalId), body, redirectTo: '/' },
    { cookie: cookies[who] },
  );

async function waitForMail(n: number) {
  await emailDeliveryIdle();
  await expect.poll(() => inbox.length, { timeout: 5000 }).toBe(n);
}

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies, ids, names } = await signInDemoAccounts());
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
  await startSmtp();
});

afterAll(async () => {
  await emailDeliveryIdle();
  await stopSmtp();
});

beforeEach(() => {
  inbox = [];
  db.delete(notifications).run();
  db.delete(notificationPreferences).run();
});

describe('e-mail', () => {
  it('offers the e-mail choices when SMTP is configured', async () => {
    const page = payloadOf(await runLoader(preferencesLoader, '/meldingen/voorkeuren', { cookie: cookies.velsen }));
    expect(page.emailEnabled).toBe(true);
  });

  it('sends an immediate mail after the comment is saved: right recipient, subject and absolute link; nobody else is mailed', async () => {
    expect(statusOf(await savePreferences('velsen', { mention: 'immediate' }))).toBe(302);
    const result = await comment('adviseur', `Kunnen @${names.velsen} en @${names.haarlem} hiernaar kijken?`);
    expect(statusOf(result)).toBe(302);
    await waitForMail(1);

    const [mail] = inbox;
    expect(mail.to).toEqual([ACCOUNTS.velsen]);
    expect(mail.from).toBe('koers@koers.test');
    expect(mail.subject).toMatch(new RegExp(`^Koers: ${names.adviseur} noemde u in een reactie bij doel 1\\.3\\.a-A`));
    const stored = db.select().from(notifications).where(eq(notifications.userId, ids.velsen)).get()!;
    expect(stored.link).toMatch(/^\/doelen\/\d+#reactie-\d+$/);
    expect(mail.text).toContain(`https://koers.example.nl${stored.link}`);
    expect(mail.text).toContain('https://koers.example.nl/meldingen/voorkeuren');
    expect(stored.emailedAt).not.toBeNull();
    // Haarlem has e-mail off (the default): a notification in Koers only.
    expect(db.select().from(notifications).where(eq(notifications.userId, ids.haarlem)).get()!.emailedAt).toBeNull();

    // A later run sends nothing twice.
    expect(await deliverImmediateEmails()).toEqual({ sent: 0, failed: 0 });
    expect(inbox).toHaveLength(1);
  });

  it('groups unmailed notifications into one daily digest per person, once', async () => {
    expect(statusOf(await savePreferences('haarlem', { mention: 'digest', comment: 'digest' }))).toBe(302);
    await comment('adviseur', `Eerste vraag aan @${names.haarlem}.`);
    await comment('velsen', `Tweede vraag aan @${names.haarlem}.`);
    await emailDeliveryIdle();
    expect(inbox).toEqual([]);
    // Nothing of today goes out today.
    expect(await deliverDigests()).toEqual({ sent: 0, failed: 0 });

    // Tomorrow morning, both arrive in one mail.
    const rows = db.select().from(notifications).where(eq(notifications.userId, ids.haarlem)).all();
    expect(rows).toHaveLength(2);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    expect(await deliverDigests({ now: tomorrow })).toEqual({ sent: 1, failed: 0 });
    await waitForMail(1);
    expect(inbox[0].to).toEqual([ACCOUNTS.haarlem]);
    expect(inbox[0].subject).toBe('Koers: uw dagelijkse samenvatting (2 meldingen)');
    for (const row of rows) expect(inbox[0].text).toContain(`https://koers.example.nl${row.link}`);
    expect(
      db
        .select()
        .from(notifications)
        .where(
          inArray(
            notifications.id,
            rows.map((r) => r.id),
          ),
        )
        .all()
        .every((r) => r.emailedAt !== null),
    ).toBe(true);

    expect(await deliverDigests({ now: tomorrow })).toEqual({ sent: 0, failed: 0 });
    expect(inbox).toHaveLength(1);
  });

  it('a mail server that is down does not fail the comment; the mail goes out on the next run', async () => {
    expect(statusOf(await savePreferences('zandvoort', { mention: 'immediate' }))).toBe(302);
    await stopSmtp();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(statusOf(await comment('adviseur', `Belangrijk voor @${names.zandvoort}.`))).toBe(302);
      await emailDeliveryIdle();
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    const row = () => db.select().from(notifications).where(eq(notifications.userId, ids.zandvoort)).get()!;
    expect(row().emailedAt).toBeNull();

    await startSmtp();
    expect(await deliverImmediateEmails()).toEqual({ sent: 1, failed: 0 });
    await waitForMail(1);
    expect(inbox[0].to).toEqual([ACCOUNTS.zandvoort]);
    expect(inbox[0].text).toContain(`https://koers.example.nl${row().link}`);
    expect(row().emailedAt).not.toBeNull();
  });
});
