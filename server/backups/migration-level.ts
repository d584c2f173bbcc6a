/**
 * How far a database's schema is: drizzle records each applied migration in
 * `__drizzle_migrations` with the timestamp of its entry in db/migrations/meta/_journal.json.
 * A backup from a newer Koers carries migrations this Koers does not know; restoring it
 * would leave a schema the code does not understand, so restore refuses. An older one is
 * fine: the server migrates it forward at start-up.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

import type Database from 'better-sqlite3';

import type { MigrationLevel } from './archive-format';

type JournalEntry = { when: number; tag: string };

const JOURNAL = fileURLToPath(new URL('../../db/migrations/meta/_journal.json', import.meta.url));

/** The migrations this Koers ships, oldest first. */
export function knownMigrations(): JournalEntry[] {
  const { entries } = JSON.parse(fs.readFileSync(JOURNAL, 'utf8')) as { entries: JournalEntry[] };
  return entries.map(({ when, tag }) => ({ when, tag })).sort((a, b) => a.when - b.when);
}

/** The timestamps of the migrations applied to a database, oldest first; null without drizzle's table (not a Koers database). */
export function appliedMigrations(sqlite: Database.Database): number[] | null {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!table) return null;
  return (sqlite.prepare('select created_at from __drizzle_migrations order by created_at').pluck().all() as (number | string)[]).map(
    Number,
  );
}

export function migrationLevel(applied: number[]): MigrationLevel {
  const createdAt = applied.length > 0 ? Math.max(...applied) : null;
  const latest = createdAt === null ? null : (knownMigrations().find((m) => m.when === createdAt)?.tag ?? null);
  return { count: applied.length, latest, createdAt };
}

/** Applied migrations that this Koers does not ship: the database comes from a newer (or another) Koers. */
export function unknownMigrations(applied: number[]): number[] {
  const known = new Set(knownMigrations().map((m) => m.when));
  return applied.filter((when) => !known.has(when));
}
