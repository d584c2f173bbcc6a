/**
 * A yearly report as report blocks (documents/report.ts), part by part: the page, the
 * print page, the .docx and the PDF all render these, so all four say the same thing in
 * the same words. Browser-safe. Works on YearReportContent alone — a concept's content
 * computed now or an adopted version's snapshot — and never reads the database.
 */
import { t } from '../../i18n';
import { reports as reportsText } from '../../i18n/nl/reports';
import { formatDay } from '../../utils/date-time';
import { barChart } from '../charts/bar';
import type { ChartTable, ChartTableRow } from '../charts/chart';
import { formatMoney, formatNumber } from '../charts/format';
import type { ReportBlock, ReportDocument } from '../documents/report';
import { minutesBlocks, minutesText, runsText } from '../meetings/minutes-content';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../tracker/action-status';
import { formatDate } from '../tracker/deadline';
import {
  CERTIFICATION_INDICATOR,
  type NarrativeNode,
  type StatusCounts,
  type YearReportContent,
  type YearReportSectionKey,
} from './year-report';
import {
  changeSinceBaseline,
  financeSummary,
  formatChange,
  formatFigure,
  indicatorAreasChartSpec,
  indicatorCaveats,
  keyFiguresChartSpec,
  splitMonitor,
  targetStanding,
} from './year-report-figures';
import type { FinanceStreamRow, FinanceYearSection, MonitorIndicatorSection, MonitorYearSection } from './year-report-inputs';

const r = reportsText;
const CHART_WIDTH = 560;
/** Per chapter at most this many late actions and progress reports are spelled out; the table counts them all. */
export const LIST_LIMIT = 10;
/** The .docx's PNG fallbacks at half the usual sharpness: the report has a chart per indicator (bench/year-report.ts). */
const CHART_PNG_SCALE = 1.5;

/** The first LIST_LIMIT lines, and one saying how many more there are. */
function limited(lines: string[]): string[] {
  return lines.length <= LIST_LIMIT ? lines : [...lines.slice(0, LIST_LIMIT), r.progress.more(lines.length - LIST_LIMIT)];
}

/** A part of the report: a level-2 heading and its blocks; `narrative` names the live section it shows, if any. */
export type ReportPart = { id: string; heading: string; blocks: ReportBlock[]; narrative?: YearReportSectionKey };

/** Who made which version: the front matter of the report. */
export type ReportEdition =
  | { concept: true; madeAt: string; isExample: boolean }
  | { concept: false; version: number; adoptedAt: string; adoptedByName: string | null; isExample: boolean };

// ---------------------------------------------------------------------------------------
// Narrative texts

/** A narrative section's text as blocks: its own headings one level below the part's ("Nog niet geschreven." when empty). */
export function narrativeBlocks(doc: NarrativeNode): ReportBlock[] {
  const blocks = narrativeTextBlocks(doc);
  return blocks.some((b) => b.kind !== 'heading') ? blocks : [{ kind: 'paragraph', text: r.narrative.empty }];
}

/**
 * A chapter's free text inside the progress part: nothing when it is empty (a chapter
 * without a text just shows its figures), its headings as labelled paragraphs (the
 * chapter's own heading is already the lowest level the documents have).
 */
function chapterTextBlocks(doc: NarrativeNode | undefined): ReportBlock[] {
  if (!doc) return [];
  const blocks = narrativeTextBlocks(doc);
  if (!blocks.some((b) => b.kind !== 'heading')) return [];
  return blocks.map((b, i) =>
    b.kind === 'heading'
      ? { kind: 'paragraph', text: b.text }
      : i === 0 && b.kind === 'paragraph'
        ? { ...b, label: r.chapterText.label }
        : b,
  );
}

function narrativeTextBlocks(doc: NarrativeNode): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  for (const block of minutesBlocks(doc)) {
    if (block.kind === 'heading') blocks.push({ kind: 'heading', level: 3, text: runsText(block.runs) });
    else if (block.kind === 'paragraph') {
      const text = runsText(block.runs).trim();
      if (text !== '') blocks.push({ kind: 'paragraph', text });
    } else if (block.kind === 'list') blocks.push({ kind: 'list', items: block.items.map((item) => minutesText(item).trim()) });
    else blocks.push({ kind: 'paragraph', text: block.text });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------
// Progress

function countsLine(counts: StatusCounts): string {
  return ACTION_STATUSES.map((s) => `${counts[s]} ${ACTION_STATUS_LABELS[s].toLocaleLowerCase('nl')}`).join(', ');
}

function progressTable(content: YearReportContent, chapterIndex: number): ChartTable {
  const chapter = content.progress.chapters[chapterIndex];
  return {
    caption: r.progress.goalsCaption(chapter.code),
    columns: [
      { label: r.progress.goal, numeric: false },
      ...ACTION_STATUSES.map((s) => ({ label: ACTION_STATUS_LABELS[s], numeric: true })),
      { label: r.progress.late, numeric: true },
      { label: r.progress.reports, numeric: true },
    ],
    rows: chapter.goals.map((goal) => ({
      header: `${goal.code} ${goal.title}`,
      cells: [
        ...ACTION_STATUSES.map((s) => ({ text: String(goal.counts[s]), numeric: true })),
        { text: String(goal.late.length), numeric: true },
        { text: String(goal.reports.length), numeric: true },
      ],
    })),
  };
}

function progressPart(content: YearReportContent): ReportPart {
  const { progress, year } = content;
  const blocks: ReportBlock[] = [];
  if (progress.periodLabel === null) blocks.push({ kind: 'paragraph', text: r.progress.noPeriod(year) });
  else blocks.push({ kind: 'paragraph', text: r.progress.lead(year, progress.periodLabel) });
  progress.chapters.forEach((chapter, index) => {
    blocks.push(
      { kind: 'heading', level: 3, text: `${chapter.code} ${chapter.title}` },
      ...chapterTextBlocks(content.chapterNarratives?.[chapter.code]),
      { kind: 'paragraph', label: r.progress.chapterCounts, text: countsLine(chapter.counts) },
    );
    if (chapter.goals.length > 0) blocks.push({ kind: 'table', table: progressTable(content, index) });
    const late = chapter.goals.flatMap((g) =>
      g.late.map((a) =>
        r.progress.lateLine(g.code, a.municipalityName ? `${a.title} (${a.municipalityName})` : a.title, formatDate(a.deadlineEnd)),
      ),
    );
    if (late.length > 0) blocks.push({ kind: 'paragraph', text: r.progress.lateHeading }, { kind: 'list', items: limited(late) });
    const reports = chapter.goals.flatMap((g) =>
      g.reports.map((u) =>
        r.progress.reportLine(formatDay(u.at), u.actionTitle, u.body, u.statusTo ? ACTION_STATUS_LABELS[u.statusTo] : null),
      ),
    );
    if (reports.length > 0)
      blocks.push({ kind: 'paragraph', text: r.progress.reportsHeading(year) }, { kind: 'list', items: limited(reports) });
  });
  blocks.push({ kind: 'heading', level: 3, text: r.progress.decisionsHeading(year) });
  if (progress.decisions.length === 0) blocks.push({ kind: 'paragraph', text: r.progress.noDecisions(year) });
  else
    blocks.push({
      kind: 'list',
      items: progress.decisions.map((d) => r.progress.decisionLine(formatDay(d.at), d.meetingTitle, d.text)),
    });
  return { id: 'voortgang', heading: r.parts.progress, blocks };
}

// ---------------------------------------------------------------------------------------
// Monitor

function standingText(row: MonitorIndicatorSection['rows'][number]): string {
  return r.monitor.standing[targetStanding(row)];
}

function indicatorTable(indicator: MonitorIndicatorSection, year: number, baselineYear: number): ChartTable {
  const unit = indicator.unit;
  return {
    caption: r.monitor.tableCaption(indicator.code, indicator.name, year),
    columns: [
      { label: r.monitor.area, numeric: false },
      { label: r.monitor.baseline(baselineYear), numeric: true },
      { label: String(year), numeric: true },
      { label: r.monitor.change, numeric: true },
      { label: r.monitor.target, numeric: true },
      { label: r.monitor.standingHeader, numeric: false },
    ],
    rows: indicator.rows.map((row) => ({
      header: row.name,
      cells: [
        { text: formatFigure(row.baseline, unit), numeric: true },
        { text: formatFigure(row.value, unit), numeric: true },
        { text: formatChange(changeSinceBaseline(row)), numeric: true },
        { text: formatFigure(row.target, unit), numeric: true },
        { text: standingText(row), numeric: false },
      ],
    })),
  };
}

function indicatorBlocks(indicator: MonitorIndicatorSection, monitor: MonitorYearSection, withChart: boolean): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 3, text: `${indicator.code} ${indicator.name}` }];
  if (withChart)
    blocks.push({
      kind: 'chart',
      chart: barChart(indicatorAreasChartSpec(indicator, monitor.year, monitor.baselineYear), { width: CHART_WIDTH }),
    });
  blocks.push({ kind: 'table', table: indicatorTable(indicator, monitor.year, monitor.baselineYear) });
  const caveats = indicatorCaveats(indicator);
  if (caveats.length > 0) blocks.push({ kind: 'paragraph', label: r.monitor.caveats, text: caveats.join(' ') });
  return blocks;
}

function noFigures(year: number): ReportBlock[] {
  return [{ kind: 'paragraph', text: r.noFigures(year) }];
}

function exampleNote(containsExampleFigures: boolean): ReportBlock[] {
  return containsExampleFigures ? [{ kind: 'paragraph', label: r.example, text: r.exampleFigures }] : [];
}

function monitorPart(content: YearReportContent): ReportPart {
  const { monitor } = content;
  const part = { id: 'monitor', heading: r.parts.monitor };
  if (!monitor) return { ...part, blocks: noFigures(content.year) };
  const { regional } = splitMonitor(monitor);
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: r.monitor.lead(monitor.year, monitor.baselineYear) },
    ...exampleNote(monitor.containsExampleFigures),
  ];
  if (regional.length === 0) blocks.push({ kind: 'paragraph', text: r.monitor.noIndicators });
  for (const indicator of regional) blocks.push(...indicatorBlocks(indicator, monitor, true));
  return { ...part, blocks };
}

function nationalMonitorPart(content: YearReportContent): ReportPart {
  const { monitor } = content;
  const part = { id: 'landelijke-monitor', heading: r.parts.nationalMonitor };
  if (!monitor) return { ...part, blocks: noFigures(content.year) };
  const { national } = splitMonitor(monitor);
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: r.monitor.nationalLead }, ...exampleNote(monitor.containsExampleFigures)];
  if (national.length === 0) blocks.push({ kind: 'paragraph', text: r.monitor.noIndicators });
  for (const indicator of national) blocks.push(...indicatorBlocks(indicator, monitor, false));
  return { ...part, blocks };
}

function qualityPart(content: YearReportContent): ReportPart {
  const blocks = narrativeBlocks(content.narratives.quality);
  const certified = content.monitor?.indicators.find((i) => i.code === CERTIFICATION_INDICATOR);
  if (certified) blocks.push({ kind: 'table', table: indicatorTable(certified, content.monitor!.year, content.monitor!.baselineYear) });
  return { id: 'kwaliteit', heading: r.parts.quality, blocks, narrative: 'quality' };
}

// ---------------------------------------------------------------------------------------
// Money

const MONEY_COLUMNS = [
  ['receivedCents', r.finance.received],
  ['allocatedCents', r.finance.allocated],
  ['committedCents', r.finance.committed],
  ['spentCents', r.finance.spent],
  ['leftCents', r.finance.left],
  ['carryOverCents', r.finance.carryOver],
  ['repaymentCents', r.finance.repayment],
] as const;

function moneyRow(header: string, row: Omit<FinanceStreamRow, 'name'>): ChartTableRow {
  return { header, cells: MONEY_COLUMNS.map(([key]) => ({ text: formatMoney(row[key]), numeric: true })) };
}

function financeBlocks(finance: FinanceYearSection): ReportBlock[] {
  const blocks: ReportBlock[] = [...exampleNote(finance.containsExampleFigures)];
  if (finance.warnings.length > 0) blocks.push({ kind: 'paragraph', label: r.finance.warnings, text: finance.warnings.join(' ') });
  blocks.push({
    kind: 'chart',
    chart: barChart(
      {
        id: `jaarrapportage-${finance.year}-geld`,
        title: r.finance.chartTitle(finance.year),
        categoryHeader: r.finance.stream,
        valueFormat: 'money',
        series: [
          { key: 'received', label: r.finance.received },
          { key: 'spent', label: r.finance.spent },
        ],
        categories: finance.streams.map((s, i) => ({
          key: String(i),
          label: s.name,
          values: { received: s.receivedCents, spent: s.spentCents },
        })),
      },
      { width: CHART_WIDTH },
    ),
  });
  blocks.push({
    kind: 'table',
    table: {
      caption: r.finance.streamsCaption(finance.year),
      columns: [{ label: r.finance.stream, numeric: false }, ...MONEY_COLUMNS.map(([, label]) => ({ label, numeric: true }))],
      rows: finance.streams.map((s) => moneyRow(s.name, s)),
      footer: moneyRow(r.finance.total, finance.totals),
    },
  });
  if (finance.perMunicipality.length > 0)
    blocks.push({
      kind: 'table',
      table: {
        caption: r.finance.municipalitiesCaption(finance.year),
        columns: [
          { label: r.finance.municipality, numeric: false },
          { label: r.finance.allocated, numeric: true },
          { label: r.finance.spent, numeric: true },
        ],
        rows: finance.perMunicipality.map((m) => ({
          header: m.name,
          cells: [
            { text: formatMoney(m.allocatedCents), numeric: true },
            { text: formatMoney(m.spentCents), numeric: true },
          ],
        })),
      },
    });
  if (finance.perGoal.length > 0)
    blocks.push({
      kind: 'table',
      table: {
        caption: r.finance.goalsCaption(finance.year),
        columns: [
          { label: r.progress.goal, numeric: false },
          { label: r.finance.allocated, numeric: true },
          { label: r.finance.spent, numeric: true },
        ],
        rows: finance.perGoal.map((g) => ({
          header: `${g.code} ${g.title}`,
          cells: [
            { text: formatMoney(g.allocatedCents), numeric: true },
            { text: formatMoney(g.spentCents), numeric: true },
          ],
        })),
      },
    });
  return blocks;
}

// ---------------------------------------------------------------------------------------
// The whole report

function summaryPart(content: YearReportContent): ReportPart {
  const f = content.keyFigures;
  const labels = r.summary.figures;
  const blocks: ReportBlock[] = [
    {
      kind: 'list',
      items: [
        `${labels.actionsDone}: ${formatNumber(f.actionsDone)}`,
        `${labels.actionsLate}: ${formatNumber(f.actionsLate)}`,
        `${labels.actionsOpen}: ${formatNumber(f.actionsOpen)}`,
        `${labels.decisions}: ${formatNumber(f.decisions)}`,
        `${labels.progressReports}: ${formatNumber(f.progressReports)}`,
      ],
    },
  ];
  if (content.monitor) blocks.push({ kind: 'paragraph', text: r.summary.monitor(content.monitor.indicators.length) });
  if (content.finance) blocks.push({ kind: 'paragraph', text: financeSummary(content.finance) });
  blocks.push({ kind: 'chart', chart: barChart(keyFiguresChartSpec(content.year, f), { width: CHART_WIDTH }) });
  blocks.push(...narrativeBlocks(content.narratives.summary));
  return { id: 'samenvatting', heading: r.parts.summary, blocks, narrative: 'summary' };
}

function annexPart(content: YearReportContent): ReportPart {
  const items = (content.monitor?.indicators ?? []).map((i) =>
    r.annex.indicatorLine(i.code, i.name, i.source, r.annex.countedPer[i.countedPer], i.definition),
  );
  return {
    id: 'bijlage',
    heading: r.parts.annex,
    blocks: [
      { kind: 'paragraph', label: r.annex.progressSource, text: r.annex.progressSourceText },
      { kind: 'paragraph', label: r.annex.financeSource, text: r.annex.financeSourceText },
      { kind: 'heading', level: 3, text: r.annex.indicatorsHeading },
      items.length > 0 ? { kind: 'list', items } : { kind: 'paragraph', text: r.noFigures(content.year) },
    ],
  };
}

/** Every part of the report in the order of the agenda's chapter 3.3.c. */
export function yearReportParts(content: YearReportContent): ReportPart[] {
  return [
    summaryPart(content),
    progressPart(content),
    monitorPart(content),
    nationalMonitorPart(content),
    {
      id: 'landelijke-ontwikkelingen',
      heading: r.parts.national,
      blocks: narrativeBlocks(content.narratives.national),
      narrative: 'national',
    },
    qualityPart(content),
    { id: 'financien', heading: r.parts.finance, blocks: content.finance ? financeBlocks(content.finance) : noFigures(content.year) },
    { id: 'sturingsvragen', heading: r.parts.steering, blocks: narrativeBlocks(content.narratives.steering), narrative: 'steering' },
    annexPart(content),
  ];
}

/** "Concept, opgesteld op …" or "Vastgesteld op …, versie 2 (door …)". */
export function editionLine(edition: ReportEdition): string {
  if (edition.concept) return r.edition.concept(formatDay(edition.madeAt));
  return r.edition.adopted(edition.version, formatDay(edition.adoptedAt), edition.adoptedByName);
}

export function yearReportTitle(year: number, edition: ReportEdition): string {
  return edition.concept ? r.document.conceptTitle(year) : r.document.title(year);
}

/** The whole report as one document for the .docx and the PDF. */
export function yearReportDocument(content: YearReportContent, edition: ReportEdition): ReportDocument {
  const title = yearReportTitle(content.year, edition);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', label: r.edition.label, text: editionLine(edition) },
  ];
  if (edition.isExample) blocks.push({ kind: 'paragraph', label: r.example, text: r.exampleNote });
  for (const part of yearReportParts(content)) blocks.push({ kind: 'heading', level: 2, text: part.heading }, ...part.blocks);
  return { title, subject: r.document.subject, author: t.minutes.document.author, blocks, chartPngScale: CHART_PNG_SCALE };
}
