/**
 * The text inside uploaded PDF and Word (.docx) files, for search. Bounded: at most
 * MAX_PAGES pages and MAX_TEXT characters; a file that cannot be read (corrupt, encrypted)
 * gives no text rather than an error, so it is still stored and downloadable.
 * Other types (OpenDocument, Excel, PowerPoint, images) are stored without text.
 */
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';

import type { UploadType } from '../../schemas/library';

export const MAX_EXTRACTED_TEXT = 200_000;
const MAX_PAGES = 300;

export async function extractUploadText(bytes: Uint8Array, mime: UploadType): Promise<string> {
  try {
    const text =
      mime === 'application/pdf'
        ? await pdfText(bytes)
        : mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          ? await docxText(bytes)
          : '';
    return tidy(text);
  } catch {
    return '';
  }
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
  try {
    const pages: string[] = [];
    let length = 0;
    for (let number = 1; number <= Math.min(pdf.numPages, MAX_PAGES) && length < MAX_EXTRACTED_TEXT; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
      pages.push(text);
      length += text.length;
      page.cleanup();
    }
    return pages.join('\n');
  } finally {
    await pdf.destroy();
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value;
}

/** Runs of spaces and blank lines collapsed, capped at MAX_EXTRACTED_TEXT characters. */
function tidy(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim()
    .slice(0, MAX_EXTRACTED_TEXT);
}
