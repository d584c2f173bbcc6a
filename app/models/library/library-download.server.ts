/**
 * Serving stored library files. Uploads are never trusted to be what they say: every
 * download is an attachment (never shown inline), carries the type detected from the
 * content at upload, forbids the browser to sniff another type, and is sandboxed by
 * its Content-Security-Policy in case a browser renders it anyway.
 */
import fs from 'node:fs';

import { createReadableStreamFromReadable } from '@remix-run/node';

import { t } from '../../i18n';
import { storedFilePath } from './upload.server';

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 8187). */
export function contentDisposition(name: string): string {
  const fallback =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '_')
      .trim() || t.library.fileNameFallback;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function downloadHeaders(file: { originalName: string; mimeType: string; size: number }): Headers {
  return new Headers({
    'Content-Type': file.mimeType,
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(file.originalName),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, max-age=3600',
  });
}

/** The stored bytes as a stream, or null when the file is missing from the uploads folder. */
export async function openStoredFile(sha256: string): Promise<ReadableStream<Uint8Array> | null> {
  const path = storedFilePath(sha256);
  try {
    await fs.promises.access(path, fs.constants.R_OK);
  } catch {
    return null;
  }
  return createReadableStreamFromReadable(fs.createReadStream(path));
}
