/**
 * Mentions in comment text, browser-safe: the server resolves them to people, the
 * comment renders them highlighted, the comment field suggests names as you type.
 *
 * A mention is `@` followed by a person's full name exactly as Koers knows it
 * (case-insensitive), not glued to a preceding letter or digit (so e-mail addresses
 * are not mentions) and not followed by one. Where names overlap ("Jan" and
 * "Jan de Boer"), the longest name wins. See docs/decisions/010-mentions-notifications.md.
 */
export type MentionMatch = { start: number; end: number; name: string };
export type MentionSegment = { text: string; mention: boolean };

const WORD_CHAR = /[\p{L}\p{N}]/u;

const isBoundary = (ch: string | undefined) => ch === undefined || !WORD_CHAR.test(ch);

type Candidate = { name: string; lower: string };

// A page looks for mentions in every comment against one list of names: the sorted
// candidates are made once per list (for an action's threads, once instead of per comment).
const candidatesOf = new WeakMap<readonly string[], readonly Candidate[]>();

function candidatesFor(names: readonly string[]): readonly Candidate[] {
  let candidates = candidatesOf.get(names);
  if (!candidates) {
    candidates = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))]
      .sort((a, b) => b.length - a.length)
      .map((name) => ({ name, lower: name.toLowerCase() }));
    candidatesOf.set(names, candidates);
  }
  return candidates;
}

/** Every mention of one of `names` in `body`, in order; `name` is spelled as in `names`. */
export function findMentions(body: string, names: readonly string[]): MentionMatch[] {
  if (!body.includes('@')) return [];
  const candidates = candidatesFor(names);
  const found: MentionMatch[] = [];
  let from = 0;
  for (;;) {
    const at = body.indexOf('@', from);
    if (at === -1) break;
    from = at + 1;
    if (!isBoundary(body[at - 1])) continue;
    for (const { name, lower } of candidates) {
      const end = at + 1 + name.length;
      if (body.slice(at + 1, end).toLowerCase() === lower && isBoundary(body[end])) {
        found.push({ start: at, end, name });
        from = end;
        break;
      }
    }
  }
  return found;
}

/** The distinct names mentioned in `body`. */
export function mentionedNames(body: string, names: readonly string[]): string[] {
  return [...new Set(findMentions(body, names).map((m) => m.name))];
}

/** `body` cut into plain text and mentions (with their `@`), for rendering. */
export function splitMentions(body: string, names: readonly string[]): MentionSegment[] {
  const segments: MentionSegment[] = [];
  let last = 0;
  for (const m of findMentions(body, names)) {
    if (m.start > last) segments.push({ text: body.slice(last, m.start), mention: false });
    segments.push({ text: body.slice(m.start, m.end), mention: true });
    last = m.end;
  }
  if (last < body.length || segments.length === 0) segments.push({ text: body.slice(last), mention: false });
  return segments;
}

/** Longest text after `@` that still counts as a name being typed (names have a few words). */
const MAX_QUERY = 40;

/**
 * The mention being typed at the caret, if any: where its `@` is and what follows it.
 * `@` must start a word; the query may hold spaces (full names do) but no line break.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1 || !isBoundary(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_QUERY || /[\n\r@]/.test(query) || query.startsWith(' ') || /\s{2}/.test(query)) return null;
  return { start: at, query };
}

/** Case and accents ignored: "bakker" finds "Bákker". */
export function foldForMatch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Does a person's name match what was typed after `@`: the whole name or one of its words starts with it. */
export function nameMatchesQuery(name: string, query: string): boolean {
  const q = foldForMatch(query.trim());
  if (q === '') return true;
  const n = foldForMatch(name);
  if (n.startsWith(q)) return true;
  return n.split(/\s+/).some((_, i, words) => words.slice(i).join(' ').startsWith(q));
}
