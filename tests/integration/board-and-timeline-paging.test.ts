import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { shownColumns } from '../../app/components/tracker/board-columns';
import { BOARD_COLUMN_LIMIT } from '../../app/models/tracker/action-list.server';
import { TIMELINE_PAGE_SIZE } from '../../app/models/tracker/timeline-pages';
import { action as boardAction, loader as boardLoader } from '../../app/routes/bord';
import { loader as timelineLoader } from '../../app/routes/tijdlijn';
import { db } from '../../app/utils/db.server';
import { actions, goals } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { payloadOf, runAction, runLoader, sessionFor, statusOf } from '../setup/requests';

// The board shows at most BOARD_COLUMN_LIMIT cards a column, the timeline whole goals up to
// about TIMELINE_PAGE_SIZE rows a page (docs/decisions/032-board-and-timeline-show-a-page.md).
// The seeded agenda fits; a long one is made by adding actions to it.
let cookie: string;
type Card = { id: number; title: string; status: string; mayMove: boolean };
type Column = { status: string; total: number; actions: Card[] };

const board = async (query = '') => payloadOf(await runLoader(boardLoader, `/bord${query}`, { cookie })) as { columns: Column[] };
const timeline = async (query = '') => payloadOf(await runLoader(timelineLoader, `/tijdlijn${query}`, { cookie }));
const columnOf = (columns: Column[], status: string) => columns.find((c) => c.status === status)!;
const barsOf = (data: any): { id: number; goalId: number }[] =>
  data.timeline.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.bars));

let seeded: { board: Column[]; timeline: any };

beforeAll(async () => {
  await prepareDatabase();
  cookie = await sessionFor(ACCOUNTS.haarlem);
  seeded = { board: (await board()).columns, timeline: await timeline() };
});

describe('the seeded agenda fits', () => {
  it('shows every card of every column on the board, with nothing left out', () => {
    for (const column of seeded.board) expect(column.actions).toHaveLength(column.total);
  });

  it('shows the whole timeline on one page', () => {
    expect(seeded.timeline.timeline.paging.pageCount).toBe(1);
    expect(barsOf(seeded.timeline)).toHaveLength(seeded.timeline.timeline.paging.bars.total);
  });
});

describe('a long agenda', () => {
  // Sixty actions that run and twenty finished ones under the first goal of the current
  // period, each with a deadline; a goal with a bar count above a page of its own.
  let goalIds: number[];
  const added: number[] = [];
  beforeAll(() => {
    const first = db.select().from(actions).where(eq(actions.id, seeded.board[1]!.actions[0]!.id)).get()!;
    goalIds = db
      .select({ id: goals.id })
      .from(goals)
      .where(eq(goals.agendaId, first.agendaId))
      .orderBy(goals.id)
      .all()
      .map((g) => g.id);
    const insert = (goalId: number, i: number, status: 'loopt' | 'afgerond', updatedAt: string) =>
      added.push(
        db
          .insert(actions)
          .values({
            goalId,
            agendaId: first.agendaId,
            title: `Lange actie ${status} ${i}`,
            status,
            position: 1000 + i,
            deadlinePhrase: 'eind 2027',
            deadlineStart: '2027-10-01',
            deadlineEnd: '2027-12-31',
            updatedAt,
          })
          .returning({ id: actions.id })
          .get().id,
      );
    for (let i = 0; i < 60; i++) insert(goalIds[0]!, i, 'loopt', '2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 20; i++) insert(goalIds[1]!, i, 'afgerond', `2100-02-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`);
  });

  it('shows at most the limit of cards a column, with the full number: open ones in agenda order, closed ones newest first', async () => {
    const { columns } = await board();
    const running = columnOf(columns, 'loopt');
    const runningBefore = columnOf(seeded.board, 'loopt');
    expect(running.total).toBe(runningBefore.total + 60);
    expect(running.actions).toHaveLength(BOARD_COLUMN_LIMIT);
    const long = running.actions.filter((a) => a.title.startsWith('Lange actie')).map((a) => Number(a.title.split(' ').pop()));
    expect(long).toEqual([...long].sort((a, b) => a - b));
    const done = columnOf(columns, 'afgerond');
    expect(done.actions).toHaveLength(Math.min(BOARD_COLUMN_LIMIT, done.total));
    expect(done.actions[0]!.title).toBe('Lange actie afgerond 19');
    expect(done.actions[1]!.title).toBe('Lange actie afgerond 18');
  });

  it('cuts a filtered board the same way: the filter counts, the limit and the order hold', async () => {
    // The board without filters runs statements prepared once; with a filter they are built per request.
    const { columns } = await board(`?q=${encodeURIComponent('Lange actie')}`);
    const running = columnOf(columns, 'loopt');
    expect(running.total).toBe(60);
    expect(running.actions.map((a) => a.title)).toEqual(Array.from({ length: BOARD_COLUMN_LIMIT }, (_, i) => `Lange actie loopt ${i}`));
    const done = columnOf(columns, 'afgerond');
    expect(done.total).toBe(20);
    expect(done.actions.slice(0, 2).map((a) => a.title)).toEqual(['Lange actie afgerond 19', 'Lange actie afgerond 18']);
    expect(columnOf(columns, 'niet_gestart').total).toBe(0);
  });

  it('keeps a card just moved into a cut-off column in view, movable, in its new column', async () => {
    // The last of the running cards in agenda order is not on the board; finish it and
    // send it back: the board it comes back to leaves it out, the reply brings it.
    const last = added[59]!;
    expect(
      statusOf(await runAction(boardAction, '/bord', { intent: 'move', actionId: String(last), status: 'afgerond' }, { cookie })),
    ).toBe(200);
    const reply = payloadOf(await runAction(boardAction, '/bord', { intent: 'move', actionId: String(last), status: 'loopt' }, { cookie }));
    expect(reply).toMatchObject({ ok: true, movedId: last, card: { id: last, status: 'loopt', mayMove: true } });
    const { columns } = await board();
    expect(columns.flatMap((c) => c.actions).some((c) => c.id === last)).toBe(false);
    const shown = columnOf(shownColumns(columns as any, null, reply.card), 'loopt');
    expect(shown.actions[0]!.id).toBe(last);
    expect(shown.actions).toHaveLength(BOARD_COLUMN_LIMIT + 1);
  });

  it('answers a move posted to the board of an unknown period with 404, changing nothing', async () => {
    const id = added[0]!;
    const result = await runAction(
      boardAction,
      '/bord?periode=1999-2000',
      { intent: 'move', actionId: String(id), status: 'vervallen' },
      { cookie },
    );
    expect(statusOf(result)).toBe(404);
    expect(db.select().from(actions).where(eq(actions.id, id)).get()!.status).toBe('loopt');
  });

  it('pages the timeline by whole goals and says which part it shows', async () => {
    const first = (await timeline()).timeline;
    expect(first.paging.pageCount).toBeGreaterThan(1);
    const total = first.paging.bars.total;
    const pages = [];
    for (let page = 1; page <= first.paging.pageCount; page++) pages.push((await timeline(`?pagina=${page}`)).timeline);
    const bars = pages.flatMap((p) => p.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.bars)));
    // Every bar once, in agenda order over the pages; each goal on one page only.
    expect(bars).toHaveLength(total);
    expect(new Set(bars.map((b: any) => b.id)).size).toBe(total);
    const pageOfGoal = new Map<number, number>();
    pages.forEach((p, i) => {
      for (const bar of p.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.bars))) {
        expect(pageOfGoal.get(bar.goalId) ?? i).toBe(i);
        pageOfGoal.set(bar.goalId, i);
      }
      const rows = p.paging.bars.last - p.paging.bars.first + 1 + p.unscheduled.length;
      // A page holds about a page of rows, more only for a goal of its own.
      if (p.chapters.flatMap((c: any) => c.goals).filter((g: any) => g.bars.length > 0).length > 1)
        expect(rows).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
    });
    // The goal with sixty bars fills a page of its own.
    const big = pages.find((p) => p.chapters.some((c: any) => c.goals.some((g: any) => g.id === goalIds[0])))!;
    expect(big.chapters.flatMap((c: any) => c.goals).filter((g: any) => g.bars.length > 0)).toHaveLength(1);
    expect(pages[1].paging.bars.first).toBe(pages[0].paging.bars.last + 1);
    expect(pages[0].paging.bars.first).toBe(1);
  });

  it('pages a filtered timeline and the table view alike, and answers bad page numbers with the last page or a message', async () => {
    const filtered = (await timeline('?status=afgerond&weergave=tabel')).timeline;
    expect(filtered.paging.pageCount).toBe(1);
    expect(filtered.chapters.flatMap((c: any) => c.goals.flatMap((g: any) => g.bars)).every((b: any) => b.status === 'afgerond')).toBe(
      true,
    );

    const { timeline: last } = await timeline('?pagina=9999');
    expect(last.paging.page).toBe(last.paging.pageCount);
    const bad = await timeline('?pagina=abc');
    expect(bad.fieldErrors.pagina).toMatch(/pagina/i);
    expect(bad.timeline.paging.page).toBe(1);
  });

  it('counts what it leaves out: the number of actions agrees with the database', () => {
    const withDeadline = db
      .select({ n: sql<number>`count(*)` })
      .from(actions)
      .where(
        sql`${actions.agendaId} = (select agenda_id from actions where id = ${added[0]!}) and (deadline_start is not null or deadline_end is not null)`,
      )
      .get()!.n;
    return timeline().then((data) => expect(data.timeline.paging.bars.total).toBe(withDeadline));
  });
});
