/**
 * The markers FTS5's highlight() and snippet() put around a match, and their reading
 * on the page. Private-use characters, so no ordinary text contains them; the page
 * splits on them and renders <mark> elements, never HTML from the database.
 * Browser-safe (the results page and the suggestions use it).
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

export type MarkedPart = { text: string; marked: boolean };

/** "a␂b␃c" → [{a}, {b, marked}, {c}]; stray or unbalanced markers are dropped. */
export function splitMarked(value: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let marked = false;
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ text, marked });
    text = '';
  };
  for (const char of value) {
    if (char === MARK_START) {
      flush();
      marked = true;
    } else if (char === MARK_END) {
      flush();
      marked = false;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

/** The text without markers (for labels and titles). */
export function stripMarks(value: string): string {
  return value.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
}
