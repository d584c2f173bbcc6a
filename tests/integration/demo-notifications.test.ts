/**
 * The demo inbox: the demo seed leaves each demo account a few notifications derived from
 * the seeded history, in the words and with the links the triggers use; some read, some not.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { listNotifications } from '../../app/models/notifications/notification-inbox.server';
import { loader as rootLoader } from '../../app/root';
import { db } from '../../app/utils/db.server';
import { comments, notifications, users } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runLoader, sessionFor } from '../setup/requests';

const idOf = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

beforeAll(async () => {
  await prepareDatabase();
});

describe('the demo inbox', () => {
  it('tells werkgroep.haarlem of the adviser mentioning her and of a comment on her action, newest unread', () => {
    const inbox = listNotifications({ userId: idOf(ACCOUNTS.haarlem) });
    const mention = inbox.find((n) => n.kind === 'mention')!;
    expect(mention.message).toMatch(/^Fatima El Amrani noemde u in een reactie bij de actie ".+"\.$/);
    const [, commentId] = mention.link.match(/^\/acties\/\d+#reactie-(\d+)$/)!;
    const comment = db
      .select()
      .from(comments)
      .where(eq(comments.id, Number(commentId)))
      .get()!;
    expect(comment.body).toContain('@Anouk de Vries');
    expect(comment.authorId).toBe(idOf(ACCOUNTS.adviseur));

    const onHerAction = inbox.filter((n) => n.kind === 'comment');
    expect(onHerAction.map((n) => n.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Sanne Visser reageerde op de actie /)]),
    );
    expect(inbox.filter((n) => n.readAt === null).length).toBeGreaterThanOrEqual(1);
    expect(inbox.some((n) => n.readAt !== null)).toBe(true);
  });

  it('gives every notification a dedupe key the triggers use, and never notifies the actor', () => {
    const rows = db.select().from(notifications).all();
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row.dedupeKey).toMatch(
        /^(mention|comment):\d+$|^owner:action:\d+:created$|^(deadline_soon|overdue):action:\d+:\d{4}-\d\d-\d\d$|^meeting_planned:\d+$|^minutes_published:\d+:\d+$/,
      );
      expect(row.userId).not.toBe(row.actorId);
      expect(row.link).toMatch(/^\/(acties|doelen|kennisbank|overleggen)\//);
    }
  });

  it('shows the unread count in the header', async () => {
    const root = payloadOf(await runLoader(rootLoader, '/', { cookie: await sessionFor(ACCOUNTS.haarlem) }));
    expect(root.unreadNotifications).toBeGreaterThanOrEqual(1);
  });
});
