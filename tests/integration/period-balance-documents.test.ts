/**
 * The balance of a period as .docx and PDF (issue 12): the demo with its closed
 * 2020–2024 and current 2025–2028, read back with independent readers — the .docx's
 * word/document.xml (and mammoth for its headings), the PDF's text with unpdf and its
 * raw objects for the structure tree — for the figures of the balance page.
 */
import { and, desc, eq } from 'drizzle-orm';
import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';

import { stackedBarChart } from '../../app/models/charts/stacked-bar';
import { createDecision } from '../../app/models/meetings/decision.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { balanceChartSpec, countsLine } from '../../app/models/periods/balance';
import { getPeriodBalance, type PeriodBalance } from '../../app/models/periods/balance.server';
import { getPeriodBySlug } from '../../app/models/periods/period.server';
import { loader as docxLoader } from '../../app/routes/periodes.$slug_.balans[.docx]';
import { loader as pdfLoader } from '../../app/routes/periodes.$slug_.balans[.pdf]';
import { formatDay } from '../../app/utils/date-time';
import { db } from '../../app/utils/db.server';
import { auditLog } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId, signInDemoAccounts } from '../setup/demo-users';
import { runLoader } from '../setup/requests';
import { zipEntries } from '../setup/zip';

const SLUG = '2020-2024';
const MEETING = 'Slotoverleg samenwerkingsagenda';
const DECISION = 'De werkgroep stelt de eindbalans vast en biedt hem aan de wethouders aan.';

let cookies: Record<Who, string>;
let balance: PeriodBalance;

const download = async (loader: typeof docxLoader, ext: 'docx' | 'pdf', who: Who | null = 'lezer', slug = SLUG) =>
  (await runLoader(loader, `/periodes/${slug}/balans.${ext}`, { params: { slug }, cookie: who ? cookies[who] : null })) as Response;

/** XML text with its markup removed: what a reader of the document sees, run by run joined. */
const xmlText = (xml: string) =>
  xml
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Whitespace as single spaces; a PDF line that wraps after a dash ('2025–' / '2028') joined again. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/([-–]) /g, '$1');

beforeAll(async () => {
  await prepareDatabase({ periods: true });
  ({ cookies } = await signInDemoAccounts());
  // A meeting with a decision in the closed period's years, so the balance lists both.
  const { id: meetingId } = createMeeting({
    title: MEETING,
    kind: 'werkgroep',
    startsAt: '2024-11-26T13:00:00.000Z',
    place: 'Stadhuis Velsen',
    createdBy: demoUserId('beheerder'),
  });
  createDecision({ userId: demoUserId('beheerder'), meetingId, input: { text: DECISION, goalId: null, actionId: null } });
  balance = getPeriodBalance(getPeriodBySlug(SLUG)!);
});

describe('the balance of the demo period', () => {
  it('has carried and unfinished work, a decision and accents to show', () => {
    expect(balance.period.status).toBe('afgesloten');
    expect(balance.totals.meegenomen).toBeGreaterThan(0);
    expect(balance.totals.niet_afgerond).toBeGreaterThan(0);
    expect(balance.decisions.map((d) => d.text)).toContain(DECISION);
    expect(balance.accents.length).toBeGreaterThan(0);
  });
});

describe('the balance as a Word document', () => {
  it('is given to every signed-in role, named after the period', async () => {
    for (const who of Object.keys(ACCOUNTS) as Who[]) expect((await download(docxLoader, 'docx', who)).status, who).toBe(200);
    const response = await download(docxLoader, 'docx');
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="eindbalans-2020-2024.docx"; filename*=UTF-8''eindbalans-2020-2024.docx`,
    );
  });

  it('holds the figures of the balance page: per chapter and goal, carried over and to where, meetings, decisions, accents', async () => {
    const buffer = Buffer.from(await (await download(docxLoader, 'docx')).arrayBuffer());
    const parts = zipEntries(buffer);
    const xml = parts.get('word/document.xml')!;
    const text = xmlText(xml);

    expect(text).toContain('Eindbalans 2020–2024');
    expect(text).toContain(`Alle acties van de periode: ${countsLine(balance.totals)}`);
    for (const chapter of balance.chapters) {
      expect(text).toContain(`${chapter.code} ${chapter.title}`);
      expect(text).toContain(`Acties in dit hoofdstuk: ${countsLine(chapter.counts)}`);
      for (const goal of chapter.goals) expect(text).toContain(`${goal.code} ${goal.title}`);
    }
    const actions = balance.chapters.flatMap((c) => c.goals.flatMap((g) => g.actions));
    const carried = actions.find((a) => a.carriedTo)!;
    const unfinished = actions.find((a) => a.outcome === 'niet_afgerond' && a.reason)!;
    // A row of a goal's table: the action, its outcome, where it went (or why it was not finished).
    expect(text).toMatch(new RegExp(`${escape(carried.title)}[^\\n]*\\n?Meegenomen\\n?naar 2025–2028`));
    expect(text).toContain(unfinished.reason!);
    expect(text).toContain(`${MEETING} — ${formatDay('2024-11-26T13:00:00.000Z')}`);
    expect(text).toContain(`${formatDay('2024-11-26T13:00:00.000Z')}, ${MEETING}: ${DECISION}`);
    expect(text).toContain(`Acties bij doel ${balance.chapters[0].goals[0].code} en hun afloop`);
    for (const row of balance.accents) expect(text).toContain(`${row.municipalityName}: ${row.n === 1 ? '1 accent' : `${row.n} accenten`}`);

    // Tables with a header row that repeats on every page.
    expect(xml).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/);
    // The chart as a picture whose alternative text is the chart's description.
    const chart = stackedBarChart(balanceChartSpec(balance.chapters, balance.period.label), { width: 560 });
    expect(xml).toContain(`descr="${chart.description}"`);
    expect([...parts.keys()].some((name) => /^word\/media\/.+\.svg$/.test(name))).toBe(true);
    // Dutch as the language, the title in the properties.
    expect(parts.get('word/styles.xml')).toMatch(/<w:lang w:val="nl-NL"/);
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>Eindbalans 2020–2024</dc:title>');

    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('<h1>Eindbalans 2020–2024</h1>');
    expect(html).toContain('<h2>Besluiten in deze periode</h2>');
    expect(html).toContain(`<h3>${balance.chapters[0].goals[0].code} `);
  });
});

describe('the balance as a PDF', () => {
  it('is a tagged PDF in Dutch with the figures, the chart with its text alternative and real tables', async () => {
    const response = await download(pdfLoader, 'pdf', 'adviseur');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toContain('filename="eindbalans-2020-2024.pdf"');
    const bytes = new Uint8Array(await response.arrayBuffer());

    const text = flat((await extractText(bytes.slice(), { mergePages: true })).text);
    expect(text).toContain('Eindbalans 2020–2024');
    expect(text).toContain(flat(`Alle acties van de periode: ${countsLine(balance.totals)}`));
    for (const chapter of balance.chapters) {
      expect(text).toContain(flat(`${chapter.code} ${chapter.title}`));
      for (const goal of chapter.goals) expect(text).toContain(flat(`${goal.code} ${goal.title}`));
    }
    expect(text).toContain('Meegenomen naar 2025–2028');
    expect(text).toContain(flat(unfinishedReason()));
    expect(text).toContain(flat(DECISION));
    expect(text).toContain(balance.accents[0].municipalityName);

    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(raw).toContain('/Lang (nl-NL)');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const tag of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Figure', 'Table', 'THead', 'TH', 'TD']) {
      expect(raw, tag).toContain(`/S /${tag}\n`);
    }
    expect(raw).toMatch(/\/Alt \(/);
  });
});

describe('who may download it', () => {
  it('answers an unknown period with a 404 and a visitor without a session with the login', async () => {
    expect((await download(docxLoader, 'docx', 'lezer', '1990-1994')).status).toBe(404);
    expect((await download(pdfLoader, 'pdf', 'lezer', 'onzin')).status).toBe(404);
    const anonymous = await download(pdfLoader, 'pdf', null);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
  });

  it('records each download in the audit log, like a download of the minutes', async () => {
    await download(pdfLoader, 'pdf', 'adviseur');
    const row = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'download.balance'), eq(auditLog.actorId, demoUserId('adviseur'))))
      .orderBy(desc(auditLog.id))
      .get()!;
    expect(row).toMatchObject({ targetType: 'period', targetId: balance.period.id, targetName: SLUG });
    expect(JSON.parse(row.details!)).toMatchObject({ format: 'pdf', status: 'afgesloten' });
  });
});

const unfinishedReason = () =>
  balance.chapters.flatMap((c) => c.goals.flatMap((g) => g.actions)).find((a) => a.outcome === 'niet_afgerond' && a.reason)!.reason!;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
