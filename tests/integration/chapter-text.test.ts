/**
 * The chapters' narrative texts of an agenda (issue 12 §3): real-time documents
 * `agenda-chapter.<theme id>` on the same server as the meeting notes. The working group
 * writes while the period is open; the other roles, and everybody once the period is
 * closed, read along live and their typing is dropped.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { CloseCode } from '../../app/models/collab/close-codes';
import { documentAccess } from '../../app/models/collab/document-kinds.server';
import { loadDocumentState } from '../../app/models/collab/document-store.server';
import { chapterDocumentName } from '../../app/models/periods/chapter-text';
import { readChapterText, startChapterText } from '../../app/models/periods/chapter-text.server';
import { closePeriod, getPeriodBySlug, listOpenActions, reopenPeriod } from '../../app/models/periods/period.server';
import { asActor } from '../../app/models/permissions';
import { db } from '../../app/utils/db.server';
import { themes, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { sessionFor } from '../setup/requests';
import {
  addParagraph,
  connectClient,
  destroyAllClients,
  docSatisfies,
  nextClose,
  startCollabServer,
  synced,
  type TestServer,
  textOfState,
} from './fixtures/collab-clients';

const actor = (who: Who) => asActor(db.select().from(users).where(eq(users.email, ACCOUNTS[who])).get()!);
const firstChapterOf = (slug: string) =>
  db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.agendaId, getPeriodBySlug(slug)!.id)))
    .orderBy(themes.position)
    .get()!.id;

let server: TestServer;
let current: number;
let closed: number;

beforeAll(async () => {
  // The demo with two periods: 2020–2024 closed, 2025–2028 current.
  await prepareDatabase({ periods: true });
  current = firstChapterOf('2025-2028');
  closed = firstChapterOf('2020-2024');
  server = await startCollabServer();
});

afterEach(() => destroyAllClients());

afterAll(async () => {
  destroyAllClients();
  await server?.stop();
});

describe('who may write a chapter text', () => {
  it('is the working group while the period is open; the others read', () => {
    const name = chapterDocumentName(current);
    expect(documentAccess(actor('beheerder'), name)).toBe('write');
    expect(documentAccess(actor('haarlem'), name)).toBe('write');
    expect(documentAccess(actor('adviseur'), name)).toBe('read');
    expect(documentAccess(actor('lezer'), name)).toBe('read');
  });

  it('is nobody once the period is closed, and a chapter that does not exist is no document', () => {
    for (const who of ['beheerder', 'haarlem', 'adviseur', 'lezer'] as const)
      expect(documentAccess(actor(who), chapterDocumentName(closed)), who).toBe('read');
    expect(documentAccess(actor('beheerder'), chapterDocumentName(999_999))).toBe('none');
  });
});

describe('starting a chapter text', () => {
  it('puts the agenda’s three questions in an empty chapter, once', () => {
    startChapterText(current);
    startChapterText(current);
    const headings = (readChapterText(current).content ?? []).filter((node) => node.type === 'heading');
    expect(headings.map((h) => h.content?.[0]?.text)).toEqual([
      'Wat is er aan de hand?',
      'Wat willen we bereiken?',
      'Wat gaan we daarvoor doen?',
    ]);
  });
});

describe('writing together over the real-time server', () => {
  it('sends a writer’s text to a reader and drops what the reader types', async () => {
    const name = chapterDocumentName(current);
    const writer = connectClient(server.url, name, await sessionFor(ACCOUNTS.haarlem));
    const reader = connectClient(server.url, name, await sessionFor(ACCOUNTS.lezer));
    await Promise.all([synced(writer), synced(reader)]);

    addParagraph(writer.doc, 'Vanaf 2025 richten we ons op werkenden met lage basisvaardigheden.');
    await docSatisfies(reader.doc, () => reader.text().includes('werkenden met lage basisvaardigheden'));

    addParagraph(reader.doc, 'Door de lezer getypt');
    addParagraph(writer.doc, 'Daarna getypt door de werkgroep.');
    await docSatisfies(reader.doc, () => reader.text().includes('Daarna getypt'));
    const stored = textOfState(loadDocumentState(name));
    expect(stored).toContain('werkenden met lage basisvaardigheden');
    expect(stored).not.toContain('Door de lezer getypt');
  });

  it('turns a writer read-only the moment the period is closed', async () => {
    const name = chapterDocumentName(current);
    const period = getPeriodBySlug('2025-2028')!;
    const writer = connectClient(server.url, name, await sessionFor(ACCOUNTS.velsen));
    await synced(writer);
    const closing = nextClose(writer);
    const decisions = new Map(
      listOpenActions(period.id).map((a) => [a.id, { choice: 'niet_afgerond' as const, reason: 'Voorbeeld: gestopt' }]),
    );
    expect(closePeriod(actor('haarlem'), { periodId: period.id, decisions })).toEqual({ ok: true });
    expect((await closing).code).toBe(CloseCode.accessChanged.code);

    // The client reconnects by itself, read-only now: what it types is not stored.
    await synced(writer);
    const before = textOfState(loadDocumentState(name));
    addParagraph(writer.doc, 'Na het afsluiten getypt');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(textOfState(loadDocumentState(name))).toBe(before);
    expect(reopenPeriod(actor('beheerder'), { periodId: period.id })).toEqual({ ok: true });
  });

  it('keeps a closed period’s chapter as it is, whoever types', async () => {
    const name = chapterDocumentName(closed);
    const before = textOfState(loadDocumentState(name));
    const beheerder = connectClient(server.url, name, await sessionFor(ACCOUNTS.beheerder));
    const watcher = connectClient(server.url, name, await sessionFor(ACCOUNTS.haarlem));
    await Promise.all([synced(beheerder), synced(watcher)]);
    addParagraph(beheerder.doc, 'Achteraf nog iets veranderen');
    // Round trip on the watcher's socket: a later update from the beheerder would have arrived first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watcher.text()).not.toContain('Achteraf');
    expect(textOfState(loadDocumentState(name))).toBe(before);
  });
});
