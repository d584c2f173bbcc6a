import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { createMeeting } from '../../app/models/meetings/meeting.server';
import { nlToUtc } from '../../app/models/meetings/meeting-time';
import { action as userAction } from '../../app/routes/beheer.gebruikers.$userId';
import { action as newUserAction } from '../../app/routes/beheer.gebruikers.nieuw';
import { action as meetingAction } from '../../app/routes/overleggen.$meetingId._index';
import { action as actionItemAction } from '../../app/routes/overleggen.$meetingId.actiepunt';
import { action as proposalsAction, loader as proposalsLoader } from '../../app/routes/overleggen.$meetingId.agenda-voorstellen';
import { action as decisionAction } from '../../app/routes/overleggen.$meetingId.besluit';
import { action as newMeetingAction } from '../../app/routes/overleggen.nieuw';
import { addDays } from '../../app/utils/date-time';
import { db } from '../../app/utils/db.server';
import { todayInNL } from '../../app/utils/today';
import {
  actions,
  agendaPoints,
  auditLog,
  decisions,
  goals,
  invites,
  meetings,
  organisations,
  passwordResets,
  users,
} from '../../db/schema';
import type { Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, statusOf } from '../setup/requests';
import { seedMeeting } from './fixtures/meetings';

/**
 * Every create form of the meetings (and the invite) is idempotent on the server: the same
 * form posted twice — a double click, a resent request — creates one row (decision 016).
 */
let cookies: Record<Who, string>;
let goalId: number;

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies } = await signInDemoAccounts());
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
});

const rows = (table: typeof meetings | typeof agendaPoints | typeof decisions | typeof actions | typeof users) =>
  db.select({ n: count() }).from(table).get()!.n;

/** Posts the same form twice at once, then once more; answers the three results. */
async function thrice(post: () => Promise<unknown>) {
  const results = await Promise.all([post(), post()]);
  results.push(await post());
  return results;
}

describe('meeting forms posted twice create once', () => {
  it('a new meeting', async () => {
    const before = rows(meetings);
    const results = await thrice(() =>
      runAction(
        newMeetingAction,
        '/overleggen/nieuw',
        { title: 'Dubbel gepland', kind: 'werkgroep', date: '2031-04-01', time: '10:00', duration: '90', submissionKey: 'seed-m:r1' },
        { cookie: cookies.haarlem },
      ),
    );
    expect(rows(meetings)).toBe(before + 1);
    const locations = results.map((r) => (r as Response).headers.get('Location'));
    expect(new Set(locations).size).toBe(1);
    // Another rendering of the form (another key) plans another meeting.
    await runAction(
      newMeetingAction,
      '/overleggen/nieuw',
      { title: 'Dubbel gepland', kind: 'werkgroep', date: '2031-04-01', time: '10:00', duration: '90', submissionKey: 'seed-m2:r1' },
      { cookie: cookies.haarlem },
    );
    expect(rows(meetings)).toBe(before + 2);
  });

  it('an agenda point and the next meeting of the series', async () => {
    const { id } = seedMeeting();
    const params = { meetingId: String(id) };
    await thrice(() =>
      runAction(
        meetingAction,
        `/overleggen/${id}`,
        { intent: 'addPoint', title: 'Eén keer op de agenda', submissionKey: 'seed-p:r1' },
        { params, cookie: cookies.haarlem },
      ),
    );
    expect(db.select().from(agendaPoints).where(eq(agendaPoints.meetingId, id)).all()).toHaveLength(1);

    const before = rows(meetings);
    const results = await thrice(() =>
      runAction(
        meetingAction,
        `/overleggen/${id}`,
        { intent: 'planNext', submissionKey: 'seed-n:r1' },
        { params, cookie: cookies.haarlem },
      ),
    );
    expect(rows(meetings)).toBe(before + 1);
    expect(new Set(results.map((r) => (r as Response).headers.get('Location'))).size).toBe(1);
  });

  it('the agenda proposals', async () => {
    const id = createMeeting({
      title: 'Voorstellen dubbel',
      kind: 'bestuurlijk',
      startsAt: nlToUtc(addDays(todayInNL(), 3), '14:00'),
      createdBy: null,
    }).id;
    const params = { meetingId: String(id) };
    const page = payloadOf(await runLoader(proposalsLoader, `/overleggen/${id}/agenda-voorstellen`, { params, cookie: cookies.haarlem }));
    const [first] = page.proposals as { key: string }[];
    // Two proposals chosen; the second, once added, would no longer be proposed — but the first would.
    await thrice(() =>
      runAction(
        proposalsAction,
        `/overleggen/${id}/agenda-voorstellen`,
        { proposal: first.key, submissionKey: 'seed-v:r1' },
        { params, cookie: cookies.haarlem },
      ),
    );
    expect(db.select().from(agendaPoints).where(eq(agendaPoints.meetingId, id)).all()).toHaveLength(1);
  });

  it('a decision and an action item from the notes', async () => {
    const { id } = seedMeeting(['Opening']); // began in 2024
    const params = { meetingId: String(id) };
    const before = rows(decisions);
    const answers = await thrice(() =>
      runAction(
        decisionAction,
        `/overleggen/${id}/besluit`,
        { text: 'Eén besluit', submissionKey: 'seed-d:r1' },
        { params, cookie: cookies.haarlem },
      ),
    );
    expect(rows(decisions)).toBe(before + 1);
    const ids = await Promise.all(answers.map(async (a) => ((await (a as Response).json()) as { decisionId: number }).decisionId));
    expect(new Set(ids).size).toBe(1);

    const actionsBefore = rows(actions);
    await thrice(() =>
      runAction(
        actionItemAction,
        `/overleggen/${id}/actiepunt`,
        { title: 'Eén actiepunt', goalId: String(goalId), submissionKey: 'seed-a:r1' },
        { params, cookie: cookies.haarlem },
      ),
    );
    expect(rows(actions)).toBe(actionsBefore + 1);
  });
});

describe('"Uitnodigen" posted twice', () => {
  it('invites once, and the repeat shows the same link', async () => {
    const organisationId = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Bloemendaal')).get()!.id;
    const form = {
      name: 'Dubbel Geklikt',
      email: 'dubbel.geklikt@koers.test',
      role: 'werkgroeplid',
      organisationId: String(organisationId),
      submissionKey: 'seed-i:r1',
    };
    const usersBefore = rows(users);
    const audits = () => db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'account.invited')).get()!.n;
    const auditsBefore = audits();
    const results = await thrice(() => runAction(newUserAction, '/beheer/gebruikers/nieuw', form, { cookie: cookies.beheerder }));
    expect(results.map(statusOf)).toEqual([201, 201, 201]);
    const urls = results.map((r) => payloadOf(r).created.url as string);
    expect(urls[0]).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{20,}$/);
    expect(new Set(urls).size).toBe(1);
    expect(rows(users)).toBe(usersBefore + 1);
    expect(audits()).toBe(auditsBefore + 1);
    // The link itself is stored nowhere: not in the remembered submission either.
    const token = urls[0].split('/').pop()!;
    const stored = db.$client.prepare('select result from form_submissions').all() as { result: string }[];
    expect(stored.some((row) => row.result.includes(token))).toBe(false);

    // A new rendering of the form for the same address gets "e-mail already in use".
    const again = await runAction(
      newUserAction,
      '/beheer/gebruikers/nieuw',
      { ...form, submissionKey: 'seed-i2:r1' },
      { cookie: cookies.beheerder },
    );
    expect(statusOf(again)).toBe(400);
    expect(payloadOf(again).fieldErrors.email).toBeTruthy();
  });
});

describe('"Nieuwe uitnodigingslink maken" and "Herstellink maken" posted twice', () => {
  const linksOf = (table: typeof invites | typeof passwordResets, userId: number) =>
    db.select({ n: count() }).from(table).where(eq(table.userId, userId)).get()!.n;

  it.each([
    { intent: 'invite', table: invites, payload: 'invite', path: /\/uitnodiging\/[A-Za-z0-9_-]{20,}$/ },
    { intent: 'reset', table: passwordResets, payload: 'reset', path: /\/wachtwoord-herstellen\/[A-Za-z0-9_-]{20,}$/ },
  ] as const)('$intent: makes one link, and the repeat shows that same link', async ({ intent, table, payload, path }) => {
    const userId = db.select({ id: users.id }).from(users).where(eq(users.email, 'lezer@koers.test')).get()!.id;
    const page = `/beheer/gebruikers/${userId}`;
    const before = linksOf(table, userId);
    const form = { intent, submissionKey: `seed-${intent}:r1` };
    const results = await thrice(() =>
      runAction(userAction, page, form, { cookie: cookies.beheerder, params: { userId: String(userId) } }),
    );
    expect(results.map(statusOf)).toEqual([201, 201, 201]);
    const urls = results.map((r) => payloadOf(r)[payload].url as string);
    expect(urls[0]).toMatch(path);
    expect(new Set(urls).size).toBe(1);
    expect(linksOf(table, userId)).toBe(before + 1);
    // A new rendering of the page makes a new link.
    const again = await runAction(
      userAction,
      page,
      { intent, submissionKey: `seed-${intent}2:r1` },
      { cookie: cookies.beheerder, params: { userId: String(userId) } },
    );
    expect(payloadOf(again)[payload].url).not.toBe(urls[0]);
  });
});
