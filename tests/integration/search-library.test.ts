import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { appendUpdates, compactDocument, NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { createComment } from '../../app/models/comments/comment.server';
import { createLibraryItem, updateLibraryItem } from '../../app/models/library/library.server';
import { createDecision } from '../../app/models/meetings/decision.server';
import type { Actor } from '../../app/models/permissions';
import { searchWorkspace } from '../../app/models/search/search.server';
import { MARK_END, MARK_START } from '../../app/models/search/search-text';
import { loader as searchLoader } from '../../app/routes/zoeken';
import { LibraryItemFormSchema } from '../../app/schemas/library';
import { db } from '../../app/utils/db.server';
import { collabSnapshots, decisions, libraryFiles, libraryItems, meetings, users } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runLoader, sessionFor, statusOf } from '../setup/requests';

let actor: Actor;

const userBy = (email: string) =>
  db.select({ id: users.id, role: users.role, organisationId: users.organisationId }).from(users).where(eq(users.email, email)).get()!;
const find = (query: string, kinds: Parameters<typeof searchWorkspace>[0]['kinds'] = []) =>
  searchWorkspace({ actor, query, kinds, limit: 100 });
const ids = (query: string, kind: 'library' | 'notes' | 'decision') =>
  find(query, [kind])
    .hits.filter((hit) => hit.kind === kind)
    .map((hit) => hit.id);

function input(fields: Record<string, unknown>) {
  return LibraryItemFormSchema.parse({
    kind: 'link',
    title: '',
    summary: '',
    body: '',
    url: '',
    contactName: '',
    contactOrganisation: '',
    contactEmail: '',
    contactPhone: '',
    themeId: '',
    municipalityId: '',
    targetGroups: [],
    goalIds: [],
    actionIds: [],
    meetingIds: [],
    ...fields,
  });
}

/** Writes the notes of a meeting as the editor would (Yjs updates), then compacts them into text. */
function writeNotes(meetingId: number, paragraphs: string[]) {
  const name = `meeting.${meetingId}`;
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => appendUpdates(name, [update]));
  const fragment = doc.getXmlFragment(NOTES_FIELD);
  for (const text of paragraphs) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.push([paragraph]);
  }
  compactDocument(name);
  return doc;
}

beforeAll(async () => {
  await prepareDatabase();
  actor = userBy(ACCOUNTS.lezer);
});

describe('library items in search', () => {
  it('are found by title, summary, text, address and contact details, ignoring accents and case, by prefix', () => {
    const author = userBy(ACCOUNTS.adviseur).id;
    const practice = createLibraryItem({
      userId: author,
      kind: 'voorbeeld',
      input: input({
        kind: 'voorbeeld',
        title: 'Coördinatiepunt Taalhuis Heemstede',
        summary: 'Eén loket voor vrijwilligers.',
        body: 'De **Ondergrondse** aanpak werkt.',
      }),
    });
    const contact = createLibraryItem({
      userId: author,
      kind: 'contact',
      input: input({
        kind: 'contact',
        title: 'Spreker',
        contactName: 'Jolanda Pietersma',
        contactOrganisation: 'Volkshogeschool',
        contactEmail: 'jolanda@volkshogeschool.example.nl',
      }),
    });
    const link = createLibraryItem({
      userId: author,
      kind: 'link',
      input: input({ kind: 'link', title: 'Oefensite', url: 'https://www.oefenwebsite.example.nl/rekenen' }),
    });

    for (const query of ['coördinatiepunt', 'COORDINATIEPUNT', 'Coordinatiep', 'coördinatiep', 'een loket', 'ÉÉN LOKET', 'ondergronds']) {
      expect(ids(query, 'library'), query).toContain(practice);
    }
    expect(ids('pietersm', 'library')).toEqual([contact]);
    expect(ids('volkshogeschool', 'library')).toEqual([contact]);
    expect(ids('oefenwebsite', 'library')).toEqual([link]);

    const hit = find('coordinatiepunt', ['library']).hits.find((h) => h.id === practice)!;
    expect(hit).toMatchObject({ kind: 'library', href: `/kennisbank/${practice}`, context: 'Goed voorbeeld' });
    expect(hit.title).toContain(`${MARK_START}Coördinatiepunt${MARK_END}`);
    // The snippet reads as the page does: the text's **bold** marks are not shown.
    const inText = find('ondergronds', ['library']).hits.find((h) => h.id === practice)!;
    expect(inText.snippet).toContain(`De ${MARK_START}Ondergrondse${MARK_END} aanpak werkt.`);
    expect(inText.snippet).not.toContain('*');
  });

  it('an edit is searchable right after it is saved, and the old words are forgotten', () => {
    const id = createLibraryItem({
      userId: userBy(ACCOUNTS.haarlem).id,
      kind: 'link',
      input: input({ title: 'Kameleonproject', url: 'https://example.nl' }),
    });
    expect(ids('kameleonproject', 'library')).toEqual([id]);
    updateLibraryItem({ id, userId: userBy(ACCOUNTS.haarlem).id, input: input({ title: 'Pelikaanproject', url: 'https://example.nl' }) });
    expect(ids('pelikaanproject', 'library')).toEqual([id]);
    expect(ids('kameleonproject', 'library')).toEqual([]);
  });

  it('include the text of the current file version only', () => {
    const userId = userBy(ACCOUNTS.haarlem).id;
    const file = (text: string) => ({
      sha256: 'a'.repeat(64),
      size: 10,
      mimeType: 'application/pdf' as const,
      originalName: 'plan.pdf',
      extractedText: text,
    });
    const id = createLibraryItem({
      userId,
      kind: 'document',
      input: input({ kind: 'document', title: 'Jaarplan' }),
      upload: file('Versie een noemt de Ooievaar.'),
    });
    expect(ids('ooievaar', 'library')).toEqual([id]);
    updateLibraryItem({ id, userId, input: input({ kind: 'document', title: 'Jaarplan' }), upload: file('Versie twee noemt de Reiger.') });
    expect(ids('reiger', 'library')).toEqual([id]);
    expect(ids('ooievaar', 'library')).toEqual([]);
    // A changed extraction (e.g. a re-run) is followed too.
    db.update(libraryFiles)
      .set({ extractedText: 'Nu over de Flamingo.' })
      .where(sql`${libraryFiles.itemId} = ${id} and ${libraryFiles.version} = 2`)
      .run();
    expect(ids('flamingo', 'library')).toEqual([id]);
    db.delete(libraryItems).where(eq(libraryItems.id, id)).run();
    expect(ids('flamingo', 'library')).toEqual([]);
    expect(db.get<{ n: number }>(sql`select count(*) as n from search_index where rowid = ${id * 16 + 6}`).n).toBe(0);
  });

  it('comments on a library item link to the item', () => {
    const id = createLibraryItem({
      userId: userBy(ACCOUNTS.haarlem).id,
      kind: 'link',
      input: input({ title: 'Leesbevordering', url: 'https://example.nl' }),
    });
    const comment = createComment({
      authorId: userBy(ACCOUNTS.adviseur).id,
      targetType: 'library',
      targetId: id,
      body: 'Zie ook de Boekstartkoffer.',
    });
    const hit = find('boekstartkoffer', ['comment']).hits[0]!;
    expect(hit).toMatchObject({ kind: 'comment', id: comment, href: `/kennisbank/${id}#reactie-${comment}` });
    expect(hit.title).toMatch(/^Reactie van .+ op kennisbank-item Leesbevordering$/);
  });
});

describe('meeting notes in search', () => {
  let meetingId: number;

  beforeAll(() => {
    meetingId = db
      .insert(meetings)
      .values({ title: 'Werkgroepoverleg november', kind: 'werkgroep', startsAt: '2025-11-13T13:00:00.000Z' })
      .returning({ id: meetings.id })
      .get().id;
  });

  it('are found once compacted, titled by the meeting and linking to its notes', () => {
    const doc = writeNotes(meetingId, ['Opening door de voorzitter.', 'Het Taalnetwerk Kennemerland presenteert de coördinatieaanpak.']);
    const hits = find('taalnetwerk', ['notes']).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      kind: 'notes',
      id: meetingId,
      title: 'Werkgroepoverleg november',
      href: `/overleggen/${meetingId}/notities`,
    });
    expect(hits[0].context).toMatch(/^Notities van het overleg van 13 nov\.? 2025$/);
    expect(hits[0].snippet).toContain(`${MARK_START}Taalnetwerk${MARK_END}`);
    expect(ids('COORDINATIEAANP', 'notes')).toEqual([meetingId]);
    expect(ids('werkgroepoverleg', 'notes')).toEqual([meetingId]);

    // An edit of the notes: the new words are found after compaction, the old ones forgotten.
    const fragment = doc.getXmlFragment(NOTES_FIELD);
    fragment.delete(1, 1);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Besluit: de Leesambassadeurs starten in maart.')]);
    fragment.push([paragraph]);
    compactDocument(`meeting.${meetingId}`);
    expect(ids('leesambassadeurs', 'notes')).toEqual([meetingId]);
    expect(ids('taalnetwerk', 'notes')).toEqual([]);
  });

  it('follow a renamed meeting, and leave with a deleted one', () => {
    db.update(meetings).set({ title: 'Werkgroepoverleg 13 november' }).where(eq(meetings.id, meetingId)).run();
    expect(find('leesambassadeurs', ['notes']).hits[0]?.title).toBe('Werkgroepoverleg 13 november');
    // A compaction that changes nothing else leaves the index row alone.
    const row = () =>
      db.get<{ title: string; body: string }>(sql`select title, body from search_index where rowid = ${meetingId * 16 + 7}`);
    const before = row();
    db.update(collabSnapshots)
      .set({ updatedAt: new Date().toISOString() })
      .where(eq(collabSnapshots.documentName, `meeting.${meetingId}`))
      .run();
    expect(row()).toEqual(before);

    db.delete(collabSnapshots)
      .where(eq(collabSnapshots.documentName, `meeting.${meetingId}`))
      .run();
    expect(ids('leesambassadeurs', 'notes')).toEqual([]);
  });

  it('ignore other documents and empty notes', () => {
    const other = db
      .insert(meetings)
      .values({ title: 'Leeg overleg', kind: 'werkgroep', startsAt: '2025-12-11T13:00:00.000Z' })
      .returning({ id: meetings.id })
      .get().id;
    db.insert(collabSnapshots)
      .values({ documentName: `meeting.${other}`, state: Buffer.from([0, 0]), lastUpdateId: 0, text: '' })
      .run();
    db.insert(collabSnapshots)
      .values({ documentName: `meeting.${other}x`, state: Buffer.from([0, 0]), lastUpdateId: 0, text: 'Spookwoord' })
      .run();
    db.insert(collabSnapshots)
      .values({ documentName: 'agenda.1', state: Buffer.from([0, 0]), lastUpdateId: 0, text: 'Spookwoord' })
      .run();
    expect(ids('leeg', 'notes')).toEqual([]);
    expect(find('spookwoord').total).toBe(0);
  });
});

describe('decisions in search', () => {
  let meetingId: number;

  beforeAll(() => {
    meetingId = db
      .insert(meetings)
      .values({ title: 'Stuurgroep januari', kind: 'bestuurlijk', startsAt: '2026-01-15T09:30:00.000Z' })
      .returning({ id: meetings.id })
      .get().id;
  });

  it('a decision is found by a word of its text right after saving, ignoring accents and case, linking to its meeting', () => {
    const userId = userBy(ACCOUNTS.haarlem).id;
    const id = createDecision({
      userId,
      meetingId,
      input: { text: 'De regio financiert de coördinatie van het Taalcafé Zandvoort.', goalId: null, actionId: null },
    });
    for (const query of ['taalcafé', 'TAALCAFE', 'Taalcaf', 'coordinatie', 'COÖRDINATIE financiert']) {
      expect(ids(query, 'decision'), query).toEqual([id]);
    }
    const hit = find('taalcafe').hits.find((h) => h.kind === 'decision')!;
    expect(hit).toMatchObject({
      kind: 'decision',
      id,
      href: `/overleggen/${meetingId}#besluiten`,
    });
    expect(hit.context).toMatch(/^Genomen in het overleg "Stuurgroep januari" van 15 jan\.? 2026$/);
    expect(hit.title).toBe(`De regio financiert de coördinatie van het ${MARK_START}Taalcafé${MARK_END} Zandvoort.`);
  });

  it('a long decision is titled by its first words, and an edit or removal is followed', () => {
    const userId = userBy(ACCOUNTS.haarlem).id;
    const text = `Het Kwartiermakersteam krijgt ${'opdracht '.repeat(12)}voor de rest van het jaar.`;
    const id = createDecision({ userId, meetingId, input: { text, goalId: null, actionId: null } });
    const hit = find('kwartiermakersteam', ['decision']).hits[0]!;
    // Cut before the word that crosses 80 characters, never through it.
    expect(hit.title).toBe(`Het ${MARK_START}Kwartiermakersteam${MARK_END} krijgt ${'opdracht '.repeat(5).trimEnd()}…`);
    expect(ids('jaar', 'decision')).toEqual([id]); // past the title: in the text

    db.update(decisions).set({ text: 'Het Zwaluwteam krijgt de opdracht.' }).where(eq(decisions.id, id)).run();
    expect(ids('zwaluwteam', 'decision')).toEqual([id]);
    expect(ids('kwartiermakersteam', 'decision')).toEqual([]);
    db.delete(decisions).where(eq(decisions.id, id)).run();
    expect(ids('zwaluwteam', 'decision')).toEqual([]);
    expect(db.get<{ n: number }>(sql`select count(*) as n from search_index where rowid = ${id * 16 + 8}`).n).toBe(0);
  });

  it('/zoeken shows decisions to every role, filtered by kind', async () => {
    for (const email of Object.values(ACCOUNTS)) {
      const cookie = await sessionFor(email);
      const result = await runLoader(searchLoader, '/zoeken?q=taalcafe&soort=decision', { cookie });
      expect(statusOf(result), email).toBe(200);
      const payload = payloadOf(result);
      expect(payload.kinds).toContain('decision');
      expect(payload.result.hits.map((h: { kind: string; href: string }) => [h.kind, h.href])).toEqual([
        ['decision', `/overleggen/${meetingId}#besluiten`],
      ]);
      expect(payload.result.countsByKind.decision).toBe(1);
    }
  });
});

describe('/zoeken with the new kinds', () => {
  it('filters by library and notes, with Dutch labels and counts, for every role', async () => {
    for (const email of Object.values(ACCOUNTS)) {
      const cookie = await sessionFor(email);
      const result = await runLoader(searchLoader, '/zoeken?q=taalhuis&soort=library', { cookie });
      expect(statusOf(result), email).toBe(200);
      const payload = payloadOf(result);
      expect(payload.kinds).toEqual(expect.arrayContaining(['library', 'notes']));
      expect(payload.result.hits.length).toBeGreaterThan(0);
      expect(payload.result.hits.every((h: { kind: string }) => h.kind === 'library')).toBe(true);
      expect(payload.result.countsByKind.library).toBe(payload.result.total);
    }
  });
});
