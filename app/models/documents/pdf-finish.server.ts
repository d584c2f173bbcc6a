/**
 * The last steps every tagged PDF of Koers shares (the minutes, the period balance): page
 * numbers on every page, marked as pagination artifacts so screen readers skip them, then
 * the structure tree closed and the file collected.
 */

/** Ends the document `root` belongs to and resolves with its bytes; the page numbers use the font registered as `font`. */
export function finishTaggedPdf(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, font = 'regular'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    root.end();
    addPageNumbers(doc, font);
    doc.end();
  });
}

function addPageNumbers(doc: PDFKit.PDFDocument, font: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not add a page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(font)
      .fontSize(9)
      .text(`${i + 1} / ${range.count}`, left, doc.page.height - bottom / 2 - 4, {
        width: doc.page.width - left - right,
        align: 'right',
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
