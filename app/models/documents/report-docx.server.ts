/**
 * A report (report.ts) as a Word document: real heading styles (Word's navigation pane
 * and screen readers see the structure), real bulleted lists, tables with a header row
 * that repeats on every page, charts as pictures with their alternative text, Dutch as
 * the document language and the title in the document properties.
 */
import { Document, HeadingLevel, Packer, Paragraph, type Table, TextRun } from 'docx';

import { chartDocxBlocks, chartDocxTable, prepareChartPngs } from './chart-images.server';
import type { ReportBlock, ReportDocument } from './report';

const LANGUAGE = 'nl-NL';
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function blockContent(block: ReportBlock, pngScale: number | undefined): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          children: block.label
            ? [new TextRun({ text: `${block.label}: `, bold: true }), new TextRun(block.text)]
            : [new TextRun(block.text)],
        }),
      ];
    case 'list':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'chart':
      return chartDocxBlocks(block.chart, { pngScale });
    case 'table':
      return [
        new Paragraph({ keepNext: true, children: [new TextRun({ text: block.table.caption, bold: true })] }),
        chartDocxTable(block.table),
        new Paragraph(''),
      ];
  }
}

export async function renderReportDocx(report: ReportDocument): Promise<Buffer> {
  const charts = report.blocks.flatMap((block) => (block.kind === 'chart' ? [block.chart] : []));
  await prepareChartPngs(charts, { scale: report.chartPngScale });
  const document = new Document({
    title: report.title,
    subject: report.subject,
    creator: report.author,
    styles: { default: { document: { run: { language: { value: LANGUAGE } } } } },
    sections: [{ children: report.blocks.flatMap((block) => blockContent(block, report.chartPngScale)) }],
  });
  return Packer.toBuffer(document);
}
