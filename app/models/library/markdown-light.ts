/**
 * The grammar of the "Markdown-light" text of a good practice in the library, written
 * once: the page renders it as React elements (app/components/library/library-markdown.tsx),
 * search shows it as plain text in its snippets. Browser-safe.
 */

/** "# Kop", "## Kop" (h2) and "### Kop" (h3); group 1 the marks, group 2 the text. */
export const HEADING_LINE = /^(#{1,3})\s+(.+)$/;
/** "- punt" or "* punt"; group 1 the text. */
export const BULLET_LINE = /^[-*]\s+(.+)$/;
/** "1. punt" or "1) punt"; group 1 the text. */
export const NUMBERED_LINE = /^\d{1,3}[.)]\s+(.+)$/;
/** **vet** (group 1) or [tekst](adres) (groups 2 and 3). */
export const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/**
 * The text as a reader sees it, without the marks: line marks of headings and lists go,
 * **vet** keeps its words, a link keeps its text. Also for pieces cut out of the middle
 * (search snippets), where a mark may have lost its other half.
 */
export function markdownLightToText(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw) => {
      const line = raw.trim();
      const block = HEADING_LINE.exec(line)?.[2] ?? BULLET_LINE.exec(line)?.[1] ?? NUMBERED_LINE.exec(line)?.[1] ?? line;
      return block
        .replace(INLINE, (_match, bold: string | undefined, linkText: string | undefined) => bold ?? linkText ?? '')
        .replace(/\*\*/g, '') // half of a bold pair
        .replace(/\]\([^)\s]*\)?/g, '') // the address of a link whose text was cut off
        .replace(/\[(?=[^\]\s][^\]]*$)/, ''); // the opening of a link cut off before its "]"
    })
    .join('\n');
}
