/**
 * "Verslag vaststellen": publishing a meeting's notes as frozen, numbered minutes, the
 * minutes page, and the .docx and PDF downloads — with real notes documents (Yjs updates
 * in the log, as the real-time server stores them) and a real SQLite database.
 */
import { count, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { appendUpdates, compactDocument, loadDocumentState, NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { createDecision } from '../../app/models/meetings/decision.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { createActionItem } from '../../app/models/meetings/notes/notes-item.server';
import { setActionStatus } from '../../app/models/tracker/action.server';
import { action as minutesAction, loader as minutesLoader } from '../../app/routes/overleggen.$meetingId_.verslag';
import { loader as docxLoader } from '../../app/routes/overleggen.$meetingId_.verslag[.docx]';
import { loader as pdfLoader } from '../../app/routes/overleggen.$meetingId_.verslag[.pdf]';
import { ActionItemSchema, DecisionSchema } from '../../app/schemas/notes';
import { db } from '../../app/utils/db.server';
import { actions, goals, meetingAttendees, meetings, minutesVersions } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId, signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, statusOf } from '../setup/requests';
import { zipEntries } from '../setup/zip';

let cookies: Record<Who, string>;

let meetingId: number; // notes with everything: headings, marks, lists, an action item, a decision
let emptyMeetingId: number; // only the agenda outline's heading
let actionId: number;
let decisionId: number;

const MEETING_TITLE = 'Werkgroep basisvaardigheden: coördinatie';
// Letters outside Latin-1 too: names of people in the region are written as they are.
const ACCENTED = 'Café Één: de reünie over coördinatie en België, met Łukasz Wróbel en Şükrü Yılmaz';

// ---------------------------------------------------------------------------------------
// Notes documents, built with the Yjs API as Tiptap (y-prosemirror) stores them.

type Inline = string | { text: string; bold?: boolean; italic?: boolean } | { hardBreak: true };

function el(name: string, attrs: Record<string, unknown> = {}, children: (Y.XmlElement | Y.XmlText)[] = []) {
  const element = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
  element.insert(0, children);
  return element;
}

/** A textblock (paragraph or heading) with marked runs; hard breaks become hardBreak elements. */
function textblock(name: string, inline: Inline[], attrs: Record<string, unknown> = {}) {
  const children: (Y.XmlElement | Y.XmlText)[] = [];
  let text: Y.XmlText | null = null;
  for (const part of inline) {
    if (typeof part === 'object' && 'hardBreak' in part) {
      children.push(el('hardBreak'));
      text = null;
      continue;
    }
    if (!text) {
      text = new Y.XmlText();
      children.push(text);
    }
    const run = typeof part === 'string' ? { text: part } : part;
    const marks: Record<string, object> = {};
    if (run.bold) marks.bold = {};
    if (run.italic) marks.italic = {};
    const pending = { text, run, marks };
    queued.push(pending);
  }
  return el(name, attrs, children);
}
// Text can only be inserted once the XmlText is part of a document: queue it until then.
let queued: { text: Y.XmlText; run: { text: string }; marks: Record<string, object> }[] = [];
function flushText() {
  const lengths = new Map<Y.XmlText, number>();
  for (const { text, run, marks } of queued) {
    const at = lengths.get(text) ?? 0;
    // Explicit (possibly empty) marks: without them Yjs lets the text inherit the previous run's marks.
    text.insert(at, run.text, marks);
    lengths.set(text, at + run.text.length);
  }
  queued = [];
}

const p = (...inline: Inline[]) => textblock('paragraph', inline);
const h = (level: number, text: string, agendaPointId?: number) =>
  textblock('heading', [text], { level, ...(agendaPointId ? { agendaPointId } : {}) });
const list = (name: 'bulletList' | 'orderedList', ...items: Y.XmlElement[][]) =>
  el(
    name,
    {},
    items.map((blocks) => el('listItem', {}, blocks)),
  );

/** Edits the stored notes the way the real-time server would store the edit: its updates appended to the log. */
function editNotes(id: number, edit: (fragment: Y.XmlFragment) => void) {
  const name = `meeting.${id}`;
  const doc = new Y.Doc();
  const state = loadDocumentState(name);
  if (state) Y.applyUpdate(doc, state);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.transact(() => {
    edit(doc.getXmlFragment(NOTES_FIELD));
    flushText();
  });
  appendUpdates(name, updates);
  doc.destroy();
}

async function download(loader: typeof docxLoader, path: string, id: number, who: Who | null = 'lezer') {
  const result = await runLoader(loader, path, { params: { meetingId: String(id) }, cookie: who ? cookies[who] : null });
  return result as Response;
}

const versionCount = (id: number) => db.select({ n: count() }).from(minutesVersions).where(eq(minutesVersions.meetingId, id)).get()!.n;
const meetingStatus = (id: number) => db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, id)).get()!.status;
const publish = (who: Who, id = meetingId, fields: Record<string, string> = { intent: 'publish', confirm: 'ja' }) =>
  runAction(minutesAction, `/overleggen/${id}/verslag`, fields, { params: { meetingId: String(id) }, cookie: cookies[who] });
const page = (who: Who, query = '', id = meetingId) =>
  runLoader(minutesLoader, `/overleggen/${id}/verslag${query}`, { params: { meetingId: String(id) }, cookie: cookies[who] });

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies } = await signInDemoAccounts());

  const haarlem = demoUserId('haarlem');
  meetingId = createMeeting({
    title: MEETING_TITLE,
    kind: 'werkgroep',
    startsAt: '2024-05-14T08:00:00.000Z',
    place: 'Stadhuis Haarlem',
    createdBy: haarlem,
  }).id;
  emptyMeetingId = createMeeting({
    title: 'Werkgroep juni',
    kind: 'werkgroep',
    startsAt: '2024-06-11T08:00:00.000Z',
    createdBy: haarlem,
  }).id;

  db.insert(meetingAttendees)
    .values([
      { meetingId, userId: haarlem, attended: true },
      { meetingId, userId: demoUserId('velsen'), attended: false },
      { meetingId, userId: demoUserId('adviseur'), attended: null },
      { meetingId, guestName: 'Joëlle Smit', guestOrganisation: 'Nova College', attended: true },
    ])
    .run();

  const goal = db.select({ id: goals.id, code: goals.code }).from(goals).limit(1).get()!;
  actionId = createActionItem({
    userId: haarlem,
    meetingId,
    input: ActionItemSchema.parse({
      title: 'Taalhuis Zandvoort openen',
      ownerUserId: String(haarlem),
      deadline: 'medio 2025',
      goalId: String(goal.id),
    }),
  });
  decisionId = createDecision({
    userId: haarlem,
    meetingId,
    input: { ...DecisionSchema.parse({ text: 'We kiezen voor één regionale campagne.', goalId: String(goal.id) }), actionId: null },
  });

  editNotes(meetingId, (notes) => {
    notes.insert(0, [
      h(2, 'Opening en mededelingen', 1),
      p('De voorzitter opent ', { text: 'om tien uur', bold: true }, ' het ', { text: 'overleg', italic: true }, '.'),
      p(ACCENTED, { hardBreak: true }, 'Tweede regel.'),
      h(3, 'Taalhuizen'),
      list('bulletList', [p('Eerste punt')], [p('Tweede punt'), list('orderedList', [p('Genest één')], [p('Genest twee')])]),
      list('orderedList', [p('Stap één')], [p('Stap twee')]),
      el('actionItem', { actionId }),
      el('decision', { decisionId }),
    ]);
  });
  // Half the notes compacted, half still in the update log: publishing must see both.
  compactDocument(`meeting.${meetingId}`);
  editNotes(meetingId, (notes) => notes.insert(notes.length, [p('Rondvraag: niets.')]));

  editNotes(emptyMeetingId, (notes) => notes.insert(0, [h(2, 'Opening', 7), p('')]));
});

describe('publishing the minutes ("Verslag vaststellen")', () => {
  it('shows that nothing is published yet, with the button only for editors', async () => {
    const forEditor = payloadOf(await page('haarlem'));
    expect(forEditor.minutes).toBeUndefined();
    expect(forEditor.versions).toEqual([]);
    expect(forEditor.mayPublish).toBe(true);
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as const) expect(payloadOf(await page(who)).mayPublish).toBe(false);
  });

  it('refuses gemeente, adviseur and lezer with a 403 and changes nothing', async () => {
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as const) {
      expect(statusOf(await publish(who)), who).toBe(403);
    }
    expect(versionCount(meetingId)).toBe(0);
    expect(meetingStatus(meetingId)).toBe('gepland');
  });

  it('asks for the confirmation and stores nothing without it', async () => {
    const result = await publish('haarlem', meetingId, { intent: 'publish' });
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.confirm).toBe('Vink aan dat u het verslag wilt vaststellen.');
    expect(versionCount(meetingId)).toBe(0);
  });

  it('refuses empty notes (only the agenda outline) with a clear message', async () => {
    const result = await publish('haarlem', emptyMeetingId);
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors._form).toMatch(/notities van dit overleg zijn nog leeg/);
    expect(versionCount(emptyMeetingId)).toBe(0);
    expect(meetingStatus(emptyMeetingId)).toBe('gepland');
  });

  it('lets a werkgroeplid freeze the current notes, including updates not yet compacted, as version 1', async () => {
    const result = await publish('haarlem');
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toBe(`/overleggen/${meetingId}/verslag?vastgesteld=1`);
    expect(meetingStatus(meetingId)).toBe('vastgesteld');

    const row = db.select().from(minutesVersions).where(eq(minutesVersions.meetingId, meetingId)).get()!;
    expect(row.version).toBe(1);
    expect(row.publishedBy).toBe(demoUserId('haarlem'));
    expect(row.text).toContain('De voorzitter opent om tien uur het overleg.');
    expect(row.text).toContain(ACCENTED);
    expect(row.text).toContain('Rondvraag: niets.');
    expect(row.text).toContain('- Eerste punt');
    expect(row.text).toMatch(/Actie: K\d+ Taalhuis Zandvoort openen — .+ — medio 2025 \(niet gestart bij vaststelling\)/);
    expect(row.text).toContain('Besluit: We kiezen voor één regionale campagne.');

    const json = JSON.parse(row.json);
    expect(json.attrs.meeting).toMatchObject({ title: MEETING_TITLE, place: 'Stadhuis Haarlem', startsAt: '2024-05-14T08:00:00.000Z' });
    expect(json.attrs.attendees).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Joëlle Smit', organisation: 'Nova College', guest: true, attended: true }),
        expect.objectContaining({ guest: false, attended: false }),
        expect.objectContaining({ guest: false, attended: null }),
      ]),
    );
    const page1 = payloadOf(await page('lezer', '?vastgesteld=1'));
    expect(page1.minutes.version).toBe(1);
    expect(page1.justPublished).toBe(1);
    expect(page1.versions).toHaveLength(1);
    expect(page1.versions[0].publishedByName).toBeTruthy();
  });

  it('keeps a published version unchanged when the notes, the action and the decision change afterwards', async () => {
    const before = db.select().from(minutesVersions).where(eq(minutesVersions.meetingId, meetingId)).get()!;
    editNotes(meetingId, (notes) => notes.insert(notes.length, [p('Later toegevoegd.')]));
    setActionStatus({ userId: demoUserId('haarlem'), id: actionId, status: 'loopt' });
    db.update(actions).set({ title: 'Taalhuis Zandvoort geopend' }).where(eq(actions.id, actionId)).run();

    const after = db.select().from(minutesVersions).where(eq(minutesVersions.meetingId, meetingId)).get()!;
    expect(after).toEqual(before);
    const frozen = payloadOf(await page('adviseur', '?versie=1'));
    expect(JSON.stringify(frozen.minutes.doc)).toContain('Taalhuis Zandvoort openen');
    expect(JSON.stringify(frozen.minutes.doc)).not.toContain('Later toegevoegd.');
    expect(frozen.minutes.text).toContain('(niet gestart bij vaststelling)');
  });

  it('makes version 2 when a beheerder publishes again, and version 1 stays readable', async () => {
    expect(statusOf(await publish('beheerder'))).toBe(302);
    expect(versionCount(meetingId)).toBe(2);

    const latest = payloadOf(await page('lezer'));
    expect(latest.minutes.version).toBe(2);
    expect(latest.minutes.text).toContain('Later toegevoegd.');
    expect(latest.minutes.text).toMatch(/Taalhuis Zandvoort geopend — .+ — medio 2025 \(loopt bij vaststelling\)/);
    expect(latest.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const first = payloadOf(await page('lezer', '?versie=1'));
    expect(first.minutes.version).toBe(1);
    expect(first.minutes.text).not.toContain('Later toegevoegd.');
    expect(first.latestVersion).toBe(2);
  });

  it('answers unknown or malformed meetings and versions with a 404', async () => {
    for (const id of ['abc', '0', '999999', '1e3']) {
      expect(
        statusOf(await runLoader(minutesLoader, `/overleggen/${id}/verslag`, { params: { meetingId: id }, cookie: cookies.lezer })),
        id,
      ).toBe(404);
    }
    for (const query of ['?versie=abc', '?versie=0', '?versie=3', '?versie=-1', '?versie=1.5']) {
      expect(statusOf(await page('lezer', query)), query).toBe(404);
    }
    expect(statusOf(await publish('haarlem', 999999))).toBe(404);
  });

  it('sends visitors without a session to the login page', async () => {
    const result = await runLoader(minutesLoader, `/overleggen/${meetingId}/verslag`, { params: { meetingId: String(meetingId) } });
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
  });
});

describe('downloads', () => {
  it('gives every signed-in role the .docx with real headings, lists, Dutch as language and the title in its properties', async () => {
    for (const who of Object.keys(ACCOUNTS) as Who[]) {
      expect((await download(docxLoader, `/overleggen/${meetingId}/verslag.docx`, meetingId, who)).status, who).toBe(200);
    }
    const response = await download(docxLoader, `/overleggen/${meetingId}/verslag.docx`, meetingId);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="verslag-2024-05-14-werkgroep-basisvaardigheden-coordinatie.docx"; filename*=UTF-8''verslag-2024-05-14-werkgroep-basisvaardigheden-co%C3%B6rdinatie.docx`,
    );
    const buffer = Buffer.from(await response.arrayBuffer());

    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain(`<h1>Verslag: ${MEETING_TITLE} 14 mei 2024</h1>`);
    expect(html).toContain('<h2>Aanwezigen</h2>');
    expect(html).toContain('<h3>Opening en mededelingen</h3>');
    expect(html).toContain('<h4>Taalhuizen</h4>');
    expect(html).toContain('De voorzitter opent <strong>om tien uur</strong> het <em>overleg</em>.');
    expect(html).toContain(ACCENTED);
    expect(html).toMatch(/<ul><li>Eerste punt<\/li><li>Tweede punt<ol><li>Genest één<\/li><li>Genest twee<\/li><\/ol><\/li><\/ul>/);
    expect(html).toMatch(/<ol><li>Stap één<\/li><li>Stap twee<\/li><\/ol>/);
    expect(html).toMatch(/Actie: K\d+ Taalhuis Zandvoort geopend/);
    expect(html).toContain('Besluit: We kiezen voor één regionale campagne.');
    expect(html).toContain('Joëlle Smit (Nova College)');

    const parts = zipEntries(buffer);
    expect(parts.get('word/styles.xml')).toMatch(/<w:lang w:val="nl-NL"/);
    expect(parts.get('docProps/core.xml')).toContain(`<dc:title>Verslag: ${MEETING_TITLE} 14 mei 2024</dc:title>`);
  });

  it('downloads an earlier version under its own name, with its own text', async () => {
    const response = await download(docxLoader, `/overleggen/${meetingId}/verslag.docx?versie=1`, meetingId);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toContain(
      'filename="verslag-2024-05-14-werkgroep-basisvaardigheden-coordinatie-versie-1.docx"',
    );
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
    expect(text).toContain('Taalhuis Zandvoort openen');
    expect(text).not.toContain('Later toegevoegd.');
  });

  it('gives a tagged PDF in Dutch whose text extracts with its accents', async () => {
    const response = await download(pdfLoader, `/overleggen/${meetingId}/verslag.pdf`, meetingId, 'adviseur');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toContain(
      'filename="verslag-2024-05-14-werkgroep-basisvaardigheden-coordinatie.pdf"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());

    const { text } = await extractText(bytes.slice(), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`Verslag: ${MEETING_TITLE}`);
    expect(flat).toContain(ACCENTED);
    expect(flat).toContain('De voorzitter opent om tien uur het overleg.');
    expect(flat).toContain('Genest één');
    expect(flat).toContain('Besluit: We kiezen voor één regionale campagne.');
    expect(flat).toContain('Joëlle Smit (Nova College)');

    const raw = Buffer.from(bytes).toString('latin1');
    // Every font embedded (PDF/UA): no standard font a viewer would have to substitute.
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(raw).toContain('/Lang (nl-NL)');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const tag of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody']) expect(raw, tag).toContain(`/S /${tag}\n`);
  });

  it('sends a download of minutes not adopted yet to the minutes page; answers an unknown version or meeting with a 404, and no session with the login', async () => {
    // Minutes not adopted yet: the minutes page, which says so (no bare 404).
    const notAdopted = await download(docxLoader, `/overleggen/${emptyMeetingId}/verslag.docx`, emptyMeetingId);
    expect(notAdopted.status).toBe(302);
    expect(notAdopted.headers.get('Location')).toBe(`/overleggen/${emptyMeetingId}/verslag?niet-vastgesteld=docx`);
    expect((await download(pdfLoader, `/overleggen/${meetingId}/verslag.pdf?versie=9`, meetingId)).status).toBe(404);
    expect((await download(pdfLoader, `/overleggen/${meetingId}/verslag.pdf?versie=x`, meetingId)).status).toBe(404);
    expect((await download(docxLoader, '/overleggen/999999/verslag.docx', 999999)).status).toBe(404);
    const anonymous = await download(pdfLoader, `/overleggen/${meetingId}/verslag.pdf`, meetingId, null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
  });
});
