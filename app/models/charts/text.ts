/**
 * Text measurement without a browser: the layout must be computed the same on the
 * server, in the browser and for documents, before any font is loaded. Widths are
 * estimated from character classes of a humanist sans serif (Noto Sans, Segoe UI),
 * slightly generously, so a label never runs into its neighbour.
 */
const NARROW = new Set("iljtf.,:;'|!()[]{}/\\ ");
const WIDE = new Set('mwMW@%');

/** The estimated advance of one character, as a fraction of the font size. */
function charWidth(ch: string): number {
  if (NARROW.has(ch)) return 0.3;
  if (WIDE.has(ch)) return 0.88;
  if (ch >= '0' && ch <= '9') return 0.57;
  if (ch === '€') return 0.6;
  if (ch !== ch.toLowerCase()) return 0.66;
  return 0.54;
}

/**
 * Browsers draw the page's font (Segoe UI, or DejaVu Sans on a Linux desktop, which is
 * wider than Noto Sans): estimates keep this much room to spare.
 */
const SPARE = 1.08;

export function textWidth(text: string, fontSize: number, bold = false): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width * fontSize * (bold ? 1.06 : 1) * SPARE;
}

/** Cuts a word that is wider than a whole line into pieces that fit (rare: long Dutch compounds). */
function splitWord(word: string, maxWidth: number, fontSize: number, bold: boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && textWidth(`${piece}${ch}-`, fontSize, bold) > maxWidth) {
      pieces.push(`${piece}-`);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Words set into lines of at most `maxWidth`; with `maxLines`, the last line ends in "…"
 * when the text does not fit (the full text is in the table and the text alternative).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, options: { maxLines?: number; bold?: boolean } = {}): string[] {
  const { maxLines = Infinity, bold = false } = options;
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (textWidth(word, fontSize, bold) <= maxWidth) {
      line = word;
    } else {
      const pieces = splitWord(word, maxWidth, fontSize, bold);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 1 && textWidth(`${last}…`, fontSize, bold) > maxWidth) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** One line, shortened with "…" to fit. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  let shortened = text;
  while (shortened.length > 1 && textWidth(`${shortened}…`, fontSize, bold) > maxWidth) shortened = shortened.slice(0, -1).trimEnd();
  return `${shortened}…`;
}
