/**
 * The Content-Disposition of every download (RFC 6266): `attachment`, a plain ASCII
 * `filename` for clients that know nothing else, and `filename*` with the exact name in
 * UTF-8, percent-encoded as RFC 8187 asks. Browsers prefer `filename*`.
 */
import { t } from '../i18n';

/** Printable ASCII only; `"` and `\` cannot stand in a quoted string, `%` some clients decode. */
function asciiFilename(name: string): string {
  return (
    name
      .normalize('NFKD') // "ö" becomes "o" plus a combining mark, which the next line drops
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '_')
      .trim() || t.library.fileNameFallback
  );
}

/** RFC 8187 value-chars: everything but ALPHA, DIGIT and !#$&+-.^_`|~ percent-encoded as UTF-8. */
function encodeRfc8187(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` for a file called `filename`. The
 * ASCII name is derived from `asciiFallback` when the caller has a better one (the
 * minutes use a slug without accents), else from the name itself.
 */
export function contentDisposition(filename: string, asciiFallback: string = filename): string {
  return `attachment; filename="${asciiFilename(asciiFallback)}"; filename*=UTF-8''${encodeRfc8187(filename)}`;
}
