import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

import { count } from 'drizzle-orm';

import { importAgendaText } from '../../app/models/tracker/agenda-import.server';
import type { Db } from '../client';
import { agendas, organisations, users } from '../schema';
import { seedDemo } from './demo';
import { MUNICIPALITIES, PARTNERS } from './organisations';

/** The municipalities and partners, on a database that has no organisations yet. */
export function seedOrganisations(db: Db) {
  const orgCount = db.select({ n: count() }).from(organisations).get()?.n ?? 0;
  if (orgCount > 0) return;
  db.insert(organisations)
    .values([
      ...MUNICIPALITIES.map((name) => ({ name, kind: 'gemeente' as const })),
      ...PARTNERS.map((name) => ({ name, kind: 'partner' as const })),
    ])
    .run();
}

export const SEED_AGENDA_FILE = fileURLToPath(new URL('./samenwerkingsagenda-2020-2024.md', import.meta.url));

/**
 * Brings an empty database to a usable state: the organisations, the 2020–2024
 * agenda and, unless turned off, the demo accounts with a realistic history (and, unless
 * `demoPeriods` is false, the 2020–2024 period closed and 2025–2028 adopted from it).
 * Each step runs only when its table is empty, so restarts change nothing.
 */
export async function bootstrapDatabase(db: Db, opts: { demo: boolean; demoPassword: string; demoPeriods?: boolean }) {
  seedOrganisations(db);
  const agendaCount = db.select({ n: count() }).from(agendas).get()?.n ?? 0;
  if (agendaCount === 0) {
    const result = importAgendaText(db, fs.readFileSync(SEED_AGENDA_FILE, 'utf8'), { userId: null });
    if (!result.ok) throw new Error(`Seed agenda is invalid:\n${result.errors.map((e) => `regel ${e.line}: ${e.message}`).join('\n')}`);
  }
  const userCount = db.select({ n: count() }).from(users).get()?.n ?? 0;
  if (userCount === 0 && opts.demo) await seedDemo(db, opts.demoPassword, { periods: opts.demoPeriods ?? true });
}
