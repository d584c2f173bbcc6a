/**
 * Uploaded files: reading a multipart form with a hard size limit, checking the type by
 * the content (never the name or the browser's claim), and storing the bytes by their
 * SHA-256 under the uploads folder, so the same content is stored once and a stored
 * file is never overwritten. Files are only ever served as downloads
 * (app/routes/kennisbank.$itemId_.bestand.$fileId.tsx).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node';
import { fileTypeFromBuffer } from 'file-type';

import { ALLOWED_UPLOAD_TYPES, MAX_UPLOAD_BYTES, type UploadType } from '../../schemas/library';
import { env, uploadsDirFor } from '../../utils/env.server';

/** A text field of a multipart form may hold at most this much, and all text fields together at most MAX_TEXT_BYTES. */
const MAX_FIELD_BYTES = 256 * 1024;
const MAX_TEXT_BYTES = 1024 * 1024;
const MAX_PARTS = 2000;

export type UploadedFile = { name: string; bytes: Buffer };

export type UploadForm = {
  /** The text fields read (for a form that was cut off: those before the problem). */
  formData: FormData;
  /** Each file field that held a file, by field name. */
  files: Map<string, UploadedFile>;
  /** Why reading stopped early, if it did: a file over the limit (and which field), too much text, or no multipart form at all. */
  problem: { kind: 'fileTooLarge'; field: string } | { kind: 'formTooLarge' } | { kind: 'unreadable' } | null;
};

class PartTooLarge extends Error {
  constructor(
    readonly field: string,
    readonly isFile: boolean,
  ) {
    super(`Part ${field} is too large`);
  }
}

async function collect(data: AsyncIterable<Uint8Array>, limit: number, field: string, isFile: boolean): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    // Stop reading here: the rest of the request body is never buffered.
    if (size > limit) throw new PartTooLarge(field, isFile);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a multipart/form-data request, keeping file parts in memory up to
 * MAX_UPLOAD_BYTES in all. Put file inputs last in a form: a file over the limit stops the
 * reading, and the text fields before it are still there to show the form again.
 */
export async function readUploadForm(request: Request): Promise<UploadForm> {
  const formData = new FormData();
  const files = new Map<string, UploadedFile>();
  let textBytes = 0;
  let fileBytes = 0;
  let parts = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (++parts > MAX_PARTS) throw new PartTooLarge(name, false);
    if (filename === undefined) {
      const bytes = await collect(data, MAX_FIELD_BYTES, name, false);
      textBytes += bytes.length;
      if (textBytes > MAX_TEXT_BYTES) throw new PartTooLarge(name, false);
      const text = bytes.toString('utf8');
      formData.append(name, text);
      return text;
    }
    // All file parts together stay within the limit: a form posts one file.
    const bytes = await collect(data, MAX_UPLOAD_BYTES - fileBytes, name, true);
    fileBytes += bytes.length;
    // A file input left empty still sends a part, without a name or content.
    if (filename === '' && bytes.length === 0) return undefined;
    files.set(name, { name: cleanFileName(filename), bytes });
    return undefined;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
    return { formData, files, problem: null };
  } catch (error) {
    if (error instanceof PartTooLarge) {
      return { formData, files, problem: error.isFile ? { kind: 'fileTooLarge', field: error.field } : { kind: 'formTooLarge' } };
    }
    if (error instanceof TypeError) return { formData, files, problem: { kind: 'unreadable' } };
    throw error;
  }
}

/**
 * The name as shown and offered on download: no path, no control characters, at most 200
 * characters. Browsers send a double quote in a file name as %22 (and line breaks as
 * %0D/%0A, HTML's multipart encoding); the quote is put back, line breaks dropped.
 */
export function cleanFileName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/%22/g, '"').replace(/%0[DA]/gi, '');
  const clean = base.replace(/\p{Cc}/gu, '').trim();
  if (clean === '' || clean === '.' || clean === '..') return 'bestand';
  return clean.length > 200 ? clean.slice(0, 200) : clean;
}

/** The type of the bytes when it is one the library accepts, else null (HTML, SVG, executables, unknown). */
export async function detectUploadType(bytes: Uint8Array): Promise<{ mime: UploadType; ext: string } | null> {
  if (bytes.length === 0) return null;
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  const mime = ALLOWED_UPLOAD_TYPES.find((type) => type === detected.mime);
  return mime ? { mime, ext: detected.ext } : null;
}

/** env.KOERS_UPLOADS_DIR, or `uploads/` beside the database file. */
export function uploadsDir(): string {
  return uploadsDirFor(env.KOERS_DATABASE, env.KOERS_UPLOADS_DIR);
}

/** Where the bytes with this SHA-256 live: <uploads>/<first two hex digits>/<sha256>. */
export function storedFilePath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
  return path.join(uploadsDir(), sha256.slice(0, 2), sha256);
}

/**
 * Stores the bytes by their SHA-256 and returns it. Written to a temporary file in the
 * same folder and renamed into place, so a reader never sees half a file; content that
 * is already stored is not written again.
 */
export async function storeFile(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = storedFilePath(sha256);
  const exists = await fs
    .stat(target)
    .then((s) => s.isFile() && s.size === bytes.length)
    .catch(() => false);
  if (!exists) {
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await fs.open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync(); // on disk before the database row that points to it
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }
  return { sha256, size: bytes.length };
}
