/**
 * Escaping for markup Koers writes as text: the charts' SVG and tables, and the rows of
 * the action tables (components/tracker/action-rows-markup.ts). It escapes what React
 * escapes, the same way, so a row written as markup is the HTML React would have written.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** Text or an attribute value (always written between double quotes) as markup. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}
