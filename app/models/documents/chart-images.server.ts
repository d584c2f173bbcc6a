/**
 * Charts in documents: the same Chart the pages draw (app/models/charts), as an SVG file,
 * a PNG, a picture in a .docx and a vector drawing in a tagged PDF — each with its text
 * alternative, and with the figures as a real table beside it (the standard for charts in
 * Koers: they print and go into .docx/PDF without losing their figures).
 *
 * Build a chart for a document a little wider than for a page (`{ width: 560 }`), so its
 * text sits at about 10 pt on A4.
 */
import { AlignmentType, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import SVGtoPDF from 'svg-to-pdfkit';

import { type Chart, chartSvg, type ChartTable, type ChartTableRow } from '../charts/chart';
import { toSvgString } from '../charts/svg';
import { notoSans } from './fonts.server';
import { prepareSvgPngs, renderSvgToPng } from './svg-png.server';

/** The chart as a stand-alone SVG file: title and description inside, sized in pixels. */
export function chartSvgString(chart: Chart): string {
  return toSvgString(chartSvg(chart, { forDocument: true }));
}

/**
 * The chart as a PNG, `scale` pixels per SVG unit (3 → about 290 dpi when one unit is
 * shown as one CSS pixel, sharp in print), text set in Noto Sans.
 */
export function chartPng(chart: Chart, options: { scale?: number } = {}): Buffer {
  return renderSvgToPng(chartSvgString(chart), chart.width * (options.scale ?? 3));
}

/** Draws the PNGs of these charts ahead, in parallel and off the JavaScript thread (see prepareSvgPngs). */
export function prepareChartPngs(charts: Chart[], options: { scale?: number } = {}): Promise<void> {
  return prepareSvgPngs(charts.map((chart) => ({ svg: chartSvgString(chart), width: chart.width * (options.scale ?? 3) })));
}

/** Word's size limit is far away; a chart wider than the text column of A4 (6.27 in at 96 px) is scaled down to it. */
const DOCX_MAX_WIDTH = 600;

/**
 * The chart as a picture for a .docx: the SVG, with a PNG for word processors that cannot
 * draw SVG, and the text alternative as the picture's alt text (Word's "Alternatieve tekst").
 */
export function chartImageRun(chart: Chart, options: { width?: number; pngScale?: number } = {}): ImageRun {
  const width = Math.min(options.width ?? chart.width, DOCX_MAX_WIDTH);
  const height = Math.round((chart.height * width) / chart.width);
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(chartSvgString(chart)),
    fallback: { type: 'png', data: chartPng(chart, { scale: options.pngScale }) },
    transformation: { width, height },
    altText: { name: chart.id, title: chart.title, description: chart.description },
  });
}

function docxCell(text: string, options: { header?: boolean; numeric?: boolean }) {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header })],
      }),
    ],
  });
}

function docxRow(row: ChartTableRow, bold = false) {
  return new TableRow({
    children: [
      docxCell(row.header, { header: true }),
      ...row.cells.map((cell) => docxCell(cell.text, { numeric: cell.numeric, header: bold })),
    ],
  });
}

/** The chart's figures as a Word table: a header row that repeats on every page, row headers in bold, numbers right-aligned. */
export function chartDocxTable(table: ChartTable): Table {
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map((column) => docxCell(column.label, { header: true, numeric: column.numeric })),
  });
  const rows = table.rows.map((row) => docxRow(row));
  if (table.footer) rows.push(docxRow(table.footer, true));
  return new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/**
 * A chart as a block of a .docx section: its title, the picture, its notes, then the
 * table with the same figures under its own caption.
 */
export function chartDocxBlocks(chart: Chart, options: { width?: number; pngScale?: number } = {}): (Paragraph | Table)[] {
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: chart.title, bold: true })] }),
    new Paragraph({ keepNext: true, children: [chartImageRun(chart, options)] }),
    ...chart.notes.map((note) => new Paragraph({ children: [new TextRun({ text: note, italics: true })] })),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: chart.table.caption, bold: true })] }),
    chartDocxTable(chart.table),
  ];
}

type Structure = PDFKit.PDFStructureElement;
/** pdfkit reads these structure options; its type definitions list only some of them. */
type StructureOptions = PDFKit.Mixins.StructureElementOptions & {
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
  scope?: 'Row' | 'Column';
};

export type PdfFonts = { regular: string; bold: string };

/**
 * Registers Noto Sans with a PDF document for charts, under names of its own, and returns
 * them. A document that already has Noto Sans registered can pass its own names instead.
 */
export function registerChartFonts(doc: PDFKit.PDFDocument): PdfFonts {
  const fonts = notoSans();
  doc.registerFont('chart-regular', fonts.regular);
  doc.registerFont('chart-bold', fonts.bold);
  return { regular: 'chart-regular', bold: 'chart-bold' };
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * Draws the chart as vector graphics at the current position, inside a Figure structure
 * element whose Alt is the text alternative (and a bounding box, as PDF/UA asks), preceded
 * by its title as a paragraph. `fonts` are the names of fonts registered with the document
 * (Noto Sans regular and bold, see minutes-pdf.server.ts) so no standard font is used.
 */
export function drawChartInPdf(
  doc: PDFKit.PDFDocument,
  parent: Structure,
  chart: Chart,
  options: { fonts: PdfFonts; width?: number; captionSize?: number },
) {
  const x = doc.page.margins.left;
  const available = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const width = Math.min(options.width ?? chart.width * 0.75, available);
  const height = (chart.height * width) / chart.width;
  const { fonts } = options;

  ensureRoom(doc, height + 30);
  parent.add(
    doc.struct('P', {}, () => {
      doc
        .font(fonts.bold)
        .fontSize(options.captionSize ?? 11)
        .text(chart.title, x, doc.y, { width: available });
    }),
  );
  doc.moveDown(0.3);

  const top = doc.y;
  const svg = chartSvg(chart, { forDocument: true });
  const unsized = { ...svg, attrs: { ...svg.attrs, width: undefined, height: undefined } };
  const figureOptions: StructureOptions = { alt: chart.description, bbox: [x, top, x + width, top + height], placement: 'Block' };
  parent.add(
    doc.struct('Figure', figureOptions, () => {
      SVGtoPDF(doc as unknown as Parameters<typeof SVGtoPDF>[0], toSvgString(unsized), x, top, {
        width,
        height,
        fontCallback: (_family, bold) => (bold ? fonts.bold : fonts.regular),
      });
    }),
  );
  doc.x = x;
  doc.y = top + height;
  doc.moveDown(0.5);
  for (const note of chart.notes) {
    parent.add(doc.struct('P', {}, () => doc.font(fonts.regular).fontSize(9).text(note, x, doc.y, { width: available })));
  }
  drawChartTableInPdf(doc, parent, chart.table, { fonts });
}

/**
 * The figures as a tagged table: Table → THead/TBody → TR → TH (with its scope) and TD,
 * drawn as a simple grid. A row that does not fit goes to the next page.
 */
export function drawChartTableInPdf(
  doc: PDFKit.PDFDocument,
  parent: Structure,
  table: ChartTable,
  options: { fonts: PdfFonts; size?: number },
) {
  const size = options.size ?? 9;
  const { fonts } = options;
  const left = doc.page.margins.left;
  const available = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const first = table.columns.length > 1 ? Math.max(available * 0.3, available - (table.columns.length - 1) * 70) : available;
  const rest = table.columns.length > 1 ? (available - first) / (table.columns.length - 1) : 0;
  const widths = table.columns.map((_, i) => (i === 0 ? first : rest));
  const pad = 3;

  doc.moveDown(0.5);
  ensureRoom(doc, size * 4);
  const element = doc.struct('Table');
  parent.add(element);
  element.add(
    doc.struct('Caption', {}, () =>
      doc
        .font(fonts.bold)
        .fontSize(size + 1)
        .text(table.caption, left, doc.y, { width: available }),
    ),
  );
  doc.moveDown(0.2);

  type Cell = { text: string; numeric: boolean; header: boolean; scope?: 'Row' | 'Column' };
  const drawRow = (group: Structure, cells: Cell[]) => {
    const heights = cells.map((cell, i) =>
      doc
        .font(cell.header ? fonts.bold : fonts.regular)
        .fontSize(size)
        .heightOfString(cell.text, { width: widths[i] - 2 * pad }),
    );
    const rowHeight = Math.max(...heights) + 2 * pad;
    ensureRoom(doc, rowHeight);
    const top = doc.y;
    const tr = doc.struct('TR');
    group.add(tr);
    let x = left;
    cells.forEach((cell, i) => {
      const cellOptions: StructureOptions = cell.scope ? { scope: cell.scope } : {};
      tr.add(
        doc.struct(cell.header ? 'TH' : 'TD', cellOptions, () => {
          doc
            .font(cell.header ? fonts.bold : fonts.regular)
            .fontSize(size)
            .text(cell.text, x + pad, top + pad, { width: widths[i] - 2 * pad, align: cell.numeric ? 'right' : 'left' });
        }),
      );
      x += widths[i];
    });
    tr.end();
    // The rule under the row is decoration, not content.
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(left, top + rowHeight)
      .lineTo(left + available, top + rowHeight)
      .lineWidth(0.5)
      .strokeColor('#767676')
      .stroke();
    doc.endMarkedContent();
    doc.x = left;
    doc.y = top + rowHeight;
  };

  const head = doc.struct('THead');
  element.add(head);
  drawRow(
    head,
    table.columns.map((column) => ({ text: column.label, numeric: column.numeric, header: true, scope: 'Column' })),
  );
  head.end();
  const body = doc.struct('TBody');
  element.add(body);
  for (const row of [...table.rows, ...(table.footer ? [table.footer] : [])]) {
    drawRow(body, [
      { text: row.header, numeric: false, header: true, scope: 'Row' },
      ...row.cells.map((cell) => ({ text: cell.text, numeric: cell.numeric, header: false })),
    ]);
  }
  body.end();
  element.end();
  doc.fillColor('#000000').strokeColor('#000000');
  doc.moveDown(0.5);
}
