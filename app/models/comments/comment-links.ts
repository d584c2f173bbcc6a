import { safeUrl, withWebScheme } from '../library/library-rules';

export type TextPiece = { text: string; href: string | null };

/** http(s) addresses and www. addresses in running text. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than the address ("zie www.x.nl." or "(www.x.nl)"). */
const TRAILING = /[.,;:!?'")\]]+$/;

/**
 * Splits comment text into plain pieces and web addresses, so addresses can be links.
 * Only addresses safeUrl accepts (http, https) become links; www. gets https://.
 */
export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = match[0].replace(TRAILING, '');
    const href = safeUrl(withWebScheme(address));
    if (!href) continue;
    if (match.index > at) pieces.push({ text: text.slice(at, match.index), href: null });
    pieces.push({ text: address, href });
    at = match.index + address.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), href: null });
  return pieces;
}
