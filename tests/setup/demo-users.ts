import { eq } from 'drizzle-orm';

import { db } from '../../app/utils/db.server';
import { users } from '../../db/schema';
import { ACCOUNTS, type Who } from './accounts';
import { sessionFor } from './requests';

/** The user id of a demo account (after prepareDatabase). */
export function demoUserId(who: Who): number {
  return db.select({ id: users.id }).from(users).where(eq(users.email, ACCOUNTS[who])).get()!.id;
}

/**
 * Signs every demo account in (after prepareDatabase): each one's session cookie, user id
 * and display name, by short name.
 */
export async function signInDemoAccounts() {
  const cookies = {} as Record<Who, string>;
  const ids = {} as Record<Who, number>;
  const names = {} as Record<Who, string>;
  for (const who of Object.keys(ACCOUNTS) as Who[]) {
    cookies[who] = await sessionFor(ACCOUNTS[who]);
    const user = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, ACCOUNTS[who])).get()!;
    ids[who] = user.id;
    names[who] = user.name;
  }
  return { cookies, ids, names };
}
