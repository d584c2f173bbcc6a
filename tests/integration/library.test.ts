import fs from 'node:fs';
import path from 'node:path';

import { count, eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { LibraryMarkdown, parseBlocks } from '../../app/components/library/library-markdown';
import { t } from '../../app/i18n';
import { safeUrl } from '../../app/models/library/library-rules';
import { storedFilePath, uploadsDir } from '../../app/models/library/upload.server';
import { MAX_EXTRACTED_TEXT } from '../../app/models/library/upload-text.server';
import { searchWorkspace } from '../../app/models/search/search.server';
import { loader as goalLoader } from '../../app/routes/doelen.$goalId';
import { loader as listLoader } from '../../app/routes/kennisbank._index';
import { loader as itemLoader } from '../../app/routes/kennisbank.$itemId';
import { loader as downloadLoader } from '../../app/routes/kennisbank.$itemId_.bestand.$fileId';
import { action as editAction, loader as editLoader } from '../../app/routes/kennisbank.$itemId_.bewerken';
import { action as deleteAction } from '../../app/routes/kennisbank.$itemId_.verwijderen';
import { action as newAction, loader as newLoader } from '../../app/routes/kennisbank.nieuw';
import { contentDisposition } from '../../app/utils/content-disposition';
import { db } from '../../app/utils/db.server';
import {
  comments,
  goals,
  libraryFiles,
  libraryItemLinks,
  libraryItems,
  libraryItemTargetGroups,
  organisations,
  themes,
  users,
} from '../../db/schema';
import { makeCorruptPdf, makeDocx, makeExecutable, makeHtml, makePdf, makeSvg } from '../fixtures/library-files';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId, signInDemoAccounts } from '../setup/demo-users';
import { BASE, payloadOf, runAction, runLoader, statusOf } from '../setup/requests';

// This file's own uploads folder (before any module reads the environment).
vi.hoisted(() => {
  process.env.KOERS_UPLOADS_DIR = `${process.env.KOERS_DATABASE}-uploads`;
});

const e = t.library.errors;
let cookies: Record<Who, string>;
const actorOf = (who: Who) =>
  db
    .select({ id: users.id, role: users.role, organisationId: users.organisationId })
    .from(users)
    .where(eq(users.email, ACCOUNTS[who]))
    .get()!;
const fileCount = () => db.select({ n: count() }).from(libraryFiles).get()!.n;

/** Every file under the uploads folder (relative paths), temporary files included. */
function storedFiles(): string[] {
  const dir = uploadsDir();
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile()).sort();
}

/** The whole library as it is in the database, to show that a refused request changed nothing. */
function librarySnapshot() {
  return {
    items: db.select().from(libraryItems).all(),
    groups: db.select().from(libraryItemTargetGroups).all(),
    links: db.select().from(libraryItemLinks).all(),
    files: db.select().from(libraryFiles).all(),
    stored: storedFiles(),
  };
}

type Upload = { name: string; bytes: Buffer; type?: string };

/** Posts the item form as the browser does: multipart, the file field last. */
async function postForm(
  action: typeof newAction,
  pathname: string,
  fields: Record<string, string | string[]>,
  { cookie, params = {}, file = null }: { cookie: string; params?: Record<string, string>; file?: Upload | null },
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  if (file) form.append('file', new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? 'application/pdf' }));
  const request = new Request(BASE + pathname, { method: 'POST', body: form, headers: { Cookie: cookie } });
  try {
    return await action({ request, params, context: { clientAddress: '127.0.0.1' } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const idFromRedirect = (result: unknown) => {
  expect(statusOf(result)).toBe(302);
  const location = (result as Response).headers.get('Location')!;
  // The item page, with the query that shows "toegevoegd" or "opgeslagen".
  expect(location).toMatch(/^\/kennisbank\/\d+\?(toegevoegd|opgeslagen)=1$/);
  return Number(new URL(location, 'http://x').pathname.split('/').pop());
};

async function addDocument(who: Who, title: string, file: Upload, extra: Record<string, string | string[]> = {}) {
  return postForm(
    newAction,
    '/kennisbank/nieuw?soort=document',
    { kind: 'document', title, summary: '', ...extra },
    { cookie: cookies[who], file },
  );
}

async function addLink(who: Who, title: string, url: string) {
  return runAction(newAction, '/kennisbank/nieuw?soort=link', { kind: 'link', title, url }, { cookie: cookies[who] });
}

const searchLibrary = (query: string) =>
  searchWorkspace({ actor: actorOf('lezer'), query, kinds: ['library'], limit: 100 }).hits.map((hit) => hit.id);

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies } = await signInDemoAccounts());
});

describe('uploads', () => {
  it('stores a PDF by its hash, extracts its text, and search finds it', async () => {
    const pdf = await makePdf(['Verslag van de Wijkleeskring in Heemskerk', 'Coördinatie door het Taalhuis.']);
    const result = await addDocument('haarlem', 'Verslag leeskring', { name: 'verslag leeskring.pdf', bytes: pdf });
    const id = idFromRedirect(result);

    const file = db.select().from(libraryFiles).where(eq(libraryFiles.itemId, id)).get()!;
    expect(file).toMatchObject({ version: 1, size: pdf.length, mimeType: 'application/pdf', originalName: 'verslag leeskring.pdf' });
    expect(file.extractedText).toContain('Wijkleeskring in Heemskerk');
    const stored = storedFilePath(file.sha256);
    expect(stored).toBe(path.join(uploadsDir(), file.sha256.slice(0, 2), file.sha256));
    expect(fs.readFileSync(stored).equals(pdf)).toBe(true);
    expect(storedFiles().some((p) => p.endsWith('.tmp'))).toBe(false);

    expect(searchLibrary('wijkleeskring')).toEqual([id]);
    expect(searchLibrary('COORDINATIE taalh')).toContain(id);
    // The list's own text filter uses the same index.
    const list = payloadOf(await runLoader(listLoader, '/kennisbank?q=wijkleesk', { cookie: cookies.lezer }));
    expect(list.items.map((item: { id: number }) => item.id)).toEqual([id]);
  });

  it('stores a Word document and finds the text inside it', async () => {
    const docx = await makeDocx(['Werkgeversaanpak met de Taalakkoordpartners', 'Taalcoaching op de bouwplaats in Beverwijk.']);
    const id = idFromRedirect(
      await addDocument('adviseur', 'Notitie werkgevers', { name: 'notitie.docx', bytes: docx, type: 'application/octet-stream' }),
    );
    const file = db.select().from(libraryFiles).where(eq(libraryFiles.itemId, id)).get()!;
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.extractedText).toContain('Taalcoaching op de bouwplaats');
    expect(searchLibrary('bouwplaats')).toEqual([id]);
    expect(searchLibrary('taalakkoordp')).toContain(id);
  });

  it('stores the same content once, however often it is uploaded', async () => {
    const pdf = await makePdf(['Dezelfde inhoud, twee keer geüpload']);
    const before = storedFiles().length;
    const first = idFromRedirect(await addDocument('haarlem', 'Eerste', { name: 'a.pdf', bytes: pdf }));
    const second = idFromRedirect(await addDocument('velsen', 'Tweede', { name: 'b.pdf', bytes: pdf }));
    const sha = (id: number) => db.select({ sha: libraryFiles.sha256 }).from(libraryFiles).where(eq(libraryFiles.itemId, id)).get()!.sha;
    expect(sha(first)).toBe(sha(second));
    expect(storedFiles().length).toBe(before + 1);
  });

  it('refuses a file over 25 MB with a clear message, and stores nothing', async () => {
    const before = librarySnapshot();
    const huge = Buffer.alloc(25 * 1024 * 1024 + 1, 0x20);
    huge.write('%PDF-1.7\n', 0, 'latin1');
    const result = await addDocument('haarlem', 'Te groot', { name: 'groot.pdf', bytes: huge });
    expect(statusOf(result)).toBe(400);
    const payload = payloadOf(result);
    expect(payload.fieldErrors.file).toBe(e.fileTooLarge);
    // The fields before the file are still there to show the form again.
    expect(payload.values.title).toBe('Te groot');
    expect(librarySnapshot()).toEqual(before);
  });

  it.each([
    ['an executable renamed to .pdf', { name: 'verslag.pdf', bytes: makeExecutable(), type: 'application/pdf' }],
    ['an HTML page', { name: 'pagina.html', bytes: makeHtml(), type: 'text/html' }],
    ['an HTML page named .pdf', { name: 'rapport.pdf', bytes: makeHtml(), type: 'application/pdf' }],
    ['an SVG image', { name: 'logo.svg', bytes: makeSvg(), type: 'image/svg+xml' }],
    ['an empty file', { name: 'leeg.pdf', bytes: Buffer.alloc(0), type: 'application/pdf' }],
  ])('refuses %s by its content, with a clear message, and stores nothing', async (_label, file) => {
    const before = librarySnapshot();
    const result = await addDocument('haarlem', 'Geweigerd bestand', file);
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors).toEqual({ file: e.fileTypeRefused });
    expect(librarySnapshot()).toEqual(before);
  });

  it('asks for a file when a new document has none', async () => {
    const before = librarySnapshot();
    const result = await postForm(
      newAction,
      '/kennisbank/nieuw',
      { kind: 'document', title: 'Zonder bestand' },
      { cookie: cookies.haarlem },
    );
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.file).toBe(e.fileRequired);
    expect(librarySnapshot()).toEqual(before);
  });

  it('keeps a file of the right type but the wrong name, and stores a corrupt PDF without text (no error)', async () => {
    const docx = await makeDocx(['Regionale monitor']);
    const renamed = idFromRedirect(await addDocument('haarlem', 'Word met pdf-naam', { name: 'monitor.pdf', bytes: docx }));
    expect(db.select({ mime: libraryFiles.mimeType }).from(libraryFiles).where(eq(libraryFiles.itemId, renamed)).get()!.mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const corrupt = idFromRedirect(await addDocument('haarlem', 'Kapotte pdf', { name: 'kapot.pdf', bytes: makeCorruptPdf() }));
    expect(db.select().from(libraryFiles).where(eq(libraryFiles.itemId, corrupt)).get()).toMatchObject({
      mimeType: 'application/pdf',
      extractedText: '',
    });
  });

  it('caps the extracted text', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `Regel ${i} ${'basisvaardigheden taalhuis '.repeat(30)}`);
    const id = idFromRedirect(await addDocument('haarlem', 'Lang document', { name: 'lang.docx', bytes: await makeDocx(long) }));
    const text = db.select({ text: libraryFiles.extractedText }).from(libraryFiles).where(eq(libraryFiles.itemId, id)).get()!.text;
    expect(text.length).toBe(MAX_EXTRACTED_TEXT);
  });

  it('replacing the file adds a version; earlier versions stay downloadable; search reads the current one', async () => {
    const v1 = await makePdf(['Eerste versie over het Zomerleesproject']);
    const id = idFromRedirect(await addDocument('zandvoort', 'Leesproject', { name: 'leesproject.pdf', bytes: v1 }));
    const v2 = await makeDocx(['Tweede versie over het Winterleesproject']);
    const result = await postForm(
      editAction,
      `/kennisbank/${id}/bewerken`,
      { title: 'Leesproject (bijgewerkt)', summary: 'Nu met de winter erbij.' },
      { cookie: cookies.zandvoort, params: { itemId: String(id) }, file: { name: 'leesproject-v2.docx', bytes: v2 } },
    );
    expect(idFromRedirect(result)).toBe(id);
    // The editor lands on the item with a notice; a plain visit shows none.
    const landed = (result as Response).headers.get('Location')!;
    expect(landed).toBe(`/kennisbank/${id}?opgeslagen=1`);
    expect(payloadOf(await runLoader(itemLoader, landed, { cookie: cookies.zandvoort, params: { itemId: String(id) } })).notice).toBe(
      'De wijzigingen zijn opgeslagen.',
    );
    const page = payloadOf(await runLoader(itemLoader, `/kennisbank/${id}`, { cookie: cookies.lezer, params: { itemId: String(id) } }));
    expect(page.notice).toBeNull();
    expect(page.item.title).toBe('Leesproject (bijgewerkt)');
    expect(page.item.files.map((f: { version: number; originalName: string }) => [f.version, f.originalName])).toEqual([
      [2, 'leesproject-v2.docx'],
      [1, 'leesproject.pdf'],
    ]);
    for (const [file, bytes] of [
      [page.item.files[0], v2],
      [page.item.files[1], v1],
    ] as const) {
      const response = (await runLoader(downloadLoader, `/kennisbank/${id}/bestand/${file.id}`, {
        cookie: cookies.lezer,
        params: { itemId: String(id), fileId: String(file.id) },
      })) as Response;
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    }
    expect(searchLibrary('winterleesproject')).toEqual([id]);
    expect(searchLibrary('zomerleesproject')).toEqual([]);
    // Saving without a new file keeps the versions as they are.
    idFromRedirect(
      await postForm(
        editAction,
        `/kennisbank/${id}/bewerken`,
        { title: 'Leesproject' },
        { cookie: cookies.zandvoort, params: { itemId: String(id) } },
      ),
    );
    expect(db.select({ n: count() }).from(libraryFiles).where(eq(libraryFiles.itemId, id)).get()!.n).toBe(2);
  });

  it('a refused replacement keeps the item and its versions as they were', async () => {
    const id = idFromRedirect(
      await addDocument('haarlem', 'Blijft zoals het was', { name: 'blijft.pdf', bytes: await makePdf(['Blijft']) }),
    );
    const before = librarySnapshot();
    const result = await postForm(
      editAction,
      `/kennisbank/${id}/bewerken`,
      { title: 'Nieuwe titel' },
      { cookie: cookies.haarlem, params: { itemId: String(id) }, file: { name: 'blijft.pdf', bytes: makeExecutable() } },
    );
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.file).toBe(e.fileTypeRefused);
    expect(librarySnapshot()).toEqual(before);
  });
});

describe('downloads', () => {
  it('are attachments with the original name, the detected type, nosniff and a sandbox', async () => {
    const pdf = await makePdf(['Downloadtest']);
    const name = 'Coördinatie "regio" 2024.pdf';
    const id = idFromRedirect(await addDocument('haarlem', 'Download', { name, bytes: pdf, type: 'text/html' }));
    const fileId = db.select({ id: libraryFiles.id }).from(libraryFiles).where(eq(libraryFiles.itemId, id)).get()!.id;
    const response = (await runLoader(downloadLoader, `/kennisbank/${id}/bestand/${fileId}`, {
      cookie: cookies.lezer,
      params: { itemId: String(id), fileId: String(fileId) },
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Coordinatie _regio_ 2024.pdf"; filename*=UTF-8''Co%C3%B6rdinatie%20%22regio%22%202024.pdf`,
    );
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Security-Policy')).toMatch(/^sandbox/);
    expect(response.headers.get('Content-Length')).toBe(String(pdf.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('give 404 for an unknown file, a file of another item, or a bad id; and need a session', async () => {
    const file = db.select({ id: libraryFiles.id, itemId: libraryFiles.itemId }).from(libraryFiles).get()!;
    const other = db
      .select({ id: libraryItems.id })
      .from(libraryItems)
      .where(sql`${libraryItems.id} <> ${file.itemId}`)
      .get()!.id;
    for (const params of [
      { itemId: String(file.itemId), fileId: '999999' },
      { itemId: String(other), fileId: String(file.id) },
      { itemId: 'abc', fileId: String(file.id) },
    ]) {
      expect(statusOf(await runLoader(downloadLoader, '/kennisbank/x/bestand/y', { cookie: cookies.lezer, params }))).toBe(404);
    }
    const anonymous = await runLoader(downloadLoader, '/kennisbank/x/bestand/y', {
      params: { itemId: String(file.itemId), fileId: String(file.id) },
    });
    expect(statusOf(anonymous)).toBe(302);
  });

  it('name files safely for any name', () => {
    expect(contentDisposition('plan.pdf')).toBe(`attachment; filename="plan.pdf"; filename*=UTF-8''plan.pdf`);
    expect(contentDisposition('日本.pdf')).toBe(`attachment; filename=".pdf"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf`);
    expect(contentDisposition('a\\b%c.pdf')).toMatch(/^attachment; filename="a_b_c.pdf"/);
  });
});

describe('links and good practices', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '/kennisbank',
    'https://',
    'mailto:',
  ])('refuses the address %j with a message beside the field, saving nothing', async (url) => {
    const before = librarySnapshot();
    const result = await addLink('haarlem', 'Gevaarlijke link', url);
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors).toEqual({ url: e.urlUnsafe });
    expect(librarySnapshot()).toEqual(before);
  });

  it('adds https:// to an address typed as "www.taalhuis.nl" (issue 11)', async () => {
    const result = await addLink('haarlem', 'Taalhuis zonder https', 'www.taalhuis.nl');
    expect(statusOf(result)).toBe(302);
    const row = db.select({ url: libraryItems.url }).from(libraryItems).where(eq(libraryItems.title, 'Taalhuis zonder https')).get();
    expect(row?.url).toBe('https://www.taalhuis.nl/');
  });

  it('accepts http, https and mailto addresses', async () => {
    for (const url of ['https://www.lezenenschrijven.nl/taalhuizen', 'http://taalhuis.example.nl', 'mailto:info@example.nl']) {
      const id = idFromRedirect(await addLink('adviseur', `Link ${url}`, url));
      expect(db.select({ url: libraryItems.url }).from(libraryItems).where(eq(libraryItems.id, id)).get()!.url).toBe(new URL(url).href);
    }
    expect(safeUrl('HTTPS://Example.NL/pad')).toBe('https://example.nl/pad');
  });

  it('a good practice with tags and links is saved, found and shown on the goal page', async () => {
    const goal = db.select({ id: goals.id }).from(goals).where(eq(goals.code, '1.3.a-A')).get()!.id;
    const theme = db.select({ id: themes.id }).from(themes).where(eq(themes.code, '1.3.a')).get()!.id;
    const velsen = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Velsen')).get()!.id;
    const result = await postForm(
      newAction,
      '/kennisbank/nieuw?soort=voorbeeld',
      {
        kind: 'voorbeeld',
        title: 'Buurtkamer als vindplaats',
        summary: 'Hoe een buurtkamer NT1-ers naar het Taalhuis brengt.',
        body: '## Aanpak\n\n- **Koffie** op dinsdag\n- Een [folder](https://www.example.nl/folder)\n\nDe sleutelfiguren zijn vrijwilligers.',
        themeId: String(theme),
        municipalityId: String(velsen),
        targetGroups: ['NT1', 'ouders'],
        goalIds: [String(goal)],
      },
      { cookie: cookies.adviseur },
    );
    const id = idFromRedirect(result);
    const page = payloadOf(await runLoader(itemLoader, `/kennisbank/${id}`, { cookie: cookies.lezer, params: { itemId: String(id) } }));
    expect(page.item).toMatchObject({ kind: 'voorbeeld', themeId: theme, municipalityName: 'Velsen', targetGroups: ['NT1', 'ouders'] });
    expect(page.item.links.goals.map((g: { id: number }) => g.id)).toEqual([goal]);
    expect(searchLibrary('sleutelfig')).toEqual([id]);

    const goalPage = payloadOf(await runLoader(goalLoader, `/doelen/${goal}`, { cookie: cookies.lezer, params: { goalId: String(goal) } }));
    expect(goalPage.library.items.map((i: { id: number }) => i.id)).toContain(id);
    expect(goalPage.library.addTo).toBeNull(); // a lezer may not add
    const asAdviser = payloadOf(
      await runLoader(goalLoader, `/doelen/${goal}`, { cookie: cookies.adviseur, params: { goalId: String(goal) } }),
    );
    expect(asAdviser.library.addTo).toBe(`doel=${goal}`);

    // The list's filters.
    const ids = async (query: string) =>
      payloadOf(await runLoader(listLoader, `/kennisbank?${query}`, { cookie: cookies.lezer })).items.map((i: { id: number }) => i.id);
    expect(await ids('soort=voorbeeld')).toContain(id);
    expect(await ids('soort=link')).not.toContain(id);
    expect(await ids(`thema=${theme}&doelgroep=ouders&gemeente=${velsen}`)).toEqual([id]);
    expect(await ids('doelgroep=werkgevers')).not.toContain(id);
    expect(await ids('soort=onzin&thema=abc&pagina=-1')).toContain(id); // bad filters are ignored
  });

  it('refuses a good practice whose text links to a javascript: address', async () => {
    const before = librarySnapshot();
    const result = await runAction(
      newAction,
      '/kennisbank/nieuw',
      { kind: 'voorbeeld', title: 'Slinks', body: 'Klik [hier](javascript:alert(1)) voor meer.' },
      { cookie: cookies.haarlem },
    );
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.body).toBe(e.bodyUnsafeLink);
    expect(librarySnapshot()).toEqual(before);
  });

  it('checks each kind’s own fields and the tags', async () => {
    const before = librarySnapshot();
    const contact = await runAction(
      newAction,
      '/kennisbank/nieuw',
      { kind: 'contact', title: 'Spreker', contactEmail: 'geen-adres', contactPhone: 'bel me' },
      { cookie: cookies.haarlem },
    );
    expect(payloadOf(contact).fieldErrors).toEqual({
      contactName: e.contactNameRequired,
      contactEmail: e.contactEmailInvalid,
      contactPhone: e.contactPhoneInvalid,
    });
    const practice = await runAction(newAction, '/kennisbank/nieuw', { kind: 'voorbeeld', title: '' }, { cookie: cookies.haarlem });
    expect(payloadOf(practice).fieldErrors).toEqual({ title: e.titleRequired, body: e.bodyRequired });
    const partner = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'partner')).get()!.id;
    const tags = await runAction(
      newAction,
      '/kennisbank/nieuw',
      {
        kind: 'link',
        title: 'Tags',
        url: 'https://example.nl',
        municipalityId: String(partner),
        themeId: '999999',
        targetGroups: 'bejaarden',
        goalIds: '999999',
      },
      { cookie: cookies.haarlem },
    );
    expect(payloadOf(tags).fieldErrors).toEqual({ targetGroups: e.targetGroupInvalid });
    const unknown = await runAction(
      newAction,
      '/kennisbank/nieuw',
      { kind: 'link', title: 'Tags', url: 'https://example.nl', municipalityId: String(partner), themeId: '999999', goalIds: '999999' },
      { cookie: cookies.haarlem },
    );
    expect(payloadOf(unknown).fieldErrors).toEqual({
      municipalityId: e.municipalityUnknown,
      themeId: e.themeUnknown,
      goalIds: e.goalUnknown,
    });
    const kind = await runAction(newAction, '/kennisbank/nieuw', { kind: 'script', title: 'x' }, { cookie: cookies.haarlem });
    expect(payloadOf(kind).fieldErrors.kind).toBe(e.kindInvalid);
    expect(librarySnapshot()).toEqual(before);
  });

  it('renders the Markdown-light text as elements, never as HTML', () => {
    expect(parseBlocks('# Kop\n\nEen alinea\nover twee regels.\n\n- een\n- twee\n\n1. eerste\n2. tweede')).toEqual([
      { type: 'h2', text: 'Kop' },
      { type: 'p', text: 'Een alinea over twee regels.' },
      { type: 'ul', items: ['een', 'twee'] },
      { type: 'ol', items: ['eerste', 'tweede'] },
    ]);
    // Items separated by blank lines stay one list; another kind of line ends it.
    expect(parseBlocks('1. een\n\n2. twee\n\n- los\nDaarna tekst.')).toEqual([
      { type: 'ol', items: ['een', 'twee'] },
      { type: 'ul', items: ['los'] },
      { type: 'p', text: 'Daarna tekst.' },
    ]);
    const html = renderToStaticMarkup(
      createElement(LibraryMarkdown, {
        text: '<script>alert(1)</script> **vet** [goed](https://example.nl) [fout](javascript:alert(1)) <img src=x onerror=alert(1)>',
      }),
    );
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<strong>vet</strong>');
    expect(html).toContain('<a href="https://example.nl/" rel="noopener noreferrer nofollow">goed</a>');
    expect(html).toContain('fout (javascript:alert(1))');
  });
});

describe('permissions', () => {
  let ownByZandvoort: number;
  let ownByAdviser: number;
  let ownByHaarlem: number;

  beforeAll(async () => {
    ownByZandvoort = idFromRedirect(await addLink('zandvoort', 'Taalcafé Zandvoort', 'https://zandvoort.example.nl'));
    ownByAdviser = idFromRedirect(await addLink('adviseur', 'Handreiking SLS', 'https://sls.example.nl'));
    ownByHaarlem = idFromRedirect(await addLink('haarlem', 'Taalhuis Haarlem', 'https://haarlem.example.nl'));
  });

  const edit = (who: Who, id: number, title: string) =>
    runAction(
      editAction,
      `/kennisbank/${id}/bewerken`,
      { title, url: 'https://nieuw.example.nl' },
      { cookie: cookies[who], params: { itemId: String(id) } },
    );
  const titleOf = (id: number) => db.select({ title: libraryItems.title }).from(libraryItems).where(eq(libraryItems.id, id)).get()?.title;

  it('every role reads the list, an item and the new form only when it may add', async () => {
    for (const who of Object.keys(ACCOUNTS) as Who[]) {
      expect(statusOf(await runLoader(listLoader, '/kennisbank', { cookie: cookies[who] })), who).toBe(200);
      expect(
        statusOf(
          await runLoader(itemLoader, `/kennisbank/${ownByHaarlem}`, { cookie: cookies[who], params: { itemId: String(ownByHaarlem) } }),
        ),
        who,
      ).toBe(200);
      expect(statusOf(await runLoader(newLoader, '/kennisbank/nieuw', { cookie: cookies[who] })), who).toBe(who === 'lezer' ? 403 : 200);
    }
    expect(statusOf(await runLoader(listLoader, '/kennisbank'))).toBe(302);
    expect(statusOf(await runLoader(itemLoader, '/kennisbank/abc', { cookie: cookies.lezer, params: { itemId: 'abc' } }))).toBe(404);
    expect(statusOf(await runLoader(itemLoader, '/kennisbank/999999', { cookie: cookies.lezer, params: { itemId: '999999' } }))).toBe(404);
  });

  it('a lezer may not add (403, nothing stored) — not even a file', async () => {
    const before = librarySnapshot();
    expect(statusOf(await addLink('lezer', 'Van de lezer', 'https://example.nl'))).toBe(403);
    expect(statusOf(await addDocument('lezer', 'Bestand van de lezer', { name: 'x.pdf', bytes: await makePdf(['lezer']) }))).toBe(403);
    expect(librarySnapshot()).toEqual(before);
  });

  it('gemeente and adviseur edit their own items, and get 403 on others’ (database unchanged)', async () => {
    expect(idFromRedirect(await edit('zandvoort', ownByZandvoort, 'Taalcafé Zandvoort (vrijdag)'))).toBe(ownByZandvoort);
    expect(titleOf(ownByZandvoort)).toBe('Taalcafé Zandvoort (vrijdag)');
    expect(idFromRedirect(await edit('adviseur', ownByAdviser, 'Handreiking SLS 2024'))).toBe(ownByAdviser);

    const before = librarySnapshot();
    for (const [who, id] of [
      ['zandvoort', ownByAdviser],
      ['zandvoort', ownByHaarlem],
      ['adviseur', ownByZandvoort],
      ['lezer', ownByHaarlem],
    ] as const) {
      expect(
        statusOf(await runLoader(editLoader, `/kennisbank/${id}/bewerken`, { cookie: cookies[who], params: { itemId: String(id) } })),
        who,
      ).toBe(403);
      expect(statusOf(await edit(who, id, 'Gekaapt')), who).toBe(403);
      expect(
        statusOf(
          await runAction(deleteAction, `/kennisbank/${id}/verwijderen`, {}, { cookie: cookies[who], params: { itemId: String(id) } }),
        ),
        who,
      ).toBe(403);
    }
    expect(librarySnapshot()).toEqual(before);

    const page = payloadOf(
      await runLoader(itemLoader, `/kennisbank/${ownByHaarlem}`, { cookie: cookies.zandvoort, params: { itemId: String(ownByHaarlem) } }),
    );
    expect(page.mayEdit).toBe(false);
  });

  it('beheerder and werkgroeplid edit any item', async () => {
    expect(idFromRedirect(await edit('velsen', ownByZandvoort, 'Taalcafé Zandvoort'))).toBe(ownByZandvoort);
    expect(idFromRedirect(await edit('beheerder', ownByAdviser, 'Handreiking SLS'))).toBe(ownByAdviser);
    expect(
      statusOf(
        await runLoader(editLoader, `/kennisbank/${ownByAdviser}/bewerken`, {
          cookie: cookies.haarlem,
          params: { itemId: String(ownByAdviser) },
        }),
      ),
    ).toBe(200);
  });

  it('an edit cannot change the kind', async () => {
    const result = await runAction(
      editAction,
      `/kennisbank/${ownByHaarlem}/bewerken`,
      { kind: 'voorbeeld', title: 'Taalhuis Haarlem', url: 'https://haarlem.example.nl', body: 'tekst' },
      { cookie: cookies.haarlem, params: { itemId: String(ownByHaarlem) } },
    );
    expect(statusOf(result)).toBe(302);
    expect(db.select({ kind: libraryItems.kind }).from(libraryItems).where(eq(libraryItems.id, ownByHaarlem)).get()!.kind).toBe('link');
  });

  it('deleting removes the item, its comments and its search entry', async () => {
    const id = idFromRedirect(await addLink('zandvoort', 'Wegwerplink Zandvoort', 'https://weg.example.nl'));
    db.insert(comments)
      .values({ targetType: 'library', targetId: id, authorId: demoUserId('adviseur'), body: 'Wegwerpreactie' })
      .run();
    expect(searchLibrary('wegwerplink')).toEqual([id]);
    const result = await runAction(
      deleteAction,
      `/kennisbank/${id}/verwijderen`,
      {},
      { cookie: cookies.zandvoort, params: { itemId: String(id) } },
    );
    expect(statusOf(result)).toBe(302);
    expect(db.select({ n: count() }).from(libraryItems).where(eq(libraryItems.id, id)).get()!.n).toBe(0);
    expect(
      db
        .select({ n: count() })
        .from(comments)
        .where(sql`target_type = 'library' and target_id = ${id}`)
        .get()!.n,
    ).toBe(0);
    expect(searchLibrary('wegwerplink')).toEqual([]);
    expect(searchWorkspace({ actor: actorOf('lezer'), query: 'wegwerpreactie' }).total).toBe(0);
  });

  it('deleting a document leaves no search entry behind for its files', async () => {
    const id = idFromRedirect(await addDocument('haarlem', 'Verdwijnt', { name: 'weg.pdf', bytes: await makePdf(['Verdwijnwoord']) }));
    expect(searchLibrary('verdwijnwoord')).toEqual([id]);
    const files = fileCount();
    const result = await runAction(
      deleteAction,
      `/kennisbank/${id}/verwijderen`,
      {},
      { cookie: cookies.haarlem, params: { itemId: String(id) } },
    );
    expect(statusOf(result)).toBe(302);
    expect(fileCount()).toBe(files - 1);
    expect(searchLibrary('verdwijnwoord')).toEqual([]);
  });
});

afterAll(() => {
  fs.rmSync(uploadsDir(), { recursive: true, force: true });
});
