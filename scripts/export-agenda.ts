/**
 * `npm run -s export [-- [--periode 2020-2024] <file.md>]`: writes the agenda of a period (default: the current one) in the outline format
 * (docs/agenda-format.md) to the file, or to standard output without one. Regional
 * actions only; local actions belong to the municipalities' accents.
 */
import fs from 'node:fs';

import { exportAgendaText } from '../app/models/tracker/agenda-import.server';
import type { Db } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { type CliIo, isMainModule, processIo } from './cli-io';

/** Runs the export on a migrated database; returns the exit code. */
export function runExport(db: Db, file: string | undefined, io: CliIo = processIo, slug?: string): number {
  const text = exportAgendaText(db, { slug });
  if (text === null && slug) {
    io.stderr(`Er is geen periode ${slug}; kies een bestaande, bijvoorbeeld --periode 2020-2024.\n`);
    return 1;
  }
  if (text === null) {
    io.stderr('Er staat nog geen agenda in de database; importeer er eerst een met npm run import -- <bestand.md>.\n');
    return 1;
  }
  if (!file) {
    io.stdout(text);
    return 0;
  }
  try {
    fs.writeFileSync(file, text, 'utf8');
  } catch (error) {
    io.stderr(`Kan "${file}" niet schrijven: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout(`Agenda geschreven naar ${file}\n`);
  return 0;
}

if (isMainModule(import.meta.url)) {
  const { db } = await import('../app/utils/db.server');
  migrateDatabase(db);
  // `--periode <slug>` picks the period (default: the current one); the other argument is the file.
  const args = process.argv.slice(2);
  const at = args.indexOf('--periode');
  const slug = at === -1 ? undefined : args[at + 1];
  const rest = at === -1 ? args : args.filter((_, i) => i !== at && i !== at + 1);
  process.exitCode = runExport(db, rest[0], processIo, slug);
}
