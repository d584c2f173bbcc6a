/**
 * The yearly report (issue 13 §3): drafting, the live narrative sections' rights, adopting
 * a frozen numbered version (a later correction does not change it), a newer version,
 * a steering question onto the next bestuurlijk overleg, every write path refused with
 * 403 and nothing changed, and the .docx and the PDF read back by independent readers.
 */
import { and, count, eq, ne } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { documentAccess } from '../../app/models/collab/document-kinds.server';
import { NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { editLiveDocument } from '../../app/models/collab/live-bridge.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { NOTES_NODES } from '../../app/models/meetings/notes/notes-nodes';
import { getPeriodBySlug } from '../../app/models/periods/period.server';
import { asActor } from '../../app/models/permissions';
import { type YearReportContent, yearReportSectionDocumentName } from '../../app/models/reports/year-report';
import {
  getYearReport,
  getYearReportVersion,
  listChapterSections,
  listYearReportSections,
} from '../../app/models/reports/year-report.server';
import { renderYearReportDocx, renderYearReportPdf } from '../../app/models/reports/year-report-document.server';
import { yearChapters } from '../../app/models/reports/year-report-progress.server';
import { addProgressUpdate } from '../../app/models/tracker/action.server';
import { action as createAction } from '../../app/routes/jaarrapportages._index';
import { action as reportAction, loader as reportLoader } from '../../app/routes/jaarrapportages.$year';
import { loader as sectionLoader } from '../../app/routes/jaarrapportages.$year_.teksten.$sectionId';
import { action as adoptAction } from '../../app/routes/jaarrapportages.$year_.vaststellen';
import { loader as docxLoader } from '../../app/routes/jaarrapportages.$year[.docx]';
import { loader as pdfLoader } from '../../app/routes/jaarrapportages.$year[.pdf]';
import { action as commentAction } from '../../app/routes/reacties';
import { db } from '../../app/utils/db.server';
import { actions, agendaPoints, auditLog, comments, users, yearReports, yearReportVersions } from '../../db/schema';
import { MUNICIPALITIES } from '../../db/seed/organisations';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId, signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runAction, runLoader, statusOf } from '../setup/requests';
import { exampleFinanceSection, exampleMonitorSection } from '../setup/year-report-sections';
import { zipEntries } from '../setup/zip';

// The workspace with one period, 2020–2024 current (no demo reports): the report of its last year.
const YEAR = 2024;
const NOT_ALLOWED: Who[] = ['zandvoort', 'adviseur', 'lezer'];
const SUMMARY = 'De werkgroep bereikte dit jaar meer inwoners dan ooit.';
const CHAPTER_TEXT = 'In dit hoofdstuk liep de werving van vrijwilligers achter; daarom is een campagne gestart.';

let cookies: Record<Who, string>;
const actor = (who: Who) => asActor(db.select().from(users).where(eq(users.email, ACCOUNTS[who])).get()!);
const params = { year: String(YEAR) };
const path = `/jaarrapportages/${YEAR}`;

/** What every write path may change: the reports, their versions, agenda points. */
function state() {
  return {
    reports: db.select().from(yearReports).all(),
    versions: db.select({ n: count() }).from(yearReportVersions).get()!.n,
    points: db.select({ n: count() }).from(agendaPoints).get()!.n,
  };
}

function writeNarrative(sectionId: number, text: string) {
  editLiveDocument(yearReportSectionDocumentName(sectionId), (doc) => {
    const fragment = doc.getXmlFragment(NOTES_FIELD);
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement(NOTES_NODES.paragraph);
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [paragraph]);
  });
}

const reportId = () => getYearReport(YEAR)!.id;
const sectionId = (key: string) => listYearReportSections(reportId()).find((s) => s.key === key)!.id;
/** The first chapter of the year's period and the id of its text in the report. */
const firstChapter = () => yearChapters(YEAR)[0];
const chapterSectionId = () => listChapterSections(reportId()).find((s) => s.chapterCode === firstChapter().code)!.id;

beforeAll(async () => {
  await prepareDatabase();
  ({ cookies } = await signInDemoAccounts());
  createMeeting({
    title: 'Bestuurlijk overleg basisvaardigheden',
    kind: 'bestuurlijk',
    startsAt: `${new Date().getUTCFullYear() + 1}-02-10T14:00:00.000Z`,
    place: 'Stadhuis Haarlem',
    createdBy: demoUserId('beheerder'),
  });
});

describe('drafting a yearly report', () => {
  it('is refused to the gemeente, the adviser and the lezer, with nothing stored', async () => {
    const before = state();
    for (const who of NOT_ALLOWED) {
      const result = await runAction(createAction, '/jaarrapportages', { year: String(YEAR) }, { cookie: cookies[who] });
      expect(statusOf(result), who).toBe(403);
    }
    expect(state()).toEqual(before);
  });

  it('refuses a year outside the range beside the field, nothing stored', async () => {
    const result = await runAction(createAction, '/jaarrapportages', { year: '2019' }, { cookie: cookies.haarlem });
    expect(statusOf(result)).toBe(400);
    expect(payloadOf(result).fieldErrors.year).toMatch(/Kies een jaar van 2020/);
    expect(state().reports).toEqual([]);
  });

  it('makes a concept with its narrative sections for the werkgroep, once per year', async () => {
    const result = (await runAction(createAction, '/jaarrapportages', { year: String(YEAR) }, { cookie: cookies.haarlem })) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/jaarrapportages/${YEAR}?gemaakt=1`);
    expect(getYearReport(YEAR)!.status).toBe('concept');
    expect(listYearReportSections(reportId()).map((s) => s.key)).toEqual(['summary', 'national', 'quality', 'steering']);
    // A free text per chapter of the period, each its own live document.
    expect(listChapterSections(reportId()).map((s) => s.chapterCode)).toEqual(yearChapters(YEAR).map((c) => c.code));
    expect(yearChapters(YEAR).length).toBeGreaterThan(0);
    const again = await runAction(createAction, '/jaarrapportages', { year: String(YEAR) }, { cookie: cookies.beheerder });
    expect(payloadOf(again).fieldErrors.year).toBe(`Er is al een jaarrapportage voor ${YEAR}.`);
  });
});

describe('the narrative sections', () => {
  it('are written by the werkgroep and the beheerder while a concept; the others read', () => {
    const name = yearReportSectionDocumentName(sectionId('summary'));
    expect(documentAccess(actor('beheerder'), name)).toBe('write');
    expect(documentAccess(actor('haarlem'), name)).toBe('write');
    for (const who of NOT_ALLOWED) expect(documentAccess(actor(who), name), who).toBe('read');
    expect(documentAccess(actor('beheerder'), yearReportSectionDocumentName(999_999))).toBe('none');
  });

  it('a chapter text has the same rights: the werkgroep and the beheerder write while a concept; the others read', () => {
    const name = yearReportSectionDocumentName(chapterSectionId());
    expect(documentAccess(actor('beheerder'), name)).toBe('write');
    expect(documentAccess(actor('haarlem'), name)).toBe('write');
    for (const who of NOT_ALLOWED) expect(documentAccess(actor(who), name), who).toBe('read');
  });
});

describe('the concept page', () => {
  it('shows every part, with the monitor and the money of the year, and the texts as written', async () => {
    writeNarrative(sectionId('summary'), SUMMARY);
    writeNarrative(chapterSectionId(), CHAPTER_TEXT);
    const data = payloadOf(await runLoader(reportLoader, path, { params, cookie: cookies.lezer }));
    const part = (id: string) => JSON.stringify(data.parts.find((p: { id: string }) => p.id === id));
    expect(data.edition.concept).toBe(true);
    expect(data.parts.map((p: { id: string }) => p.id)).toEqual([
      'samenvatting',
      'voortgang',
      'monitor',
      'landelijke-monitor',
      'landelijke-ontwikkelingen',
      'kwaliteit',
      'financien',
      'sturingsvragen',
      'bijlage',
    ]);
    expect(JSON.stringify(data.parts)).toContain(SUMMARY);
    // The chapter's text in the progress part, under its chapter, and a link to write it along.
    expect(part('voortgang')).toContain(CHAPTER_TEXT);
    expect(data.chapterTexts[0]).toMatchObject({ id: chapterSectionId(), code: firstChapter().code });
    const page = payloadOf(
      await runLoader(sectionLoader, `${path}/teksten/${chapterSectionId()}`, {
        params: { ...params, sectionId: String(chapterSectionId()) },
        cookie: cookies.lezer,
      }),
    );
    expect(page).toMatchObject({ name: `Toelichting hoofdstuk ${firstChapter().code}`, mayEdit: false });
    // The monitor's and the money's own figures of the year (the demo's example figures).
    expect(part('financien')).not.toContain('Nog geen cijfers');
    expect(part('financien')).toContain('Rijksbijdrage educatie (WEB)');
    expect(part('monitor')).not.toContain('Nog geen cijfers');
    for (const name of ['Beverwijk', 'Bloemendaal', 'Haarlem', 'Heemskerk', 'Heemstede', 'Velsen', 'Zandvoort'])
      expect(part('monitor')).toContain(name);
    expect(data.mayManage).toBe(false);
  });
});

describe('comments on the report', () => {
  it('an adviser comments; the lezer is refused with nothing stored', async () => {
    const fields = {
      intent: 'create',
      targetType: 'year-report',
      targetId: String(reportId()),
      body: 'Kunnen de cijfers per gemeente erbij?',
      redirectTo: path,
    };
    const commentsOnReport = () => db.select().from(comments).where(eq(comments.targetType, 'year-report')).all();
    expect(statusOf(await runAction(commentAction, '/reacties', fields, { cookie: cookies.lezer }))).toBe(403);
    expect(commentsOnReport()).toEqual([]);
    expect(statusOf(await runAction(commentAction, '/reacties', fields, { cookie: cookies.adviseur }))).toBe(302);
    expect(commentsOnReport().map((c) => c.body)).toEqual(['Kunnen de cijfers per gemeente erbij?']);
    const page = payloadOf(await runLoader(reportLoader, path, { params, cookie: cookies.haarlem }));
    expect(page.threads.map((thread: { body: string }) => thread.body)).toEqual(['Kunnen de cijfers per gemeente erbij?']);
  });
});

describe('a steering question onto the agenda of the next bestuurlijk overleg', () => {
  it('is refused to the others with nothing changed, and added as an agenda point for the werkgroep', async () => {
    const before = state();
    for (const who of NOT_ALLOWED) {
      const result = await runAction(
        reportAction,
        path,
        { intent: 'agenderen', question: 'Verhogen we de bijdrage?' },
        { params, cookie: cookies[who] },
      );
      expect(statusOf(result), who).toBe(403);
    }
    expect(state()).toEqual(before);
    const empty = await runAction(reportAction, path, { intent: 'agenderen', question: '  ' }, { params, cookie: cookies.haarlem });
    expect(statusOf(empty)).toBe(400);
    expect(state()).toEqual(before);
    const result = (await runAction(
      reportAction,
      path,
      { intent: 'agenderen', question: 'Verhogen we de bijdrage?' },
      { params, cookie: cookies.haarlem },
    )) as Response;
    expect(result.status).toBe(302);
    const titles = db
      .select({ title: agendaPoints.title })
      .from(agendaPoints)
      .all()
      .map((p) => p.title);
    expect(titles).toContain(`Sturingsvraag jaarrapportage ${YEAR}: Verhogen we de bijdrage?`);
  });
});

describe('adopting ("Vaststellen")', () => {
  it('is refused to the others, with nothing changed', async () => {
    const before = state();
    for (const who of NOT_ALLOWED)
      expect(statusOf(await runAction(adoptAction, `${path}/vaststellen`, {}, { params, cookie: cookies[who] })), who).toBe(403);
    expect(state()).toEqual(before);
  });

  it('freezes version 1: a later correction of a figure or a text does not change it', async () => {
    const result = (await runAction(adoptAction, `${path}/vaststellen`, {}, { params, cookie: cookies.haarlem })) as Response;
    expect(result.headers.get('Location')).toBe(`${path}?versie=1&vastgesteld=1`);
    expect(getYearReport(YEAR)!.status).toBe('vastgesteld');
    const adopted = getYearReportVersion(reportId(), 1)!;
    expect(adopted.version).toBe(1);
    expect(JSON.stringify(adopted.narratives.summary)).toContain(SUMMARY);
    expect(JSON.stringify(adopted.chapterNarratives?.[firstChapter().code])).toContain(CHAPTER_TEXT);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'report.adopted')).all()).toHaveLength(1);

    // Read-only for everybody once adopted.
    expect(documentAccess(actor('haarlem'), yearReportSectionDocumentName(sectionId('summary')))).toBe('read');
    expect(documentAccess(actor('haarlem'), yearReportSectionDocumentName(chapterSectionId()))).toBe('read');

    // A correction after adoption: an open action of the period reported done.
    const period = getPeriodBySlug('2020-2024')!;
    const open = db
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.agendaId, period.id), ne(actions.status, 'afgerond'), ne(actions.status, 'vervallen')))
      .get()!;
    addProgressUpdate({ userId: demoUserId('haarlem'), actionId: open.id, body: 'Toch afgerond.', status: 'afgerond', progress: 100 });

    const shown = payloadOf(await runLoader(reportLoader, `${path}?versie=1`, { params, cookie: cookies.lezer }));
    expect(shown.edition).toMatchObject({ concept: false, version: 1 });
    const frozenFigures = (adopted as YearReportContent).keyFigures;
    expect(JSON.stringify(shown.parts)).toContain(`Acties nog open: ${frozenFigures.actionsOpen}`);
    expect(getYearReportVersion(reportId(), 1)!.keyFigures).toEqual(frozenFigures);
    // Without ?versie= an adopted report shows its newest version too.
    expect(payloadOf(await runLoader(reportLoader, path, { params, cookie: cookies.lezer })).version).toBe(1);
  });

  it('a newer version: drafted again (others refused), the texts carry on, adopted as version 2 with the correction', async () => {
    const before = state();
    for (const who of NOT_ALLOWED)
      expect(statusOf(await runAction(reportAction, path, { intent: 'nieuwe-versie' }, { params, cookie: cookies[who] })), who).toBe(403);
    expect(state()).toEqual(before);

    await runAction(reportAction, path, { intent: 'nieuwe-versie' }, { params, cookie: cookies.beheerder });
    expect(getYearReport(YEAR)!.status).toBe('concept');
    writeNarrative(sectionId('summary'), 'Een bijgewerkte samenvatting.');
    writeNarrative(chapterSectionId(), 'De campagne bracht veertig nieuwe vrijwilligers.');
    await runAction(adoptAction, `${path}/vaststellen`, {}, { params, cookie: cookies.beheerder });
    const first = getYearReportVersion(reportId(), 1)!;
    const second = getYearReportVersion(reportId(), 2)!;
    expect(second.keyFigures.actionsOpen).toBe(first.keyFigures.actionsOpen - 1);
    expect(JSON.stringify(first.narratives.summary)).toContain(SUMMARY);
    expect(JSON.stringify(second.narratives.summary)).toContain('Een bijgewerkte samenvatting.');
    // The chapter text is frozen per version too.
    expect(JSON.stringify(first.chapterNarratives)).toContain(CHAPTER_TEXT);
    expect(JSON.stringify(first.chapterNarratives)).not.toContain('veertig nieuwe vrijwilligers');
    expect(JSON.stringify(second.chapterNarratives)).toContain('De campagne bracht veertig nieuwe vrijwilligers.');
    expect(statusOf(await runLoader(reportLoader, `${path}?versie=3`, { params, cookie: cookies.lezer }))).toBe(404);
    expect(statusOf(await runLoader(reportLoader, `${path}?versie=abc`, { params, cookie: cookies.lezer }))).toBe(404);
  });
});

/** XML text with its markup removed: what a reader of the document sees. */
const xmlText = (xml: string) =>
  xml
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the report as .docx and PDF', () => {
  it('is given to every signed-in role, named after the year and version, and audited', async () => {
    for (const who of Object.keys(ACCOUNTS) as Who[]) {
      const response = (await runLoader(docxLoader, `${path}.docx`, { params, cookie: cookies[who] })) as Response;
      expect(response.status, who).toBe(200);
    }
    const response = (await runLoader(pdfLoader, `${path}.pdf?versie=1`, { params, cookie: cookies.lezer })) as Response;
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toContain(`jaarrapportage-${YEAR}-versie-1.pdf`);
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'download.year_report')).all().length).toBeGreaterThanOrEqual(7);
    expect(statusOf(await runLoader(docxLoader, `${path}.docx`, { params, cookie: null }))).not.toBe(200);
  });

  it('an independent reader finds the sections, the seven municipalities and the figures', async () => {
    const adopted = getYearReportVersion(reportId(), 2)!;
    const content: YearReportContent = { ...adopted, monitor: exampleMonitorSection(YEAR), finance: exampleFinanceSection(YEAR) };
    const edition = {
      concept: false as const,
      version: 2,
      adoptedAt: adopted.adoptedAt,
      adoptedByName: adopted.adoptedByName,
      isExample: false,
    };

    const parts = zipEntries(await renderYearReportDocx(content, edition));
    const word = xmlText(parts.get('word/document.xml')!);
    const pdf = flat((await extractText(new Uint8Array(await renderYearReportPdf(content, edition)), { mergePages: true })).text);

    for (const [reader, text] of [
      ['docx', word],
      ['pdf', pdf],
    ] as const) {
      for (const heading of [
        'Samenvatting',
        'Voortgang per hoofdstuk en doel',
        'Landelijke ontwikkelingen',
        'Financieel overzicht',
        'Sturingsvragen',
        'Bijlage: bronnen en definities',
      ])
        expect(text, `${reader}: ${heading}`).toContain(heading);
      for (const name of MUNICIPALITIES) expect(text, `${reader}: ${name}`).toContain(name);
      expect(text, reader).toContain(`Jaarrapportage ${YEAR}`);
      expect(text, reader).toContain('Een bijgewerkte samenvatting.');
      expect(text, reader).toContain('De campagne bracht veertig nieuwe vrijwilligers.');
      expect(text, reader).toContain('Geteld per cursusdeelname, niet per persoon.');
      // The WEB contribution and a municipality's figure, the Dutch way.
      expect(text.replace(/\u00a0/g, ' '), reader).toContain('€ 3.412.500,00');
      const haarlem = content.monitor!.indicators[0].rows.find((row) => row.name === 'Haarlem')!;
      expect(text, reader).toContain(new Intl.NumberFormat('nl-NL').format(haarlem.value!));
    }
    expect(parts.get('word/styles.xml')).toMatch(/<w:lang w:val="nl-NL"/);
    expect(parts.get('word/document.xml')).toMatch(/descr="[^"]+"/);
  });
});
