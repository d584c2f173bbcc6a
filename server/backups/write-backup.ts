/**
 * Writing a backup archive (archive-format.ts): `npm run backup` and the server's daily
 * backup both call writeBackup, the one place where a backup is made (and where the
 * audit log records "backup written", in the database that was backed up).
 *
 * Order matters for consistency while Koers runs. An upload is stored on disk (and
 * fsynced) before the database row that refers to it, and stored files are never
 * changed or removed. So the database is copied first, in one snapshot, and then
 * exactly the files that snapshot refers to are added: every one of them was already
 * on disk when the snapshot was taken.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import Database from 'better-sqlite3';
import * as tar from 'tar';

import { recordAuditInDatabaseFile } from '../../app/models/audit/audit-file.server';
import {
  DATABASE_ENTRY,
  FORMAT,
  FORMAT_VERSION,
  hashFile,
  koersVersion,
  type Manifest,
  MANIFEST_ENTRY,
  type ManifestFile,
  type MigrationLevel,
  type MissingUpload,
  uploadEntry,
  UPLOADS_ENTRY,
} from './archive-format';
import { appliedMigrations, migrationLevel } from './migration-level';

export class BackupError extends Error {}

/** The working folder of a backup in progress, beside the archive; a leftover one is removed by the daily backup's pruning. */
export const STAGING_PREFIX = '.koers-backup-';

export type BackupResult = {
  /** The archive written (absolute path). */
  file: string;
  bytes: number;
  createdAt: string;
  database: { bytes: number; migrations: MigrationLevel };
  uploads: { count: number; bytes: number };
  /** Files the database refers to that were not in the uploads folder (or no longer matched their hash): not in the archive. With the name one of them was uploaded as. */
  missingUploads: (MissingUpload & { name: string })[];
  /** Files in the uploads folder that nothing refers to: left out. */
  unreferencedUploads: number;
};

/**
 * Writes one archive with a consistent copy of the database, every uploaded file it
 * refers to and the manifest. The archive appears under its name only when complete
 * and never replaces an existing file.
 */
export async function writeBackup({
  databaseFile,
  uploadsDir,
  target,
  now = new Date(),
  by = 'command',
}: {
  databaseFile: string;
  uploadsDir: string;
  target: string;
  now?: Date;
  /** Who made it, for the audit log: `npm run backup` or the server's daily backup. */
  by?: 'command' | 'schedule';
}): Promise<BackupResult> {
  const database = path.resolve(databaseFile);
  const file = path.resolve(target);
  if (!fs.existsSync(database)) throw new BackupError(`De database ${database} bestaat niet (KOERS_DATABASE).`);
  if (fs.existsSync(file)) throw new BackupError(`${file} bestaat al; een back-up overschrijft nooit een bestand. Kies een andere naam.`);
  await fsp.mkdir(path.dirname(file), { recursive: true });

  const staging = await fsp.mkdtemp(path.join(path.dirname(file), STAGING_PREFIX));
  try {
    const databaseCopy = path.join(staging, DATABASE_ENTRY);
    const integrity = await copyDatabase(database, databaseCopy);
    if (integrity !== 'ok') throw new BackupError(`De kopie van de database is niet in orde (PRAGMA integrity_check): ${integrity}`);
    const { applied, referenced } = readCopy(databaseCopy);

    const uploads: ManifestFile[] = [];
    const missingUploads: BackupResult['missingUploads'] = [];
    for (const [sha256, name] of referenced) {
      const stored = await hashFile(path.join(uploadsDir, sha256.slice(0, 2), sha256)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!stored) missingUploads.push({ sha256, reason: 'missing', name });
      else if (stored.sha256 !== sha256) missingUploads.push({ sha256, reason: 'damaged', name });
      else uploads.push({ path: uploadEntry(sha256), size: stored.size, sha256 });
    }
    // The archive's uploads/ is the uploads folder itself: no copy of the files is made.
    if (uploads.length > 0) await fsp.symlink(path.resolve(uploadsDir), path.join(staging, UPLOADS_ENTRY), 'dir');

    const databaseFileEntry = { path: DATABASE_ENTRY, ...(await hashFile(databaseCopy)) };
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: now.toISOString(),
      koers: koersVersion(),
      database: { path: DATABASE_ENTRY, migrations: migrationLevel(applied) },
      files: [databaseFileEntry, ...uploads],
      missingUploads: missingUploads.map(({ sha256, reason }) => ({ sha256, reason })),
      unreferencedUploads: await countUnreferenced(uploadsDir, new Set(referenced.keys())),
    };
    await fsp.writeFile(path.join(staging, MANIFEST_ENTRY), `${JSON.stringify(manifest, null, 2)}\n`);

    const archive = path.join(staging, 'archive.tar.gz');
    await tar.create({ file: archive, cwd: staging, gzip: true, portable: true, noDirRecurse: true }, [
      MANIFEST_ENTRY,
      ...manifest.files.map((f) => f.path),
    ]);
    await fsyncFile(archive);
    await publish(archive, file);
    recordAuditInDatabaseFile(database, {
      actorId: null,
      action: 'backup.written',
      target: { type: 'backup', name: path.basename(file) },
      details: { by, bytes: (await fsp.stat(file)).size, uploads: uploads.length, missingUploads: missingUploads.length },
    });

    return {
      file,
      bytes: (await fsp.stat(file)).size,
      createdAt: manifest.createdAt,
      database: { bytes: databaseFileEntry.size, migrations: manifest.database.migrations },
      uploads: { count: uploads.length, bytes: uploads.reduce((sum, f) => sum + f.size, 0) },
      missingUploads,
      unreferencedUploads: manifest.unreferencedUploads,
    };
  } finally {
    // Removes the link to the uploads folder, never the files behind it.
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

/** SQLite's online backup of the live database to `target`, in a worker (database-copy-worker.mjs); resolves with the copy's integrity check. */
function copyDatabase(source: string, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./database-copy-worker.mjs', import.meta.url), { workerData: { source, target } });
    worker.once('message', (message: { integrity?: string; error?: string }) => {
      if (message.error !== undefined) reject(new BackupError(`De database kon niet worden gekopieerd: ${message.error}`));
      else resolve(message.integrity!);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new BackupError(`Het kopiëren van de database stopte onverwacht (code ${code}).`)));
  });
}

/** What the copy says about itself: its migrations and the uploaded files it refers to (by SHA-256, with a name each was uploaded as). */
function readCopy(file: string): { applied: number[]; referenced: Map<string, string> } {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const applied = appliedMigrations(copy);
    if (applied === null) throw new BackupError('De database is geen Koers-database (er zijn geen migraties toegepast).');
    const hasFiles = copy.prepare("select 1 from sqlite_master where type = 'table' and name = 'library_files'").get();
    const rows = hasFiles
      ? (copy.prepare('select sha256, min(original_name) as name from library_files group by sha256 order by sha256').all() as {
          sha256: string;
          name: string;
        }[])
      : [];
    for (const { sha256 } of rows) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new BackupError(`De database verwijst naar een bestand met een ongeldige naam: ${sha256}`);
    }
    return { applied, referenced: new Map(rows.map((row) => [row.sha256, row.name])) };
  } finally {
    copy.close();
  }
}

/** Stored files (named by their hash) that no row refers to: an item deleted, an upload whose form failed, or one added after the snapshot. */
async function countUnreferenced(uploadsDir: string, referenced: Set<string>): Promise<number> {
  let count = 0;
  const folders = await fsp.readdir(uploadsDir).catch(() => [] as string[]);
  for (const folder of folders) {
    if (!/^[0-9a-f]{2}$/.test(folder)) continue;
    const names = await fsp.readdir(path.join(uploadsDir, folder)).catch(() => [] as string[]);
    count += names.filter((name) => /^[0-9a-f]{64}$/.test(name) && name.startsWith(folder) && !referenced.has(name)).length;
  }
  return count;
}

/** Puts the finished archive under its name: a hard link fails instead of replacing an existing file. */
async function publish(temp: string, file: string) {
  try {
    await fsp.link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BackupError(`${file} bestaat al; een back-up overschrijft nooit een bestand. Kies een andere naam.`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // A file system without hard links: check, then rename.
    if (fs.existsSync(file)) throw new BackupError(`${file} bestaat al; een back-up overschrijft nooit een bestand. Kies een andere naam.`);
    await fsp.rename(temp, file);
  }
  await fsyncDirectory(path.dirname(file));
}

export async function fsyncFile(file: string) {
  const handle = await fsp.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename or a new name in `dir` survive a power failure. */
export async function fsyncDirectory(dir: string) {
  await fsyncFile(dir);
}
