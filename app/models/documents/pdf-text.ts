/**
 * Text for PDFs set in Noto Sans (see minutes-pdf.server.ts): the scripts the font covers,
 * and the reduction of anything else to its base letter or '?', so a PDF never shows an
 * empty box and its text extracts as written. Browser-safe (no server imports).
 */

/** Unicode blocks Noto Sans covers: Latin (with Latin-1, Extended-A/B, IPA, Extended Additional), Greek, Cyrillic, punctuation, currency. */
const COVERED: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x36f],
  [0x370, 0x52f],
  [0x1e00, 0x1fff],
  [0x2010, 0x205e],
  [0x20a0, 0x20c0],
];

function isCovered(code: number): boolean {
  return COVERED.some(([from, to]) => code >= from && code <= to);
}

/** The text with a tab as a space and every character outside the font reduced to its base letter, or '?'. */
export function printable(text: string): string {
  return [...text]
    .map((ch) => {
      if (ch === '\t') return ' ';
      if (isCovered(ch.codePointAt(0)!)) return ch;
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      return base !== ch && [...base].every((c) => isCovered(c.codePointAt(0)!)) ? base : '?';
    })
    .join('');
}
