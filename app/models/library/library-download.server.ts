/**
 * Reading stored library files back for a download. How they are served (always as an
 * attachment, with the type detected at upload, sandboxed) is the route's business:
 * app/utils/downloads.server.ts.
 */
import fs from 'node:fs';

import { createReadableStreamFromReadable } from '@remix-run/node';

import { storedFilePath } from './upload.server';

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
