/**
 * Backups that restore (server/backups/): the archive `npm run backup` writes, the checks
 * `npm run restore` makes before it changes anything, the swap that keeps what was there
 * before, and the server's daily schedule. Real files in temporary folders throughout;
 * the source is this test file's own database and uploads folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import { count } from 'drizzle-orm';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createLibraryItem } from '../../app/models/library/library.server';
import { storedFilePath, storeFile, uploadsDir } from '../../app/models/library/upload.server';
import { db } from '../../app/utils/db.server';
import { env, parseEnv } from '../../app/utils/env.server';
import { libraryFiles } from '../../db/schema';
import { runBackup } from '../../scripts/backup';
import { type CliIo } from '../../scripts/cli-io';
import { runRestore } from '../../scripts/restore';
import { type Manifest, parseArchiveName, uploadEntry } from '../../server/backups/archive-format';
import { knownMigrations } from '../../server/backups/migration-level';
import { restoreBackup, RestoreError } from '../../server/backups/restore-backup';
import { createBackupJob, pruneBackups, startBackupSchedule } from '../../server/backups/schedule';
import { BackupError, writeBackup } from '../../server/backups/write-backup';
import { prepareDatabase } from '../setup/database';
import { demoUserId } from '../setup/demo-users';

// This file's own uploads folder (before any module reads the environment).
vi.hoisted(() => {
  process.env.KOERS_UPLOADS_DIR = `${process.env.KOERS_DATABASE}-uploads`;
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-backups-test-'));
let counter = 0;
/** A new, not yet existing path in this file's work folder. */
const fresh = (name: string) => path.join(work, `${++counter}-${name}`);
const source = () => ({ databaseFile: env.KOERS_DATABASE, uploadsDir: uploadsDir() });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A document in the library with an uploaded file of these bytes, stored the way the upload form stores it. */
async function addDocument(title: string, bytes: Buffer): Promise<string> {
  const stored = await storeFile(bytes);
  createLibraryItem({
    userId: demoUserId('haarlem'),
    kind: 'document',
    input: {
      kind: 'document',
      title,
      summary: '',
      body: '',
      url: '',
      contactName: '',
      contactOrganisation: '',
      contactEmail: '',
      contactPhone: '',
      themeId: null,
      municipalityId: null,
      targetGroups: [],
      goalIds: [],
      actionIds: [],
      meetingIds: [],
    },
    upload: { ...stored, mimeType: 'application/pdf', originalName: `${title}.pdf`, extractedText: '' },
  });
  return stored.sha256;
}

function collectIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

/** Every file below `dir` with its SHA-256, by relative path. */
function tree(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = entry.isSymbolicLink() ? 'symlink' : sha256(fs.readFileSync(full));
  }
  return files;
}

function extract(archive: string): string {
  const dir = fresh('extracted');
  fs.mkdirSync(dir);
  tar.extract({ file: archive, cwd: dir, sync: true });
  return dir;
}

/** Every row of every table of a database file, by table (not the autoincrement counters). */
function databaseContents(file: string): Record<string, unknown[]> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name != 'sqlite_sequence' order by name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((name) => [name, sqlite.prepare(`select * from "${name}"`).raw().all()]));
  } finally {
    sqlite.close();
  }
}

/**
 * The restored database holds exactly what the archive's did, plus the audit row that
 * records the restore (docs/decisions/014): the same database, and the log says so.
 */
function expectRestoredFrom(database: string, archive: string) {
  const original = databaseContents(path.join(extract(archive), 'koers.sqlite'));
  const { audit_log: restoredLog, ...restored } = databaseContents(database);
  const { audit_log: originalLog, ...rest } = original;
  expect(restored).toEqual(rest);
  expect(restoredLog!.slice(0, originalLog!.length)).toEqual(originalLog);
  const added = restoredLog!.slice(originalLog!.length) as unknown[][];
  expect(added.map((row) => [row[3], row[4], row[6]])).toEqual([['backup.restored', 'backup', path.basename(archive)]]);
}

function readManifest(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function writeManifest(dir: string, change: (manifest: Manifest) => void) {
  const manifest = readManifest(dir);
  change(manifest);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
}

/** The manifest entry of a file brought in line with its (changed) bytes, as a careful forger would. */
function rehash(dir: string, entry: string) {
  const bytes = fs.readFileSync(path.join(dir, entry));
  writeManifest(dir, (m) => {
    const file = m.files.find((f) => f.path === entry)!;
    file.size = bytes.length;
    file.sha256 = sha256(bytes);
  });
}

/** A copy of `archive` with something changed inside. */
function tampered(archive: string, change: (dir: string) => void): string {
  const dir = extract(archive);
  change(dir);
  const target = fresh('tampered.tar.gz');
  tar.create({ file: target, cwd: dir, gzip: true, sync: true, portable: true }, fs.readdirSync(dir));
  return target;
}

/** Changes the database in an extracted archive with SQL (and keeps it in rollback-journal mode). */
function changeDatabase(dir: string, statements: string) {
  const copy = new Database(path.join(dir, 'koers.sqlite'));
  copy.exec(statements);
  copy.close();
}

let archive: string;
let documents: { a: string; b: string };
let unreferenced: string;

beforeAll(async () => {
  await prepareDatabase();
  documents = {
    a: await addDocument('Jaarverslag Taalhuis', randomBytes(50_000)),
    b: await addDocument('Leesplan Velsen', Buffer.from('%PDF-1.4 leesplan '.repeat(2000))),
  };
  // Stored but referred to by nothing (an upload whose form was refused).
  unreferenced = (await storeFile(randomBytes(1000))).sha256;
  archive = fresh('koers.tar.gz');
  await writeBackup({ ...source(), target: archive });
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('npm run backup', () => {
  it('writes one archive: the database, every file it refers to, and a manifest with their hashes', async () => {
    const entries: string[] = [];
    await tar.list({ file: archive, onReadEntry: (entry) => void entries.push(entry.path) });
    expect(entries.sort()).toEqual(['koers.sqlite', 'manifest.json', uploadEntry(documents.a), uploadEntry(documents.b)].sort());

    const dir = extract(archive);
    const manifest = readManifest(dir);
    const journal = knownMigrations();
    expect(manifest).toMatchObject({
      format: 'koers-backup',
      formatVersion: 1,
      koers: { version: '0.1.0' },
      database: {
        path: 'koers.sqlite',
        migrations: { count: journal.length, latest: journal.at(-1)!.tag, createdAt: journal.at(-1)!.when },
      },
      missingUploads: [],
      unreferencedUploads: 1,
    });
    expect(manifest.koers.commit === null || /^[0-9a-f]{40}$/.test(manifest.koers.commit)).toBe(true);
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(60_000);
    // Every file as listed, byte for byte; the unreferenced upload is not in it.
    expect(manifest.files.map((f) => f.path).sort()).toEqual(['koers.sqlite', uploadEntry(documents.a), uploadEntry(documents.b)].sort());
    for (const file of manifest.files) {
      const bytes = fs.readFileSync(path.join(dir, file.path));
      expect({ size: bytes.length, sha256: sha256(bytes) }).toEqual({ size: file.size, sha256: file.sha256 });
    }
    expect(fs.readFileSync(path.join(dir, uploadEntry(documents.a))).equals(fs.readFileSync(storedFilePath(documents.a)))).toBe(true);
    expect(fs.existsSync(path.join(dir, uploadEntry(unreferenced)))).toBe(false);

    // The database: a self-contained file (rollback journal, not WAL) with this database's rows.
    const copyFile = path.join(dir, 'koers.sqlite');
    expect(fs.readFileSync(copyFile)[18]).toBe(1);
    const copy = new Database(copyFile, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('select count(*) from library_files').pluck().get()).toBe(db.select({ n: count() }).from(libraryFiles).get()!.n);
    } finally {
      copy.close();
    }
    // The uploads folder is untouched and no working folder is left beside the archive.
    expect(fs.existsSync(storedFilePath(documents.a)) && fs.existsSync(storedFilePath(unreferenced))).toBe(true);
    expect(fs.readdirSync(path.dirname(archive)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('never overwrites a file and leaves nothing behind when it fails', async () => {
    const target = fresh('exists.tar.gz');
    fs.writeFileSync(target, 'een ander bestand');
    await expect(writeBackup({ ...source(), target })).rejects.toThrow(BackupError);
    expect(fs.readFileSync(target, 'utf8')).toBe('een ander bestand');

    const dir = fresh('no-database');
    await expect(
      writeBackup({ databaseFile: path.join(dir, 'weg.sqlite'), uploadsDir: dir, target: path.join(dir, 'x.tar.gz') }),
    ).rejects.toThrow(/bestaat niet \(KOERS_DATABASE\)/);
    expect(fs.existsSync(path.join(dir, 'x.tar.gz'))).toBe(false);
  });

  it('the command names the archive by Dutch time, writes to KOERS_BACKUP_DIR and explains bad arguments', async () => {
    const backupDir = fresh('backups');
    const io = collectIo();
    // 01:30 UTC on 1 July is 03:30 in summer time.
    expect(await runBackup([], { ...source(), backupDir }, io, new Date('2024-07-01T01:30:00Z'))).toBe(0);
    expect(fs.readdirSync(backupDir)).toEqual(['koers-20240701-033000.tar.gz']);
    expect(io.out).toMatch(/^Back-up geschreven: .*koers-20240701-033000\.tar\.gz/);
    expect(io.out).toContain('bestanden: 2');
    expect(io.out).toContain('niet meegenomen: 1 bestand(en)');

    const wrong = collectIo();
    expect(await runBackup(['--force'], { ...source(), backupDir }, wrong)).toBe(1);
    expect(wrong.err).toContain('Gebruik: npm run backup');
    const again = collectIo();
    expect(await runBackup([path.join(backupDir, 'koers-20240701-033000.tar.gz')], { ...source(), backupDir }, again)).toBe(1);
    expect(again.err).toMatch(/bestaat al.*\nEr is geen archief geschreven/);
  });

  it('a file the database refers to but the uploads folder lacks: recorded and reported, the rest backed up (exit code 2)', async () => {
    const gone = await addDocument('Verdwenen notitie', randomBytes(3000));
    const damaged = await addDocument('Beschadigd verslag', randomBytes(3000));
    const goneBytes = fs.readFileSync(storedFilePath(gone));
    const damagedBytes = fs.readFileSync(storedFilePath(damaged));
    fs.rmSync(storedFilePath(gone));
    fs.writeFileSync(storedFilePath(damaged), Buffer.concat([damagedBytes.subarray(0, 100), Buffer.from('x'), damagedBytes.subarray(101)]));
    try {
      const target = fresh('incomplete.tar.gz');
      const io = collectIo();
      expect(await runBackup([target], { ...source(), backupDir: work }, io)).toBe(2);
      expect(io.err).toContain('2 bestand(en) waar de database naar verwijst zitten niet in de back-up');
      expect(io.err).toContain(`Verdwenen notitie.pdf (${gone}): ontbreekt`);
      expect(io.err).toContain(`Beschadigd verslag.pdf (${damaged}): beschadigd`);

      const manifest = readManifest(extract(target));
      expect(manifest.missingUploads).toEqual(
        [
          { sha256: gone, reason: 'missing' },
          { sha256: damaged, reason: 'damaged' },
        ].sort((x, y) => x.sha256.localeCompare(y.sha256)),
      );
      expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining([uploadEntry(documents.a), uploadEntry(documents.b)]));

      // Such an archive restores (the files were lost before the backup), and says so.
      const restoreIo = collectIo();
      const database = path.join(fresh('restore-incomplete'), 'koers.sqlite');
      expect(
        await runRestore(
          [target, '--database', database],
          { databaseFile: 'niet/gebruikt.sqlite', configuredUploadsDir: undefined },
          restoreIo,
        ),
      ).toBe(0);
      expect(restoreIo.err).toContain('2 bestand(en) ontbraken al toen de back-up werd gemaakt');
      expect(Object.keys(tree(path.join(path.dirname(database), 'uploads'))).sort()).toEqual(
        [uploadEntry(documents.a), uploadEntry(documents.b)].map((e) => e.replace(/^uploads\//, '')).sort(),
      );
    } finally {
      fs.writeFileSync(storedFilePath(gone), goneBytes);
      fs.writeFileSync(storedFilePath(damaged), damagedBytes);
    }
  });
});

describe('npm run restore', () => {
  it('restores into a fresh folder: the same database and the same files', async () => {
    const folder = fresh('fresh');
    const database = path.join(folder, 'data', 'koers.sqlite');
    const uploads = path.join(folder, 'bestanden');
    const result = await restoreBackup({ archive, databaseFile: database, uploadsDir: uploads });

    expectRestoredFrom(database, archive);
    expect(tree(uploads)).toEqual({
      [path.join(documents.a.slice(0, 2), documents.a)]: documents.a,
      [path.join(documents.b.slice(0, 2), documents.b)]: documents.b,
    });
    expect(result).toMatchObject({ database, uploadsDir: uploads, previous: { database: null, uploadsDir: null }, uploads: { count: 2 } });
    expect(result.migrations.latest).toBe(knownMigrations().at(-1)!.tag);
    // Only the restored things are there: no working folder, no journal files.
    expect(fs.readdirSync(path.dirname(database))).toEqual(['koers.sqlite']);
  });

  it('the command restores beside the given database by default, and checks an archive with --check', async () => {
    const folder = fresh('cli');
    const io = collectIo();
    expect(
      await runRestore(
        [archive, '--database', path.join(folder, 'koers.sqlite')],
        { databaseFile: 'x.sqlite', configuredUploadsDir: undefined },
        io,
      ),
    ).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual(['koers.sqlite', 'uploads']);
    expect(io.out).toMatch(/^Archief gecontroleerd: .*door Koers 0\.1\.0/);
    expect(io.out).toContain(`database  → ${path.join(folder, 'koers.sqlite')}`);
    expect(io.out).toContain(`bestanden → ${path.join(folder, 'uploads')}`);

    // KOERS_UPLOADS_DIR, when set, is where the files go (as the server would look for them).
    const elsewhere = fresh('configured-uploads');
    expect(
      await runRestore(
        [archive, '--database', path.join(fresh('cli2'), 'k.sqlite')],
        { databaseFile: 'x', configuredUploadsDir: elsewhere },
        collectIo(),
      ),
    ).toBe(0);
    expect(Object.keys(tree(elsewhere))).toHaveLength(2);

    const check = collectIo();
    expect(await runRestore(['--check', archive], { databaseFile: 'x', configuredUploadsDir: undefined }, check)).toBe(0);
    expect(check.out).toContain('Het archief is in orde.');
    const bad = collectIo();
    const broken = tampered(archive, (dir) => fs.appendFileSync(path.join(dir, uploadEntry(documents.b)), 'x'));
    expect(await runRestore(['--check', broken], { databaseFile: 'x', configuredUploadsDir: undefined }, bad)).toBe(1);
    expect(bad.err).toMatch(/^Terugzetten geweigerd: .*is niet meer wat manifest\.json zegt/);

    for (const args of [[], [archive, 'tweede'], [archive, '--force'], ['--check', archive, '--database', 'x']]) {
      const usage = collectIo();
      expect(await runRestore(args, { databaseFile: 'x', configuredUploadsDir: undefined }, usage)).toBe(1);
      expect(usage.err).toContain('Gebruik: npm run restore');
    }
  });

  it('keeps the previous database (with what its WAL held) and files aside, and leaves no journal of the old one beside the new one', async () => {
    const folder = fresh('existing');
    const database = path.join(folder, 'koers.sqlite');
    const uploads = path.join(folder, 'uploads');
    await restoreBackup({ archive, databaseFile: database, uploadsDir: uploads });
    // Koers worked on after the backup: a row committed to the WAL only (a process that
    // ended without closing, as a crash does), and a new upload.
    await runNode(
      `const db = new (require('better-sqlite3'))(${JSON.stringify(database)});
       db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
       db.exec("insert into organisations (name, kind) values ('Na de back-up', 'gemeente')");
       process.exit(0);`,
    );
    expect(fs.statSync(`${database}-wal`).size).toBeGreaterThan(0);
    fs.mkdirSync(path.join(uploads, 'ff'));
    fs.writeFileSync(path.join(uploads, 'ff', 'f'.repeat(64)), 'nieuw');

    const result = await restoreBackup({ archive, databaseFile: database, uploadsDir: uploads, now: new Date('2024-03-01T12:00:00Z') });
    expect(result.previous).toEqual({
      database: `${database}.before-restore-20240301-130000`,
      uploadsDir: `${uploads}.before-restore-20240301-130000`,
    });
    const organisationNamed = (file: string) => {
      const sqlite = new Database(file, { readonly: true });
      try {
        return sqlite.prepare("select count(*) from organisations where name = 'Na de back-up'").pluck().get();
      } finally {
        sqlite.close();
      }
    };
    expect(organisationNamed(result.previous.database!)).toBe(1);
    expect(organisationNamed(database)).toBe(0);
    expect(fs.readFileSync(path.join(result.previous.uploadsDir!, 'ff', 'f'.repeat(64)), 'utf8')).toBe('nieuw');
    expect(fs.existsSync(path.join(uploads, 'ff'))).toBe(false);
    expect(fs.readdirSync(folder).sort()).toEqual(
      ['koers.sqlite', 'koers.sqlite.before-restore-20240301-130000', 'uploads', 'uploads.before-restore-20240301-130000'].sort(),
    );

    // A second restore in the same second does not overwrite what the first set aside.
    const again = await restoreBackup({ archive, databaseFile: database, uploadsDir: uploads, now: new Date('2024-03-01T12:00:00Z') });
    expect(again.previous.database).toBe(`${database}.before-restore-20240301-130000-2`);
  });

  it('restores uploads to a folder on another file system (copied there and checked again before the swap)', async () => {
    // /dev/shm is memory, another file system than the temporary folder (where there is one).
    const otherDisk = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'koers-uploads-'));
    try {
      const database = path.join(fresh('cross-device'), 'koers.sqlite');
      const uploads = path.join(otherDisk, 'uploads');
      await restoreBackup({ archive, databaseFile: database, uploadsDir: uploads });
      expect(Object.values(tree(uploads)).sort()).toEqual([documents.a, documents.b].sort());
      expect(fs.readdirSync(otherDisk)).toEqual(['uploads']);
    } finally {
      fs.rmSync(otherDisk, { recursive: true, force: true });
    }
  });

  it('the restored files belong to the owner of the database they replace (a restore run as root)', async () => {
    const folder = fresh('owner');
    const database = path.join(folder, 'koers.sqlite');
    await restoreBackup({ archive, databaseFile: database, uploadsDir: path.join(folder, 'uploads') });
    // Koers' own user owns its files; the operator restores as root.
    if (process.getuid?.() === 0) fs.chownSync(database, 1234, 1234);
    const owner = fs.statSync(database).uid;
    await restoreBackup({ archive, databaseFile: database, uploadsDir: path.join(folder, 'uploads') });
    const owners = [
      database,
      path.join(folder, 'uploads'),
      ...Object.keys(tree(path.join(folder, 'uploads'))).map((f) => path.join(folder, 'uploads', f)),
    ].map((p) => fs.statSync(p).uid);
    expect(owners).toHaveLength(4);
    expect(new Set(owners)).toEqual(new Set([owner]));
  });

  it('restores over a damaged database (and keeps the damaged one aside)', async () => {
    const folder = fresh('damaged');
    const database = path.join(folder, 'koers.sqlite');
    fs.mkdirSync(folder);
    fs.writeFileSync(database, 'dit is geen database meer');
    const result = await restoreBackup({ archive, databaseFile: database, uploadsDir: path.join(folder, 'uploads') });
    expect(fs.readFileSync(result.previous.database!, 'utf8')).toBe('dit is geen database meer');
    expectRestoredFrom(database, archive);
  });

  it('refuses while a process (Koers) has the target database open, and changes nothing', async () => {
    const folder = fresh('in-use');
    const database = path.join(folder, 'koers.sqlite');
    const uploads = path.join(folder, 'uploads');
    await restoreBackup({ archive, databaseFile: database, uploadsDir: uploads });

    // Opens the database like the server does (WAL, a first read) and keeps it open.
    const holder = startNode(
      `const db = new (require('better-sqlite3'))(${JSON.stringify(database)});
       db.pragma('journal_mode = WAL'); db.prepare('select count(*) from users').get();
       console.log('open'); setInterval(() => {}, 1000);`,
    );
    try {
      await holder.ready;
      const before = tree(folder);
      await expect(restoreBackup({ archive, databaseFile: database, uploadsDir: uploads })).rejects.toThrow(
        /is in gebruik: draait Koers.*Er is niets veranderd/,
      );
      expect(tree(folder)).toEqual(before);
    } finally {
      holder.child.kill('SIGKILL');
      await new Promise((resolve) => holder.child.once('exit', resolve));
    }
    // Killed without closing: the kernel dropped its lock, so the restore goes ahead.
    await expect(restoreBackup({ archive, databaseFile: database, uploadsDir: uploads })).resolves.toMatchObject({ database });
  });

  describe('refuses a damaged or foreign archive, naming the problem, and changes nothing', () => {
    const otherUpload = randomBytes(200);
    const cases: [string, () => string, RegExp][] = [
      [
        'a changed byte in an uploaded file',
        () => tampered(archive, (dir) => flipByte(path.join(dir, uploadEntry(documents.a)))),
        /uploads\/.* is niet meer wat manifest\.json zegt/,
      ],
      [
        'a changed byte in the database',
        () => tampered(archive, (dir) => flipByte(path.join(dir, 'koers.sqlite'), 30_000)),
        /koers\.sqlite is niet meer wat manifest\.json zegt/,
      ],
      [
        'a missing file',
        () => tampered(archive, (dir) => fs.rmSync(path.join(dir, uploadEntry(documents.b)))),
        /In manifest\.json maar niet in het archief: uploads\//,
      ],
      [
        'an extra uploaded file',
        () => tampered(archive, (dir) => writeFile(path.join(dir, uploadEntry(sha256(otherUpload))), otherUpload)),
        /In het archief maar niet in manifest\.json: uploads\//,
      ],
      [
        'a file the format does not have',
        () => tampered(archive, (dir) => fs.writeFileSync(path.join(dir, 'lees-mij.txt'), 'hallo')),
        /bevat wat er niet in hoort: lees-mij\.txt/,
      ],
      [
        'a symbolic link',
        () =>
          tampered(archive, (dir) => {
            const link = path.join(dir, uploadEntry(sha256(otherUpload)));
            fs.mkdirSync(path.dirname(link), { recursive: true });
            fs.symlinkSync('/etc/passwd', link);
          }),
        /bevat wat er niet in hoort: uploads\//,
      ],
      [
        'a database journal',
        () => tampered(archive, (dir) => fs.writeFileSync(path.join(dir, 'koers.sqlite-wal'), 'x')),
        /bevat wat er niet in hoort: koers\.sqlite-wal/,
      ],
      ['no manifest', () => tampered(archive, (dir) => fs.rmSync(path.join(dir, 'manifest.json'))), /heeft geen manifest\.json/],
      [
        'a manifest that is not JSON',
        () => tampered(archive, (dir) => fs.writeFileSync(path.join(dir, 'manifest.json'), '{"format": "koers-')),
        /manifest\.json in het archief is geen geldige JSON/,
      ],
      [
        'a manifest of another format',
        () => tampered(archive, (dir) => writeManifest(dir, (m) => Object.assign(m, { format: 'iets-anders' }))),
        /geen Koers-back-up/,
      ],
      [
        'a newer archive format',
        () => tampered(archive, (dir) => writeManifest(dir, (m) => Object.assign(m, { formatVersion: 2 }))),
        /back-upformaat 2; deze Koers kent tot en met 1/,
      ],
      [
        'a manifest without its file list',
        () => tampered(archive, (dir) => writeManifest(dir, (m) => Reflect.deleteProperty(m, 'files'))),
        /manifest\.json is niet in orde: files/,
      ],
      [
        'a manifest whose hash does not match the name of the file',
        () =>
          tampered(archive, (dir) =>
            writeManifest(dir, (m) => (m.files.find((f) => f.path === uploadEntry(documents.a))!.sha256 = 'a'.repeat(64))),
          ),
        /SHA-256 die niet bij de naam past/,
      ],
      [
        'a corrupt database (its manifest entry forged to match)',
        () =>
          tampered(archive, (dir) => {
            // Pages 2 to 10 overwritten past their first bytes: b-tree pages among them.
            const file = path.join(dir, 'koers.sqlite');
            const bytes = fs.readFileSync(file);
            const pageSize = bytes.readUInt16BE(16);
            for (let page = 1; page < 10; page++) bytes.fill(0xa5, page * pageSize + 8, (page + 1) * pageSize);
            fs.writeFileSync(file, bytes);
            rehash(dir, 'koers.sqlite');
          }),
        /De database in het archief is beschadigd/,
      ],
      [
        'a database from a newer Koers',
        () =>
          tampered(archive, (dir) => {
            changeDatabase(
              dir,
              `insert into __drizzle_migrations (hash, created_at) values ('toekomst', ${knownMigrations().at(-1)!.when + 1000})`,
            );
            rehash(dir, 'koers.sqlite');
          }),
        /1 migratie\(s\) die deze Koers niet kent .*nieuwere Koers/,
      ],
      [
        'a database referring to a file the archive lacks',
        () =>
          tampered(archive, (dir) => {
            changeDatabase(dir, `update library_files set sha256 = '${'b'.repeat(64)}' where sha256 = '${documents.b}'`);
            rehash(dir, 'koers.sqlite');
          }),
        /verwijst naar bestanden die niet in het archief zitten: b{64}/,
      ],
      [
        'a file that is no archive',
        () => writeFile(fresh('geen.tar.gz'), Buffer.from('Dit is een boodschappenlijst.')),
        /Het archief is niet te lezen/,
      ],
      [
        'half an archive',
        () => writeFile(fresh('half.tar.gz'), fs.readFileSync(archive).subarray(0, 20_000)),
        /Het archief is niet te lezen/,
      ],
    ];

    let folder: string;
    let before: Record<string, string>;
    beforeAll(async () => {
      folder = fresh('target');
      await restoreBackup({ archive, databaseFile: path.join(folder, 'koers.sqlite'), uploadsDir: path.join(folder, 'uploads') });
      before = tree(folder);
    });

    it.each(cases)('%s', async (_name, make, message) => {
      const bad = make();
      const error = await restoreBackup({
        archive: bad,
        databaseFile: path.join(folder, 'koers.sqlite'),
        uploadsDir: path.join(folder, 'uploads'),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RestoreError);
      expect((error as Error).message).toMatch(message);
      expect(tree(folder)).toEqual(before);
    });
  });
});

describe('the daily backup', () => {
  const settings = (dir: string) => ({ time: '03:00', dir, keep: 2, ...source() });
  // Dutch summer time: 01:00 UTC is 03:00.
  const at = (day: string, utc: string) => new Date(`2024-07-${day}T${utc}:00Z`);

  it('runs once a day from the set Dutch time, also after a restart, and keeps the newest N archives', async () => {
    const dir = fresh('daily');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'koers-handmatig.tar.gz'), 'van iemand anders');
    const job = createBackupJob(settings(dir));
    expect(await job.runIfDue(at('01', '00:59'))).toBeNull();
    expect((await job.runIfDue(at('01', '01:00')))?.file).toBe(path.join(dir, 'koers-20240701-030000.tar.gz'));
    expect(await job.runIfDue(at('01', '01:01'))).toBeNull();
    // A restarted server sees today's archive and makes no second one.
    expect(await createBackupJob(settings(dir)).runIfDue(at('01', '09:00'))).toBeNull();
    // A server that was down at 03:00 makes it when it is back.
    expect((await job.runIfDue(at('02', '10:15')))?.file).toBe(path.join(dir, 'koers-20240702-121500.tar.gz'));
    expect((await job.runIfDue(at('03', '01:00')))?.file).toBe(path.join(dir, 'koers-20240703-030000.tar.gz'));
    expect(fs.readdirSync(dir).sort()).toEqual(['koers-20240702-121500.tar.gz', 'koers-20240703-030000.tar.gz', 'koers-handmatig.tar.gz']);
    // What it writes is the archive `npm run restore` takes.
    const referenced = db.selectDistinct({ sha256: libraryFiles.sha256 }).from(libraryFiles).all().length;
    await expect(
      restoreBackup({
        archive: path.join(dir, 'koers-20240703-030000.tar.gz'),
        databaseFile: path.join(fresh('r'), 'k.sqlite'),
        uploadsDir: fresh('u'),
      }),
    ).resolves.toMatchObject({ uploads: { count: referenced } });
  });

  it('pruning keeps the newest N by name, touches no other file, and removes working folders left for over a day', async () => {
    const dir = fresh('prune');
    fs.mkdirSync(dir);
    const names = [
      'koers-20240101-030000.tar.gz',
      'koers-20240102-030000.tar.gz',
      'koers-20231231-030000.tar.gz',
      'koers-20240103-030000.tar.gz',
    ];
    for (const name of [...names, 'koers-20240101-030000.tar.gz.bak', 'notities.txt']) fs.writeFileSync(path.join(dir, name), name);
    fs.mkdirSync(path.join(dir, '.koers-backup-oud'));
    fs.mkdirSync(path.join(dir, '.koers-backup-bezig'));
    const now = new Date('2024-01-03T12:00:00Z');
    fs.utimesSync(path.join(dir, '.koers-backup-oud'), new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
    fs.utimesSync(path.join(dir, '.koers-backup-bezig'), now, now);

    expect((await pruneBackups(dir, 3, now)).sort()).toEqual(['koers-20231231-030000.tar.gz']);
    expect(await pruneBackups(dir, 1, now)).toEqual(['koers-20240101-030000.tar.gz', 'koers-20240102-030000.tar.gz']);
    expect(fs.readdirSync(dir).sort()).toEqual([
      '.koers-backup-bezig',
      'koers-20240101-030000.tar.gz.bak',
      'koers-20240103-030000.tar.gz',
      'notities.txt',
    ]);
    expect(parseArchiveName('koers-20240103-030000.tar.gz')).toEqual({ date: '20240103', time: '030000' });
  });

  it('a failed backup is logged, not thrown, and tried again an hour later', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const dir = fresh('failing');
    const job = createBackupJob({ ...settings(dir), databaseFile: path.join(dir, 'weg.sqlite') });
    expect(await job.runIfDue(at('01', '01:00'))).toBeNull();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toContain('Dagelijkse back-up mislukt');
    expect(await job.runIfDue(at('01', '01:30'))).toBeNull();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(await job.runIfDue(at('01', '02:01'))).toBeNull();
    expect(logged).toHaveBeenCalledTimes(2);
  });

  it('start-up stops with a message naming KOERS_BACKUP_DIR when the folder cannot be made; off starts nothing', () => {
    const file = fresh('a-file');
    fs.writeFileSync(file, '');
    expect(() => startBackupSchedule(settings(path.join(file, 'backups')))).toThrow(
      /^KOERS_BACKUP_DIR: de back-upmap .* kan niet worden gemaakt/,
    );
    const offDir = fresh('off');
    startBackupSchedule({ ...settings(offDir), time: 'off' }).stop();
    expect(fs.existsSync(offDir)).toBe(false);
  });

  it('the settings are checked at start-up, naming the variable', () => {
    expect(parseEnv({ NODE_ENV: 'test' })).toMatchObject({ KOERS_BACKUP_TIME: 'off', KOERS_BACKUP_DIR: 'backups', KOERS_BACKUP_KEEP: 14 });
    expect(parseEnv({ NODE_ENV: 'test', KOERS_BACKUP_TIME: '03:00', KOERS_BACKUP_KEEP: '7' })).toMatchObject({
      KOERS_BACKUP_TIME: '03:00',
      KOERS_BACKUP_KEEP: 7,
    });
    for (const time of ['3:00', '24:00', '03:60', 'nacht', 'OFF'])
      expect(() => parseEnv({ NODE_ENV: 'test', KOERS_BACKUP_TIME: time })).toThrow(/KOERS_BACKUP_TIME: use HH:MM/);
    for (const keep of ['0', 'veel', '2.5'])
      expect(() => parseEnv({ NODE_ENV: 'test', KOERS_BACKUP_KEEP: keep })).toThrow(/KOERS_BACKUP_KEEP/);
    expect(() => parseEnv({ NODE_ENV: 'test', KOERS_BACKUP_DIR: '' })).toThrow(/KOERS_BACKUP_DIR/);
  });
});

function flipByte(file: string, offset = 1000) {
  const bytes = fs.readFileSync(file);
  bytes[offset] = bytes[offset]! ^ 0xff;
  fs.writeFileSync(file, bytes);
}

function writeFile(file: string, bytes: Buffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

/** Runs a snippet of JavaScript in a separate Node process (from the project folder, so `require` finds better-sqlite3). */
function startNode(code: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['-e', code], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`node exited (${code}): ${stderr}`)));
  });
  return { child, ready };
}

function runNode(code: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const { child, ready } = startNode(code);
    ready.catch(() => {}); // this one prints nothing: only its exit counts
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node exited with ${code}`))));
  });
}
