/**
 * A published version of the minutes as an accessible PDF (tagged PDF): a structure tree
 * with H1–H6, P and L/LI/Lbl/LBody around all content, Dutch as the document language,
 * and the title shown in the viewer's title bar. Page furniture (page numbers) is marked
 * as an artifact so screen readers skip it.
 *
 * Text is set in Noto Sans, embedded in the file as PDF/UA asks (a viewer never
 * substitutes another font), which has every letter of the European languages — a name
 * like Łukasz Wróbel or Şükrü Yılmaz comes out as written and extracts as written —
 * as well as Greek and Cyrillic. Characters outside those scripts (emoji, other
 * scripts) are reduced to their base letter, or '?'.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

import PDFDocument from 'pdfkit';

import { t } from '../../i18n';
import { finishTaggedPdf } from '../documents/pdf-finish.server';
import { printable } from '../documents/pdf-text';
import {
  attendeeSections,
  type Block,
  minutesBlocks,
  minutesFrontMatter,
  notesHeadingLevel,
  type RenderableMinutes,
  type Run,
  SECTION_LEVEL,
  TITLE_LEVEL,
} from './minutes-content';

const LANGUAGE = 'nl-NL';
const BODY_SIZE = 11;
const HEADING_SIZES = [20, 15, 13, 12, 11, 11];
const LIST_INDENT = 18;

type Structure = PDFKit.PDFStructureElement;

/** The four faces, as registered with each document (files of the @expo-google-fonts/noto-sans package). */
const FONT_FILES = {
  regular: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
} as const;
type Face = keyof typeof FONT_FILES;

let fontData: Record<Face, Buffer> | null = null;
/** Read once per process (2 MB); pdfkit embeds only the glyphs a document uses. */
function fonts(): Record<Face, Buffer> {
  if (!fontData) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => fs.readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${file}`));
    fontData = {
      regular: read(FONT_FILES.regular),
      bold: read(FONT_FILES.bold),
      italic: read(FONT_FILES.italic),
      boldItalic: read(FONT_FILES.boldItalic),
    };
  }
  return fontData;
}

function fontOf(run: { bold: boolean; italic: boolean }): Face {
  if (run.bold && run.italic) return 'boldItalic';
  if (run.bold) return 'bold';
  if (run.italic) return 'italic';
  return 'regular';
}

/** Lines of styled runs: a hard break starts a new line. Empty lines are kept (as spaces) so the spacing stays. */
function lines(runs: Run[]): { text: string; bold: boolean; italic: boolean }[][] {
  const result: { text: string; bold: boolean; italic: boolean }[][] = [[]];
  for (const run of runs) {
    if ('lineBreak' in run) result.push([]);
    else if (run.text !== '') result[result.length - 1].push({ ...run, text: printable(run.text) });
  }
  return result.map((line) => (line.length > 0 ? line : [{ text: ' ', bold: false, italic: false }]));
}

function isBlank(runs: Run[]): boolean {
  return !runs.some((r) => 'text' in r && r.text.trim() !== '');
}

class MinutesPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly root: Structure;

  constructor(title: string, subject: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 64, right: 64 },
      pdfVersion: '1.7',
      tagged: true,
      lang: LANGUAGE,
      displayTitle: true,
      bufferPages: true,
      info: { Title: printable(title), Author: t.minutes.document.author, Subject: subject, Creator: t.common.appName },
    });
    for (const [face, data] of Object.entries(fonts())) this.doc.registerFont(face, data);
    this.doc.font('regular');
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Runs set one after another in one text flow, switching fonts for bold and italic. */
  private writeRuns(runs: Run[], x: number, width: number, size: number, baseBold = false) {
    const doc = this.doc;
    doc.fontSize(size);
    for (const line of lines(runs)) {
      line.forEach((run, i) => {
        doc.font(fontOf({ bold: run.bold || baseBold, italic: run.italic }));
        const options = { width, continued: i < line.length - 1 };
        if (i === 0) doc.text(run.text, x, doc.y, options);
        else doc.text(run.text, options);
      });
    }
  }

  heading(level: number, runs: Run[] | string, parent: Structure = this.root) {
    const content = typeof runs === 'string' ? [{ text: runs, bold: false, italic: false }] : runs;
    const size = HEADING_SIZES[Math.min(level, HEADING_SIZES.length) - 1];
    this.doc.moveDown(level <= SECTION_LEVEL ? 0.8 : 0.5);
    // Keep a heading with at least two lines of what follows it.
    if (this.doc.y + size * 1.2 + BODY_SIZE * 3 > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
    const x = this.doc.page.margins.left;
    parent.add(this.doc.struct(`H${Math.min(level, 6)}`, {}, () => this.writeRuns(content, x, this.width, size, true)));
    this.doc.moveDown(0.3);
  }

  paragraph(runs: Run[], parent: Structure = this.root, indent = 0) {
    if (isBlank(runs)) {
      this.doc.moveDown(0.5);
      return;
    }
    const x = this.doc.page.margins.left + indent;
    parent.add(this.doc.struct('P', {}, () => this.writeRuns(runs, x, this.width - indent, BODY_SIZE)));
    this.doc.moveDown(0.4);
  }

  /** A list: L, with per item LI → Lbl (the bullet or number) and LBody (the item's blocks). */
  list(ordered: boolean, items: Block[][], parent: Structure = this.root, indent = 0) {
    const list = this.doc.struct('L');
    parent.add(list);
    items.forEach((item, i) => {
      const doc = this.doc;
      if (doc.y + BODY_SIZE * 2.5 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const li = doc.struct('LI');
      list.add(li);
      const y = doc.y;
      const x = doc.page.margins.left + indent;
      li.add(
        doc.struct('Lbl', {}, () => {
          doc
            .font('regular')
            .fontSize(BODY_SIZE)
            .text(ordered ? `${i + 1}.` : '•', x, y, { width: LIST_INDENT, lineBreak: false });
        }),
      );
      doc.y = y;
      const body = doc.struct('LBody');
      li.add(body);
      this.blocks(item, body, indent + LIST_INDENT);
      body.end();
      li.end();
    });
    list.end();
    this.doc.moveDown(0.2);
  }

  blocks(blocks: Block[], parent: Structure = this.root, indent = 0) {
    for (const block of blocks) {
      switch (block.kind) {
        case 'heading':
          this.heading(notesHeadingLevel(block.depth), block.runs, parent);
          break;
        case 'paragraph':
          this.paragraph(block.runs, parent, indent);
          break;
        case 'actionItem':
        case 'decision':
          this.paragraph([{ text: block.text, bold: false, italic: false }], parent, indent);
          break;
        case 'list':
          this.list(block.ordered, block.items, parent, indent);
          break;
      }
    }
  }

  finish(): Promise<Buffer> {
    return finishTaggedPdf(this.doc, this.root);
  }
}

export function renderMinutesPdf(minutes: RenderableMinutes): Promise<Buffer> {
  const front = minutesFrontMatter(minutes.doc, minutes);
  const pdf = new MinutesPdf(front.title, front.subject);
  pdf.heading(TITLE_LEVEL, front.title);
  for (const line of front.meta) {
    pdf.paragraph([
      { text: `${line.label}: `, bold: true, italic: false },
      { text: line.value, bold: false, italic: false },
    ]);
  }
  pdf.paragraph([{ text: front.versionLine, bold: false, italic: true }]);

  pdf.heading(SECTION_LEVEL, t.minutes.attendees.heading);
  const attendees = attendeeSections(minutes.doc.attrs.attendees);
  if (attendees.length === 0) pdf.paragraph([{ text: t.minutes.attendees.none, bold: false, italic: false }]);
  for (const group of attendees) {
    pdf.heading(SECTION_LEVEL + 1, group.heading);
    pdf.list(
      false,
      group.names.map((name) => [{ kind: 'paragraph', runs: [{ text: name, bold: false, italic: false }] }]),
    );
  }

  pdf.heading(SECTION_LEVEL, t.minutes.notesHeading);
  pdf.blocks(minutesBlocks(minutes.doc));
  return pdf.finish();
}
