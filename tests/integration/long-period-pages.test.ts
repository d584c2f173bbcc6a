/**
 * A period with thousands of actions (decision 034): its page shows the balance's figures
 * per chapter and links to each chapter's balance, which lists the actions fifty to a
 * page; the accent matrix of a period with many goals shows one chapter at a time. The
 * real agenda (the demo's 2020–2024) keeps everything on one page, as before.
 */
import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getPeriodBalance } from '../../app/models/periods/balance.server';
import { getCurrentPeriod } from '../../app/models/periods/period.server';
import { loader as matrixLoader } from '../../app/routes/accenten._index';
import { loader as periodLoader } from '../../app/routes/periodes.$slug';
import { loader as chapterBalanceLoader } from '../../app/routes/periodes.$slug_.hoofdstukken.$themeId_.balans';
import { db } from '../../app/utils/db.server';
import { actions, goals, themes } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runLoader, sessionFor, statusOf } from '../setup/requests';

type Row = { id: number; title: string };
type Goal = { id: number; actions: Row[] };
type Chapter = { id: number; counts: { total: number }; goals: Goal[] };

let cookie: string;
let slug: string;
let periodId: number;
let chapters: { id: number; kind: string }[];

const periodPage = async () => payloadOf(await runLoader(periodLoader, `/periodes/${slug}`, { params: { slug }, cookie }));
const chapterPage = async (themeId: number | string, query = '', periodSlug = slug) =>
  runLoader(chapterBalanceLoader, `/periodes/${periodSlug}/hoofdstukken/${themeId}/balans${query}`, {
    params: { slug: periodSlug, themeId: String(themeId) },
    cookie,
  });
const matrix = async (query = '') => runLoader(matrixLoader, `/accenten${query}`, { cookie });

const actionsOfPeriod = () => db.select({ n: count() }).from(actions).where(eq(actions.agendaId, periodId)).get()!.n;
const goalsOfPeriod = () => db.select({ n: count() }).from(goals).where(eq(goals.agendaId, periodId)).get()!.n;

beforeAll(async () => {
  await prepareDatabase();
  cookie = await sessionFor(ACCOUNTS.lezer);
  const period = getCurrentPeriod()!;
  ({ slug, id: periodId } = period);
  chapters = db
    .select({ id: themes.id, kind: themes.kind })
    .from(themes)
    .where(eq(themes.agendaId, periodId))
    .orderBy(asc(themes.position), asc(themes.id))
    .all();
});

describe('the real agenda', () => {
  it('keeps every action of the period on its page, with its outcome', async () => {
    const data = await periodPage();
    expect(data.balance.withActions).toBe(true);
    const rows = data.balance.chapters.flatMap((c: Chapter) => c.goals.flatMap((g) => g.actions));
    expect(rows).toHaveLength(actionsOfPeriod());
    expect(rows.length).toBeGreaterThan(0);
  });

  it('keeps the whole accent matrix on one page', async () => {
    const data = payloadOf(await matrix());
    expect(data.oneChapter).toBeNull();
    const shown = data.chapters.flatMap((c: { goals: unknown[] }) => c.goals).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(30);
  });
});

describe('a period with many actions', () => {
  let chapterId: number;
  let total: number;

  beforeAll(() => {
    // 130 more actions in the first goal of the first chapter with goals: three pages.
    const goal = db
      .select({ id: goals.id, themeId: goals.themeId })
      .from(goals)
      .where(eq(goals.agendaId, periodId))
      .orderBy(asc(goals.position), asc(goals.id))
      .get()!;
    chapterId = goal.themeId;
    for (let i = 0; i < 130; i++) {
      db.insert(actions)
        .values({
          goalId: goal.id,
          agendaId: periodId,
          title: `Extra actie ${i}`,
          position: 1000 + i,
          status: i % 2 ? 'afgerond' : 'loopt',
        })
        .run();
    }
    total = db
      .select({ n: count() })
      .from(actions)
      .innerJoin(goals, eq(goals.id, actions.goalId))
      .where(and(eq(actions.agendaId, periodId), eq(goals.themeId, chapterId)))
      .get()!.n;
  });

  it('shows the figures per chapter and links to each chapter’s balance instead of 170 rows', async () => {
    const data = await periodPage();
    expect(data.balance.withActions).toBe(false);
    expect(data.balance.chapters.every((c: Chapter) => c.goals.length === 0)).toBe(true);
    expect(data.balance.totals.total).toBe(actionsOfPeriod());
    const chapter = data.balance.chapters.find((c: Chapter) => c.id === chapterId);
    expect(chapter.counts.total).toBe(total);
    expect(data.balance.chapters.reduce((sum: number, c: Chapter) => sum + c.counts.total, 0)).toBe(actionsOfPeriod());
  });

  it('lists a chapter’s actions fifty to a page, each once, in the order of its goals', async () => {
    const first = payloadOf(await chapterPage(chapterId));
    expect(first.chapter.counts.total).toBe(total);
    expect(first.pageCount).toBe(Math.ceil(total / 50));
    expect(first.page).toBe(1);
    const seen: number[] = [];
    for (let page = 1; page <= first.pageCount; page++) {
      const data = payloadOf(await chapterPage(chapterId, page === 1 ? '' : `?pagina=${page}`));
      const rows = data.pageGoals.flatMap((g: Goal) => g.actions.map((a) => a.id));
      expect(rows).toHaveLength(page < first.pageCount ? 50 : total - 50 * (first.pageCount - 1));
      expect([data.first, data.last]).toEqual([(page - 1) * 50 + 1, (page - 1) * 50 + rows.length]);
      seen.push(...rows);
    }
    const ids = db
      .select({ id: actions.id })
      .from(actions)
      .innerJoin(goals, eq(goals.id, actions.goalId))
      .where(and(eq(actions.agendaId, periodId), eq(goals.themeId, chapterId)))
      .all()
      .map((a) => a.id);
    expect([...seen].sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
    // The goal's extra actions come after its own ones, in their order.
    const extra = seen.map((id) => db.select({ title: actions.title }).from(actions).where(eq(actions.id, id)).get()!.title);
    const numbers = extra.filter((t) => t.startsWith('Extra actie ')).map((t) => Number(t.slice(12)));
    expect(numbers).toEqual([...Array(130).keys()]);
  });

  it('answers a bad page number with the first or the last page, and an unknown chapter with a 404', async () => {
    const pageCount = Math.ceil(total / 50);
    expect(payloadOf(await chapterPage(chapterId, '?pagina=abc')).page).toBe(1);
    expect(payloadOf(await chapterPage(chapterId, '?pagina=0')).page).toBe(1);
    expect(payloadOf(await chapterPage(chapterId, '?pagina=9999')).page).toBe(pageCount);
    expect(statusOf(await chapterPage(999999))).toBe(404);
    expect(statusOf(await chapterPage('abc'))).toBe(404);
    expect(statusOf(await chapterPage(chapterId, '', '1990-1994'))).toBe(404);
    expect(
      statusOf(
        await runLoader(chapterBalanceLoader, `/periodes/${slug}/hoofdstukken/${chapterId}/balans`, {
          params: { slug, themeId: String(chapterId) },
        }),
      ),
    ).toBe(302);
  });

  it('keeps every action in the balance the documents are made of', () => {
    const balance = getPeriodBalance(getCurrentPeriod()!);
    expect(balance.withActions).toBe(true);
    expect(balance.chapters.flatMap((c) => c.goals.flatMap((g) => g.actions))).toHaveLength(actionsOfPeriod());
  });
});

describe('an accent matrix of many goals', () => {
  let onderwerpen: number[];

  beforeAll(() => {
    onderwerpen = db
      .select({ id: themes.id })
      .from(themes)
      .innerJoin(goals, eq(goals.themeId, themes.id))
      .where(and(eq(themes.agendaId, periodId), eq(themes.kind, 'onderwerp')))
      .groupBy(themes.id)
      .orderBy(asc(themes.position))
      .all()
      .map((c) => c.id);
    // 30 more goals in the last chapter with goals, so the period has more than 30.
    const last = onderwerpen.at(-1)!;
    for (let i = 0; i < 30; i++) {
      db.insert(goals)
        .values({ themeId: last, agendaId: periodId, code: `X-${i}`, title: `Extra doel ${i}`, position: 1000 + i })
        .run();
    }
    expect(goalsOfPeriod()).toBeGreaterThan(30);
    expect(chapters.length).toBeGreaterThan(1);
  });

  it('shows the first chapter, says so, and links to every chapter', async () => {
    const data = payloadOf(await matrix());
    expect(data.chapters.map((c: { id: number }) => c.id)).toEqual([onderwerpen[0]]);
    expect(data.oneChapter.shownId).toBe(onderwerpen[0]);
    expect(data.oneChapter.links.map((l: { id: number }) => l.id)).toEqual(onderwerpen);
    const goalsShown = data.chapters[0].goals.length;
    expect(goalsShown).toBe(db.select({ n: count() }).from(goals).where(eq(goals.themeId, onderwerpen[0]!)).get()!.n);
    expect(data.oneChapter.links[0].goalCount).toBe(goalsShown);
  });

  it('shows the chapter asked for, and a 404 for one that is not the period’s', async () => {
    const last = onderwerpen.at(-1)!;
    const data = payloadOf(await matrix(`?hoofdstuk=${last}`));
    expect(data.chapters.map((c: { id: number }) => c.id)).toEqual([last]);
    expect(data.oneChapter.shownId).toBe(last);
    expect(data.chapters[0].goals.map((g: { title: string }) => g.title)).toContain('Extra doel 29');
    expect(statusOf(await matrix('?hoofdstuk=999999'))).toBe(404);
    expect(statusOf(await matrix('?hoofdstuk=abc'))).toBe(404);
  });
});
