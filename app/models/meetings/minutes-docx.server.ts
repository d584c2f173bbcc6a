/**
 * A published version of the minutes as a Word document: real heading styles (so Word's
 * navigation pane and screen readers see the structure), real bullet and numbered lists,
 * Dutch as the document language, and the title in the document properties.
 */
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, type ParagraphChild, TextRun } from 'docx';

import { t } from '../../i18n';
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
const NUMBERED = 'minutes-numbered';
const MAX_LIST_LEVEL = 8;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function heading(level: number, children: ParagraphChild[] | string) {
  return new Paragraph({
    heading: HEADINGS[Math.min(Math.max(level, 1), HEADINGS.length) - 1],
    children: typeof children === 'string' ? [new TextRun(children)] : children,
  });
}

function textRuns(runs: Run[]): ParagraphChild[] {
  return runs.map((run) =>
    'text' in run ? new TextRun({ text: run.text, bold: run.bold, italics: run.italic }) : new TextRun({ break: 1 }),
  );
}

type ListContext = { level: number; ordered: boolean; instance: number } | null;

/** Counts the document's numbered lists: each one starts at 1 again. */
class ListCounter {
  private next = 0;
  take(): number {
    return ++this.next;
  }
}

function blockParagraphs(blocks: Block[], list: ListContext, counter: ListCounter): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let first = true;
  // Only the first paragraph of a list item carries its bullet or number; the rest are indented with it.
  const listProps = () => {
    if (!list) return {};
    const marker = first
      ? list.ordered
        ? { numbering: { reference: NUMBERED, level: list.level, instance: list.instance } }
        : { bullet: { level: list.level } }
      : { indent: { left: 720 * (list.level + 1) } };
    first = false;
    return marker;
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        paragraphs.push(heading(notesHeadingLevel(block.depth), textRuns(block.runs)));
        break;
      case 'paragraph':
        paragraphs.push(new Paragraph({ children: textRuns(block.runs), ...listProps() }));
        break;
      case 'actionItem':
      case 'decision':
        paragraphs.push(new Paragraph({ children: [new TextRun(block.text)], ...listProps() }));
        break;
      case 'list': {
        const level = list ? Math.min(list.level + 1, MAX_LIST_LEVEL) : 0;
        const instance = counter.take();
        for (const item of block.items) {
          paragraphs.push(...blockParagraphs(item, { level, ordered: block.ordered, instance }, counter));
        }
        first = false;
        break;
      }
    }
  }
  return paragraphs;
}

export async function renderMinutesDocx(minutes: RenderableMinutes): Promise<Buffer> {
  const front = minutesFrontMatter(minutes.doc, minutes);
  const attendees = attendeeSections(minutes.doc.attrs.attendees);
  const blocks = minutesBlocks(minutes.doc);

  const children: Paragraph[] = [
    heading(TITLE_LEVEL, front.title),
    ...front.meta.map(
      (line) => new Paragraph({ children: [new TextRun({ text: `${line.label}: `, bold: true }), new TextRun(line.value)] }),
    ),
    new Paragraph({ children: [new TextRun({ text: front.versionLine, italics: true })] }),
    heading(SECTION_LEVEL, t.minutes.attendees.heading),
  ];
  if (attendees.length === 0) children.push(new Paragraph(t.minutes.attendees.none));
  for (const group of attendees) {
    children.push(heading(SECTION_LEVEL + 1, group.heading));
    for (const name of group.names) children.push(new Paragraph({ text: name, bullet: { level: 0 } }));
  }
  children.push(heading(SECTION_LEVEL, t.minutes.notesHeading));
  children.push(...blockParagraphs(blocks, null, new ListCounter()));

  const document = new Document({
    title: front.title,
    subject: front.subject,
    creator: t.minutes.document.author,
    description: front.versionLine,
    styles: { default: { document: { run: { language: { value: LANGUAGE } } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
