/**
 * Closing a period with a large agenda (decision 039): above 60 open actions the form
 * asks per chapter, with exceptions named by code, #number or title, each with a choice
 * of its own; the server expands the chapters' choices per action in the one transaction
 * that closes the period. The real agenda (the demo's 39 actions) keeps the form per action.
 */
import { createHash } from 'node:crypto';

import { and, asc, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';

import { ClosingByChapter } from '../../app/components/periods/closing-by-chapter';
import { agendaPointLinks } from '../../app/i18n/nl/agenda-point-links';
import { periodClosing } from '../../app/i18n/nl/period-closing';
import type { ClosingFormContent } from '../../app/models/periods/closing-form.server';
import { createConcept, getCurrentPeriod, listOpenActions, listOpenChapters } from '../../app/models/periods/period.server';
import { asActor } from '../../app/models/permissions';
import { loader as suggestLoader } from '../../app/routes/periodes.$slug_.actiekeuze';
import { action as closeAction, loader as closeLoader } from '../../app/routes/periodes.$slug_.afsluiten';
import { loader as adoptLoader } from '../../app/routes/periodes.$slug_.vaststellen';
import { db } from '../../app/utils/db.server';
import { actions, agendas, goals, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { BASE, payloadOf, runLoader, sessionFor, statusOf } from '../setup/requests';

type Chapter = { themeId: number; code: string; title: string; open: number };
type Open = ReturnType<typeof listOpenActions>[number];

const cookies = {} as Record<Who, string>;
let slug: string;
let periodId: number;
let conceptLabel: string;

const sqlite = () => (db as unknown as { $client: { prepare: (sql: string) => { all: () => unknown[] } } }).$client;
/** A fingerprint of every table a closing touches: equal before and after means nothing changed. */
const fingerprint = () =>
  createHash('sha256')
    .update(
      JSON.stringify(
        ['agendas', 'goals', 'actions', 'history'].map((table) => sqlite().prepare(`select * from ${table} order by id`).all()),
      ),
    )
    .digest('hex');

const closePage = async (who: Who = 'haarlem') =>
  runLoader(closeLoader, `/periodes/${slug}/afsluiten`, { params: { slug }, cookie: cookies[who] });
const suggest = async (q: string, who: Who = 'haarlem', periodSlug = slug) =>
  runLoader(suggestLoader, `/periodes/${periodSlug}/actiekeuze?q=${encodeURIComponent(q)}`, {
    params: { slug: periodSlug },
    cookie: cookies[who],
  });

const suggestions = async (q: string) => ((await suggest(q)) as Response).json() as Promise<{ actions: string[] }>;

/** Posts the closing form; fields as pairs, since the exceptions repeat one name. */
async function post(fields: [string, string][], who: Who = 'haarlem') {
  const request = new Request(`${BASE}/periodes/${slug}/afsluiten`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies[who] },
  });
  try {
    return await closeAction({ request, params: { slug }, context: { clientAddress: '127.0.0.1' } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const chapterChoice = (chapter: Chapter, choice: string, reason = ''): [string, string][] => [
  [`hoofdstuk-keuze-${chapter.themeId}`, choice],
  [`hoofdstuk-reden-${chapter.themeId}`, reason],
];
const exception = (action: Open, choice: string | null, reason = ''): [string, string][] => [
  ['uitzondering', String(action.id)],
  ...(choice ? ([[`keuze-${action.id}`, choice]] as [string, string][]) : []),
  [`reden-${action.id}`, reason],
];

let chapters: Chapter[];
let open: Open[];

beforeAll(async () => {
  await prepareDatabase();
  for (const who of Object.keys(ACCOUNTS) as Who[]) cookies[who] = await sessionFor(ACCOUNTS[who]);
  ({ slug, id: periodId } = getCurrentPeriod()!);
});

describe('the real agenda', () => {
  it('keeps the form per action: every open action with its own choice', async () => {
    const data = payloadOf(await closePage());
    expect(data.content.mode).toBe('perAction');
    expect(data.content.actions).toHaveLength(listOpenActions(periodId).length);
    expect(data.content.actions.length).toBeGreaterThan(0);
  });
});

describe('a large agenda', () => {
  beforeAll(() => {
    const haarlem = asActor(db.select().from(users).where(eq(users.email, ACCOUNTS.haarlem)).get()!);
    const concept = createConcept(haarlem, { title: 'Volgende agenda', periodStart: 2025, periodEnd: 2028 });
    if (!concept.ok) throw new Error(concept.message);
    conceptLabel = '2025–2028';
    // 30 more open actions in the first goal of each chapter that has goals, and two sharing a title.
    const firstGoals = db
      .select({ id: goals.id, themeId: goals.themeId })
      .from(goals)
      .where(eq(goals.agendaId, periodId))
      .orderBy(asc(goals.position), asc(goals.id))
      .all()
      .filter((goal, i, all) => all.findIndex((g) => g.themeId === goal.themeId) === i);
    for (const goal of firstGoals) {
      for (let i = 0; i < 30; i++) {
        db.insert(actions)
          .values({ goalId: goal.id, agendaId: periodId, title: `Extra ${goal.themeId}-${i}`, position: 1000 + i, status: 'loopt' })
          .run();
      }
    }
    for (const goal of firstGoals.slice(0, 2)) {
      db.insert(actions).values({ goalId: goal.id, agendaId: periodId, title: 'Dezelfde titel', position: 2000, status: 'loopt' }).run();
    }
    chapters = listOpenChapters(periodId);
    open = listOpenActions(periodId);
    expect(chapters.length).toBeGreaterThan(1);
  });

  it('asks per chapter, with each chapter’s count, and sends no action list', async () => {
    const data = payloadOf(await closePage());
    expect(data.content.mode).toBe('byChapter');
    expect(data.content.open).toBe(open.length);
    expect(data.content.chapters.map((c: Chapter) => [c.code, c.open])).toEqual(
      chapters.map((c) => [c.code, open.filter((a) => a.themeId === c.themeId).length]),
    );
    expect(data.content.actions).toBeUndefined();
    expect(data.successorLabel).toBe(conceptLabel);
  });

  it('refuses the page, the form and the suggestions to whoever may not close a period', async () => {
    const before = fingerprint();
    for (const who of ['lezer', 'adviseur', 'zandvoort'] as Who[]) {
      expect(statusOf(await closePage(who))).toBe(403);
      expect(
        statusOf(
          await post(
            chapters.flatMap((c) => chapterChoice(c, 'niet_afgerond', 'Gestopt')),
            who,
          ),
        ),
      ).toBe(403);
      expect(statusOf(await suggest('Extra', who))).toBe(403);
    }
    expect(fingerprint()).toBe(before);
    expect(statusOf(await suggest('Extra', 'beheerder'))).toBe(200);
  });

  it('suggests at most 20 open actions of the period, and answers an unknown period with a 404', async () => {
    const found = await suggestions('Extra');
    expect(found.actions).toHaveLength(20);
    expect(found.actions.every((label) => label.includes('Extra'))).toBe(true);
    const done = db
      .select()
      .from(actions)
      .where(and(eq(actions.agendaId, periodId), eq(actions.status, 'afgerond')))
      .get()!;
    // A finished action needs no choice: not suggested, even by its number.
    expect((await suggestions(`#${done.id}`)).actions).toEqual([]);
    expect((await suggestions(`#${open[0].id}`)).actions).toHaveLength(1);
    expect(statusOf(await suggest('Extra', 'haarlem', '1990-1994'))).toBe(404);
  });

  it('adds an exception by its code or #number, keeping what was chosen, and presets the other choice', async () => {
    const [first, second] = chapters;
    const coded = open.find((a) => a.themeId === first.themeId && a.code)!;
    const added = await post([
      ...chapterChoice(first, 'meenemen'),
      ['uitzondering-zoeken', coded.code!.toUpperCase()],
      ['intent', 'uitzondering-toevoegen'],
    ]);
    expect(statusOf(added)).toBe(200);
    const data = payloadOf(added);
    expect(data.exceptions.map((a: Open) => a.id)).toEqual([coded.id]);
    expect(data.values[`hoofdstuk-keuze-${first.themeId}`]).toBe('meenemen');
    expect(data.values[`keuze-${coded.id}`]).toBe('niet_afgerond');
    expect(data.values['uitzondering-zoeken']).toBeUndefined();

    const extra = open.find((a) => a.themeId === second.themeId && !a.code)!;
    const twice = payloadOf(
      await post([...exception(coded, 'niet_afgerond'), ['uitzondering-zoeken', `#${extra.id}`], ['intent', 'uitzondering-toevoegen']]),
    );
    expect(twice.exceptions.map((a: Open) => a.id).sort()).toEqual([coded.id, extra.id].sort());

    const removed = payloadOf(
      await post([...exception(coded, 'niet_afgerond'), ...exception(extra, null), ['intent', `verwijderen-${coded.id}`]]),
    );
    expect(removed.exceptions.map((a: Open) => a.id)).toEqual([extra.id]);
  });

  it('answers unknown, ambiguous, closed, repeated or empty exception text beside the field, and changes nothing', async () => {
    const before = fingerprint();
    const add = async (text: string, more: [string, string][] = []) => {
      const result = await post([...more, ['uitzondering-zoeken', text], ['intent', 'uitzondering-toevoegen']]);
      expect(statusOf(result)).toBe(400);
      const data = payloadOf(result);
      expect(data.values['uitzondering-zoeken']).toBe(text);
      return data.fieldErrors['uitzondering-zoeken'] as string;
    };
    expect(await add('Bestaat niet')).toBe(agendaPointLinks.actionNotInPeriod('Bestaat niet', '2020–2024'));
    expect(await add('dezelfde titel')).toBe(agendaPointLinks.actionTitleAmbiguous('2020–2024'));
    expect(await add('')).toBe(periodClosing.searchEmpty);
    const done = db
      .select()
      .from(actions)
      .where(and(eq(actions.agendaId, periodId), eq(actions.status, 'afgerond')))
      .get()!;
    expect(await add(`#${done.id}`)).toMatch(/niet meer open/);
    const one = open[0];
    expect(await add(`#${one.id}`, exception(one, 'meenemen'))).toMatch(/staat al bij de uitzonderingen/);
    expect(fingerprint()).toBe(before);
    expect(getCurrentPeriod()!.id).toBe(periodId);
  });

  it('refuses a close with a chapter undecided, a chapter without reason, an exception without choice or text not added', async () => {
    const before = fingerprint();
    const [first, second, ...rest] = chapters;
    const others = rest.flatMap((c) => chapterChoice(c, 'meenemen'));
    const excepted = open.find((a) => a.themeId === first.themeId)!;

    const undecided = await post([...chapterChoice(second, 'meenemen'), ...others]);
    expect(statusOf(undecided)).toBe(400);
    const countFirst = open.filter((a) => a.themeId === first.themeId).length;
    expect(payloadOf(undecided).fieldErrors).toMatchObject({
      _form: `Kies voor ${countFirst} open acties wat ermee gebeurt.`,
      [`hoofdstuk-keuze-${first.themeId}`]: periodClosing.chapterUndecided,
    });

    const noReason = payloadOf(
      await post([...chapterChoice(first, 'niet_afgerond', '  '), ...chapterChoice(second, 'meenemen'), ...others]),
    );
    expect(noReason.fieldErrors[`hoofdstuk-reden-${first.themeId}`]).toBe(periodClosing.chapterReasonRequired);

    const exceptionUndecided = await post([
      ...chapterChoice(first, 'meenemen'),
      ...chapterChoice(second, 'meenemen'),
      ...others,
      ...exception(excepted, null),
    ]);
    expect(statusOf(exceptionUndecided)).toBe(400);
    expect(payloadOf(exceptionUndecided).fieldErrors[`keuze-${excepted.id}`]).toBe('Kies voor 1 open actie wat ermee gebeurt.');
    // The form comes back with its exception, to choose for it.
    expect(payloadOf(exceptionUndecided).exceptions.map((a: Open) => a.id)).toEqual([excepted.id]);

    const exceptionNoReason = payloadOf(
      await post([
        ...chapterChoice(first, 'meenemen'),
        ...chapterChoice(second, 'meenemen'),
        ...others,
        ...exception(excepted, 'niet_afgerond'),
      ]),
    );
    expect(exceptionNoReason.fieldErrors[`reden-${excepted.id}`]).toMatch(/Geef een reden/);

    const pending = payloadOf(
      await post([...chapters.flatMap((c) => chapterChoice(c, 'meenemen')), ['uitzondering-zoeken', excepted.title]]),
    );
    expect(pending.fieldErrors['uitzondering-zoeken']).toBe(periodClosing.searchPending);

    // An exception that is not an open action of this period (a stale or forged form): a finished one.
    const finished = db
      .select()
      .from(actions)
      .where(and(eq(actions.agendaId, periodId), eq(actions.status, 'afgerond')))
      .get()!.id;
    const forged = await post([
      ...chapters.flatMap((c) => chapterChoice(c, 'meenemen')),
      ['uitzondering', String(finished)],
      [`keuze-${finished}`, 'meenemen'],
    ]);
    expect(statusOf(forged)).toBe(400);
    expect(payloadOf(forged).fieldErrors._form).toMatch(/hoort niet \(meer\) bij de open acties/);

    expect(fingerprint()).toBe(before);
    expect(db.select().from(agendas).where(eq(agendas.id, periodId)).get()!.status).toBe('vastgesteld');
  });

  it('asks per chapter when a concept is adopted too, for the open actions of the current period', async () => {
    const page = async (who: Who) =>
      runLoader(adoptLoader, '/periodes/2025-2028/vaststellen', { params: { slug: '2025-2028' }, cookie: cookies[who] });
    const data = payloadOf(await page('haarlem'));
    expect(data.content.mode).toBe('byChapter');
    expect(data.content.open).toBe(open.length);
    expect(data.content.suggestUrl).toBe(`/periodes/${slug}/actiekeuze`);
    expect(statusOf(await page('lezer'))).toBe(403);
  });

  it('closes with each chapter’s choice for its actions and the exceptions’ own, in one go', async () => {
    const [first, second, ...rest] = chapters;
    const inFirst = open.filter((a) => a.themeId === first.themeId);
    const inSecond = open.filter((a) => a.themeId === second.themeId);
    const [stopFromFirst] = inFirst;
    const [carryFromSecond] = inSecond;
    const result = await post([
      ...chapterChoice(first, 'meenemen'),
      ...chapterChoice(second, 'niet_afgerond', 'Geen capaciteit'),
      ...rest.flatMap((c) => chapterChoice(c, 'meenemen')),
      ...exception(stopFromFirst, 'niet_afgerond', 'Vervalt met de nieuwe wet'),
      ...exception(carryFromSecond, 'meenemen'),
    ]);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get('Location')).toBe(`/periodes/${slug}?afgesloten=1`);
    expect(db.select().from(agendas).where(eq(agendas.id, periodId)).get()!.status).toBe('afgesloten');

    const outcome = (id: number) => db.select().from(actions).where(eq(actions.id, id)).get()!;
    const stopped = open.filter((a) => outcome(a.id).periodOutcome === 'niet_afgerond').map((a) => a.id);
    const carried = open.filter((a) => outcome(a.id).periodOutcome === 'meegenomen').map((a) => a.id);
    const expectedStopped = [...inSecond.filter((a) => a.id !== carryFromSecond.id).map((a) => a.id), stopFromFirst.id];
    expect(stopped.sort()).toEqual(expectedStopped.sort());
    expect(carried).toHaveLength(open.length - expectedStopped.length);
    expect(outcome(stopFromFirst.id).periodOutcomeReason).toBe('Vervalt met de nieuwe wet');
    expect(outcome(inSecond[1].id).periodOutcomeReason).toBe('Geen capaciteit');
    const copies = db.select().from(actions).where(eq(actions.carriedFromId, carryFromSecond.id)).all();
    expect(copies).toHaveLength(1);
  });
});

describe('the summary of a form per chapter', () => {
  it('counts each chapter’s actions by its choice, the exceptions by their own', () => {
    const chapterList: Chapter[] = [
      { themeId: 1, code: '1', title: 'Een', open: 10 },
      { themeId: 2, code: '2', title: 'Twee', open: 5 },
      { themeId: 3, code: '3', title: 'Drie', open: 4 },
    ];
    const content: ClosingFormContent = { mode: 'byChapter', open: 19, chapters: chapterList, period: '2020–2024', suggestUrl: '/x' };
    const action = (id: number, themeId: number) =>
      ({
        id,
        themeId,
        code: null,
        title: `Actie ${id}`,
        status: 'loopt',
        progress: 0,
        goalCode: '1.1',
        themeCode: String(themeId),
      }) as Open;
    const html = renderToStaticMarkup(
      createElement(ClosingByChapter, {
        content,
        exceptions: [action(100, 1), action(101, 1), action(102, 2)],
        successorLabel: '2025–2028',
        errors: {},
        values: {
          'hoofdstuk-keuze-1': 'meenemen',
          'hoofdstuk-keuze-2': 'niet_afgerond',
          'keuze-100': 'niet_afgerond',
          'keuze-102': 'meenemen',
        },
      }),
    );
    // Chapter 1: 8 carried + exception 100 not finished (101 undecided); chapter 2: 4 not finished + 102 carried; chapter 3: 4 undecided.
    expect(html).toContain('9 meenemen, 5 niet afgerond, 5 nog te kiezen.');
  });
});
