/**
 * Yearly reports ("jaarrapportages", issue 13 §3; docs/decisions/022-year-reports.md): the
 * only writer of year_reports, year_report_sections and year_report_versions.
 *
 * A concept shows the year's figures as they are now and its narrative sections live. On
 * "Vaststellen" one transaction stores every computed section and every narrative text as
 * a numbered version's snapshot; an adopted version is always shown from its snapshot,
 * never recomputed, so a figure corrected later does not change it.
 */
import { and, asc, desc, eq, gt, max } from 'drizzle-orm';

import { meetings, users, yearReports, yearReportSections, yearReportVersions } from '../../../db/schema';
import { reports as reportsText } from '../../i18n/nl/reports';
import { db } from '../../utils/db.server';
import { recordAudit } from '../audit/audit-log.server';
import { readDocumentJson } from '../collab/document-json.server';
import { documentAccessChanged } from '../collab/live-bridge.server';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Tx } from '../history.server';
import { addAgendaPoints } from '../meetings/agenda-point.server';
import { type Actor, canManageYearReports } from '../permissions';
import {
  chapterCodeOfKey,
  chapterSectionKey,
  FIRST_REPORT_YEAR,
  lastReportYear,
  type NarrativeNode,
  STEERING_QUESTION_MAX,
  YEAR_REPORT_SECTION_KEYS,
  type YearReportContent,
  yearReportSectionDocumentName,
  type YearReportSectionKey,
  type YearReportSnapshot,
} from './year-report';
import type { ReportEdition } from './year-report-blocks';
import { keyFigures } from './year-report-figures';
import { yearChapters, yearProgress } from './year-report-progress.server';
import { yearReportSources } from './year-report-sources.server';

const e = reportsText.errors;

export type YearReport = typeof yearReports.$inferSelect;
export type YearReportResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

function requireManager(actor: Actor, what: string) {
  if (!canManageYearReports(actor)) throw new ForbiddenError(what);
}

/** Every report, newest year first, with its newest adopted version. */
export function listYearReports() {
  return db
    .select({
      id: yearReports.id,
      year: yearReports.year,
      status: yearReports.status,
      isExample: yearReports.isExample,
      latestVersion: max(yearReportVersions.version),
      latestAdoptedAt: max(yearReportVersions.adoptedAt),
    })
    .from(yearReports)
    .leftJoin(yearReportVersions, eq(yearReportVersions.reportId, yearReports.id))
    .groupBy(yearReports.id)
    .orderBy(desc(yearReports.year))
    .all();
}

export function getYearReport(year: number): YearReport | undefined {
  return db.select().from(yearReports).where(eq(yearReports.year, year)).get();
}

export function getYearReportById(id: number): YearReport | undefined {
  return db.select().from(yearReports).where(eq(yearReports.id, id)).get();
}

/** The adopted versions of a report, oldest first (without their snapshots). */
export function listYearReportVersions(reportId: number) {
  return db
    .select({ version: yearReportVersions.version, adoptedAt: yearReportVersions.adoptedAt, adoptedByName: users.name })
    .from(yearReportVersions)
    .leftJoin(users, eq(users.id, yearReportVersions.adoptedBy))
    .where(eq(yearReportVersions.reportId, reportId))
    .orderBy(asc(yearReportVersions.version))
    .all();
}

/** An adopted version as it was frozen; undefined when there is no such version. */
export function getYearReportVersion(reportId: number, version: number): YearReportSnapshot | undefined {
  const row = db
    .select({ snapshot: yearReportVersions.snapshot })
    .from(yearReportVersions)
    .where(and(eq(yearReportVersions.reportId, reportId), eq(yearReportVersions.version, version)))
    .get();
  return row ? (JSON.parse(row.snapshot) as YearReportSnapshot) : undefined;
}

/** The narrative sections of a report with the ids of their live documents, in report order. */
export function listYearReportSections(reportId: number): { id: number; key: YearReportSectionKey }[] {
  const rows = db.select().from(yearReportSections).where(eq(yearReportSections.reportId, reportId)).all();
  return YEAR_REPORT_SECTION_KEYS.flatMap((key) => rows.filter((r) => r.key === key).map((r) => ({ id: r.id, key })));
}

/** The chapter texts of a report with the ids of their live documents (by chapter code). */
export function listChapterSections(reportId: number): { id: number; chapterCode: string }[] {
  return db
    .select()
    .from(yearReportSections)
    .where(eq(yearReportSections.reportId, reportId))
    .orderBy(asc(yearReportSections.id))
    .all()
    .flatMap((row) => {
      const chapterCode = chapterCodeOfKey(row.key);
      return chapterCode === null ? [] : [{ id: row.id, chapterCode }];
    });
}

/** One narrative section of a report: one of the fixed sections or a chapter text; undefined when the report has no such section. */
export function findYearReportSection(
  reportId: number,
  sectionId: number,
): { id: number; key: YearReportSectionKey; chapterCode: null } | { id: number; key: null; chapterCode: string } | undefined {
  const fixed = listYearReportSections(reportId).find((s) => s.id === sectionId);
  if (fixed) return { ...fixed, chapterCode: null };
  const chapter = listChapterSections(reportId).find((s) => s.id === sectionId);
  return chapter ? { id: chapter.id, key: null, chapterCode: chapter.chapterCode } : undefined;
}

/**
 * Gives a report a chapter text for every chapter of its year's period that has none yet
 * (idempotent): when it is drafted, when a newer version is drafted, and when a concept is
 * shown (a report drafted before chapter texts existed, or a chapter added to the agenda).
 */
export function ensureChapterSections(reportId: number, year: number, conn: Tx = db) {
  const chapters = yearChapters(year);
  if (chapters.length === 0) return;
  conn
    .insert(yearReportSections)
    .values(chapters.map((c) => ({ reportId, key: chapterSectionKey(c.code) })))
    .onConflictDoNothing()
    .run();
}

/** The report a narrative section's live document belongs to (document-kinds.server.ts), or undefined. */
export function reportOfSection(sectionId: number): { status: YearReport['status']; year: number; key: string } | undefined {
  return db
    .select({ status: yearReports.status, year: yearReports.year, key: yearReportSections.key })
    .from(yearReportSections)
    .innerJoin(yearReports, eq(yearReports.id, yearReportSections.reportId))
    .where(eq(yearReportSections.id, sectionId))
    .get();
}

/** The narrative texts as they stand now in their live documents. */
export function readNarratives(reportId: number): Record<YearReportSectionKey, NarrativeNode> {
  const empty = (): NarrativeNode => ({ type: 'doc', content: [] });
  const texts: Record<YearReportSectionKey, NarrativeNode> = { summary: empty(), national: empty(), quality: empty(), steering: empty() };
  for (const section of listYearReportSections(reportId))
    texts[section.key] = readDocumentJson(yearReportSectionDocumentName(section.id)) as NarrativeNode;
  return texts;
}

/** The chapter texts as they stand now, for the chapters the progress part shows. */
export function readChapterNarratives(reportId: number, chapterCodes: readonly string[]): Record<string, NarrativeNode> {
  const shown = new Set(chapterCodes);
  return Object.fromEntries(
    listChapterSections(reportId)
      .filter((s) => shown.has(s.chapterCode))
      .map((s) => [s.chapterCode, readDocumentJson(yearReportSectionDocumentName(s.id)) as NarrativeNode]),
  );
}

/** The report of a year as it stands now: figures computed today, narrative texts as written so far. */
export function currentYearReportContent(report: Pick<YearReport, 'id' | 'year'>, today: string): YearReportContent {
  const progress = yearProgress(report.year, today);
  const { monitor, finance } = yearReportSources(db, report.year);
  return {
    year: report.year,
    keyFigures: keyFigures(progress.chapters, progress.decisions),
    progress,
    monitor,
    finance,
    narratives: readNarratives(report.id),
    chapterNarratives: readChapterNarratives(
      report.id,
      progress.chapters.map((c) => c.code),
    ),
  };
}

/** "Jaarrapportage <jaar> opstellen": a concept with its narrative sections, for a year without a report. */
export function createYearReport(
  actor: Actor,
  { year, today, isExample = false }: { year: number; today: string; isExample?: boolean },
): YearReportResult<{ id: number }> {
  requireManager(actor, 'create year report');
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > lastReportYear(today))
    return { ok: false, message: e.yearOutOfRange(FIRST_REPORT_YEAR, lastReportYear(today)) };
  return db.transaction((tx) => {
    if (tx.select({ id: yearReports.id }).from(yearReports).where(eq(yearReports.year, year)).get())
      return { ok: false as const, message: e.exists(year) };
    const id = tx.insert(yearReports).values({ year, isExample, createdBy: actor.id }).returning({ id: yearReports.id }).get().id;
    tx.insert(yearReportSections)
      .values(YEAR_REPORT_SECTION_KEYS.map((key) => ({ reportId: id, key })))
      .run();
    ensureChapterSections(id, year, tx);
    return { ok: true as const, id };
  });
}

/**
 * "Vaststellen": freezes the report as it stands into the next numbered version, in one
 * transaction (the snapshot, the version and the status together), and records it in the
 * audit log. The narrative sections become read-only for everybody.
 */
export function adoptYearReport(
  actor: Actor,
  { reportId, today, now = new Date().toISOString() }: { reportId: number; today: string; now?: string },
): YearReportResult<{ version: number }> {
  requireManager(actor, 'adopt year report');
  const result = db.transaction((tx) => {
    const report = tx.select().from(yearReports).where(eq(yearReports.id, reportId)).get();
    if (!report) throw new NotFoundError('year report', reportId);
    if (report.status !== 'concept') return { ok: false as const, message: e.notConcept };
    const previous =
      tx
        .select({ n: max(yearReportVersions.version) })
        .from(yearReportVersions)
        .where(eq(yearReportVersions.reportId, reportId))
        .get()?.n ?? 0;
    const version = previous + 1;
    const adopter = tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).get();
    const snapshot: YearReportSnapshot = {
      ...currentYearReportContent(report, today),
      version,
      adoptedAt: now,
      adoptedByName: adopter?.name ?? null,
    };
    tx.insert(yearReportVersions)
      .values({ reportId, version, snapshot: JSON.stringify(snapshot), adoptedBy: actor.id, adoptedAt: now })
      .run();
    tx.update(yearReports).set({ status: 'vastgesteld' }).where(eq(yearReports.id, reportId)).run();
    recordAudit({
      actorId: actor.id,
      action: 'report.adopted',
      target: { type: 'year_report', id: reportId, name: String(report.year) },
      details: { year: report.year, version },
    });
    return { ok: true as const, version };
  });
  if (result.ok) documentAccessChanged();
  return result;
}

/** A newer version after an adopted one: the report is a concept again; its narrative texts carry on from the adopted ones. */
export function draftNewYearReportVersion(actor: Actor, { reportId }: { reportId: number }): YearReportResult {
  requireManager(actor, 'draft new year report version');
  const report = getYearReportById(reportId);
  if (!report) throw new NotFoundError('year report', reportId);
  if (report.status !== 'vastgesteld') return { ok: false, message: e.alreadyConcept };
  db.transaction((tx) => {
    tx.update(yearReports).set({ status: 'concept' }).where(eq(yearReports.id, reportId)).run();
    ensureChapterSections(reportId, report.year, tx);
  });
  documentAccessChanged();
  return { ok: true };
}

/** The next bestuurlijk overleg that has not begun, or undefined. */
export function nextBestuurlijkOverleg(now: string) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.kind, 'bestuurlijk'), gt(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .get();
}

/** Puts a steering question of the report on the agenda of the next bestuurlijk overleg, as an agenda point. */
export function putSteeringQuestionOnAgenda(
  actor: Actor,
  { reportId, question, now = new Date().toISOString() }: { reportId: number; question: string; now?: string },
): YearReportResult<{ meetingId: number }> {
  requireManager(actor, 'put steering question on agenda');
  const report = getYearReportById(reportId);
  if (!report) throw new NotFoundError('year report', reportId);
  const text = question.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, message: e.questionEmpty };
  if (text.length > STEERING_QUESTION_MAX) return { ok: false, message: e.questionTooLong(STEERING_QUESTION_MAX) };
  const meeting = nextBestuurlijkOverleg(now);
  if (!meeting) return { ok: false, message: e.noBestuurlijkOverleg };
  addAgendaPoints({
    meetingId: meeting.id,
    points: [
      { title: reportsText.steering.agendaPointTitle(report.year, text), duration: 15, presenter: '', goalId: null, actionId: null },
    ],
  });
  return { ok: true, meetingId: meeting.id };
}

/** What a page or a download shows: a version's snapshot, or the concept as it stands now. */
export type YearReportEditionView = { content: YearReportContent; edition: ReportEdition; version: number | null };

/**
 * The edition of a report to show: `version` when asked (undefined when there is none);
 * without it the concept while the report is one, else its newest adopted version.
 */
export function yearReportEdition(report: YearReport, version: number | null, now: string): YearReportEditionView | undefined {
  const shown = version ?? (report.status === 'vastgesteld' ? latestVersionNumber(report.id) : null);
  if (shown === null) {
    return {
      content: currentYearReportContent(report, now.slice(0, 10)),
      edition: { concept: true, madeAt: now, isExample: report.isExample },
      version: null,
    };
  }
  const snapshot = getYearReportVersion(report.id, shown);
  if (!snapshot) return undefined;
  const { version: v, adoptedAt, adoptedByName, ...content } = snapshot;
  return { content, edition: { concept: false, version: v, adoptedAt, adoptedByName, isExample: report.isExample }, version: v };
}

function latestVersionNumber(reportId: number): number | null {
  return (
    db
      .select({ n: max(yearReportVersions.version) })
      .from(yearReportVersions)
      .where(eq(yearReportVersions.reportId, reportId))
      .get()?.n ?? null
  );
}
