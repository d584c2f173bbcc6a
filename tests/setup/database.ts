import { db } from '../../app/utils/db.server';
import { migrateDatabase } from '../../db/migrate';
import { bootstrapDatabase } from '../../db/seed/bootstrap';

/**
 * Brings this test file's database to the state of a fresh installation: migrations,
 * organisations, the 2020–2024 agenda and the demo accounts with their history.
 * The demo's second period (2020–2024 closed, 2025–2028 current) only when a test asks
 * for it (`periods: true`): the other tests work in 2020–2024 as the current period,
 * which is also what an installation upgraded from before the periods has.
 */
export async function prepareDatabase({ demo = true, periods = false }: { demo?: boolean; periods?: boolean } = {}) {
  migrateDatabase(db);
  await bootstrapDatabase(db, { demo, demoPassword: process.env.KOERS_DEMO_PASSWORD ?? 'koers-demo', demoPeriods: periods });
  return db;
}
