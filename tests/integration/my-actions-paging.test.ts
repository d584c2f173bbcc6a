/**
 * "Mijn acties" of someone with many actions (docs/decisions/033): the open ones of each
 * section a page at a time (the list's page size), each table its own page parameter; my
 * closed ones counted and linked to the list; my organisation's closed ones paged when
 * asked for. Bad page numbers show the first page with a message, never a 500.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getCurrentPeriod } from '../../app/models/periods/period.server';
import { PAGE_SIZE } from '../../app/models/tracker/action-list.server';
import { compareDeadlines } from '../../app/models/tracker/deadline';
import { myActionsHref } from '../../app/models/tracker/my-actions';
import { loader as mineLoader } from '../../app/routes/acties.mijn';
import { addDays } from '../../app/utils/date-time';
import { db } from '../../app/utils/db.server';
import { todayInNL } from '../../app/utils/today';
import { actions, goals, users } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runLoader, sessionFor, statusOf } from '../setup/requests';

type Row = { id: number; code: string; status: string; overdue: boolean; deadlineStart: string | null; deadlineEnd: string | null };

let cookie: string;
let me: { id: number; organisationId: number };

const mine = async (query = '') => {
  const result = await runLoader(mineLoader, `/acties/mijn${query}`, { cookie });
  expect(statusOf(result)).toBe(200);
  return payloadOf(result);
};
const ids = (rows: Row[]) => rows.map((r) => r.id);
const ownerOf = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!.ownerUserId;

beforeAll(async () => {
  await prepareDatabase();
  cookie = await sessionFor(ACCOUNTS.haarlem);
  me = db.select({ id: users.id, organisationId: users.organisationId }).from(users).where(eq(users.email, ACCOUNTS.haarlem)).get()!;
  const period = getCurrentPeriod()!;
  const goalId = db.select({ id: goals.id }).from(goals).where(eq(goals.agendaId, period.id)).get()!.id;
  const today = todayInNL();
  const add = (n: number, code: string, fields: Partial<typeof actions.$inferInsert>) => {
    for (let i = 0; i < n; i++) {
      // Deadlines spread over the past and the future, so some are overdue; every fifth has none.
      const end = i % 5 === 0 ? null : addDays(today, (i % 2 === 0 ? -1 : 1) * (10 + i));
      db.insert(actions)
        .values({ goalId, agendaId: period.id, code: `${code}${i}`, title: `${code} ${i}`, position: 100 + i, deadlineEnd: end, ...fields })
        .run();
    }
  };
  add(60, 'MIJN-', { ownerUserId: me.id, status: 'loopt' });
  add(55, 'ORG-', { ownerUserId: null, ownerOrganisationId: me.organisationId, status: 'niet_gestart' });
  add(60, 'ORGDICHT-', { ownerUserId: null, ownerOrganisationId: me.organisationId, status: 'afgerond' });
});

describe('my actions, a page at a time', () => {
  it('shows my open actions the list’s page size at a time, urgent first, the order running on to the next page', async () => {
    const first = await mine();
    expect(first.own.open.total).toBeGreaterThan(PAGE_SIZE);
    expect(first.own.open.pageCount).toBe(Math.ceil(first.own.open.total / PAGE_SIZE));
    expect(first.own.open.rows).toHaveLength(PAGE_SIZE);
    const second = await mine('?pagina-mijn=2');
    expect(second.own.open.page).toBe(2);
    const rows = [...first.own.open.rows, ...second.own.open.rows] as Row[];
    expect(rows).toHaveLength(first.own.open.total);
    expect(new Set(ids(rows)).size).toBe(rows.length);
    expect(rows.every((r) => ownerOf(r.id) === me.id && r.status !== 'afgerond' && r.status !== 'vervallen')).toBe(true);
    // Overdue ones first, then by deadline.
    const firstOnTime = rows.findIndex((r) => !r.overdue);
    expect(firstOnTime).toBeGreaterThan(0);
    expect(rows.slice(firstOnTime).some((r) => r.overdue)).toBe(false);
    const onTime = rows.slice(firstOnTime).map((r) => ({ start: r.deadlineStart, end: r.deadlineEnd }));
    expect(onTime).toEqual([...onTime].sort(compareDeadlines));
  });

  it('pages each table on its own: paging one keeps the others where they are', async () => {
    const first = await mine();
    const org = await mine('?pagina-organisatie=2');
    expect(org.organisation.open.page).toBe(2);
    expect(org.organisation.open.rows).toHaveLength(first.organisation.open.total - PAGE_SIZE);
    expect(ids(org.organisation.open.rows)).not.toEqual(ids(first.organisation.open.rows));
    expect(org.own.open.page).toBe(1);
    expect(ids(org.own.open.rows)).toEqual(ids(first.own.open.rows));
    const own = await mine('?pagina-mijn=2');
    expect(own.own.open.page).toBe(2);
    expect(ids(own.organisation.open.rows)).toEqual(ids(first.organisation.open.rows));

    // The page links: one table moves, the other stays, the period named in the address too.
    const shown = { periode: '2025-2028', pages: { own: 2, organisation: 2, organisationClosed: null } };
    expect(myActionsHref(shown, 'own', 1, 'mijn-heading')).toBe('/acties/mijn?periode=2025-2028&pagina-organisatie=2#mijn-heading');
    expect(myActionsHref(shown, 'organisationClosed', 3, 'afgerond')).toBe(
      '/acties/mijn?periode=2025-2028&pagina-mijn=2&pagina-organisatie=2&pagina-afgerond=3#afgerond',
    );
  });

  it('counts my organisation’s closed actions, and pages them when asked for', async () => {
    const page = await mine();
    expect(page.organisation.closed.shown).toBeNull();
    expect(page.organisation.closed.total).toBeGreaterThan(PAGE_SIZE);
    const second = await mine('?pagina-afgerond=2');
    const rows = second.organisation.closed.shown.rows as Row[];
    expect(second.organisation.closed.shown.page).toBe(2);
    expect(rows).toHaveLength(page.organisation.closed.total - PAGE_SIZE);
    expect(rows.every((r) => r.status === 'afgerond' || r.status === 'vervallen')).toBe(true);
    expect(rows.some((r) => ownerOf(r.id) === me.id)).toBe(false);
    // The open tables stay on their first page.
    expect(second.own.open.page).toBe(1);
  });

  it('answers a page number that is no page number with the first page and a message, and one past the end with the last page', async () => {
    const bad = await mine('?pagina-mijn=abc');
    expect(bad.pageInvalid).toBe(true);
    expect(bad.own.open.page).toBe(1);
    const zero = await mine('?pagina-afgerond=0');
    expect(zero.pageInvalid).toBe(true);
    expect(zero.organisation.closed.shown.page).toBe(1);
    const far = await mine('?pagina-organisatie=9999');
    expect(far.pageInvalid).toBe(false);
    expect(far.organisation.open.page).toBe(far.organisation.open.pageCount);
    expect(far.organisation.open.rows.length).toBeGreaterThan(0);
  });
});
