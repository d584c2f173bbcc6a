/** Text cut to at most `max` characters, ending in "…" when cut (long titles in a select or list). */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
