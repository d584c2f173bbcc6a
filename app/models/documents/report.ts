/**
 * A report for the aldermen (a period's balance) as data: headings, paragraphs, lists,
 * charts and tables, in reading order. The .docx (report-docx.server.ts) and the tagged
 * PDF (report-pdf.server.ts) render the same blocks, so both say the same thing.
 * Browser-safe.
 */
import type { Chart, ChartTable } from '../charts/chart';

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A paragraph, optionally led by a bold label ("Status: Afgesloten"). */
  | { kind: 'paragraph'; text: string; label?: string }
  | { kind: 'list'; items: string[] }
  /** A chart with its title, text alternative, notes and the table of its figures. */
  | { kind: 'chart'; chart: Chart }
  /** A table whose first column holds the row headers. */
  | { kind: 'table'; table: ChartTable };

export type ReportDocument = {
  /** Document title (properties, the viewer's title bar). */
  title: string;
  subject: string;
  author: string;
  blocks: ReportBlock[];
  /**
   * Pixels per SVG unit of the .docx's PNG fallback pictures (default 3, sharp in print).
   * A report with dozens of charts (the yearly report) takes less, to stay quick to make.
   */
  chartPngScale?: number;
};
