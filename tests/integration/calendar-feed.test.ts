import { eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { beforeAll, describe, expect, it } from 'vitest';

import { createMeeting } from '../../app/models/meetings/meeting.server';
import { nlToUtc } from '../../app/models/meetings/meeting-time';
import { action as accountAction, loader as accountLoader } from '../../app/routes/account';
import { loader as feedLoader } from '../../app/routes/kalender.$token';
import { db } from '../../app/utils/db.server';
import { actions, goals, meetingAttendees, users } from '../../db/schema';
import type { Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId, signInDemoAccounts } from '../setup/demo-users';
import { BASE, payloadOf, runAction, runLoader, statusOf } from '../setup/requests';

let cookies: Record<Who, string>;

/** Asks for a secret on the account page, as the button does, and reads the address it shows. */
async function subscribe(who: Who, fields: Record<string, string> = {}): Promise<string> {
  const result = await runAction(accountAction, '/account', { intent: 'calendar', ...fields }, { cookie: cookies[who] });
  expect(statusOf(result)).toBe(302);
  const url = payloadOf(await runLoader(accountLoader, '/account', { cookie: cookies[who] })).calendarUrl as string;
  expect(url).toMatch(new RegExp(`^${BASE}/kalender/[A-Za-z0-9_-]{43}\\.ics$`));
  return url;
}

/** Fetches a feed without any session, as a calendar client does. */
async function fetchFeed(url: string) {
  const token = url.split('/kalender/')[1];
  return runLoader(feedLoader, new URL(url).pathname, { params: { token } });
}

async function eventsOf(url: string): Promise<VEvent[]> {
  const response = (await fetchFeed(url)) as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toMatch(/^text\/calendar/);
  const parsed = ical.sync.parseICS(await response.text());
  return Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
}

/** A property as text: node-ical gives properties with parameters (URL;VALUE=URI) as { val, params }. */
const valueOf = (property: unknown) =>
  typeof property === 'object' && property !== null && 'val' in property ? String(property.val) : String(property);

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies } = await signInDemoAccounts());
});

describe('calendar feed', () => {
  it('holds the meetings the user attends, with Dutch times, place and link, and the deadlines they own as all-day events', async () => {
    const meeting = createMeeting({
      title: 'Kennisdeling Taalhuizen',
      kind: 'kennisdeling',
      startsAt: nlToUtc('2031-06-11', '14:00'),
      place: 'Bibliotheek Velsen',
      durationMinutes: 90,
      createdBy: null,
    }).id;
    const notInvited = createMeeting({
      title: 'Bestuurlijk overleg zonder adviseur',
      kind: 'bestuurlijk',
      startsAt: nlToUtc('2031-06-12', '10:00'),
      createdBy: null,
    }).id;
    db.insert(meetingAttendees)
      .values({ meetingId: meeting, userId: demoUserId('adviseur') })
      .run();
    const { id: goal, agendaId } = db
      .select({ id: goals.id, agendaId: goals.agendaId })
      .from(goals)
      .where(eq(goals.code, '1.3.c-B'))
      .get()!;
    const owned = db
      .insert(actions)
      .values({
        goalId: goal,
        agendaId,
        title: 'Platform aanbod bijwerken',
        ownerUserId: demoUserId('adviseur'),
        status: 'loopt',
        deadlinePhrase: 'medio 2031',
        deadlineStart: '2031-05-01',
        deadlineEnd: '2031-08-31',
      })
      .returning()
      .get();
    const closed = db
      .insert(actions)
      .values({
        goalId: goal,
        agendaId,
        title: 'Afgeronde actie',
        ownerUserId: demoUserId('adviseur'),
        status: 'afgerond',
        deadlinePhrase: '2031',
        deadlineStart: '2031-01-01',
        deadlineEnd: '2031-12-31',
      })
      .returning()
      .get();

    const events = await eventsOf(await subscribe('adviseur'));
    const byUid = new Map(events.map((e) => [e.uid, e]));

    const event = byUid.get(`overleg-${meeting}@localhost`)!;
    expect(event.summary).toBe('Kennisdeling Taalhuizen');
    expect(event.location).toBe('Bibliotheek Velsen');
    expect(new Date(event.start).toISOString()).toBe('2031-06-11T12:00:00.000Z'); // 14:00 CEST
    expect(new Date(event.end!).toISOString()).toBe('2031-06-11T13:30:00.000Z');
    expect(valueOf(event.url)).toBe(`${BASE}/overleggen/${meeting}`);
    expect(byUid.has(`overleg-${notInvited}@localhost`)).toBe(false);

    const deadline = byUid.get(`termijn-${owned.id}@localhost`)!;
    expect(deadline.summary).toBe('Termijn: Platform aanbod bijwerken');
    expect(deadline.datetype).toBe('date');
    expect((deadline.start as Date & { dateOnly?: boolean }).dateOnly).toBe(true);
    const day = deadline.start as Date;
    expect([day.getFullYear(), day.getMonth() + 1, day.getDate()]).toEqual([2031, 8, 31]);
    expect(valueOf(deadline.url)).toBe(`${BASE}/acties/${owned.id}`);
    expect(byUid.has(`termijn-${closed.id}@localhost`)).toBe(false);
  });

  it('gives werkgroepleden every working-group meeting, invited or not, and nobody else’s', async () => {
    const werkgroep = createMeeting({
      title: 'Werkgroep in de feed',
      kind: 'werkgroep',
      startsAt: nlToUtc('2031-09-09', '10:00'),
      createdBy: null,
    }).id;
    const bestuurlijk = createMeeting({
      title: 'Bestuurlijk, niet uitgenodigd',
      kind: 'bestuurlijk',
      startsAt: nlToUtc('2031-09-10', '10:00'),
      createdBy: null,
    }).id;
    const velsen = (await eventsOf(await subscribe('velsen'))).map((e) => e.uid);
    expect(velsen).toContain(`overleg-${werkgroep}@localhost`);
    expect(velsen).not.toContain(`overleg-${bestuurlijk}@localhost`);
    const lezer = (await eventsOf(await subscribe('lezer'))).map((e) => e.uid);
    expect(lezer).not.toContain(`overleg-${werkgroep}@localhost`);
  });

  it('includes the seeded next working-group meeting for a demo werkgroeplid', async () => {
    const events = await eventsOf(await subscribe('haarlem'));
    expect(events.some((e) => e.summary === 'Ambtelijke werkgroep basisvaardigheden' && new Date(e.start) > new Date())).toBe(true);
  });

  it('answers 404 for unknown or malformed secrets, and stops the old address when the secret is renewed', async () => {
    const first = await subscribe('zandvoort');
    expect(statusOf(await fetchFeed(first))).toBe(200);
    const second = await subscribe('zandvoort', { confirmRenew: 'ja' });
    expect(second).not.toBe(first);
    expect(statusOf(await fetchFeed(first))).toBe(404);
    expect(statusOf(await fetchFeed(second))).toBe(200);
    for (const token of [
      '',
      'abc.ics',
      `${'A'.repeat(43)}.ics`,
      second.split('/kalender/')[1].replace('.ics', ''),
      `${second.split('/kalender/')[1]}.ics`,
    ]) {
      expect(statusOf(await runLoader(feedLoader, `/kalender/${token}`, { params: { token } }))).toBe(404);
    }
  });

  it('stops the feed of a deactivated account', async () => {
    const url = await subscribe('beheerder');
    db.update(users)
      .set({ active: false })
      .where(eq(users.id, demoUserId('beheerder')))
      .run();
    try {
      expect(statusOf(await fetchFeed(url))).toBe(404);
    } finally {
      db.update(users)
        .set({ active: true })
        .where(eq(users.id, demoUserId('beheerder')))
        .run();
    }
  });

  it('shows the subscription section on the account page, without an address until asked for', async () => {
    const page = payloadOf(await runLoader(accountLoader, '/account', { cookie: cookies.lezer }));
    expect(page).toHaveProperty('calendarUrl');
  });

  it('renews an existing address only when the user ticks that the old one stops working', async () => {
    // Velsen has an address from an earlier test (made without a tick, as a first address may be).
    const first = await subscribe('velsen', { confirmRenew: 'ja' });
    for (const fields of [{}, { confirmRenew: 'nee' }] as Record<string, string>[]) {
      const refused = await runAction(accountAction, '/account', { intent: 'calendar', ...fields }, { cookie: cookies.velsen });
      expect(statusOf(refused)).toBe(400);
      expect(payloadOf(refused)).toEqual({
        calendarErrors: { confirmRenew: 'Vink aan dat het oude adres niet meer mag werken; er is niets veranderd.' },
      });
      expect(payloadOf(await runLoader(accountLoader, '/account', { cookie: cookies.velsen })).calendarUrl).toBe(first);
      expect(statusOf(await fetchFeed(first))).toBe(200);
    }
  });
});
