/**
 * The balance ("eindbalans") of a period as a document for the aldermen: the same
 * figures and words as the page /periodes/<slug>, as report blocks that the .docx and
 * the tagged PDF render (app/models/documents/report*.ts).
 */
import { t } from '../../i18n';
import { formatDateTime, formatDay } from '../../utils/date-time';
import type { ChartTable } from '../charts/chart';
import { stackedBarChart } from '../charts/stacked-bar';
import type { ReportBlock, ReportDocument } from '../documents/report';
import { renderReportDocx } from '../documents/report-docx.server';
import { renderReportPdf } from '../documents/report-pdf.server';
import { balanceChartSpec, countsLine } from './balance';
import type { BalanceGoal, PeriodBalance } from './balance.server';

const p = t.periods;
const b = p.balance;

/** The heading of the balance: "Eindbalans" for a closed period, "Stand van de periode" while it runs. */
export function balanceHeading(status: PeriodBalance['period']['status']): string {
  return status === 'afgesloten' ? b.heading : b.runningHeading;
}

function goalTable(goal: BalanceGoal): ChartTable {
  return {
    caption: b.goalCaption(goal.code),
    columns: [
      { label: b.action, numeric: false },
      { label: b.outcome, numeric: false },
      { label: b.detail, numeric: false },
    ],
    rows: goal.actions.map((action) => ({
      header: action.municipalityName ? `${action.title} (${action.municipalityName})` : action.title,
      cells: [
        { text: b.outcomes[action.outcome], numeric: false },
        { text: action.carriedTo ? b.carriedTo(action.carriedTo.periodLabel) : (action.reason ?? ''), numeric: false },
      ],
    })),
  };
}

export function balanceReport(balance: PeriodBalance, options: { madeAt: string }): ReportDocument {
  const { period } = balance;
  const heading = balanceHeading(period.status);
  const title = p.document.title(heading, period.label);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: period.title },
  ];
  if (period.isExample) blocks.push({ kind: 'paragraph', label: p.example, text: p.exampleNote });
  blocks.push({ kind: 'paragraph', label: p.page.status, text: p.statuses[period.status] });
  if (period.adoptedAt) blocks.push({ kind: 'paragraph', label: p.page.adoptedAt, text: formatDay(period.adoptedAt) });
  if (period.closedAt) blocks.push({ kind: 'paragraph', label: p.page.closedAt, text: formatDay(period.closedAt) });
  blocks.push({ kind: 'paragraph', label: p.document.madeOn, text: formatDateTime(options.madeAt) });

  blocks.push(
    { kind: 'heading', level: 2, text: p.document.summaryHeading },
    { kind: 'paragraph', label: b.totals, text: countsLine(balance.totals) },
    { kind: 'chart', chart: stackedBarChart(balanceChartSpec(balance.chapters, period.label), { width: 560 }) },
  );

  for (const chapter of balance.chapters) {
    blocks.push(
      { kind: 'heading', level: 2, text: `${chapter.code} ${chapter.title}` },
      { kind: 'paragraph', label: b.chapterTotals, text: countsLine(chapter.counts) },
    );
    for (const goal of chapter.goals) {
      blocks.push({ kind: 'heading', level: 3, text: `${goal.code} ${goal.title}` });
      if (goal.actions.length === 0) {
        blocks.push({ kind: 'paragraph', text: b.noActions });
        continue;
      }
      blocks.push({ kind: 'paragraph', label: b.goalTotals, text: countsLine(goal.counts) }, { kind: 'table', table: goalTable(goal) });
    }
  }

  blocks.push(
    { kind: 'heading', level: 2, text: b.meetingsHeading },
    { kind: 'paragraph', text: `${b.meetingsCount(balance.meetings.length)}, ${b.decisionsCount(balance.decisionCount)}` },
  );
  if (balance.meetings.length === 0) blocks.push({ kind: 'paragraph', text: b.noMeetings });
  else blocks.push({ kind: 'list', items: balance.meetings.map((m) => b.meetingLine(m.title, formatDay(m.startsAt))) });

  blocks.push({ kind: 'heading', level: 2, text: b.decisionsHeading });
  if (balance.decisions.length === 0) blocks.push({ kind: 'paragraph', text: b.noDecisions });
  else
    blocks.push({
      kind: 'list',
      items: balance.decisions.map((d) => b.decisionLine(formatDay(d.meetingStartsAt), d.meetingTitle, d.text)),
    });

  blocks.push({ kind: 'heading', level: 2, text: b.accentsHeading });
  if (balance.accents.length === 0) blocks.push({ kind: 'paragraph', text: b.noAccents });
  else blocks.push({ kind: 'list', items: balance.accents.map((row) => b.accentsLine(row.municipalityName, row.n)) });

  return { title, subject: p.document.subject, author: t.minutes.document.author, blocks };
}

export function renderBalanceDocx(balance: PeriodBalance, options: { madeAt: string }): Promise<Buffer> {
  return renderReportDocx(balanceReport(balance, options));
}

export function renderBalancePdf(balance: PeriodBalance, options: { madeAt: string }): Promise<Buffer> {
  return renderReportPdf(balanceReport(balance, options));
}
