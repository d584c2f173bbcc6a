/**
 * @mentions in a meeting's live notes: the route the editor reports a mention to (who may,
 * bad input, once per meeting), and how a mention reads in the notes' text, the no-JS
 * view's JSON and the minutes (page blocks, .docx, PDF).
 */
import { and, count, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { renderToStaticMarkup } from 'react-dom/server';
import { extractText } from 'unpdf';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { NotesHtml } from '../../app/components/meetings/notes/notes-html';
import { fragmentToJson, fragmentToText } from '../../app/models/collab/compaction';
import { NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { minutesBlocks, type MinutesDoc, minutesText } from '../../app/models/meetings/minutes-content';
import { renderMinutesDocx } from '../../app/models/meetings/minutes-docx.server';
import { renderMinutesPdf } from '../../app/models/meetings/minutes-pdf.server';
import { NOTES_NODES } from '../../app/models/meetings/notes/notes-nodes';
import { action as mentionAction, loader as mentionLoader } from '../../app/routes/overleggen.$meetingId.vermelding';
import { db } from '../../app/utils/db.server';
import { notifications, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { runAction, runLoader, sessionFor, statusOf } from '../setup/requests';
import { seedMeeting } from './fixtures/meetings';

const cookies = {} as Record<Who, string>;
const ids = {} as Record<Who, number>;
let meetingId: number;

beforeAll(async () => {
  await prepareDatabase();
  for (const who of Object.keys(ACCOUNTS) as Who[]) {
    cookies[who] = await sessionFor(ACCOUNTS[who]);
    ids[who] = db.select({ id: users.id }).from(users).where(eq(users.email, ACCOUNTS[who])).get()!.id;
  }
  meetingId = seedMeeting(['Opening']).id;
});

beforeEach(() => {
  db.delete(notifications).run();
});

function postMention(who: Who, fields: Record<string, string>, meeting = meetingId) {
  return runAction(mentionAction, `/overleggen/${meeting}/vermelding`, fields, {
    params: { meetingId: String(meeting) },
    cookie: cookies[who],
  });
}

/** The resource route answers a JSON Response. */
const json = <T = unknown>(result: unknown) => (result as Response).json() as Promise<T>;
const total = () => db.select({ n: count() }).from(notifications).get()!.n;
const rowsFor = (who: Who) => db.select().from(notifications).where(eq(notifications.userId, ids[who])).all();

describe('POST /overleggen/:id/vermelding', () => {
  it('notifies the mentioned person once per meeting, linking to the notes, for a werkgroeplid and the beheerder', async () => {
    const first = await postMention('haarlem', { userId: String(ids.velsen) });
    expect(statusOf(first)).toBe(200);
    expect(await json(first)).toEqual({ notified: true });
    const [row] = rowsFor('velsen');
    expect(row).toMatchObject({
      kind: 'mention',
      link: `/overleggen/${meetingId}/notities`,
      actorId: ids.haarlem,
      dedupeKey: `mention:meeting:${meetingId}:${ids.velsen}`,
      readAt: null,
    });
    expect(row.message).toBe(`Anouk de Vries noemde u in de notities van het overleg "Werkgroep notities 1".`);

    // Mentioned again in the same notes, by anyone: still one notification.
    for (const who of ['haarlem', 'beheerder'] as const) {
      const again = await postMention(who, { userId: String(ids.velsen) });
      expect(statusOf(again)).toBe(200);
      expect(await json(again)).toEqual({ notified: false });
    }
    expect(rowsFor('velsen')).toHaveLength(1);

    // In another meeting's notes: a new one.
    const other = seedMeeting().id;
    expect(await json(await postMention('beheerder', { userId: String(ids.velsen) }, other))).toEqual({ notified: true });
    expect(rowsFor('velsen')).toHaveLength(2);
  });

  it('does not notify someone who mentions themselves', async () => {
    expect(await json(await postMention('haarlem', { userId: String(ids.haarlem) }))).toEqual({ notified: false });
    expect(total()).toBe(0);
  });

  it('is refused (403) for the roles that may not write the notes, and stores nothing', async () => {
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as const) {
      expect(statusOf(await postMention(who, { userId: String(ids.velsen) })), who).toBe(403);
    }
    expect(total()).toBe(0);
  });

  it('answers 404 for an unknown or malformed meeting', async () => {
    expect(statusOf(await postMention('haarlem', { userId: String(ids.velsen) }, 999_999))).toBe(404);
    const malformed = await runAction(
      mentionAction,
      '/overleggen/abc/vermelding',
      { userId: String(ids.velsen) },
      { params: { meetingId: 'abc' }, cookie: cookies.haarlem },
    );
    expect(statusOf(malformed)).toBe(404);
    expect(total()).toBe(0);
  });

  it('answers a GET with 405 (POST only), and sends the signed-out to the login page', async () => {
    const path = `/overleggen/${meetingId}/vermelding`;
    const got = await runLoader(mentionLoader, path, { params: { meetingId: String(meetingId) }, cookie: cookies.haarlem });
    expect(statusOf(got)).toBe(405);
    expect((got as Response).headers.get('Allow')).toBe('POST');
    const anonymous = await runLoader(mentionLoader, path, { params: { meetingId: String(meetingId) } });
    expect(statusOf(anonymous)).toBe(302);
    expect(total()).toBe(0);
  });

  it('answers 400 with a Dutch message for a missing, malformed, unknown or inactive person', async () => {
    for (const userId of [undefined, '', 'abc', '-3', '0', '999999']) {
      const result = await postMention('haarlem', userId === undefined ? {} : { userId });
      expect(statusOf(result), String(userId)).toBe(400);
      expect((await json<{ fieldErrors: Record<string, string> }>(result)).fieldErrors.userId).toMatch(/persoon/i);
    }
    db.update(users).set({ active: false }).where(eq(users.id, ids.zandvoort)).run();
    try {
      const result = await postMention('haarlem', { userId: String(ids.zandvoort) });
      expect(statusOf(result)).toBe(400);
    } finally {
      db.update(users).set({ active: true }).where(eq(users.id, ids.zandvoort)).run();
    }
    expect(total()).toBe(0);
  });

  it('respects the person turning mentions off', async () => {
    const { notificationPreferences } = await import('../../db/schema');
    db.insert(notificationPreferences).values({ userId: ids.velsen, kind: 'mention', enabled: false, email: 'off' }).run();
    try {
      expect(await json(await postMention('haarlem', { userId: String(ids.velsen) }))).toEqual({ notified: false });
      expect(total()).toBe(0);
    } finally {
      db.delete(notificationPreferences)
        .where(and(eq(notificationPreferences.userId, ids.velsen), eq(notificationPreferences.kind, 'mention')))
        .run();
    }
  });
});

// ---------------------------------------------------------------------------------------
// How a mention reads, built the way Tiptap's Collaboration stores it.

function notesWithMention() {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(NOTES_FIELD);
  const paragraph = new Y.XmlElement(NOTES_NODES.paragraph);
  const before = new Y.XmlText('Vraag ');
  const mention = new Y.XmlElement(NOTES_NODES.mention);
  mention.setAttribute('id', 3 as unknown as string);
  mention.setAttribute('label', 'Martijn Bakker');
  mention.setAttribute('mentionSuggestionChar', '@');
  const after = new Y.XmlText(' naar de offerte.');
  paragraph.insert(0, [before, mention, after]);
  // A paragraph holding only a mention is still a line of text.
  const alone = new Y.XmlElement(NOTES_NODES.paragraph);
  const onlyMention = new Y.XmlElement(NOTES_NODES.mention);
  onlyMention.setAttribute('label', 'Anouk de Vries');
  alone.insert(0, [onlyMention]);
  fragment.insert(0, [paragraph, alone]);
  return { doc, fragment };
}

describe('a mention in the notes', () => {
  it('reads as @Naam in the notes text (search, snapshots)', () => {
    const { doc, fragment } = notesWithMention();
    expect(fragmentToText(fragment)).toBe('Vraag @Martijn Bakker naar de offerte.\n@Anouk de Vries');
    doc.destroy();
  });

  it('keeps its id and label in the JSON and shows as @Naam without JavaScript', () => {
    const { doc, fragment } = notesWithMention();
    const json = fragmentToJson(fragment);
    expect(json.content![0].content![1]).toMatchObject({ type: 'mention', attrs: { id: 3, label: 'Martijn Bakker' } });
    const html = renderToStaticMarkup(NotesHtml({ doc: json, actions: [], decisions: [] }));
    expect(html).toContain('<p>Vraag <span class="mention notes-mention">@Martijn Bakker</span> naar de offerte.</p>');
    doc.destroy();
  });

  it('reads as @Naam in the minutes: the page blocks, the .docx and the PDF', async () => {
    const { doc, fragment } = notesWithMention();
    const minutes: MinutesDoc = {
      ...fragmentToJson(fragment),
      type: 'doc',
      attrs: { meeting: { title: 'Werkgroep', kind: 'werkgroep', startsAt: '2024-06-11T08:00:00.000Z', place: 'Haarlem' }, attendees: [] },
    };
    doc.destroy();
    const blocks = minutesBlocks(minutes);
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      runs: [
        { text: 'Vraag ', bold: false, italic: false },
        { text: '@Martijn Bakker', bold: false, italic: false },
        { text: ' naar de offerte.', bold: false, italic: false },
      ],
    });
    expect(minutesText(blocks)).toBe('Vraag @Martijn Bakker naar de offerte.\n@Anouk de Vries');

    const version = { version: 1, text: '', publishedAt: '2024-06-12T08:00:00.000Z', publishedByName: 'Anouk de Vries', doc: minutes };
    const { value: docxText } = await mammoth.extractRawText({ buffer: await renderMinutesDocx(version) });
    expect(docxText).toContain('Vraag @Martijn Bakker naar de offerte.');
    expect(docxText).toContain('@Anouk de Vries');
    const pdf = await renderMinutesPdf(version);
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('Vraag @Martijn Bakker naar de offerte.');
  });
});
