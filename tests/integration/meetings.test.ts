import type { ActionFunctionArgs } from '@remix-run/node';
import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { loadDocumentState, NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { proposeAgendaPoints } from '../../app/models/meetings/agenda-proposal.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { nlToUtc } from '../../app/models/meetings/meeting-time';
import { loader as listLoader } from '../../app/routes/overleggen._index';
import { action as meetingAction, loader as meetingLoader } from '../../app/routes/overleggen.$meetingId._index';
import { action as proposalsAction, loader as proposalsLoader } from '../../app/routes/overleggen.$meetingId.agenda-voorstellen';
import { action as pointAction, loader as pointLoader } from '../../app/routes/overleggen.$meetingId.agendapunten.$pointId';
import { action as editAction, loader as editLoader } from '../../app/routes/overleggen.$meetingId.bewerken';
import { action as newAction, loader as newLoader } from '../../app/routes/overleggen.nieuw';
import { addDays } from '../../app/utils/date-time';
import { db } from '../../app/utils/db.server';
import { todayInNL } from '../../app/utils/today';
import { actions, agendaPoints, goals, history, meetingAttendees, meetings } from '../../db/schema';
import type { Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId, signInDemoAccounts } from '../setup/demo-users';
import { BASE, payloadOf, runAction, runLoader, statusOf } from '../setup/requests';

let cookies: Record<Who, string>;
const EDITORS: Who[] = ['beheerder', 'haarlem', 'velsen'];
const READERS: Who[] = ['zandvoort', 'adviseur', 'lezer'];
const meetingCount = () => db.select({ n: count() }).from(meetings).get()!.n;
const pointsOf = (meetingId: number) =>
  db
    .select()
    .from(agendaPoints)
    .where(eq(agendaPoints.meetingId, meetingId))
    .orderBy(asc(agendaPoints.position), asc(agendaPoints.id))
    .all();
const attendeesOf = (meetingId: number) =>
  db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).orderBy(asc(meetingAttendees.id)).all();
const actionByCode = (code: string) => db.select().from(actions).where(eq(actions.code, code)).get()!;
const goalByCode = (code: string) => db.select().from(goals).where(eq(goals.code, code)).get()!;

/** A form post with repeated fields (checkboxes, guest rows), as a browser sends it. */
async function post(
  action: (args: ActionFunctionArgs) => unknown,
  path: string,
  pairs: [string, string][],
  { params = {} as Record<string, string>, cookie = '' } = {},
) {
  const request = new Request(BASE + path, {
    method: 'POST',
    body: new URLSearchParams(pairs),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
  });
  try {
    return await action({ request, params, context: { clientAddress: '127.0.0.1' } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function meetingForm(changes: Record<string, string> = {}, extra: [string, string][] = []): [string, string][] {
  const base: Record<string, string> = {
    title: 'Werkgroep basisvaardigheden',
    kind: 'werkgroep',
    date: '2031-03-12',
    time: '10:00',
    duration: '120',
    place: 'Stadhuis Haarlem, Zaal 2',
    status: 'gepland',
    ...changes,
  };
  return [...Object.entries(base), ...extra];
}

function newMeeting(title = 'Testoverleg'): number {
  return createMeeting({ title, kind: 'werkgroep', startsAt: '2031-05-01T08:00:00.000Z', createdBy: null }).id;
}

function notesHeadings(meetingId: number): string[] {
  const doc = new Y.Doc();
  const state = loadDocumentState(`meeting.${meetingId}`);
  if (state) Y.applyUpdate(doc, state);
  return doc
    .getXmlFragment(NOTES_FIELD)
    .toArray()
    .filter(
      (n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'heading' && n.getAttribute('agendaPointId') !== undefined,
    )
    .map((n) =>
      n
        .toArray()
        .map((c) => c.toString())
        .join(''),
    );
}

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies } = await signInDemoAccounts());
});

describe('meeting list and page', () => {
  it('shows everybody the list and a meeting; only editors get the edit controls', async () => {
    const id = newMeeting('Zichtbaar overleg');
    for (const who of [...EDITORS, ...READERS]) {
      const list = payloadOf(await runLoader(listLoader, '/overleggen', { cookie: cookies[who] }));
      expect([...list.upcoming, ...list.past].some((m: { id: number }) => m.id === id)).toBe(true);
      expect(list.mayEdit).toBe(EDITORS.includes(who));
      const page = payloadOf(
        await runLoader(meetingLoader, `/overleggen/${id}`, { params: { meetingId: String(id) }, cookie: cookies[who] }),
      );
      expect(page.meeting.title).toBe('Zichtbaar overleg');
      expect(page.mayEdit).toBe(EDITORS.includes(who));
      expect(page.choices === null).toBe(!EDITORS.includes(who));
    }
  });

  it('answers 404 for a non-numeric or unknown meeting id, and sends visitors without a session to the login', async () => {
    for (const meetingId of ['abc', '0', '999999', '1e3']) {
      expect(statusOf(await runLoader(meetingLoader, `/overleggen/${meetingId}`, { params: { meetingId }, cookie: cookies.lezer }))).toBe(
        404,
      );
      expect(
        statusOf(await runLoader(editLoader, `/overleggen/${meetingId}/bewerken`, { params: { meetingId }, cookie: cookies.haarlem })),
      ).toBe(404);
      expect(
        statusOf(
          await runLoader(proposalsLoader, `/overleggen/${meetingId}/agenda-voorstellen`, {
            params: { meetingId },
            cookie: cookies.haarlem,
          }),
        ),
      ).toBe(404);
      expect(
        statusOf(
          await runAction(
            meetingAction,
            `/overleggen/${meetingId}`,
            { intent: 'planNext' },
            { params: { meetingId }, cookie: cookies.haarlem },
          ),
        ),
      ).toBe(404);
    }
    const anonymous = await runLoader(listLoader, '/overleggen');
    expect(statusOf(anonymous)).toBe(302);
  });

  it('splits upcoming (soonest first) from past (latest first)', async () => {
    const list = payloadOf(await runLoader(listLoader, '/overleggen', { cookie: cookies.lezer }));
    const now = new Date().toISOString();
    for (const m of list.upcoming)
      expect(new Date(new Date(m.startsAt).getTime() + m.durationMinutes * 60_000).toISOString() >= now).toBe(true);
    for (const m of list.past) expect(m.startsAt < now).toBe(true);
    expect([...list.upcoming.map((m: { startsAt: string }) => m.startsAt)]).toEqual(
      [...list.upcoming.map((m: { startsAt: string }) => m.startsAt)].sort(),
    );
    expect([...list.past.map((m: { startsAt: string }) => m.startsAt)]).toEqual(
      [...list.past.map((m: { startsAt: string }) => m.startsAt)].sort().reverse(),
    );
  });
});

describe('planning a meeting', () => {
  it('lets werkgroepleden and the beheerder plan a meeting with attendees and guests, in Dutch time', async () => {
    for (const who of EDITORS) {
      expect(statusOf(await runLoader(newLoader, '/overleggen/nieuw', { cookie: cookies[who] }))).toBe(200);
      const result = await post(
        newAction,
        '/overleggen/nieuw',
        meetingForm({ title: `Werkgroep van ${who}` }, [
          ['attendeeIds', String(demoUserId('haarlem'))],
          ['attendeeIds', String(demoUserId('adviseur'))],
          ['guestName', 'Karin Smit'],
          ['guestOrganisation', 'Taalhuis Velsen'],
          ['guestName', ''],
          ['guestOrganisation', ''],
        ]),
        { cookie: cookies[who] },
      );
      expect(statusOf(result)).toBe(302);
      const id = Number((result as Response).headers.get('Location')!.match(/\/overleggen\/(\d+)/)![1]);
      const row = db.select().from(meetings).where(eq(meetings.id, id)).get()!;
      expect(row).toMatchObject({
        title: `Werkgroep van ${who}`,
        kind: 'werkgroep',
        startsAt: '2031-03-12T09:00:00.000Z',
        durationMinutes: 120,
        status: 'gepland',
        createdBy: demoUserId(who),
      });
      const people = attendeesOf(id);
      expect(
        people
          .filter((p) => p.userId !== null)
          .map((p) => p.userId)
          .sort(),
      ).toEqual([demoUserId('haarlem'), demoUserId('adviseur')].sort());
      expect(people.filter((p) => p.userId === null).map((p) => [p.guestName, p.guestOrganisation])).toEqual([
        ['Karin Smit', 'Taalhuis Velsen'],
      ]);
      // The list counts the meeting's own attendees and guests.
      const list = payloadOf(await runLoader(listLoader, '/overleggen', { cookie: cookies[who] }));
      expect(list.upcoming.find((m: { id: number }) => m.id === id)).toMatchObject({ attendeeCount: 3 });
    }
  });

  it('stores a summer meeting at 10:00 Dutch time as 08:00 UTC', () => {
    expect(nlToUtc('2031-06-11', '10:00')).toBe('2031-06-11T08:00:00.000Z');
    expect(nlToUtc('2031-03-30', '10:00')).toBe('2031-03-30T08:00:00.000Z'); // the day summer time starts
    expect(nlToUtc('2031-10-26', '02:30')).toMatch(/^2031-10-26T0[01]:30:00.000Z$/);
  });

  it('refuses gemeente, adviseur and lezer with a 403 and saves nothing', async () => {
    for (const who of READERS) {
      const before = meetingCount();
      expect(statusOf(await runLoader(newLoader, '/overleggen/nieuw', { cookie: cookies[who] }))).toBe(403);
      expect(statusOf(await post(newAction, '/overleggen/nieuw', meetingForm(), { cookie: cookies[who] }))).toBe(403);
      expect(meetingCount()).toBe(before);
    }
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ date: '2031-02-30' }, 'date'],
    [{ date: '12-03-2031' }, 'date'],
    [{ date: '' }, 'date'],
    [{ time: '25:00' }, 'time'],
    [{ duration: '0' }, 'duration'],
    [{ duration: 'twee uur' }, 'duration'],
    [{ kind: 'feest' }, 'kind'],
    [{ status: 'vastgesteld' }, 'status'],
  ])('answers bad input %j beside the field %s and saves nothing', async (changes, field) => {
    const before = meetingCount();
    const result = await post(newAction, '/overleggen/nieuw', meetingForm(changes), { cookie: cookies.haarlem });
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors[field]).toBeTruthy();
    expect(meetingCount()).toBe(before);
  });

  it('answers unknown attendees and nameless guests beside the field', async () => {
    const before = meetingCount();
    for (const [extra, field] of [
      [[['attendeeIds', '999999']], 'attendeeIds'],
      [[['attendeeIds', 'abc']], 'attendeeIds'],
      [
        [
          ['guestName', ''],
          ['guestOrganisation', 'Nova College'],
        ],
        'guests',
      ],
    ] as [[string, string][], string][]) {
      const result = await post(newAction, '/overleggen/nieuw', meetingForm({}, extra), { cookie: cookies.velsen });
      expect(statusOf(result)).toBe(400);
      expect(payloadOf(result).fieldErrors[field]).toBeTruthy();
    }
    expect(meetingCount()).toBe(before);
  });

  it('edits a meeting, keeps marked attendance of people who stay, and keeps "vastgesteld"', async () => {
    const id = newMeeting('Te bewerken');
    db.insert(meetingAttendees)
      .values([
        { meetingId: id, userId: demoUserId('haarlem'), attended: true },
        { meetingId: id, userId: demoUserId('velsen') },
      ])
      .run();
    const values = payloadOf(
      await runLoader(editLoader, `/overleggen/${id}/bewerken`, { params: { meetingId: String(id) }, cookie: cookies.velsen }),
    ).values;
    expect(values.attendeeIds.split(',').map(Number).sort()).toEqual([demoUserId('haarlem'), demoUserId('velsen')].sort());
    const result = await post(
      editAction,
      `/overleggen/${id}/bewerken`,
      meetingForm({ title: 'Bewerkt', status: 'gehouden' }, [
        ['attendeeIds', String(demoUserId('haarlem'))],
        ['guestName', 'Jan de Boer'],
        ['guestOrganisation', 'Nova College'],
      ]),
      { params: { meetingId: String(id) }, cookie: cookies.velsen },
    );
    expect(statusOf(result)).toBe(302);
    expect(db.select().from(meetings).where(eq(meetings.id, id)).get()).toMatchObject({ title: 'Bewerkt', status: 'gehouden' });
    expect(attendeesOf(id).map((a) => [a.userId, a.guestName, a.attended])).toEqual([
      [demoUserId('haarlem'), null, true],
      [null, 'Jan de Boer', null],
    ]);

    db.update(meetings).set({ status: 'vastgesteld' }).where(eq(meetings.id, id)).run();
    await post(editAction, `/overleggen/${id}/bewerken`, meetingForm({ title: 'Bewerkt', status: 'gepland' }), {
      params: { meetingId: String(id) },
      cookie: cookies.velsen,
    });
    expect(db.select().from(meetings).where(eq(meetings.id, id)).get()!.status).toBe('vastgesteld');
  });

  it('refuses edits by readers and bad edits by editors, changing nothing', async () => {
    const id = newMeeting('Onveranderd');
    const before = db.select().from(meetings).where(eq(meetings.id, id)).get();
    for (const who of READERS) {
      expect(
        statusOf(await runLoader(editLoader, `/overleggen/${id}/bewerken`, { params: { meetingId: String(id) }, cookie: cookies[who] })),
      ).toBe(403);
      expect(
        statusOf(
          await post(editAction, `/overleggen/${id}/bewerken`, meetingForm({ title: 'Gekaapt' }), {
            params: { meetingId: String(id) },
            cookie: cookies[who],
          }),
        ),
      ).toBe(403);
    }
    expect(
      statusOf(
        await post(editAction, `/overleggen/${id}/bewerken`, meetingForm({ date: '2031-13-01' }), {
          params: { meetingId: String(id) },
          cookie: cookies.haarlem,
        }),
      ),
    ).toBe(400);
    expect(db.select().from(meetings).where(eq(meetings.id, id)).get()).toEqual(before);
  });
});

describe('attendance', () => {
  it('lets editors mark present and absent; readers get 403; rows of other meetings are refused', async () => {
    const id = newMeeting('Aanwezigheid');
    const other = newMeeting('Ander overleg');
    const [row] = db
      .insert(meetingAttendees)
      .values({ meetingId: id, userId: demoUserId('adviseur') })
      .returning()
      .all();
    const [guest] = db
      .insert(meetingAttendees)
      .values({ meetingId: id, guestName: 'Karin Smit', guestOrganisation: 'Taalhuis Velsen' })
      .returning()
      .all();
    const [foreign] = db
      .insert(meetingAttendees)
      .values({ meetingId: other, userId: demoUserId('lezer') })
      .returning()
      .all();
    const mark = (who: Who, attendeeId: number, attended: string) =>
      runAction(
        meetingAction,
        `/overleggen/${id}`,
        { intent: 'attendance', attendeeId: String(attendeeId), attended },
        { params: { meetingId: String(id) }, cookie: cookies[who] },
      );
    const attended = (rowId: number) => db.select().from(meetingAttendees).where(eq(meetingAttendees.id, rowId)).get()!.attended;

    for (const who of READERS) {
      expect(statusOf(await mark(who, row.id, 'ja'))).toBe(403);
      expect(attended(row.id)).toBeNull();
    }
    expect(statusOf(await mark('haarlem', row.id, 'ja'))).toBe(302);
    expect(attended(row.id)).toBe(true);
    expect(statusOf(await mark('beheerder', guest.id, 'nee'))).toBe(302);
    expect(attended(guest.id)).toBe(false);
    expect(statusOf(await mark('velsen', foreign.id, 'ja'))).toBe(400);
    expect(attended(foreign.id)).toBeNull();
    expect(statusOf(await mark('velsen', row.id, 'misschien'))).toBe(400);
    expect(statusOf(await mark('velsen', 0, 'ja'))).toBe(400);
    expect(attended(row.id)).toBe(true);
  });
});

describe('agenda points', () => {
  const pointForm = (fields: Record<string, string>) => ({
    intent: 'addPoint',
    title: 'Agendapunt',
    duration: '',
    presenter: '',
    goalId: '',
    actionChoice: '',
    ...fields,
  });

  it('lets editors add, edit, move, finish and remove points, and keeps the notes outline in step', async () => {
    const id = newMeeting('Agenda');
    const params = { meetingId: String(id) };
    const goal = goalByCode('1.3.a-A');
    const action = actionByCode('1.3.a-A3');
    for (const [who, title] of [
      ['haarlem', 'Opening'],
      ['velsen', 'Taalhuizen'],
      ['beheerder', 'Rondvraag'],
    ] as [Who, string][]) {
      const result = await runAction(
        meetingAction,
        `/overleggen/${id}`,
        pointForm({ title, duration: '15', presenter: 'Anouk', goalId: String(goal.id), actionChoice: action.code! }),
        { params, cookie: cookies[who] },
      );
      expect(statusOf(result)).toBe(302);
    }
    let points = pointsOf(id);
    expect(points.map((p) => p.title)).toEqual(['Opening', 'Taalhuizen', 'Rondvraag']);
    expect(points[0]).toMatchObject({ durationMinutes: 15, presenter: 'Anouk', goalId: goal.id, actionId: action.id, status: 'open' });
    expect(notesHeadings(id)).toEqual(['Opening', 'Taalhuizen', 'Rondvraag']);

    await runAction(
      meetingAction,
      `/overleggen/${id}`,
      { intent: 'movePoint', pointId: String(points[2].id), direction: 'up' },
      { params, cookie: cookies.haarlem },
    );
    expect(pointsOf(id).map((p) => p.title)).toEqual(['Opening', 'Rondvraag', 'Taalhuizen']);
    await runAction(
      meetingAction,
      `/overleggen/${id}`,
      { intent: 'movePoint', pointId: String(points[0].id), direction: 'up' },
      { params, cookie: cookies.haarlem },
    );
    expect(pointsOf(id).map((p) => p.title)).toEqual(['Opening', 'Rondvraag', 'Taalhuizen']);

    await runAction(
      meetingAction,
      `/overleggen/${id}`,
      { intent: 'pointStatus', pointId: String(points[0].id), status: 'afgerond' },
      { params, cookie: cookies.haarlem },
    );
    expect(pointsOf(id)[0].status).toBe('afgerond');

    const edit = await runAction(
      pointAction,
      `/overleggen/${id}/agendapunten/${points[1].id}`,
      { title: 'Taalhuizen en Digi Sterker', duration: '30', presenter: 'Martijn', goalId: '', actionChoice: '' },
      { params: { meetingId: String(id), pointId: String(points[1].id) }, cookie: cookies.velsen },
    );
    expect(statusOf(edit)).toBe(302);
    expect(pointsOf(id).find((p) => p.id === points[1].id)).toMatchObject({
      title: 'Taalhuizen en Digi Sterker',
      durationMinutes: 30,
      goalId: null,
      actionId: null,
    });
    expect(notesHeadings(id)).toContain('Taalhuizen en Digi Sterker');

    await runAction(
      meetingAction,
      `/overleggen/${id}`,
      { intent: 'removePoint', pointId: String(points[2].id) },
      { params, cookie: cookies.beheerder },
    );
    points = pointsOf(id);
    expect(points.map((p) => p.title)).toEqual(['Opening', 'Taalhuizen en Digi Sterker']);
    expect(notesHeadings(id)).toEqual(['Opening', 'Taalhuizen en Digi Sterker']);
  });

  it('refuses readers (403) and leaves the agenda unchanged', async () => {
    const id = newMeeting('Agenda dicht');
    const [point] = db.insert(agendaPoints).values({ meetingId: id, title: 'Vast punt', position: 1 }).returning().all();
    const params = { meetingId: String(id) };
    for (const who of READERS) {
      const attempts: Record<string, string>[] = [
        pointForm({ title: 'Ingebroken' }),
        { intent: 'movePoint', pointId: String(point.id), direction: 'down' },
        { intent: 'pointStatus', pointId: String(point.id), status: 'afgerond' },
        { intent: 'removePoint', pointId: String(point.id) },
        { intent: 'planNext' },
      ];
      for (const fields of attempts) {
        expect(statusOf(await runAction(meetingAction, `/overleggen/${id}`, fields, { params, cookie: cookies[who] }))).toBe(403);
      }
      const pointParams = { meetingId: String(id), pointId: String(point.id) };
      expect(
        statusOf(await runLoader(pointLoader, `/overleggen/${id}/agendapunten/${point.id}`, { params: pointParams, cookie: cookies[who] })),
      ).toBe(403);
      expect(
        statusOf(
          await runAction(
            pointAction,
            `/overleggen/${id}/agendapunten/${point.id}`,
            { title: 'Gekaapt' },
            { params: pointParams, cookie: cookies[who] },
          ),
        ),
      ).toBe(403);
    }
    expect(pointsOf(id)).toEqual([point]);
    expect(db.select({ n: count() }).from(meetings).where(eq(meetings.previousMeetingId, id)).get()!.n).toBe(0);
  });

  it('answers bad points beside the field and saves nothing', async () => {
    const id = newMeeting('Agenda fouten');
    const params = { meetingId: String(id) };
    for (const [fields, field] of [
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(301) }, 'title'],
      [{ duration: '-5' }, 'duration'],
      [{ duration: '999' }, 'duration'],
      [{ goalId: '999999' }, 'goalId'],
      [{ goalId: 'abc' }, 'goalId'],
      [{ actionChoice: '#999999' }, 'actionChoice'],
      [{ actionChoice: 'Z-999' }, 'actionChoice'],
    ] as [Record<string, string>, string][]) {
      const result = await runAction(meetingAction, `/overleggen/${id}`, pointForm(fields), { params, cookie: cookies.haarlem });
      expect(statusOf(result)).toBe(400);
      expect(payloadOf(result).fieldErrors[field]).toBeTruthy();
    }
    expect(pointsOf(id)).toEqual([]);
    const other = newMeeting('Ander');
    const [foreign] = db.insert(agendaPoints).values({ meetingId: other, title: 'Niet van jou', position: 1 }).returning().all();
    expect(
      statusOf(
        await runAction(
          meetingAction,
          `/overleggen/${id}`,
          { intent: 'removePoint', pointId: String(foreign.id) },
          { params, cookie: cookies.haarlem },
        ),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await runLoader(pointLoader, `/x`, { params: { meetingId: String(id), pointId: String(foreign.id) }, cookie: cookies.haarlem }),
      ),
    ).toBe(404);
    expect(statusOf(await runAction(meetingAction, `/overleggen/${id}`, { intent: 'iets' }, { params, cookie: cookies.haarlem }))).toBe(
      400,
    );
    expect(pointsOf(other)).toEqual([foreign]);
  });
});

describe('series', () => {
  it('plans the next meeting four weeks later with the same attendees, carries open points over, and lists open action items', async () => {
    const first = createMeeting({
      title: 'Werkgroep reeks',
      kind: 'werkgroep',
      startsAt: nlToUtc('2031-03-04', '10:00'),
      place: 'Velsen',
      durationMinutes: 90,
      createdBy: null,
    }).id;
    db.insert(meetingAttendees)
      .values([
        { meetingId: first, userId: demoUserId('haarlem'), attended: true },
        { meetingId: first, guestName: 'Karin Smit', guestOrganisation: 'Taalhuis Velsen' },
      ])
      .run();
    const goal = goalByCode('1.3.a-B');
    db.insert(agendaPoints)
      .values([
        { meetingId: first, title: 'Afgerond punt', position: 1, status: 'afgerond' },
        { meetingId: first, title: 'Open punt', position: 2, goalId: goal.id, durationMinutes: 20 },
      ])
      .run();
    const [openItem] = db
      .insert(actions)
      .values({ goalId: goal.id, agendaId: goal.agendaId, title: 'Open actiepunt uit de reeks', sourceMeetingId: first, status: 'loopt' })
      .returning()
      .all();
    db.insert(actions)
      .values({ goalId: goal.id, agendaId: goal.agendaId, title: 'Afgerond actiepunt', sourceMeetingId: first, status: 'afgerond' })
      .run();

    const result = await runAction(
      meetingAction,
      `/overleggen/${first}`,
      { intent: 'planNext' },
      { params: { meetingId: String(first) }, cookie: cookies.velsen },
    );
    expect(statusOf(result)).toBe(302);
    const second = Number((result as Response).headers.get('Location')!.match(/\/overleggen\/(\d+)/)![1]);
    // 4 March 10:00 CET → 1 April 10:00 CEST: the same Dutch time across the switch.
    expect(db.select().from(meetings).where(eq(meetings.id, second)).get()).toMatchObject({
      title: 'Werkgroep reeks',
      kind: 'werkgroep',
      place: 'Velsen',
      durationMinutes: 90,
      startsAt: '2031-04-01T08:00:00.000Z',
      status: 'gepland',
      previousMeetingId: first,
    });
    expect(attendeesOf(second).map((a) => [a.userId, a.guestName, a.attended])).toEqual([
      [demoUserId('haarlem'), null, null],
      [null, 'Karin Smit', null],
    ]);
    // The draft-minutes round: the first meeting's concept minutes are adopted at the second.
    const [minutesPoint, carried] = pointsOf(second);
    expect([minutesPoint.title, minutesPoint.minutesOfMeetingId, minutesPoint.durationMinutes]).toEqual([
      'Verslag vorige vergadering',
      first,
      5,
    ]);
    expect([carried.title, carried.goalId, carried.durationMinutes]).toEqual(['Open punt', goal.id, 20]);
    expect(carried.carriedFromId).toBe(pointsOf(first)[1].id);
    expect(notesHeadings(second)).toEqual(['Verslag vorige vergadering', 'Open punt']);

    const page = payloadOf(
      await runLoader(meetingLoader, `/overleggen/${second}`, { params: { meetingId: String(second) }, cookie: cookies.lezer }),
    );
    expect(page.openSeriesActions.map((a: { id: number }) => a.id)).toEqual([openItem.id]);
    expect(page.meeting.previousMeetingId).toBe(first);

    // A third meeting still lists the first one's open item.
    const third = await runAction(
      meetingAction,
      `/overleggen/${second}`,
      { intent: 'planNext' },
      { params: { meetingId: String(second) }, cookie: cookies.haarlem },
    );
    const thirdId = Number((third as Response).headers.get('Location')!.match(/\/overleggen\/(\d+)/)![1]);
    const thirdPage = payloadOf(
      await runLoader(meetingLoader, `/overleggen/${thirdId}`, { params: { meetingId: String(thirdId) }, cookie: cookies.lezer }),
    );
    expect(thirdPage.openSeriesActions.map((a: { id: number }) => a.id)).toEqual([openItem.id]);
  });
});

describe('Agenda voorstellen', () => {
  it('proposes overdue actions, actions needing a decision, deadlines before the next meeting and changes since the previous one', async () => {
    const today = todayInNL();
    const goal = goalByCode('1.3.c-B');
    const insert = (title: string, fields: Partial<typeof actions.$inferInsert>) =>
      db
        .insert(actions)
        .values({ goalId: goal.id, agendaId: goal.agendaId, title, ...fields })
        .returning()
        .get();
    const overdue = insert('Voorstel: te laat', {
      status: 'loopt',
      deadlinePhrase: 'eind 2021',
      deadlineStart: '2021-10-01',
      deadlineEnd: '2021-12-31',
    });
    const doneLate = insert('Voorstel: afgerond en oud', {
      status: 'afgerond',
      deadlinePhrase: 'eind 2021',
      deadlineStart: '2021-10-01',
      deadlineEnd: '2021-12-31',
    });
    const decision = insert('Voorstel: besluit nodig', { status: 'besluit_nodig' });
    const soon = insert('Voorstel: loopt binnenkort af', {
      status: 'loopt',
      deadlineEnd: addDays(today, 10),
      deadlinePhrase: 'binnenkort',
    });
    const later = insert('Voorstel: loopt later af', { status: 'loopt', deadlineEnd: addDays(today, 200), deadlinePhrase: 'later' });

    const previous = createMeeting({
      title: 'Vorig voorstelovleg',
      kind: 'kennisdeling',
      startsAt: nlToUtc(addDays(today, -20), '10:00'),
      createdBy: null,
    }).id;
    const id = createMeeting({
      title: 'Voorstellen',
      kind: 'kennisdeling',
      startsAt: nlToUtc(addDays(today, 1), '10:00'),
      previousMeetingId: previous,
      createdBy: null,
    }).id;
    createMeeting({ title: 'Daarna', kind: 'kennisdeling', startsAt: nlToUtc(addDays(today, 30), '10:00'), createdBy: null });
    const changed = insert('Voorstel: gewijzigd', { status: 'loopt', deadlineEnd: addDays(today, 400), deadlinePhrase: 'veel later' });
    db.insert(history)
      .values({
        entityType: 'action',
        entityId: changed.id,
        userId: demoUserId('haarlem'),
        change: 'update',
        before: '{"progress":10}',
        after: '{"progress":50}',
        at: new Date().toISOString(),
      })
      .run();
    db.insert(history)
      .values({
        entityType: 'action',
        entityId: later.id,
        userId: demoUserId('haarlem'),
        change: 'update',
        before: '{}',
        after: '{}',
        at: '2020-01-01T00:00:00.000Z',
      })
      .run();

    const result = proposeAgendaPoints({ meetingId: id, today })!;
    const reasonOf = (actionId: number) => result.proposals.find((p) => p.actionId === actionId)?.reason ?? null;
    expect(reasonOf(overdue.id)).toBe('overdue');
    expect(reasonOf(doneLate.id)).toBeNull();
    expect(reasonOf(decision.id)).toBe('decision');
    expect(reasonOf(soon.id)).toBe('deadline');
    expect(reasonOf(later.id)).toBeNull(); // ends after the next meeting (in 30 days)
    expect(reasonOf(changed.id)).toBe('changed');
    expect(result.proposals.filter((p) => p.actionId === overdue.id)).toHaveLength(1);
    expect(result.proposals.find((p) => p.actionId === decision.id)).toMatchObject({
      goalId: goal.id,
      title: 'Besluit nodig: Voorstel: besluit nodig',
    });
    // Every besluit_nodig action in the seeded agenda is proposed as well.
    for (const a of db.select().from(actions).where(eq(actions.status, 'besluit_nodig')).all()) expect(reasonOf(a.id)).toBe('decision');
  });

  it('looks six weeks ahead when no next meeting is planned', () => {
    const today = todayInNL();
    const goal = goalByCode('1.3.c-A');
    const within = db
      .insert(actions)
      .values({ goalId: goal.id, agendaId: goal.agendaId, title: 'Binnen zes weken', status: 'loopt', deadlineEnd: addDays(today, 40) })
      .returning()
      .get();
    const beyond = db
      .insert(actions)
      .values({ goalId: goal.id, agendaId: goal.agendaId, title: 'Na zes weken', status: 'niet_gestart', deadlineEnd: addDays(today, 44) })
      .returning()
      .get();
    const id = createMeeting({
      title: 'Enig bestuurlijk overleg',
      kind: 'bestuurlijk',
      startsAt: nlToUtc(today, '23:00'),
      createdBy: null,
    }).id;
    const result = proposeAgendaPoints({ meetingId: id, today })!;
    expect(result.nextMeeting).toBeNull();
    expect(result.proposals.some((p) => p.actionId === within.id)).toBe(true);
    expect(result.proposals.some((p) => p.actionId === beyond.id)).toBe(false);
    expect(result.proposals.some((p) => p.reason === 'changed')).toBe(false); // no previous bestuurlijk overleg
  });

  it('adds the chosen proposals as linked agenda points, skips them next time, and refuses readers', async () => {
    const id = createMeeting({
      title: 'Voorstellen toevoegen',
      kind: 'bestuurlijk',
      startsAt: nlToUtc(addDays(todayInNL(), 3), '14:00'),
      createdBy: null,
    }).id;
    const params = { meetingId: String(id) };
    const page = payloadOf(await runLoader(proposalsLoader, `/overleggen/${id}/agenda-voorstellen`, { params, cookie: cookies.haarlem }));
    expect(page.proposals.length).toBeGreaterThan(1);
    const [first, second] = page.proposals;

    for (const who of READERS) {
      expect(statusOf(await runLoader(proposalsLoader, `/overleggen/${id}/agenda-voorstellen`, { params, cookie: cookies[who] }))).toBe(
        403,
      );
      expect(
        statusOf(
          await post(proposalsAction, `/overleggen/${id}/agenda-voorstellen`, [['proposal', first.key]], { params, cookie: cookies[who] }),
        ),
      ).toBe(403);
    }
    expect(pointsOf(id)).toEqual([]);
    expect(statusOf(await post(proposalsAction, `/overleggen/${id}/agenda-voorstellen`, [], { params, cookie: cookies.haarlem }))).toBe(
      400,
    );

    const result = await post(
      proposalsAction,
      `/overleggen/${id}/agenda-voorstellen`,
      [
        ['proposal', first.key],
        ['proposal', second.key],
        ['proposal', 'overdue:action:999999'],
        ['proposal', '<script>'],
      ],
      {
        params,
        cookie: cookies.haarlem,
      },
    );
    expect(statusOf(result)).toBe(302);
    expect(pointsOf(id).map((p) => [p.title, p.actionId, p.goalId])).toEqual([
      [first.title, first.actionId, first.goalId],
      [second.title, second.actionId, second.goalId],
    ]);
    expect(notesHeadings(id)).toEqual([first.title, second.title]);
    const again = payloadOf(await runLoader(proposalsLoader, `/overleggen/${id}/agenda-voorstellen`, { params, cookie: cookies.haarlem }));
    expect(again.proposals.some((p: { key: string }) => p.key === first.key)).toBe(false);
  });
});

describe('demo meetings', () => {
  it('seeds past meetings with notes, decisions and produced actions, and the next one planned', () => {
    const seeded = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.kind, 'werkgroep')))
      .orderBy(asc(meetings.startsAt))
      .all();
    const past = seeded.filter((m) => m.status !== 'gepland' && m.createdBy !== null);
    expect(past.length).toBeGreaterThanOrEqual(3);
    const planned = seeded.filter((m) => m.status === 'gepland' && m.startsAt > new Date().toISOString());
    expect(planned.length).toBeGreaterThanOrEqual(1);
    for (const m of past) {
      expect(pointsOf(m.id).length).toBeGreaterThan(0);
      expect(loadDocumentState(`meeting.${m.id}`)).not.toBeNull();
    }
    expect(
      db.select({ n: count() }).from(actions).where(eq(actions.sourceMeetingId, past[0].id)).get()!.n +
        db.select({ n: count() }).from(actions).where(eq(actions.sourceMeetingId, past[1].id)).get()!.n,
    ).toBeGreaterThan(0);
  });
});
