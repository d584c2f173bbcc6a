/** A yearly report (a concept as it stands, or an adopted version) as .docx and tagged PDF, from the same blocks as its page. */
import { renderReportDocx } from '../documents/report-docx.server';
import { renderReportPdf } from '../documents/report-pdf.server';
import type { YearReportContent } from './year-report';
import { type ReportEdition, yearReportDocument } from './year-report-blocks';

export function renderYearReportDocx(content: YearReportContent, edition: ReportEdition): Promise<Buffer> {
  return renderReportDocx(yearReportDocument(content, edition));
}

export function renderYearReportPdf(content: YearReportContent, edition: ReportEdition): Promise<Buffer> {
  return renderReportPdf(yearReportDocument(content, edition));
}
