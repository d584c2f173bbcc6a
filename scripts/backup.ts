/**
 * npm run backup [-- <archive>]
 *
 * Writes one archive (server/backups/archive-format.ts) with a consistent copy of the
 * database of KOERS_DATABASE, every uploaded file it refers to and a manifest with
 * their SHA-256; Koers may keep running meanwhile. Default target:
 * KOERS_BACKUP_DIR/koers-YYYYMMDD-HHMMSS.tar.gz (Dutch time). Never overwrites a file.
 *
 * Exit code 0: written. 1: nothing written (the reason is printed). 2: written, but
 * files the database refers to were missing from the uploads folder (they are listed;
 * the archive holds everything else).
 */
import path from 'node:path';

import { env, uploadsDirFor } from '../app/utils/env.server';
import { archiveName } from '../server/backups/archive-format';
import { BackupError, type BackupResult, writeBackup } from '../server/backups/write-backup';
import { type CliIo, isMainModule, processIo } from './cli-io';

export const BACKUP_USAGE = 'Gebruik: npm run backup [-- <archief.tar.gz>]';

export type BackupSettings = { databaseFile: string; uploadsDir: string; backupDir: string };

export async function runBackup(args: string[], settings: BackupSettings, io: CliIo = processIo, now = new Date()): Promise<number> {
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    io.stderr(`${BACKUP_USAGE}\n`);
    return 1;
  }
  try {
    const result = await writeBackup({
      databaseFile: settings.databaseFile,
      uploadsDir: settings.uploadsDir,
      target: args[0] ?? path.join(settings.backupDir, archiveName(now)),
      now,
    });
    io.stdout(describeBackup(result));
    if (result.missingUploads.length === 0) return 0;
    io.stderr(describeMissingUploads(result));
    return 2;
  } catch (error) {
    io.stderr(`Back-up mislukt: ${error instanceof BackupError ? error.message : String(error)}\nEr is geen archief geschreven.\n`);
    return 1;
  }
}

export function describeBackup(result: BackupResult): string {
  const lines = [
    `Back-up geschreven: ${result.file} (${formatBytes(result.bytes)})`,
    `  database: ${formatBytes(result.database.bytes)}, migratie ${result.database.migrations.latest ?? '—'}, integriteitscontrole: ok`,
    `  bestanden: ${result.uploads.count} (${formatBytes(result.uploads.bytes)})`,
  ];
  if (result.unreferencedUploads > 0) {
    lines.push(`  niet meegenomen: ${result.unreferencedUploads} bestand(en) in de uploadsmap waar de database niet naar verwijst`);
  }
  return `${lines.join('\n')}\n`;
}

export function describeMissingUploads(result: BackupResult): string {
  const reasons = { missing: 'ontbreekt', damaged: 'beschadigd: klopt niet meer met de SHA-256' };
  return (
    `Let op: ${result.missingUploads.length} bestand(en) waar de database naar verwijst zitten niet in de back-up:\n` +
    result.missingUploads.map((m) => `  ${m.name} (${m.sha256}): ${reasons[m.reason]}\n`).join('') +
    'Zet ze terug in de uploadsmap (KOERS_UPLOADS_DIR) vanuit een eerdere back-up, of upload ze opnieuw.\n'
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await runBackup(process.argv.slice(2), {
    databaseFile: env.KOERS_DATABASE,
    uploadsDir: uploadsDirFor(env.KOERS_DATABASE, env.KOERS_UPLOADS_DIR),
    backupDir: env.KOERS_BACKUP_DIR,
  });
}
