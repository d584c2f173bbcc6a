/**
 * Where points go on an agenda, and whether it fits the meeting. Browser-safe and pure:
 * the agenda page uses it to show a move at once, the server to store it.
 *
 * A Dutch agenda opens with "Opening" and closes with "Rondvraag en sluiting". New points
 * go before that closing point; "Verslag vorige vergadering" goes right after the opening.
 */
import { t } from '../../i18n';

const words = t.meetings.agenda.placeWords;

function startsWithAny(title: string, prefixes: readonly string[]): boolean {
  const start = title.trim().toLocaleLowerCase('nl');
  return prefixes.some((prefix) => start.startsWith(prefix));
}

/** "Rondvraag", "Rondvraag en sluiting", "Sluiting". */
export function isClosingPoint(title: string): boolean {
  return startsWithAny(title, words.closing);
}

/** "Opening", "Opening en mededelingen". */
export function isOpeningPoint(title: string): boolean {
  return startsWithAny(title, words.opening);
}

/**
 * The index at which a new point goes into the agenda `titles` (in order): an ordinary
 * point before the closing point(s) at the end, the minutes of the previous meeting after
 * the opening point(s) at the start.
 */
export function insertionIndex(titles: readonly string[], kind: 'point' | 'minutes' = 'point'): number {
  if (kind === 'minutes') {
    let index = 0;
    while (index < titles.length && isOpeningPoint(titles[index])) index++;
    return index;
  }
  let index = titles.length;
  while (index > 0 && isClosingPoint(titles[index - 1])) index--;
  return index;
}

/** `ids` with `id` moved to `index` (clamped); unchanged when `id` is not in it. */
export function moveTo<T>(ids: readonly T[], id: T, index: number): T[] {
  const from = ids.indexOf(id);
  if (from === -1) return [...ids];
  const rest = ids.filter((x) => x !== id);
  const to = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, to), id, ...rest.slice(to)];
}

/** The planned minutes of an agenda and by how much they exceed the meeting (0 when they fit). */
export function agendaTime(points: readonly { durationMinutes: number | null }[], meetingMinutes: number) {
  const planned = points.reduce((sum, p) => sum + (p.durationMinutes ?? 0), 0);
  return { planned, over: Math.max(0, planned - meetingMinutes) };
}
