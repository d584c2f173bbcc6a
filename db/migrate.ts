import { fileURLToPath } from 'node:url';

import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

import type { Db } from './client';

// Resolved from this file, never from inside the Remix bundle (which lives in build/).
const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder });
}
