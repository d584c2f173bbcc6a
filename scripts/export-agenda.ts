/**
 * `npm run -s export [-- <file.md>]`: writes the current agenda in the outline format
 * (docs/agenda-format.md) to the file, or to standard output without one. Regional
 * actions only; local actions belong to the municipalities' accents.
 */
import fs from 'node:fs';

import { exportAgendaText } from '../app/models/tracker/agenda-import.server';
import type { Db } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { type CliIo, isMainModule, processIo } from './cli-io';

/** Runs the export on a migrated database; returns the exit code. */
export function runExport(db: Db, file: string | undefined, io: CliIo = processIo): number {
  const text = exportAgendaText(db);
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
  process.exitCode = runExport(db, process.argv[2]);
}
