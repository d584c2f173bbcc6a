import Database from 'better-sqlite3';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { planMeeting } from '../../app/models/meetings/meeting.server';
import { notifyMinutesPublished } from '../../app/models/notifications/notification.server';
import { checkDeadlines } from '../../app/models/notifications/notification-deadlines.server';
import { createAction, updateAction } from '../../app/models/tracker/action.server';
import { loader as rootLoader } from '../../app/root';
import { loader as goalLoader } from '../../app/routes/doelen.$goalId';
import { action as inboxAction, loader as inboxLoader } from '../../app/routes/meldingen._index';
import { action as openAction, loader as openLoader } from '../../app/routes/meldingen.$notificationId';
import { action as followAction, loader as followLoader } from '../../app/routes/meldingen.volgen';
import { action as preferencesAction, loader as preferencesLoader } from '../../app/routes/meldingen.voorkeuren';
import { loader as peopleLoader } from '../../app/routes/personen';
import { action as commentAction } from '../../app/routes/reacties';
import { ActionFormSchema } from '../../app/schemas/action';
import { addDays } from '../../app/utils/date-time';
import { db } from '../../app/utils/db.server';
import { todayInNL } from '../../app/utils/today';
import { actions, follows, goals, meetingAttendees, minutesVersions, notificationPreferences, notifications } from '../../db/schema';
import type { Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, statusOf } from '../setup/requests';

let cookies: Record<Who, string>;
let ids: Record<Who, number>;
let names: Record<Who, string>;
let goalId: number;

const rowsFor = (who: Who) => db.select().from(notifications).where(eq(notifications.userId, ids[who])).all();
const total = () => db.select({ n: count() }).from(notifications).get()!.n;

/** Runs `act` and returns the notifications it stored, by recipient. */
async function newNotifications(act: () => unknown) {
  const before = db
    .select({ id: notifications.id })
    .from(notifications)
    .all()
    .map((r) => r.id);
  await act();
  const seen = new Set(before);
  return db
    .select()
    .from(notifications)
    .all()
    .filter((r) => !seen.has(r.id));
}

const recipients = (rows: { userId: number }[]) => rows.map((r) => Object.entries(ids).find(([, id]) => id === r.userId)?.[0]).sort();

function comment(who: Who, fields: Record<string, string>) {
  return runAction(commentAction, '/reacties', { redirectTo: '/', ...fields }, { cookie: cookies[who] });
}

function newAction(ownerUserId: number | null, extra: Record<string, string> = {}) {
  const input = ActionFormSchema.parse({
    title: `Testactie ${Math.random().toString(36).slice(2, 8)}`,
    goalId: String(goalId),
    ownerUserId: ownerUserId === null ? '' : String(ownerUserId),
    status: 'niet_gestart',
    progress: '0',
    ...extra,
  });
  return { input, create: (actorId: number) => createAction({ userId: actorId, input }) };
}

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies, ids, names } = await signInDemoAccounts());
  goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
});

beforeEach(() => {
  // Each test starts from an empty inbox for everyone and default preferences.
  db.delete(notifications).run();
  db.delete(notificationPreferences).run();
  db.delete(follows).run();
});

describe('mentions in comments', () => {
  it('notifies exactly the mentioned person, with a Dutch message, the actor and a link to the comment', async () => {
    const created = await newNotifications(() =>
      comment('adviseur', {
        intent: 'create',
        targetType: 'goal',
        targetId: String(goalId),
        body: `Wat vind jij, @${names.haarlem}? Zie ook adviseur@koers.test.`,
      }),
    );
    expect(recipients(created)).toEqual(['haarlem']);
    const [n] = created;
    expect(n.kind).toBe('mention');
    expect(n.actorId).toBe(ids.adviseur);
    expect(n.message).toMatch(new RegExp(`^${names.adviseur} noemde u in een reactie bij doel 1\\.3\\.a-A ".+"\\.$`));
    expect(n.link).toMatch(new RegExp(`^/doelen/${goalId}#reactie-\\d+$`));
    expect(n.readAt).toBeNull();
  });

  it('does not notify people who mention themselves, nor for a name that is no one', async () => {
    const created = await newNotifications(() =>
      comment('haarlem', {
        intent: 'create',
        targetType: 'goal',
        targetId: String(goalId),
        body: `Notitie voor mezelf, @${names.haarlem}, en @Niemand Bekend.`,
      }),
    );
    expect(created).toEqual([]);
  });

  it('tells people newly mentioned in an edit, and nobody twice', async () => {
    const [first] = await newNotifications(() =>
      comment('adviseur', { intent: 'create', targetType: 'goal', targetId: String(goalId), body: `Vraag aan @${names.velsen}.` }),
    );
    const commentId = Number(first.link.split('#reactie-')[1]);
    const edited = await newNotifications(() =>
      comment('adviseur', { intent: 'edit', commentId: String(commentId), body: `Vraag aan @${names.velsen} en @${names.zandvoort}.` }),
    );
    expect(recipients(edited)).toEqual(['zandvoort']);
  });

  it('a reply mentioning someone notifies them once, as a mention', async () => {
    const [first] = await newNotifications(() =>
      comment('adviseur', {
        intent: 'create',
        targetType: 'goal',
        targetId: String(goalId),
        body: `Start van een discussie met @${names.velsen}.`,
      }),
    );
    const threadId = first.link.split('#reactie-')[1];
    const replied = await newNotifications(() =>
      comment('haarlem', { intent: 'reply', commentId: threadId, body: `Eens, @${names.velsen}.` }),
    );
    // Velsen is mentioned (mention, not also "comment"); the adviser follows the goal since her comment.
    expect(replied.map((r) => [recipients([r])[0], r.kind]).sort()).toEqual([
      ['adviseur', 'comment'],
      ['velsen', 'mention'],
    ]);
  });
});

describe('comments on items you own or follow', () => {
  it('tells the action owner of a comment, and the commenter follows the action from then on', async () => {
    const actionId = newAction(ids.velsen).create(ids.haarlem);
    db.delete(notifications).run();
    const first = await newNotifications(() =>
      comment('adviseur', { intent: 'create', targetType: 'action', targetId: String(actionId), body: 'Hoe staat het ervoor?' }),
    );
    expect(recipients(first)).toEqual(['velsen']);
    expect(first[0]).toMatchObject({ kind: 'comment', actorId: ids.adviseur });
    expect(first[0].link).toMatch(new RegExp(`^/acties/${actionId}#reactie-\\d+$`));
    expect(first[0].message).toContain(`${names.adviseur} reageerde op de actie "Testactie`);

    // The owner answers: the adviser (now a follower) hears of it, the owner does not.
    const answer = await newNotifications(() =>
      comment('velsen', { intent: 'create', targetType: 'action', targetId: String(actionId), body: 'Op schema.' }),
    );
    expect(recipients(answer)).toEqual(['adviseur']);
  });

  it('follow and unfollow by the button; followers hear of new comments, others do not', async () => {
    const follow = (who: Who, intent: string) =>
      runAction(
        followAction,
        '/meldingen/volgen',
        { intent, targetType: 'goal', targetId: String(goalId), redirectTo: `/doelen/${goalId}` },
        { cookie: cookies[who] },
      );
    expect(statusOf(await follow('lezer', 'follow'))).toBe(302);
    const state = payloadOf(await runLoader(followLoader, `/meldingen/volgen?type=goal&id=${goalId}`, { cookie: cookies.lezer }));
    expect(state.following).toBe(true);
    // The goal page carries the button's state itself, per user.
    const goalPage = (who: Who) => runLoader(goalLoader, `/doelen/${goalId}`, { params: { goalId: String(goalId) }, cookie: cookies[who] });
    expect(payloadOf(await goalPage('lezer')).following).toBe(true);
    expect(payloadOf(await goalPage('adviseur')).following).toBe(false);
    let created = await newNotifications(() =>
      comment('haarlem', { intent: 'create', targetType: 'goal', targetId: String(goalId), body: 'Nieuw inzicht.' }),
    );
    expect(recipients(created)).toEqual(['lezer']);

    expect(statusOf(await follow('lezer', 'unfollow'))).toBe(302);
    expect(payloadOf(await goalPage('lezer')).following).toBe(false);
    created = await newNotifications(() =>
      comment('velsen', { intent: 'create', targetType: 'goal', targetId: String(goalId), body: 'Nog een inzicht.' }),
    );
    expect(recipients(created)).toEqual(['haarlem']);
  });

  it('refuses to follow what does not exist, and bad input, without storing anything', async () => {
    const before = db.select({ n: count() }).from(follows).get()!.n;
    expect(
      statusOf(
        await runAction(
          followAction,
          '/meldingen/volgen',
          { intent: 'follow', targetType: 'goal', targetId: '999999' },
          { cookie: cookies.lezer },
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await runAction(
          followAction,
          '/meldingen/volgen',
          { intent: 'follow', targetType: 'planeet', targetId: '1' },
          { cookie: cookies.lezer },
        ),
      ),
    ).toBe(400);
    expect(statusOf(await runLoader(followLoader, '/meldingen/volgen?type=goal&id=abc', { cookie: cookies.lezer }))).toBe(404);
    expect(db.select({ n: count() }).from(follows).get()!.n).toBe(before);
  });
});

describe('becoming the owner of an action', () => {
  it('notifies the new owner at creation and on a change of owner, never the actor', async () => {
    const draft = newAction(ids.velsen);
    let actionId = 0;
    const created = await newNotifications(() => (actionId = draft.create(ids.haarlem)));
    expect(recipients(created)).toEqual(['velsen']);
    expect(created[0]).toMatchObject({ kind: 'owner', link: `/acties/${actionId}`, actorId: ids.haarlem });
    expect(created[0].message).toBe(`${names.haarlem} maakte u trekker van de actie "${draft.input.title}".`);

    // Saving without a change of owner notifies nobody.
    expect(
      await newNotifications(() =>
        updateAction({ userId: ids.haarlem, id: actionId, input: { ...draft.input, description: 'Aangevuld.' } }),
      ),
    ).toEqual([]);
    // A new owner hears of it.
    const changed = await newNotifications(() =>
      updateAction({ userId: ids.haarlem, id: actionId, input: { ...draft.input, ownerUserId: ids.zandvoort } }),
    );
    expect(recipients(changed)).toEqual(['zandvoort']);
    // Making yourself the owner tells nobody.
    expect(
      await newNotifications(() =>
        updateAction({ userId: ids.haarlem, id: actionId, input: { ...draft.input, ownerUserId: ids.haarlem } }),
      ),
    ).toEqual([]);
    expect(await newNotifications(() => newAction(ids.haarlem).create(ids.haarlem))).toEqual([]);
  });
});

describe('deadlines', () => {
  const today = todayInNL();
  const setDeadline = (id: number, end: string, status: 'niet_gestart' | 'afgerond' = 'niet_gestart') =>
    db.update(actions).set({ deadlinePhrase: end, deadlineStart: end, deadlineEnd: end, status }).where(eq(actions.id, id)).run();

  it('tells the owner once when the window ends within 7 days, and once when it is overdue; running twice sends nothing twice', async () => {
    // Seeded actions with owners and old deadlines would also be reported; leave them out.
    db.update(actions).set({ ownerUserId: null }).run();
    const [soon, late, later, done] = [1, 2, 3, 4].map(() => newAction(ids.velsen).create(ids.haarlem));
    db.delete(notifications).run();
    setDeadline(soon, addDays(today, 7));
    setDeadline(late, addDays(today, -1));
    setDeadline(later, addDays(today, 8));
    setDeadline(done, addDays(today, -30), 'afgerond');

    expect(await checkDeadlines({ today })).toBe(2);
    const rows = rowsFor('velsen');
    expect(rows.map((r) => [r.kind, r.link]).sort()).toEqual(
      [
        ['deadline_soon', `/acties/${soon}`],
        ['overdue', `/acties/${late}`],
      ].sort(),
    );
    expect(rows.every((r) => r.actorId === null)).toBe(true);

    // Idempotent.
    expect(await checkDeadlines({ today })).toBe(0);
    expect(rowsFor('velsen')).toHaveLength(2);

    // A week on: the "soon" one is overdue now (a new kind of news), the late one stays told.
    expect(await checkDeadlines({ today: addDays(today, 8) })).toBe(2);
    expect(
      rowsFor('velsen')
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['deadline_soon', 'deadline_soon', 'overdue', 'overdue']);

    // A changed deadline may notify again.
    setDeadline(late, addDays(today, -2));
    expect(await checkDeadlines({ today })).toBe(1);
    expect(await checkDeadlines({ today })).toBe(0);
  });

  // The real-time process stores every keystroke in the same database, with a 5 s busy
  // timeout; another connection stands in for it.
  const otherProcess = () => {
    const other = new Database(db.$client.name);
    other.pragma('busy_timeout = 0'); // fails at once when the lock is held
    return other;
  };

  it('writes many new notifications in small transactions, so another process can write in between', async () => {
    db.update(actions).set({ ownerUserId: null }).run();
    const late = Array.from({ length: 150 }, () => newAction(ids.velsen).create(ids.haarlem));
    for (const id of late) setDeadline(id, addDays(today, -1));
    db.delete(notifications).run(); // creating them told the trekker already
    const other = otherProcess();
    try {
      const run = checkDeadlines({ today });
      // The first transaction is committed and the run pauses before the next one.
      expect(total()).toBe(100);
      expect(other.prepare('update actions set title = title where id = ?').run(late[0]).changes).toBe(1);
      expect(await run).toBe(150);
      expect(rowsFor('velsen')).toHaveLength(150);
    } finally {
      other.close();
    }
  });

  it('needs no write lock when there is nothing new to tell', async () => {
    db.update(actions).set({ ownerUserId: null }).run();
    db.delete(notifications).run();
    const late = newAction(ids.velsen).create(ids.haarlem);
    setDeadline(late, addDays(today, -1));
    expect(await checkDeadlines({ today })).toBe(1);
    const other = otherProcess();
    try {
      other.exec('BEGIN IMMEDIATE'); // the other process is writing
      expect(await checkDeadlines({ today })).toBe(0);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('meetings', () => {
  it('tells each attendee (not the planner, not others) once when a meeting is planned, and when its minutes are published', async () => {
    let meetingId = 0;
    const planned = await newNotifications(() => {
      meetingId = planMeeting({
        userId: ids.haarlem,
        input: {
          title: 'Werkgroep september',
          kind: 'werkgroep',
          date: '2030-09-10',
          time: '14:00',
          duration: 120,
          place: 'Stadhuis Haarlem',
          status: 'gepland',
          attendeeIds: [ids.haarlem, ids.velsen, ids.zandvoort],
          guests: [],
        },
      });
    });
    expect(recipients(planned)).toEqual(['velsen', 'zandvoort']);
    expect(planned[0].message).toBe(
      `${names.haarlem} plande het overleg "Werkgroep september" op 10 sep. 2030 om 14:00; u staat op de deelnemerslijst.`,
    );
    expect(planned[0].link).toBe(`/overleggen/${meetingId}`);

    // Zandvoort turned out absent; the minutes go to those who were there.
    db.update(meetingAttendees)
      .set({ attended: false })
      .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, ids.zandvoort)))
      .run();
    const publish = (version: number) =>
      db.transaction(() => {
        db.insert(minutesVersions).values({ meetingId, version, json: '{}', text: '', publishedBy: ids.haarlem }).run();
        notifyMinutesPublished({ meetingId, actorId: ids.haarlem });
      });
    const published = await newNotifications(() => publish(1));
    expect(recipients(published)).toEqual(['velsen']);
    expect(published[0]).toMatchObject({ kind: 'minutes_published', link: `/overleggen/${meetingId}/verslag` });
    // Calling the trigger again for the same version stores nothing.
    expect(await newNotifications(() => notifyMinutesPublished({ meetingId, actorId: ids.haarlem }))).toEqual([]);
    // A later version is news again.
    expect(recipients(await newNotifications(() => publish(2)))).toEqual(['velsen']);
  });

  it('a rolled-back change notifies nobody', async () => {
    const before = total();
    expect(() =>
      db.transaction(() => {
        newAction(ids.velsen).create(ids.haarlem);
        throw new Error('afgebroken');
      }),
    ).toThrow('afgebroken');
    expect(total()).toBe(before);
  });
});

describe('preferences', () => {
  it('a kind turned off stores nothing; off in Koers with e-mail on is stored already read', async () => {
    const save = (fields: Record<string, string>) =>
      runAction(preferencesAction, '/meldingen/voorkeuren', fields, { cookie: cookies.velsen });
    const kinds = ['mention', 'comment', 'owner', 'deadline_soon', 'overdue', 'meeting_planned', 'minutes_published'];
    const ownerOff = Object.fromEntries(kinds.filter((k) => k !== 'owner').map((k) => [`${k}.enabled`, 'on']));
    expect(statusOf(await save(ownerOff))).toBe(302);
    expect(await newNotifications(() => newAction(ids.velsen).create(ids.haarlem))).toEqual([]);

    // Without SMTP (this test file) the e-mail choice cannot be changed: the form omits it and the server keeps it.
    db.insert(notificationPreferences)
      .values({ userId: ids.velsen, kind: 'mention', enabled: false, email: 'digest' })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { enabled: false, email: 'digest' },
      })
      .run();
    const created = await newNotifications(() =>
      comment('adviseur', { intent: 'create', targetType: 'goal', targetId: String(goalId), body: `Even @${names.velsen} erbij.` }),
    );
    expect(recipients(created)).toEqual(['velsen']);
    expect(created[0].readAt).not.toBeNull();

    const page = payloadOf(await runLoader(preferencesLoader, '/meldingen/voorkeuren', { cookie: cookies.velsen }));
    expect(page.emailEnabled).toBe(false);
    expect(page.preferences.owner).toEqual({ enabled: false, email: 'off' });
    expect(page.preferences.mention).toEqual({ enabled: false, email: 'digest' });
    expect(page.preferences.comment).toEqual({ enabled: true, email: 'off' });
  });

  it('refuses bad values with a Dutch message and saves nothing', async () => {
    const stored = () => db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ids.velsen)).all();
    const before = stored();
    const result = await runAction(
      preferencesAction,
      '/meldingen/voorkeuren',
      { 'mention.enabled': 'on', 'mention.email': 'wekelijks' },
      { cookie: cookies.velsen },
    );
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors['mention.email']).toBe('Kies voor e-mail: uit, direct of dagelijkse samenvatting.');
    const result2 = await runAction(
      preferencesAction,
      '/meldingen/voorkeuren',
      { 'comment.enabled': 'ja graag' },
      { cookie: cookies.velsen },
    );
    expect(statusOf(result2)).toBe(400);
    expect(payloadOf(result2).fieldErrors['comment.enabled']).toBe('Ongeldige keuze voor "In Koers".');
    expect(stored()).toEqual(before);
  });
});

describe('the inbox', () => {
  async function mentionOf(who: Who) {
    const [row] = await newNotifications(() =>
      comment('adviseur', { intent: 'create', targetType: 'goal', targetId: String(goalId), body: `Een vraag voor @${names[who]}.` }),
    );
    return row;
  }

  it('shows only your own notifications, newest first, and the unread count in the header', async () => {
    const a = await mentionOf('velsen');
    const b = await mentionOf('velsen');
    await mentionOf('haarlem');
    const page = payloadOf(await runLoader(inboxLoader, '/meldingen', { cookie: cookies.velsen }));
    expect(page.items.map((i: { id: number }) => i.id)).toEqual([b.id, a.id]);
    expect(page.unread).toBe(2);
    expect(page.items[0]).toMatchObject({ actorName: names.adviseur, readAt: null });
    const root = payloadOf(await runLoader(rootLoader, '/', { cookie: cookies.velsen }));
    expect(root.unreadNotifications).toBe(2);
    expect(payloadOf(await runLoader(inboxLoader, '/meldingen', { cookie: cookies.lezer })).items).toEqual([]);
  });

  it('opening a notification marks it read and goes to its place; marking one or all read', async () => {
    const a = await mentionOf('velsen');
    const b = await mentionOf('velsen');
    const c = await mentionOf('velsen');
    const opened = await runLoader(openLoader, `/meldingen/${a.id}`, { params: { notificationId: String(a.id) }, cookie: cookies.velsen });
    expect(statusOf(opened)).toBe(302);
    expect((opened as Response).headers.get('Location')).toBe(a.link);
    expect(db.select().from(notifications).where(eq(notifications.id, a.id)).get()!.readAt).not.toBeNull();

    expect(
      statusOf(
        await runAction(inboxAction, '/meldingen?index', { intent: 'read', notificationId: String(b.id) }, { cookie: cookies.velsen }),
      ),
    ).toBe(302);
    expect(db.select().from(notifications).where(eq(notifications.id, b.id)).get()!.readAt).not.toBeNull();
    expect(db.select().from(notifications).where(eq(notifications.id, c.id)).get()!.readAt).toBeNull();

    const other = await mentionOf('haarlem');
    expect(statusOf(await runAction(inboxAction, '/meldingen?index', { intent: 'allRead' }, { cookie: cookies.velsen }))).toBe(302);
    expect(rowsFor('velsen').every((r) => r.readAt !== null)).toBe(true);
    expect(db.select().from(notifications).where(eq(notifications.id, other.id)).get()!.readAt).toBeNull();
  });

  it("refuses to mark or open someone else's notification, and nothing changes", async () => {
    const theirs = await mentionOf('haarlem');
    expect(
      statusOf(
        await runAction(inboxAction, '/meldingen?index', { intent: 'read', notificationId: String(theirs.id) }, { cookie: cookies.velsen }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await runLoader(openLoader, `/meldingen/${theirs.id}`, { params: { notificationId: String(theirs.id) }, cookie: cookies.velsen }),
      ),
    ).toBe(404);
    expect(
      statusOf(await runAction(inboxAction, '/meldingen?index', { intent: 'read', notificationId: 'x' }, { cookie: cookies.velsen })),
    ).toBe(400);
    expect(db.select().from(notifications).where(eq(notifications.id, theirs.id)).get()!.readAt).toBeNull();
  });

  it('answers a POST to a notification with a plain 404 for a bad id and 405 otherwise, marking nothing read', async () => {
    const mine = await mentionOf('velsen');
    expect(statusOf(await runAction(openAction, '/meldingen/abc', {}, { params: { notificationId: 'abc' }, cookie: cookies.velsen }))).toBe(
      404,
    );
    const refused = (await runAction(
      openAction,
      `/meldingen/${mine.id}`,
      {},
      { params: { notificationId: String(mine.id) }, cookie: cookies.velsen },
    )) as Response;
    expect(refused.status).toBe(405);
    expect(refused.headers.get('Allow')).toBe('GET');
    expect(db.select().from(notifications).where(eq(notifications.id, mine.id)).get()!.readAt).toBeNull();
  });

  it('requires signing in', async () => {
    expect(statusOf(await runLoader(inboxLoader, '/meldingen'))).toBe(302);
    expect(statusOf(await runAction(inboxAction, '/meldingen?index', { intent: 'allRead' }))).toBe(302);
  });
});

describe('mention suggestions', () => {
  it('answers commenters with matching active people, and refuses readers', async () => {
    const result = (await runLoader(peopleLoader, '/personen?q=mar', { cookie: cookies.adviseur })) as Response;
    expect(result.status).toBe(200);
    const { people } = (await result.json()) as { people: { name: string; organisation: string }[] };
    expect(people).toEqual([{ id: ids.velsen, name: names.velsen, organisation: 'Velsen' }]);
    const byLastName = (await (
      (await runLoader(peopleLoader, '/personen?q=de%20vr', { cookie: cookies.adviseur })) as Response
    ).json()) as { people: { name: string }[] };
    expect(byLastName.people.map((p) => p.name)).toEqual([names.haarlem]);
    expect(statusOf(await runLoader(peopleLoader, '/personen?q=a', { cookie: cookies.lezer }))).toBe(403);
    expect(statusOf(await runLoader(peopleLoader, '/personen?q=a'))).toBe(302);
  });
});
