/**
 * npm run demo-accounts -- off   deactivates every demo account and ends its sessions
 * npm run demo-accounts -- on    reactivates them
 *
 * For an installation that started with the demo data and goes into real use.
 * (KOERS_DEMO=off keeps a fresh database from getting demo accounts at all.)
 */
import { pathToFileURL } from 'node:url';

import { setDemoAccountsActive } from '../app/models/accounts/user.server';
import { db } from '../app/utils/db.server';
import { migrateDatabase } from '../db/migrate';

export function switchDemoAccounts(mode: string): string {
  if (mode !== 'on' && mode !== 'off') throw new Error('Gebruik: npm run demo-accounts -- off   (of: on)');
  const { changed } = setDemoAccountsActive(mode === 'on');
  return mode === 'off'
    ? `${changed} demo-account(s) gedeactiveerd; hun sessies zijn beëindigd.`
    : `${changed} demo-account(s) weer geactiveerd.`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  try {
    if (args.length !== 1) throw new Error('Gebruik: npm run demo-accounts -- off   (of: on)');
    migrateDatabase(db);
    console.log(switchDemoAccounts(args[0]));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
