/**
 * The HTTP side of the downloads: library files and published minutes. Both are saved
 * by the browser under a readable name (one contentDisposition for all downloads).
 */
import { type MinutesDoc, minutesFileNames } from '../models/meetings/minutes-content';
import { contentDisposition } from './content-disposition';
import { toNL } from './date-time';

/**
 * Uploads are never trusted to be what they say: every library download is an
 * attachment (never shown inline), carries the type detected from the content at
 * upload, forbids the browser to sniff another type, and is sandboxed by its
 * Content-Security-Policy in case a browser renders it anyway.
 */
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

/**
 * The minutes as a file, named after the meeting's date and title: a published version
 * (with its number when one was asked for) or the concept ("concept-verslag-…").
 */
export function minutesDownloadResponse({
  doc,
  explicitVersion = null,
  concept = false,
  body,
  ext,
  contentType,
}: {
  doc: MinutesDoc;
  explicitVersion?: number | null;
  concept?: boolean;
  body: Buffer;
  ext: string;
  contentType: string;
}): Response {
  const meeting = doc.attrs.meeting;
  const names = minutesFileNames({ date: toNL(meeting.startsAt).date, title: meeting.title, version: explicitVersion, ext, concept });
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(body.byteLength),
      'Content-Disposition': contentDisposition(names.unicode, names.ascii),
      'Cache-Control': 'private, no-store',
    },
  });
}

/** A document Koers makes (a period's balance): an attachment under a readable name, never cached. */
export function documentDownloadResponse({
  fileName,
  body,
  contentType,
}: {
  fileName: string;
  body: Buffer;
  contentType: string;
}): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(body.byteLength),
      'Content-Disposition': contentDisposition(fileName),
      'Cache-Control': 'private, no-store',
    },
  });
}
