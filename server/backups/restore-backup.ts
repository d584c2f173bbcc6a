/**
 * Restoring a backup archive (archive-format.ts): `npm run restore`. restoreBackup is the
 * one place where a restore happens (and where an audit log will record "restore done").
 *
 * Nothing at the target changes until the whole archive has been extracted beside it
 * and verified: every file against the manifest (nothing missing, nothing extra), the
 * database with PRAGMA integrity_check, its migrations against the ones this Koers
 * knows. Then, holding an exclusive lock on the current database (which fails while
 * Koers or any other program has it open), the current database and uploads folder
 * are renamed aside as `<name>.before-restore-<time>` and the restored ones renamed
 * into place; if a rename fails, the earlier ones are undone.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import type { ReadEntry } from 'tar';
import * as tar from 'tar';

import { recordAuditInDatabaseFile } from '../../app/models/audit/audit-file.server';
import {
  DATABASE_ENTRY,
  dutchClock,
  FORMAT,
  FORMAT_VERSION,
  hashFile,
  isArchiveFile,
  isArchiveFolder,
  type Manifest,
  MANIFEST_ENTRY,
  ManifestSchema,
  type MigrationLevel,
  shaOfUploadEntry,
  UPLOADS_ENTRY,
} from './archive-format';
import { appliedMigrations, knownMigrations, migrationLevel, unknownMigrations } from './migration-level';
import { fsyncDirectory, fsyncFile } from './write-backup';

export class RestoreError extends Error {}

const NOTHING_CHANGED = 'Er is niets veranderd.';

export type VerifiedBackup = {
  manifest: Manifest;
  /** The migration level read from the database itself. */
  migrations: MigrationLevel;
  /** Uploaded files in the archive, and their bytes. */
  uploads: { count: number; bytes: number };
};

export type RestoreResult = VerifiedBackup & {
  archive: string;
  database: string;
  uploadsDir: string;
  /** Where the database and uploads folder that were there before now are (null: there was none). */
  previous: { database: string | null; uploadsDir: string | null };
};

/** Verifies an archive without restoring it (`npm run restore -- --check`): extracted into a temporary folder that is removed again. */
export async function verifyBackup(archive: string): Promise<VerifiedBackup> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'koers-check-'));
  try {
    return await extractAndVerify(path.resolve(archive), dir);
  } finally {
    await removeStaging(dir);
  }
}

/** Puts the database and uploaded files of a verified archive in place of `databaseFile` and `uploadsDir`. */
export async function restoreBackup({
  archive,
  databaseFile,
  uploadsDir,
  now = new Date(),
}: {
  archive: string;
  databaseFile: string;
  uploadsDir: string;
  now?: Date;
}): Promise<RestoreResult> {
  const source = path.resolve(archive);
  const database = path.resolve(databaseFile);
  const uploads = path.resolve(uploadsDir);
  if (!fs.existsSync(source)) throw new RestoreError(`Het archief ${source} bestaat niet.`);
  if (isInside(database, uploads)) throw new RestoreError(`De database (${database}) mag niet in de map met bestanden (${uploads}) staan.`);
  await fsp.mkdir(path.dirname(database), { recursive: true });
  await fsp.mkdir(path.dirname(uploads), { recursive: true });
  // Refused at once while Koers runs, not after minutes of verifying (and again at the swap).
  lockCurrentDatabase(database).release();

  // Beside the targets, so that putting things in place is a rename on the same file system.
  const staging = await fsp.mkdtemp(path.join(path.dirname(database), '.koers-restore-'));
  let uploadsStaging: string | null = null;
  try {
    const verified = await extractAndVerify(source, staging);
    const newDatabase = path.join(staging, DATABASE_ENTRY);
    let newUploads = path.join(staging, UPLOADS_ENTRY);
    await fsp.mkdir(newUploads, { recursive: true });
    if (fs.statSync(staging).dev !== fs.statSync(path.dirname(uploads)).dev) {
      // KOERS_UPLOADS_DIR on another file system: copy the files there first, and check them again.
      uploadsStaging = await fsp.mkdtemp(path.join(path.dirname(uploads), '.koers-restore-'));
      await fsp.cp(newUploads, path.join(uploadsStaging, UPLOADS_ENTRY), { recursive: true });
      newUploads = path.join(uploadsStaging, UPLOADS_ENTRY);
      await verifyFiles(
        path.dirname(newUploads),
        verified.manifest.files.filter((f) => f.path !== DATABASE_ENTRY),
      );
    }
    await takeOwnership([newDatabase, newUploads], fs.existsSync(database) ? database : path.dirname(database));
    // On disk before they are renamed into place.
    await fsyncFile(newDatabase);
    for (const file of verified.manifest.files)
      if (file.path !== DATABASE_ENTRY) await fsyncFile(path.join(path.dirname(newUploads), file.path));

    const lock = lockCurrentDatabase(database);
    try {
      const stamp = (() => {
        const { date, time } = dutchClock(now);
        return `before-restore-${date}-${time}`;
      })();
      const previousDatabase = freeName(`${database}.${stamp}`);
      const previousUploads = freeName(`${uploads}.${stamp}`);
      const moved = await swapIntoPlace([
        // The database with its journal files: a -wal left beside the restored database would be applied to it.
        ...['', '-wal', '-shm', '-journal'].map((suffix) => ({ from: database + suffix, to: previousDatabase + suffix, optional: true })),
        { from: uploads, to: previousUploads, optional: true },
        { from: newDatabase, to: database, optional: false },
        { from: newUploads, to: uploads, optional: false },
      ]);
      await fsyncDirectory(path.dirname(database));
      await fsyncDirectory(path.dirname(uploads));
      recordRestore(database, source, verified);
      return {
        ...verified,
        archive: source,
        database,
        uploadsDir: uploads,
        previous: {
          database: moved.has(database) ? previousDatabase : null,
          uploadsDir: moved.has(uploads) ? previousUploads : null,
        },
      };
    } finally {
      lock.release();
    }
  } finally {
    await removeStaging(staging);
    if (uploadsStaging) await removeStaging(uploadsStaging);
  }
}

/**
 * Removes an extraction folder. When an archive breaks off midway, tar's promise rejects
 * while some of its file writes are still landing in the folder; a plain recursive rm then
 * fails with ENOTEMPTY, and that error would replace the RestoreError that says what is
 * wrong with the archive. Node's rm retries such errors itself.
 */
function removeStaging(dir: string): Promise<void> {
  return fsp.rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/**
 * "Backup restored", in the restored database (the only one Koers will use from now on),
 * under the lock, before the server can start on it. A backup from before the audit log
 * existed has no table for it yet: then the restore is not recorded (the next start adds
 * the table). A failure to record does not undo a restore that succeeded.
 */
function recordRestore(database: string, archive: string, verified: VerifiedBackup) {
  try {
    recordAuditInDatabaseFile(database, {
      actorId: null,
      action: 'backup.restored',
      target: { type: 'backup', name: path.basename(archive) },
      details: { backupMadeAt: verified.manifest.createdAt, uploads: verified.uploads.count },
    });
  } catch (error) {
    console.warn(`Het terugzetten is niet in het auditlog vastgelegd: ${(error as Error).message}`);
  }
}

/** Renames each `from` to its `to` in order (skipping an optional one that does not exist); on a failure undoes the renames done. Returns the paths moved. */
async function swapIntoPlace(moves: { from: string; to: string; optional: boolean }[]): Promise<Set<string>> {
  const done: { from: string; to: string }[] = [];
  try {
    for (const move of moves) {
      if (move.optional && !fs.existsSync(move.from)) continue;
      await fsp.rename(move.from, move.to);
      done.push(move);
    }
  } catch (error) {
    for (const move of done.reverse()) await fsp.rename(move.to, move.from).catch(() => {});
    throw new RestoreError(`Terugzetten mislukt: ${(error as Error).message}. ${NOTHING_CHANGED}`);
  }
  return new Set(done.map((move) => move.from));
}

/**
 * Takes an exclusive lock on the current database for the time of the swap, or refuses.
 * SQLite's own file locks say whether anyone uses the file: a connection in WAL mode
 * (the server, its checkpoint thread, a CLI) holds a shared lock as long as it is open,
 * so leaving WAL mode fails with SQLITE_BUSY. The kernel drops the locks of a process
 * that dies, so a crashed server does not block a restore (a pid file could be stale).
 * Leaving WAL mode also folds a leftover -wal into the file set aside.
 */
function lockCurrentDatabase(file: string): { release: () => void } {
  const none = { release: () => {} };
  if (!fs.existsSync(file)) return none;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true, timeout: 1000 });
  } catch {
    return none; // not a database that anything could have open: it is set aside as it is
  }
  try {
    if (sqlite.pragma('journal_mode = DELETE', { simple: true }) !== 'delete')
      throw Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    sqlite.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new RestoreError(
        `De database ${file} is in gebruik: draait Koers (of een ander programma) er nog op? Stop Koers en probeer het opnieuw. ${NOTHING_CHANGED}`,
      );
    }
    return none; // damaged: nothing can be using it meaningfully; set aside as it is
  }
  return {
    release: () => {
      sqlite.exec('ROLLBACK');
      sqlite.close();
    },
  };
}

/**
 * Run as root (as an operator may), the restored files would belong to root and Koers,
 * running as its own user, could not write its database: they get the owner of the
 * database they replace (or of its folder).
 */
async function takeOwnership(paths: string[], like: string) {
  if (process.getuid?.() !== 0) return;
  const { uid, gid } = await fsp.stat(like);
  for (const top of paths) {
    await fsp.chown(top, uid, gid);
    if ((await fsp.stat(top)).isDirectory()) {
      for (const entry of await fsp.readdir(top, { recursive: true })) await fsp.chown(path.join(top, entry), uid, gid);
    }
  }
}

/** `name`, or `name-2`, `name-3`… when it (or its journal files) exists. */
function freeName(name: string): string {
  const taken = (candidate: string) => ['', '-wal', '-shm', '-journal'].some((suffix) => fs.existsSync(candidate + suffix));
  let candidate = name;
  for (let n = 2; taken(candidate); n++) candidate = `${name}-${n}`;
  return candidate;
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

// ---------------------------------------------------------------------------
// Verification

/** Extracts the archive into the empty folder `dir` and checks everything in it; throws a RestoreError naming the first problem. */
export async function extractAndVerify(archive: string, dir: string): Promise<VerifiedBackup> {
  const unexpected: string[] = [];
  try {
    await tar.extract({
      file: archive,
      cwd: dir,
      strict: true,
      preserveOwner: false,
      // Only the paths the format has, as plain files and folders: no links, nothing outside `dir`.
      filter: (entryPath, entry) => {
        const name = entryPath.replace(/^\.\//, '').replace(/\/+$/, '');
        const type = (entry as ReadEntry).type;
        const allowed = type === 'Directory' ? isArchiveFolder(name) : type === 'File' && isArchiveFile(name);
        if (!allowed) unexpected.push(name);
        return allowed;
      },
    });
  } catch (error) {
    throw new RestoreError(
      `Het archief is niet te lezen (beschadigd, of geen Koers-back-up): ${(error as Error).message}. ${NOTHING_CHANGED}`,
    );
  }
  if (unexpected.length > 0) throw new RestoreError(`Het archief bevat wat er niet in hoort: ${list(unexpected)}. ${NOTHING_CHANGED}`);

  const manifest = readManifest(dir);
  await verifyFiles(dir, manifest.files);
  if (!manifest.files.some((f) => f.path === DATABASE_ENTRY)) throw new RestoreError(`Het archief heeft geen database. ${NOTHING_CHANGED}`);
  const migrations = verifyDatabase(path.join(dir, DATABASE_ENTRY), manifest);
  const uploads = manifest.files.filter((f) => f.path !== DATABASE_ENTRY);
  return { manifest, migrations, uploads: { count: uploads.length, bytes: uploads.reduce((sum, f) => sum + f.size, 0) } };
}

function readManifest(dir: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_ENTRY), 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new RestoreError(
      missing
        ? `Het archief heeft geen ${MANIFEST_ENTRY}; is het een Koers-back-up? ${NOTHING_CHANGED}`
        : `${MANIFEST_ENTRY} in het archief is geen geldige JSON. ${NOTHING_CHANGED}`,
    );
  }
  const header = raw as { format?: unknown; formatVersion?: unknown };
  if (header?.format !== FORMAT)
    throw new RestoreError(`Het archief is geen Koers-back-up (${MANIFEST_ENTRY} noemt een ander formaat). ${NOTHING_CHANGED}`);
  if (typeof header.formatVersion === 'number' && header.formatVersion > FORMAT_VERSION) {
    throw new RestoreError(
      `Het archief heeft back-upformaat ${header.formatVersion}; deze Koers kent tot en met ${FORMAT_VERSION}. Werk Koers eerst bij. ${NOTHING_CHANGED}`,
    );
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(geheel)'}: ${issue.message}`);
    throw new RestoreError(`${MANIFEST_ENTRY} is niet in orde: ${list(problems)}. ${NOTHING_CHANGED}`);
  }
  return parsed.data;
}

/** Every listed file is there with its size and hash, an upload's hash is its name, and nothing else is there. */
async function verifyFiles(dir: string, files: Manifest['files']) {
  const listed = new Set<string>();
  for (const file of files) {
    if (listed.has(file.path)) throw new RestoreError(`${MANIFEST_ENTRY} noemt ${file.path} twee keer. ${NOTHING_CHANGED}`);
    listed.add(file.path);
    if (file.path !== DATABASE_ENTRY && shaOfUploadEntry(file.path) !== file.sha256) {
      throw new RestoreError(`${MANIFEST_ENTRY} noemt ${file.path} met een SHA-256 die niet bij de naam past. ${NOTHING_CHANGED}`);
    }
  }
  const present = listFiles(dir).filter((p) => p !== MANIFEST_ENTRY);
  const extra = present.filter((p) => !listed.has(p));
  if (extra.length > 0) throw new RestoreError(`In het archief maar niet in ${MANIFEST_ENTRY}: ${list(extra)}. ${NOTHING_CHANGED}`);
  const there = new Set(present);
  const missing = files.filter((f) => !there.has(f.path)).map((f) => f.path);
  if (missing.length > 0) throw new RestoreError(`In ${MANIFEST_ENTRY} maar niet in het archief: ${list(missing)}. ${NOTHING_CHANGED}`);
  for (const file of files) {
    const actual = await hashFile(path.join(dir, file.path));
    if (actual.size !== file.size || actual.sha256 !== file.sha256) {
      throw new RestoreError(
        `${file.path} is niet meer wat ${MANIFEST_ENTRY} zegt (grootte of SHA-256 verschilt): het archief is beschadigd. ${NOTHING_CHANGED}`,
      );
    }
  }
}

/** Integrity, a schema this Koers knows, and every file the database refers to in the archive (or recorded as already missing at backup time). */
function verifyDatabase(file: string, manifest: Manifest): MigrationLevel {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok')
      throw new RestoreError(`De database in het archief is beschadigd (PRAGMA integrity_check): ${integrity}. ${NOTHING_CHANGED}`);

    const applied = appliedMigrations(sqlite);
    if (applied === null) throw new RestoreError(`De database in het archief is geen Koers-database (geen migraties). ${NOTHING_CHANGED}`);
    const unknown = unknownMigrations(applied);
    if (unknown.length > 0) {
      const newest = knownMigrations().at(-1)?.tag ?? '—';
      throw new RestoreError(
        `De database in het archief heeft ${unknown.length} migratie(s) die deze Koers niet kent (de nieuwste hier: ${newest}); ` +
          `ze komt van een nieuwere Koers. Werk Koers eerst bij. ${NOTHING_CHANGED}`,
      );
    }

    const hasFiles = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'library_files'").get();
    const referenced = hasFiles ? (sqlite.prepare('select distinct sha256 from library_files').pluck().all() as string[]) : [];
    const inArchive = new Set(manifest.files.map((f) => shaOfUploadEntry(f.path)));
    const recordedMissing = new Set(manifest.missingUploads.map((m) => m.sha256));
    const absent = referenced.filter((sha) => !inArchive.has(sha) && !recordedMissing.has(sha));
    if (absent.length > 0) {
      throw new RestoreError(`De database verwijst naar bestanden die niet in het archief zitten: ${list(absent)}. ${NOTHING_CHANGED}`);
    }
    return migrationLevel(applied);
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`De database in het archief is beschadigd: ${(error as Error).message}. ${NOTHING_CHANGED}`);
  } finally {
    sqlite?.close();
  }
}

/** Every file below `dir`, as archive paths (forward slashes). */
function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function list(items: string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(', ')} en ${items.length - 5} meer` : items.join(', ');
}
