/**
 * `npm run import -- <file.md>`: imports an agenda outline (docs/agenda-format.md)
 * into the database named by KOERS_DATABASE, after applying the migrations.
 * Prints "N nieuw, M gewijzigd, K ongewijzigd", what changed and which codes the file
 * no longer holds; on any error prints each "regel N: …", changes nothing and exits 1.
 */
import fs from 'node:fs';

import { formatAgendaError } from '../app/models/tracker/agenda-format';
import { AGENDA_CHANGE_CODE, importAgendaText, type ImportSummary } from '../app/models/tracker/agenda-import.server';
import type { Db } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedOrganisations } from '../db/seed/bootstrap';
import { type CliIo, isMainModule, processIo } from './cli-io';

const FIELD_LABELS: Record<string, string> = {
  title: 'titel',
  body: 'tekst',
  description: 'tekst',
  kind: 'soort',
  periodStart: 'periode',
  periodEnd: 'periode',
  targetYear: 'doeljaar',
  deadlinePhrase: 'termijn',
  ownerOrganisationId: 'trekker',
  partners: 'partners',
  position: 'volgorde',
  themeId: 'hoofdstuk',
  goalId: 'doel',
};

/** The summary as the command prints it. */
export function formatImportSummary(summary: ImportSummary): string {
  const lines = [`${summary.created} nieuw, ${summary.updated} gewijzigd, ${summary.unchanged} ongewijzigd`];
  if (summary.createdCodes.length > 0) lines.push(`nieuw: ${summary.createdCodes.join(', ')}`);
  for (const change of summary.changes) {
    // deadlineStart/deadlineEnd follow from the phrase and are not named separately.
    const labels = [...new Set(change.fields.map((f) => FIELD_LABELS[f]).filter(Boolean))];
    const what = change.code === AGENDA_CHANGE_CODE ? 'de agenda zelf' : change.code;
    lines.push(`gewijzigd: ${what} (${labels.join(', ')})`);
  }
  if (summary.notInFile.length > 0) {
    lines.push(`niet in het bestand (blijven staan, niet verwijderd): ${summary.notInFile.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs the import on a migrated database; returns the exit code. */
export function runImport(db: Db, file: string | undefined, io: CliIo = processIo): number {
  if (!file) {
    io.stderr('Gebruik: npm run import -- <bestand.md>\n');
    return 1;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr(`Kan "${file}" niet lezen: ${(error as Error).message}\n`);
    return 1;
  }
  // A trekker must be a known organisation, also on a database that was never started.
  seedOrganisations(db);
  const result = importAgendaText(db, text, { userId: null });
  if (!result.ok) {
    io.stderr(`Fouten in ${file}:\n${result.errors.map((e) => `${formatAgendaError(e)}\n`).join('')}`);
    io.stderr(`${result.errors.length === 1 ? '1 fout' : `${result.errors.length} fouten`}; er is niets geïmporteerd.\n`);
    return 1;
  }
  io.stdout(formatImportSummary(result.summary));
  return 0;
}

if (isMainModule(import.meta.url)) {
  const { db } = await import('../app/utils/db.server');
  migrateDatabase(db);
  process.exitCode = runImport(db, process.argv[2]);
}
