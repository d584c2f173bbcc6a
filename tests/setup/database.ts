import { db } from '../../app/utils/db.server';
import { migrateDatabase } from '../../db/migrate';
import { bootstrapDatabase } from '../../db/seed/bootstrap';

/**
 * Brings this test file's database to the state of a fresh installation: migrations,
 * organisations, the 2020–2024 agenda and the demo accounts with their history.
 */
export async function prepareDatabase({ demo = true }: { demo?: boolean } = {}) {
  migrateDatabase(db);
  await bootstrapDatabase(db, { demo, demoPassword: process.env.KOERS_DEMO_PASSWORD ?? 'koers-demo' });
  return db;
}
