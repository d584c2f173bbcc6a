import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { LIBRARY_ACTION_CHECKBOXES_MAX } from '../../app/models/library/library-action-choice.server';
import { action as editAction, loader as editLoader } from '../../app/routes/kennisbank.$itemId_.bewerken';
import { loader as choiceLoader } from '../../app/routes/kennisbank.actiekeuze';
import { action as newAction, loader as newLoader } from '../../app/routes/kennisbank.nieuw';
import { db } from '../../app/utils/db.server';
import { actions, agendas, libraryItemLinks, libraryItems } from '../../db/schema';
import { type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { signInDemoAccounts } from '../setup/demo-users';
import { BASE, payloadOf, runLoader, statusOf } from '../setup/requests';

// The library item form links actions of any period (decision 038). On the demo's agenda
// (39 actions over 2020–2024 and 2025–2028) every action is a checkbox, as always; past
// 60 the form lists the chosen ones and takes one more by code, "#number" or title, which
// the server reads on saving (without JavaScript too). Codes and titles repeat across the
// two periods, so a label names its period and an ambiguous text is refused in Dutch.
let cookies: Record<Who, string>;
let oldPeriod: number;
let currentPeriod: number;

const periodId = (slug: string) => db.select({ id: agendas.id }).from(agendas).where(eq(agendas.slug, slug)).get()!.id;
const actionsOf = (agendaId: number) => db.select().from(actions).where(eq(actions.agendaId, agendaId)).orderBy(asc(actions.id)).all();
/** A code both periods have (the demo's 2025–2028 carried actions over with their codes). */
function sharedCode() {
  const current = actionsOf(currentPeriod);
  const old = actionsOf(oldPeriod).find((a) => a.code !== null && current.some((c) => c.code === a.code))!;
  return { code: old.code!, old, current: current.find((c) => c.code === old.code)! };
}
const linksOf = (itemId: number) =>
  db
    .select({ targetId: libraryItemLinks.targetId })
    .from(libraryItemLinks)
    .where(and(eq(libraryItemLinks.itemId, itemId), eq(libraryItemLinks.targetType, 'action')))
    .all()
    .map((l) => l.targetId)
    .sort((a, b) => a - b);
const actionCount = () => db.select({ n: count() }).from(actions).get()!.n;
const snapshot = () => ({ items: db.select().from(libraryItems).all(), links: db.select().from(libraryItemLinks).all() });

/** Posts the form as a browser without JavaScript does: repeated names for the checked boxes. */
async function post(action: typeof newAction, path: string, fields: [string, string][], { who = 'haarlem' as Who, itemId = '' } = {}) {
  const request = new Request(BASE + path, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies[who] },
  });
  try {
    return await action({ request, params: itemId ? { itemId } : {}, context: { clientAddress: '127.0.0.1' } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
const newLink = (fields: [string, string][]) =>
  post(newAction, '/kennisbank/nieuw?soort=link', [['kind', 'link'], ['url', 'https://example.org'], ...fields]);
const savedId = (result: unknown) => {
  expect(statusOf(result)).toBe(302);
  return Number(/^\/kennisbank\/(\d+)\?/.exec((result as Response).headers.get('Location')!)![1]);
};

async function suggestions(q: string, { who = 'haarlem' as Who, naam = false } = {}) {
  const result = await runLoader(choiceLoader, `/kennisbank/actiekeuze?q=${encodeURIComponent(q)}${naam ? '&naam=1' : ''}`, {
    cookie: cookies[who],
  });
  const ok = result instanceof Response && result.ok;
  return {
    status: statusOf(result),
    body: ok
      ? ((await result.json()) as {
          actions: { id: number; label: string }[];
          named?: { id: number; label: string } | null;
          message?: string;
        })
      : null,
  };
}

/** Makes the agenda long: copies of 2025–2028's actions under new codes, past the checkbox limit. */
function growAgenda() {
  const [model] = actionsOf(currentPeriod);
  const { id: _id, createdAt: _c, updatedAt: _u, carriedFromId: _f, ...rest } = model;
  const extra = LIBRARY_ACTION_CHECKBOXES_MAX + 1 - actionCount();
  for (let i = 1; i <= extra; i++)
    db.insert(actions)
      .values({ ...rest, code: `9.9.z-Z${i}`, title: `Extra actie ${i}` })
      .run();
}

beforeAll(async () => {
  await prepareDatabase({ periods: true });
  ({ cookies } = await signInDemoAccounts());
  oldPeriod = periodId('2020-2024');
  currentPeriod = periodId('2025-2028');
});

describe('the library form on a short agenda', () => {
  it('offers every action as a checkbox, as before', async () => {
    const all = actionCount();
    expect(all).toBeLessThanOrEqual(LIBRARY_ACTION_CHECKBOXES_MAX);
    const page = payloadOf(await runLoader(newLoader, '/kennisbank/nieuw?soort=link', { cookie: cookies.haarlem }));
    expect(page.options.actions).toHaveLength(all);
    expect(page.actionField).toBeNull();
  });
});

describe('the library form on a long agenda', () => {
  beforeAll(growAgenda);

  it('sends no list of actions, only the chosen ones, with their period; ?actie= still preselects', async () => {
    const { old } = sharedCode();
    const page = payloadOf(await runLoader(newLoader, `/kennisbank/nieuw?soort=link&actie=${old.id}`, { cookie: cookies.haarlem }));
    expect(page.options.actions).toBeNull();
    expect(page.values.actionIds).toEqual([String(old.id)]);
    expect(page.actionField.chosen).toEqual([{ id: old.id, label: `2020–2024 · ${old.code} — ${old.title}` }]);
    // An unknown action asked for is no preselection (and no error).
    const unknown = payloadOf(await runLoader(newLoader, '/kennisbank/nieuw?soort=link&actie=99999999', { cookie: cookies.haarlem }));
    expect(unknown.values.actionIds).toEqual([]);
    expect(unknown.actionField.chosen).toEqual([]);
  });

  it('suggests actions of both periods, labelled with the period, and only of the period typed first', async () => {
    const { code, old, current } = sharedCode();
    const { status, body } = await suggestions(code);
    expect(status).toBe(200);
    // The exact code first, the newest period's before the older one's.
    expect(body!.actions.slice(0, 2)).toEqual([
      { id: current.id, label: `2025–2028 · ${code} — ${current.title}` },
      { id: old.id, label: `2020–2024 · ${code} — ${old.title}` },
    ]);
    const only = await suggestions(`2025-2028 · ${code.toLowerCase()}`);
    expect(only.body!.actions[0]).toEqual({ id: current.id, label: `2025–2028 · ${code} — ${current.title}` });
    expect(only.body!.actions.every((a) => a.label.startsWith('2025–2028 · '))).toBe(true);
    expect((await suggestions('Extra actie 6')).body!.actions.map((a) => a.label)).toEqual(['2025–2028 · 9.9.z-Z6 — Extra actie 6']);
  });

  it('answers what a typed text names, or why not, for "Toevoegen"', async () => {
    const { code, current } = sharedCode();
    const named = await suggestions(`2025–2028 · ${code}`, { naam: true });
    expect(named.body!.named).toEqual({ id: current.id, label: `2025–2028 · ${code} — ${current.title}` });
    const ambiguous = await suggestions(code, { naam: true });
    expect(ambiguous.body!.named).toBeNull();
    expect(ambiguous.body!.message).toBe(
      `De code ${code} bestaat in 2020–2024 en 2025–2028. Kies een suggestie, of typ de periode ervoor, bijvoorbeeld "2025–2028 · ${code}".`,
    );
  });

  it('refuses the suggestions to those who may not add to the library', async () => {
    expect((await suggestions('1.3', { who: 'lezer' })).status).toBe(403);
    for (const who of ['beheerder', 'velsen', 'zandvoort', 'adviseur'] as const)
      expect((await suggestions('1.3', { who })).status, who).toBe(200);
  });

  it('links the typed action on saving, without JavaScript, beside those checked', async () => {
    const { code, old, current } = sharedCode();
    const extra = actionsOf(currentPeriod).find((a) => a.code === '9.9.z-Z3')!;
    const cases: [string, number][] = [
      [`2025–2028 · ${code} — ${current.title}`, current.id],
      [`2020-2024 ${code.toLowerCase()}`, old.id],
      [`#${current.id}`, current.id],
      ['9.9.Z-z3', extra.id],
      ['  EXTRA ACTIE 3 ', extra.id],
    ];
    for (const [typed, expected] of cases) {
      const id = savedId(
        await newLink([
          ['title', `Getypt: ${typed}`],
          ['actionIds', String(old.id)],
          ['actionChoice', typed],
        ]),
      );
      expect(linksOf(id), typed).toEqual([...new Set([old.id, expected])].sort((a, b) => a - b));
    }
  });

  it('refuses a text that names no action or several, in Dutch beside the field; keeps what was typed and saves nothing', async () => {
    const { code } = sharedCode();
    const twins = actionsOf(currentPeriod)
      .filter((a) => a.code?.startsWith('9.9.z-'))
      .slice(0, 2);
    for (const twin of twins) db.update(actions).set({ title: 'Tweemaal dezelfde titel' }).where(eq(actions.id, twin.id)).run();
    const before = snapshot();
    const cases: [string, RegExp][] = [
      [code, new RegExp(`^De code ${code.replace(/\./g, '\\.')} bestaat in 2020–2024 en 2025–2028\\.`)],
      ['Z-999', /^Er is geen actie met de code, het nummer of de titel "Z-999"\./],
      ['2025–2028 · Z-999', /^Er is geen actie van 2025–2028 met de code, het nummer of de titel "2025–2028 · Z-999"\./],
      ['1999–2003 · 1.3.a-A1', /^Er is geen periode "1999–2003"\./],
      ['#99999999', /^Er is geen actie met/],
      ['tweemaal dezelfde titel', /^Meer dan één actie heeft deze titel\./],
    ];
    for (const [typed, message] of cases) {
      const result = await newLink([
        ['title', 'Blijft staan'],
        ['summary', 'Mijn samenvatting'],
        ['actionChoice', typed],
      ]);
      expect(statusOf(result), typed).toBe(400);
      const { fieldErrors, values } = payloadOf(result);
      expect(fieldErrors.actionChoice, typed).toMatch(message);
      expect(values).toMatchObject({ title: 'Blijft staan', summary: 'Mijn samenvatting', actionChoice: typed });
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses an unknown action id, and shows a resolved text among the chosen when another field is wrong', async () => {
    const { current } = sharedCode();
    const before = snapshot();
    const unknown = await newLink([
      ['title', 'Onbekend'],
      ['actionIds', '99999999'],
    ]);
    expect(statusOf(unknown)).toBe(400);
    expect(payloadOf(unknown).fieldErrors.actionIds).toBe('Een van de gekozen acties bestaat niet (meer).');

    const untitled = await newLink([
      ['title', ''],
      ['actionChoice', `#${current.id}`],
    ]);
    expect(statusOf(untitled)).toBe(400);
    const { fieldErrors, values, actionField } = payloadOf(untitled);
    expect(fieldErrors.title).toBeTruthy();
    expect(fieldErrors.actionChoice).toBeUndefined();
    expect(values.actionChoice).toBe('');
    expect(actionField.chosen).toEqual([{ id: current.id, label: `2025–2028 · ${current.code} — ${current.title}` }]);
    expect(snapshot()).toEqual(before);
  });

  it('on the edit page lists the linked actions; unchecking unlinks, typing links one more', async () => {
    const { old, current } = sharedCode();
    const id = savedId(
      await newLink([
        ['title', 'Te bewerken'],
        ['actionIds', String(old.id)],
        ['actionIds', String(current.id)],
      ]),
    );
    const page = payloadOf(
      await runLoader(editLoader, `/kennisbank/${id}/bewerken`, { cookie: cookies.haarlem, params: { itemId: String(id) } }),
    );
    expect(page.options.actions).toBeNull();
    expect(page.actionField.chosen.map((c: { id: number }) => c.id).sort()).toEqual([old.id, current.id].sort());

    const extra = actionsOf(currentPeriod).find((a) => a.code === '9.9.z-Z7')!;
    const fields: [string, string][] = [
      ['title', 'Te bewerken'],
      ['url', 'https://example.org'],
      ['actionIds', String(current.id)],
    ];
    expect(
      statusOf(await post(editAction, `/kennisbank/${id}/bewerken`, [...fields, ['actionChoice', '9.9.z-Z7']], { itemId: String(id) })),
    ).toBe(302);
    expect(linksOf(id)).toEqual([current.id, extra.id].sort((a, b) => a - b));

    // Bad text: nothing changes, the links included.
    const before = snapshot();
    const refused = await post(editAction, `/kennisbank/${id}/bewerken`, [...fields, ['actionChoice', 'Z-999']], { itemId: String(id) });
    expect(statusOf(refused)).toBe(400);
    expect(snapshot()).toEqual(before);
    // Someone who may not edit the item (lezer) still gets a 403, typed action or not.
    expect(
      statusOf(
        await post(editAction, `/kennisbank/${id}/bewerken`, [...fields, ['actionChoice', '9.9.z-Z7']], {
          who: 'lezer',
          itemId: String(id),
        }),
      ),
    ).toBe(403);
    expect(snapshot()).toEqual(before);
  });
});
