/**
 * What a Koers backup archive is (docs/decisions/011-backups.md): one gzip tar holding
 *
 *   manifest.json              what is inside: format, Koers version, migration level, and
 *                              the size and SHA-256 of every other file
 *   koers.sqlite               the database: a consistent copy, in rollback-journal mode
 *   uploads/ab/ab12…ef         every uploaded file the database refers to, named by its SHA-256
 *
 * Writing (write-backup.ts) and restoring (restore-backup.ts) both follow this module.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = 'koers.sqlite';
export const UPLOADS_ENTRY = 'uploads';
export const FORMAT = 'koers-backup';
export const FORMAT_VERSION = 1;

const SHA256 = /^[0-9a-f]{64}$/;
const UPLOAD_ENTRY = /^uploads\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The archive path of an uploaded file: the same layout as the uploads folder (app/models/library/upload.server.ts). */
export function uploadEntry(sha256: string): string {
  return `${UPLOADS_ENTRY}/${sha256.slice(0, 2)}/${sha256}`;
}

/** The SHA-256 an upload entry is named by, or null when the path is not one. */
export function shaOfUploadEntry(entry: string): string | null {
  const match = UPLOAD_ENTRY.exec(entry);
  return match && match[2]!.startsWith(match[1]!) ? match[2]! : null;
}

/** The files an archive may hold: the manifest, the database, uploaded files. */
export function isArchiveFile(entry: string): boolean {
  return entry === MANIFEST_ENTRY || entry === DATABASE_ENTRY || shaOfUploadEntry(entry) !== null;
}

/** The folders an archive may hold: uploads/ and uploads/ab/. */
export function isArchiveFolder(entry: string): boolean {
  return entry === UPLOADS_ENTRY || /^uploads\/[0-9a-f]{2}$/.test(entry);
}

const MigrationLevelSchema = z.object({
  /** Migrations applied to the database. */
  count: z.number().int().nonnegative(),
  /** The newest one's name (db/migrations), null when this Koers does not know it or there is none. */
  latest: z.string().nullable(),
  /** The newest one's timestamp as drizzle records it (`__drizzle_migrations.created_at`). */
  createdAt: z.number().int().nullable(),
});
export type MigrationLevel = z.infer<typeof MigrationLevelSchema>;

const MissingUploadSchema = z.object({ sha256: z.string().regex(SHA256), reason: z.enum(['missing', 'damaged']) });
/** A file the database refers to that could not be put in the archive: gone from the uploads folder, or its bytes no longer match its hash. */
export type MissingUpload = z.infer<typeof MissingUploadSchema>;

export const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  koers: z.object({ version: z.string(), commit: z.string().nullable() }),
  database: z.object({ path: z.literal(DATABASE_ENTRY), migrations: MigrationLevelSchema }),
  /** Every file in the archive except the manifest itself. */
  files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(SHA256) })),
  missingUploads: z.array(MissingUploadSchema),
  /** Files in the uploads folder that no database row refers to; left out (see the decision record). */
  unreferencedUploads: z.number().int().nonnegative(),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestFile = Manifest['files'][number];

/** Size and SHA-256 of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(fs.createReadStream(file), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      size += chunk.length;
      hash.update(chunk);
    }
  });
  return { size, sha256: hash.digest('hex') };
}

// ---------------------------------------------------------------------------
// Archive names

const NL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The Dutch wall-clock time of an instant: { date: 'YYYYMMDD', time: 'HHMMSS' }. */
export function dutchClock(now: Date): { date: string; time: string } {
  const p = Object.fromEntries(NL_CLOCK.formatToParts(now).map((part) => [part.type, part.value]));
  return { date: `${p.year}${p.month}${p.day}`, time: `${p.hour}${p.minute}${p.second}` };
}

/** koers-YYYYMMDD-HHMMSS.tar.gz, in Dutch time (the time KOERS_BACKUP_TIME is given in). */
export function archiveName(now: Date): string {
  const { date, time } = dutchClock(now);
  return `koers-${date}-${time}.tar.gz`;
}

const ARCHIVE_NAME = /^koers-(\d{8})-(\d{6})\.tar\.gz$/;

/** Date and time of an archive named by archiveName, or null for any other file. */
export function parseArchiveName(name: string): { date: string; time: string } | null {
  const match = ARCHIVE_NAME.exec(name);
  return match ? { date: match[1]!, time: match[2]! } : null;
}

// ---------------------------------------------------------------------------
// Koers itself

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The version in package.json and, when Koers runs from a git checkout, the commit. */
export function koersVersion(): { version: string; commit: string | null } {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
  } catch {
    // Installed without git (a copied release): the version alone.
  }
  return { version, commit: commit && /^[0-9a-f]{40}$/.test(commit) ? commit : null };
}
