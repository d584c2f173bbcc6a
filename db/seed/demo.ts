import { eq } from 'drizzle-orm';

import { hashPassword } from '../../app/models/accounts/password.server';
import type { Db } from '../client';
import { organisations, users } from '../schema';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { seedDemoFinance } from './demo-finance';
import { seedDemoHistory } from './demo-history';
import { seedDemoLibrary } from './demo-library';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoMonitor } from './demo-monitor';
import { seedDemoNotifications } from './demo-notifications';
import { seedDemoPeriods } from './demo-periods';
import { seedDemoYearReports } from './demo-year-reports';

/**
 * The demo accounts, and a history that makes the workspace look lived in. With
 * `periods` (the default) the 2020–2024 agenda is closed and 2025–2028 adopted from it
 * (demo-periods.ts); without, 2020–2024 stays the current period.
 */
export async function seedDemo(db: Db, password: string, { periods = true }: { periods?: boolean } = {}) {
  const passwordHash = await hashPassword(password);
  const orgId = (name: string) => {
    const org = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get();
    if (!org) throw new Error(`Demo seed: unknown organisation ${name}`);
    return org.id;
  };
  db.transaction((tx) => {
    for (const account of DEMO_ACCOUNTS) {
      tx.insert(users)
        .values({
          email: account.email,
          name: account.name,
          role: account.role,
          organisationId: orgId(account.organisation),
          passwordHash,
          isDemo: true,
        })
        .run();
    }
    seedDemoHistory(tx);
    if (periods) seedDemoPeriods(tx);
    seedDemoLibrary(tx);
    seedDemoMeetings(tx);
    seedDemoNotifications(tx);
    seedDemoMonitor(tx);
    seedDemoFinance(tx);
  });
  // Last, after the transaction: the yearly reports freeze what the monitor and the money say.
  if (periods) seedDemoYearReports(db);
}
