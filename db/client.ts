import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';

import * as schema from './schema';
import { withStatementCache } from './statement-cache';

export type Db = ReturnType<typeof openDatabase>;

/**
 * Opens (creating if needed) the SQLite file with the settings Koers relies on:
 * WAL so readers never wait for the writer, foreign keys enforced, and a busy
 * timeout so a second process (a CLI, a backup) waits instead of failing.
 */
export function openDatabase(file: string) {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const database = drizzle(withStatementCache(sqlite), { schema });
  // Code that prepares on the connection itself gets its own statements, never drizzle's.
  database.$client = sqlite;
  // Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), waiting for
  // it under busy_timeout. A deferred one reads first and asks for the lock at its first
  // write; if another process (the real-time process storing a keystroke, docs/decisions/024)
  // committed in between, SQLite refuses at once with SQLITE_BUSY_SNAPSHOT and no wait
  // helps, so a user's save would fail. Read-only work does not need a transaction here.
  const deferred = database.transaction.bind(database);
  database.transaction = (work, config) => deferred(work, { behavior: 'immediate', ...config });
  return database;
}
