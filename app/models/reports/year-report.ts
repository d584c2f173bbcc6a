/**
 * The yearly report to the aldermen ("jaarrapportage", issue 13 §3) as data, browser-safe:
 * its narrative sections (each a live document), what its computed sections hold, and the
 * snapshot an adopted version keeps. docs/decisions/022-year-reports.md.
 */
import type { ActionStatus } from '../tracker/action-status';
import type { FinanceYearSection, MonitorYearSection } from './year-report-inputs';

/** The narrative sections, in the order of the report; the working group writes them together live. */
export const YEAR_REPORT_SECTION_KEYS = ['summary', 'national', 'quality', 'steering'] as const;
export type YearReportSectionKey = (typeof YEAR_REPORT_SECTION_KEYS)[number];

export function isYearReportSectionKey(value: string): value is YearReportSectionKey {
  return (YEAR_REPORT_SECTION_KEYS as readonly string[]).includes(value);
}

/**
 * Besides those, a free text per chapter of the progress part, a narrative section too
 * (same table, same live document kind), keyed `chapter:<chapter code>`.
 */
const CHAPTER_KEY_PREFIX = 'chapter:';
export const chapterSectionKey = (chapterCode: string) => `${CHAPTER_KEY_PREFIX}${chapterCode}`;
/** The chapter code of a chapter section's key; null for any other key. */
export function chapterCodeOfKey(key: string): string | null {
  return key.startsWith(CHAPTER_KEY_PREFIX) ? key.slice(CHAPTER_KEY_PREFIX.length) : null;
}

/** The live document of a narrative section: `year-report-section.<section id>`. */
export const yearReportSectionDocumentName = (sectionId: number) => `year-report-section.${sectionId}`;

/** The years a report can be drafted for: the 0-meting onwards, not beyond next year. */
export const FIRST_REPORT_YEAR = 2020;
export const lastReportYear = (today: string) => Number(today.slice(0, 4)) + 1;

/** The longest steering question put on an agenda (an agenda point's title). */
export const STEERING_QUESTION_MAX = 300;

/** A ProseMirror JSON node, as the live documents are read and frozen. */
export type NarrativeNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NarrativeNode[];
  text?: string;
  marks?: { type: string }[];
};

export type StatusCounts = Record<ActionStatus, number>;

export type LateAction = { title: string; deadlineEnd: string; municipalityName: string | null };
export type ProgressReport = { actionTitle: string; at: string; body: string; statusTo: ActionStatus | null };

export type ProgressGoal = {
  code: string;
  title: string;
  counts: StatusCounts;
  /** Progress reports on its actions written in the year, oldest first. */
  reports: ProgressReport[];
  /** Its actions not done whose deadline ended before the end of the year (or today, when earlier). */
  late: LateAction[];
};

export type ProgressChapter = { code: string; title: string; counts: StatusCounts; goals: ProgressGoal[] };

export type YearDecision = { at: string; meetingTitle: string; text: string };

/** Progress on the agenda of the period that contains the year. */
export type YearProgress = {
  /** '2025–2028'; null when no agenda covers the year. */
  periodLabel: string | null;
  chapters: ProgressChapter[];
  decisions: YearDecision[];
};

/** The executive summary's figures. */
export type KeyFigures = {
  /** Actions that reached 'afgerond' in the year (a progress report that says so). */
  actionsDone: number;
  actionsLate: number;
  /** Actions of the period not done or cancelled at the end of the year. */
  actionsOpen: number;
  decisions: number;
  progressReports: number;
};

/** Everything the report shows for a year: computed now for a concept, frozen in an adopted version. */
export type YearReportContent = {
  year: number;
  keyFigures: KeyFigures;
  progress: YearProgress;
  monitor: MonitorYearSection | null;
  finance: FinanceYearSection | null;
  narratives: Record<YearReportSectionKey, NarrativeNode>;
  /** The free text per chapter of the progress part, by chapter code; absent in versions adopted before chapter texts existed. */
  chapterNarratives?: Record<string, NarrativeNode>;
};

/** What year_report_versions.snapshot holds. */
export type YearReportSnapshot = YearReportContent & { version: number; adoptedAt: string; adoptedByName: string | null };

/** The indicator of certified Taalhuizen, shown in the quality section when the monitor has it. */
export const CERTIFICATION_INDICATOR = 'TH-CERT';
