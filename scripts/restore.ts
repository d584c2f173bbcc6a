/**
 * npm run restore -- <archive> [--database <file>] [--uploads <folder>]
 * npm run restore -- --check <archive>
 *
 * Verifies a backup archive (every file against the manifest, the database's integrity,
 * a schema this Koers knows) and puts its database and uploaded files in place of
 * KOERS_DATABASE and its uploads folder (or the ones given). Refuses while Koers (or any
 * program) has the database open. What was there before is kept beside it as
 * `<name>.before-restore-<time>`. `--check` only verifies.
 *
 * Exit code 0: restored (or, with --check, in order). 1: refused or failed; nothing changed.
 */
import { parseArgs } from 'node:util';

import { formatDateTime } from '../app/utils/date-time';
import { env, uploadsDirFor } from '../app/utils/env.server';
import { restoreBackup, RestoreError, type RestoreResult, type VerifiedBackup, verifyBackup } from '../server/backups/restore-backup';
import { formatBytes } from './backup';
import { type CliIo, isMainModule, processIo } from './cli-io';

export const RESTORE_USAGE = [
  'Gebruik: npm run restore -- <archief.tar.gz> [--database <bestand>] [--uploads <map>]',
  '         npm run restore -- --check <archief.tar.gz>   (alleen controleren)',
].join('\n');

/** Where a restore goes without options: the database and uploads folder Koers uses (the environment). */
export type RestoreDefaults = { databaseFile: string; configuredUploadsDir: string | undefined };

export async function runRestore(args: string[], defaults: RestoreDefaults, io: CliIo = processIo): Promise<number> {
  let options: { archive: string; check: boolean; database: string | undefined; uploads: string | undefined };
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { database: { type: 'string' }, uploads: { type: 'string' }, check: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new Error('één archief');
    if (values.check && (values.database || values.uploads)) throw new Error('--check zonder doel');
    options = { archive: positionals[0]!, check: values.check, database: values.database, uploads: values.uploads };
  } catch {
    io.stderr(`${RESTORE_USAGE}\n`);
    return 1;
  }

  try {
    if (options.check) {
      const verified = await verifyBackup(options.archive);
      io.stdout(`${describeVerified(options.archive, verified)}\nHet archief is in orde.\n`);
      io.stderr(describeRecordedMissing(verified));
      return 0;
    }
    const databaseFile = options.database ?? defaults.databaseFile;
    // The same rule as the server: KOERS_UPLOADS_DIR, or uploads/ beside the database.
    const uploadsDir = options.uploads ?? uploadsDirFor(databaseFile, defaults.configuredUploadsDir);
    const result = await restoreBackup({ archive: options.archive, databaseFile, uploadsDir });
    io.stdout(describeRestore(result));
    io.stderr(describeRecordedMissing(result));
    return 0;
  } catch (error) {
    io.stderr(`Terugzetten geweigerd: ${error instanceof RestoreError ? error.message : String(error)}\n`);
    return 1;
  }
}

function describeVerified(archive: string, verified: VerifiedBackup): string {
  const { manifest, migrations, uploads } = verified;
  const made = `gemaakt op ${formatDateTime(manifest.createdAt)} door Koers ${manifest.koers.version}${manifest.koers.commit ? ` (${manifest.koers.commit.slice(0, 10)})` : ''}`;
  return [
    `Archief gecontroleerd: ${archive}, ${made}`,
    `  database: integriteitscontrole ok, migratie ${migrations.latest ?? '—'} (${migrations.count})`,
    `  bestanden: ${uploads.count} (${formatBytes(uploads.bytes)}), alle SHA-256 kloppen`,
  ].join('\n');
}

function describeRestore(result: RestoreResult): string {
  const lines = [
    describeVerified(result.archive, result),
    'Teruggezet:',
    `  database  → ${result.database}`,
    `  bestanden → ${result.uploadsDir}`,
  ];
  if (result.previous.database) lines.push(`De vorige database staat nu in ${result.previous.database}`);
  if (result.previous.uploadsDir) lines.push(`De vorige bestanden staan nu in ${result.previous.uploadsDir}`);
  if (result.previous.database || result.previous.uploadsDir) {
    lines.push('(Ongedaan maken: stop Koers en zet die terug op hun oude naam.)');
  }
  lines.push('Start Koers opnieuw.');
  return `${lines.join('\n')}\n`;
}

/** Files that were already gone when the backup was made: restoring cannot bring them back. */
function describeRecordedMissing({ manifest }: VerifiedBackup): string {
  if (manifest.missingUploads.length === 0) return '';
  return (
    `Let op: ${manifest.missingUploads.length} bestand(en) ontbraken al toen de back-up werd gemaakt en zijn niet teruggezet:\n` +
    manifest.missingUploads.map((m) => `  ${m.sha256}\n`).join('')
  );
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await runRestore(process.argv.slice(2), {
    databaseFile: env.KOERS_DATABASE,
    configuredUploadsDir: env.KOERS_UPLOADS_DIR,
  });
}
