/**
 * npm run backup [-- <target file>]
 *
 * Writes a consistent copy of the database of KOERS_DATABASE with SQLite's online
 * backup API, so the server may keep running (and writing) meanwhile. Default target:
 * backups/koers-YYYYMMDD-HHMMSS.sqlite. The copy is checked with PRAGMA integrity_check
 * and left as one self-contained file (rollback journal, not WAL), ready to restore by
 * putting it in place of the database while the server is stopped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import Database from 'better-sqlite3';

import type { Db } from '../db/client';

export class BackupError extends Error {}

function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function defaultBackupFile(now = new Date()): string {
  return path.join('backups', `koers-${timestamp(now)}.sqlite`);
}

export type BackupResult = { file: string; bytes: number; integrity: string };

/** Copies the open database to `target` (never overwriting a file) and verifies the copy. */
export async function backupDatabase(db: Db, target: string = defaultBackupFile()): Promise<BackupResult> {
  const file = path.resolve(target);
  if (file === path.resolve(db.$client.name)) throw new BackupError('Het doelbestand is de database zelf; kies een ander bestand.');
  if (fs.existsSync(file)) throw new BackupError(`${file} bestaat al; kies een andere naam.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await db.$client.backup(file);

  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') throw new BackupError(`De kopie ${file} is niet in orde: ${integrity}`);
    return { file, bytes: fs.statSync(file).size, integrity };
  } finally {
    copy.close();
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  try {
    if (args.length > 1 || args.some((a) => a.startsWith('-'))) throw new BackupError('Gebruik: npm run backup [-- <doelbestand>]');
    const { env } = await import('../app/utils/env.server');
    if (!fs.existsSync(env.KOERS_DATABASE)) throw new BackupError(`Database ${env.KOERS_DATABASE} bestaat niet (KOERS_DATABASE).`);
    const { db } = await import('../app/utils/db.server');
    const result = await backupDatabase(db, args[0]);
    console.log(`Back-up geschreven: ${result.file} (${formatBytes(result.bytes)}), integriteitscontrole: ${result.integrity}`);
    db.$client.close();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
