/**
 * A report as an accessible (tagged) PDF — the standard of the minutes' PDF
 * (minutes-pdf.server.ts) for documents made of headings, paragraphs, lists, charts and
 * tables (a period's balance): a structure tree (H1–H3, P, L/LI/Lbl/LBody, Figure with its
 * Alt, Table/THead/TBody/TR/TH/TD), the document language, the title in the viewer's
 * title bar, Noto Sans embedded, page numbers as artifacts.
 */
import PDFDocument from 'pdfkit';

import { t } from '../../i18n';
import type { Chart, ChartTable } from '../charts/chart';
import { drawChartInPdf, drawChartTableInPdf, type PdfFonts } from './chart-images.server';
import { notoSans } from './fonts.server';
import { finishTaggedPdf } from './pdf-finish.server';
import { printable } from './pdf-text';
import type { ReportBlock, ReportDocument } from './report';

const LANGUAGE = 'nl-NL';
const BODY_SIZE = 11;
const HEADING_SIZES = [20, 15, 12.5];
const LIST_INDENT = 18;
const FONTS: PdfFonts = { regular: 'regular', bold: 'bold' };

type Structure = PDFKit.PDFStructureElement;

class ReportPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: Structure;

  constructor(report: ReportDocument) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 64, right: 64 },
      pdfVersion: '1.7',
      tagged: true,
      lang: LANGUAGE,
      displayTitle: true,
      bufferPages: true,
      info: { Title: printable(report.title), Author: report.author, Subject: report.subject, Creator: t.common.appName },
    });
    const fonts = notoSans();
    this.doc.registerFont(FONTS.regular, fonts.regular);
    this.doc.registerFont(FONTS.bold, fonts.bold);
    this.doc.font(FONTS.regular);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  private get left() {
    return this.doc.page.margins.left;
  }

  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private ensureRoom(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  heading(level: 1 | 2 | 3, text: string) {
    const size = HEADING_SIZES[level - 1];
    this.doc.moveDown(level === 1 ? 0 : 0.8);
    // Keep a heading with at least two lines of what follows it.
    this.ensureRoom(size * 1.2 + BODY_SIZE * 3);
    this.root.add(
      this.doc.struct(`H${level}`, {}, () => {
        this.doc.font(FONTS.bold).fontSize(size).text(printable(text), this.left, this.doc.y, { width: this.width });
      }),
    );
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, label?: string) {
    const doc = this.doc;
    this.root.add(
      doc.struct('P', {}, () => {
        doc.fontSize(BODY_SIZE);
        if (label) {
          doc.font(FONTS.bold).text(`${printable(label)}: `, this.left, doc.y, { width: this.width, continued: true });
          doc.font(FONTS.regular).text(printable(text));
        } else {
          doc.font(FONTS.regular).text(printable(text), this.left, doc.y, { width: this.width });
        }
      }),
    );
    doc.moveDown(0.4);
  }

  /** A bulleted list: L, with per item LI → Lbl (the bullet) and LBody (its text). */
  list(items: string[]) {
    const doc = this.doc;
    const list = doc.struct('L');
    this.root.add(list);
    for (const item of items) {
      this.ensureRoom(BODY_SIZE * 2.5);
      const li = doc.struct('LI');
      list.add(li);
      const y = doc.y;
      li.add(
        doc.struct('Lbl', {}, () => {
          doc.font(FONTS.regular).fontSize(BODY_SIZE).text('•', this.left, y, { width: LIST_INDENT, lineBreak: false });
        }),
      );
      doc.y = y;
      li.add(
        doc.struct('LBody', {}, () => {
          doc
            .font(FONTS.regular)
            .fontSize(BODY_SIZE)
            .text(printable(item), this.left + LIST_INDENT, y, { width: this.width - LIST_INDENT });
        }),
      );
      li.end();
    }
    list.end();
    doc.moveDown(0.4);
  }

  chart(chart: Chart) {
    drawChartInPdf(this.doc, this.root, chart, { fonts: FONTS, width: this.width });
    this.doc.x = this.left;
  }

  table(table: ChartTable) {
    const printableTable: ChartTable = {
      caption: printable(table.caption),
      columns: table.columns.map((c) => ({ ...c, label: printable(c.label) })),
      rows: table.rows.map((row) => ({
        header: printable(row.header),
        cells: row.cells.map((cell) => ({ ...cell, text: printable(cell.text) })),
      })),
    };
    drawChartTableInPdf(this.doc, this.root, printableTable, { fonts: FONTS, size: 9.5 });
    this.doc.x = this.left;
  }

  block(block: ReportBlock) {
    switch (block.kind) {
      case 'heading':
        return this.heading(block.level, block.text);
      case 'paragraph':
        return this.paragraph(block.text, block.label);
      case 'list':
        return this.list(block.items);
      case 'chart':
        return this.chart(block.chart);
      case 'table':
        return this.table(block.table);
    }
  }

  finish(): Promise<Buffer> {
    return finishTaggedPdf(this.doc, this.root, FONTS.regular);
  }
}

export function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const pdf = new ReportPdf(report);
  for (const block of report.blocks) pdf.block(block);
  return pdf.finish();
}
