/**
 * Agenda periods (issue 12): the rules of periods, closing with every open action
 * decided in one transaction, carrying over with links both ways, and a closed period
 * read-only on every write path of the models. Starts from the single-period demo
 * (2020–2024 current) and walks a working group through concept → close → adopt.
 */
import { createHash } from 'node:crypto';

import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { createComment, listComments } from '../../app/models/comments/comment.server';
import { ForbiddenError } from '../../app/models/errors';
import {
  actionPeriodLinks,
  adoptConcept,
  closePeriod,
  type ClosingDecision,
  createConcept,
  getCurrentPeriod,
  getPeriodBySlug,
  goalPeriodLinks,
  listOpenActions,
  reopenPeriod,
} from '../../app/models/periods/period.server';
import { PeriodClosedError } from '../../app/models/periods/period-guard.server';
import { type Actor, asActor } from '../../app/models/permissions';
import { saveAccent } from '../../app/models/tracker/accent.server';
import { addProgressUpdate, createAction, setActionStatus } from '../../app/models/tracker/action.server';
import { importAgendaText } from '../../app/models/tracker/agenda-import.server';
import { updateGoal } from '../../app/models/tracker/goal.server';
import { updateTheme } from '../../app/models/tracker/theme.server';
import { db } from '../../app/utils/db.server';
import { actions, agendas, goals, organisations, themes, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';

const actor = (who: Who): Actor => asActor(db.select().from(users).where(eq(users.email, ACCOUNTS[who])).get()!);
const sqlite = () => (db as unknown as { $client: { prepare: (sql: string) => { all: () => unknown[] } } }).$client;
/** A fingerprint of every table a period touches: equal before and after means nothing changed. */
const fingerprint = () =>
  createHash('sha256')
    .update(
      JSON.stringify(
        ['agendas', 'themes', 'goals', 'actions', 'progress_updates', 'local_accents', 'comments', 'history'].map((table) =>
          sqlite().prepare(`select * from ${table} order by id`).all(),
        ),
      ),
    )
    .digest('hex');

const decideAll = (periodId: number, choose: (a: ReturnType<typeof listOpenActions>[number]) => ClosingDecision) =>
  new Map(listOpenActions(periodId).map((a) => [a.id, choose(a)]));

let old: { id: number };

beforeAll(async () => {
  await prepareDatabase();
  old = getCurrentPeriod()!;
});

describe('the periods of a fresh installation', () => {
  it('has 2020–2024 as the one current period, with every goal and action in it', () => {
    expect(getCurrentPeriod()).toMatchObject({ slug: '2020-2024', status: 'vastgesteld' });
    expect(
      db
        .select()
        .from(goals)
        .all()
        .every((g) => g.agendaId === old.id),
    ).toBe(true);
    expect(
      db
        .select()
        .from(actions)
        .all()
        .every((a) => a.agendaId === old.id),
    ).toBe(true);
  });
});

describe('drafting a concept', () => {
  it('is refused to roles that do not run the agenda, changing nothing', () => {
    const before = fingerprint();
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as const) {
      expect(() => createConcept(actor(who), { title: 'Agenda 2025–2028', periodStart: 2025, periodEnd: 2028 })).toThrow(ForbiddenError);
    }
    expect(fingerprint()).toBe(before);
  });

  it('refuses reversed or overlapping years with a Dutch message, changing nothing', () => {
    const before = fingerprint();
    const reversed = createConcept(actor('haarlem'), { title: 'Agenda', periodStart: 2028, periodEnd: 2025 });
    expect(reversed).toMatchObject({ ok: false, message: expect.stringContaining('eerste jaar') });
    const overlapping = createConcept(actor('haarlem'), { title: 'Agenda', periodStart: 2024, periodEnd: 2027 });
    expect(overlapping).toMatchObject({ ok: false, message: expect.stringContaining('overlapt met de periode 2020–2024') });
    expect(fingerprint()).toBe(before);
  });

  it('creates a concept with copies of the current chapters, and refuses a second concept', () => {
    const result = createConcept(actor('haarlem'), { title: 'Agenda 2025–2028', periodStart: 2025, periodEnd: 2028 });
    expect(result).toMatchObject({ ok: true, slug: '2025-2028' });
    const concept = getPeriodBySlug('2025-2028')!;
    expect(concept).toMatchObject({ status: 'concept', predecessorId: old.id });
    const codes = (agendaId: number) =>
      db
        .select({ code: themes.code })
        .from(themes)
        .where(eq(themes.agendaId, agendaId))
        .all()
        .map((t) => t.code)
        .sort();
    expect(codes(concept.id)).toEqual(codes(old.id));

    const before = fingerprint();
    const second = createConcept(actor('velsen'), { title: 'Nog een', periodStart: 2029, periodEnd: 2030 });
    expect(second).toMatchObject({ ok: false, message: expect.stringContaining('al een conceptagenda') });
    expect(fingerprint()).toBe(before);
  });

  it('lets the concept be written in while the current period runs (it is not closed)', () => {
    const concept = getPeriodBySlug('2025-2028')!;
    const chapter = db
      .select()
      .from(themes)
      .where(and(eq(themes.agendaId, concept.id), eq(themes.code, '1.3.a')))
      .get()!;
    updateTheme({
      userId: actor('haarlem').id,
      id: chapter.id,
      input: { title: chapter.title, body: 'Wat is er aan de hand? Nieuwe tekst.' },
    });
    expect(db.select().from(themes).where(eq(themes.id, chapter.id)).get()!.body).toBe('Wat is er aan de hand? Nieuwe tekst.');
  });
});

describe('closing a period', () => {
  it('is refused to roles that do not run the agenda, changing nothing', () => {
    const before = fingerprint();
    for (const who of ['zandvoort', 'adviseur', 'lezer'] as const) {
      expect(() => closePeriod(actor(who), { periodId: old.id, decisions: new Map() })).toThrow(ForbiddenError);
    }
    expect(fingerprint()).toBe(before);
  });

  it('requires a decision for every open action, and a reason for "niet afgerond"; nothing half done', () => {
    const open = listOpenActions(old.id);
    expect(open.length).toBeGreaterThan(3);
    const before = fingerprint();
    const partial = new Map<number, ClosingDecision>([[open[0].id, { choice: 'meenemen', reason: '' }]]);
    const undecided = closePeriod(actor('haarlem'), { periodId: old.id, decisions: partial });
    expect(undecided).toMatchObject({ ok: false, message: `Kies voor ${open.length - 1} open acties wat ermee gebeurt.` });

    const noReason = closePeriod(actor('haarlem'), {
      periodId: old.id,
      decisions: decideAll(old.id, () => ({ choice: 'niet_afgerond', reason: '  ' })),
    });
    expect(noReason).toMatchObject({
      ok: false,
      fieldErrors: { [`reden-${open[0].id}`]: 'Geef een reden waarom deze actie niet is afgerond.' },
    });

    const foreign = new Map(decideAll(old.id, () => ({ choice: 'niet_afgerond', reason: 'x' })));
    foreign.set(999_999, { choice: 'meenemen', reason: '' });
    expect(closePeriod(actor('haarlem'), { periodId: old.id, decisions: foreign })).toMatchObject({ ok: false });
    expect(fingerprint()).toBe(before);
  });

  it('closes in one transaction: carried actions get a new row in the concept linked both ways, the rest a reason', () => {
    const open = listOpenActions(old.id);
    const carried = open.filter((a) => a.status !== 'niet_gestart');
    const result = closePeriod(actor('haarlem'), {
      periodId: old.id,
      decisions: decideAll(old.id, (a) =>
        a.status === 'niet_gestart' ? { choice: 'niet_afgerond', reason: 'Niet meer nodig' } : { choice: 'meenemen', reason: '' },
      ),
    });
    expect(result).toEqual({ ok: true });
    expect(getPeriodBySlug('2020-2024')).toMatchObject({ status: 'afgesloten', closedBy: actor('haarlem').id });
    expect(listOpenActions(old.id)).toEqual([]);

    const concept = getPeriodBySlug('2025-2028')!;
    for (const origin of carried) {
      const links = actionPeriodLinks(origin.id);
      expect(links.to).toHaveLength(1);
      expect(links.to[0]).toMatchObject({ title: origin.title, periodSlug: '2025-2028', periodLabel: '2025–2028' });
      const copy = db.select().from(actions).where(eq(actions.id, links.to[0].id)).get()!;
      expect(copy).toMatchObject({ agendaId: concept.id, carriedFromId: origin.id, status: origin.status, code: origin.code });
      expect(actionPeriodLinks(copy.id).from).toMatchObject({ id: origin.id, periodSlug: '2020-2024' });
      expect(db.select().from(actions).where(eq(actions.id, origin.id)).get()!.periodOutcome).toBe('meegenomen');
      // The goal went along too, linked both ways, in the chapter with the same code.
      const newGoal = db.select().from(goals).where(eq(goals.id, copy.goalId)).get()!;
      expect(newGoal).toMatchObject({ agendaId: concept.id, carriedFromId: origin.goalId, code: origin.goalCode });
      expect(goalPeriodLinks(origin.goalId).to.map((l) => l.id)).toContain(newGoal.id);
    }
    const notFinished = open.filter((a) => a.status === 'niet_gestart');
    for (const a of notFinished) {
      expect(db.select().from(actions).where(eq(actions.id, a.id)).get()).toMatchObject({
        periodOutcome: 'niet_afgerond',
        periodOutcomeReason: 'Niet meer nodig',
      });
    }
  });

  it('answers a second close (another tab) with a message, changing nothing', () => {
    const before = fingerprint();
    expect(closePeriod(actor('velsen'), { periodId: old.id, decisions: new Map() })).toMatchObject({
      ok: false,
      message: expect.stringContaining('niet (meer) de huidige'),
    });
    expect(fingerprint()).toBe(before);
  });
});

describe('a closed period is read-only on every write path', () => {
  const oldAction = () =>
    db
      .select()
      .from(actions)
      .where(and(eq(actions.agendaId, old.id), eq(actions.code, '1.3.a-A2')))
      .get()!;
  const oldGoal = () =>
    db
      .select()
      .from(goals)
      .where(and(eq(goals.agendaId, old.id), eq(goals.code, '1.3.a-A')))
      .get()!;

  it.each([
    ['a status change (board)', () => setActionStatus({ userId: actor('haarlem').id, id: oldAction().id, status: 'afgerond' })],
    [
      'a progress report',
      () => addProgressUpdate({ userId: actor('haarlem').id, actionId: oldAction().id, body: 'Nog bezig', status: null, progress: 80 }),
    ],
    [
      'a goal edit',
      () => updateGoal({ userId: actor('haarlem').id, id: oldGoal().id, input: { title: 'Nieuw', body: '', targetYear: null } }),
    ],
    [
      'a chapter edit',
      () =>
        updateTheme({
          userId: actor('haarlem').id,
          id: db.select().from(themes).where(eq(themes.agendaId, old.id)).get()!.id,
          input: { title: 'X', body: '' },
        }),
    ],
    [
      'an accent',
      () =>
        saveAccent({
          userId: actor('beheerder').id,
          goalId: oldGoal().id,
          municipalityId: db.select().from(organisations).where(eq(organisations.name, 'Zandvoort')).get()!.id,
          body: 'Nieuw accent',
        }),
    ],
    [
      'a new action under one of its goals',
      () =>
        createAction({
          userId: actor('haarlem').id,
          input: {
            title: 'Te laat bedacht',
            description: '',
            goalId: oldGoal().id,
            ownerUserId: null,
            ownerOrganisationId: null,
            partners: '',
            deadline: null,
            status: 'niet_gestart',
            progress: 0,
            municipalityId: null,
          },
        }),
    ],
    [
      'a comment on one of its actions',
      () => createComment({ authorId: actor('adviseur').id, targetType: 'action', targetId: oldAction().id, body: 'Vraag' }),
    ],
    [
      'a comment on one of its goals',
      () => createComment({ authorId: actor('adviseur').id, targetType: 'goal', targetId: oldGoal().id, body: 'Vraag' }),
    ],
  ])('refuses %s with PeriodClosedError and changes nothing', (_what, write) => {
    const before = fingerprint();
    expect(write).toThrow(PeriodClosedError);
    try {
      write();
    } catch (error) {
      expect((error as PeriodClosedError).userMessage).toBe(
        'De periode 2020–2024 is afgesloten en kan niet meer worden gewijzigd. Alleen de beheerder kan een periode heropenen.',
      );
    }
    expect(fingerprint()).toBe(before);
  });

  it('keeps the comments of the closed period readable', () => {
    expect(() => listComments({ targetType: 'goal', targetId: oldGoal().id })).not.toThrow();
  });

  it('refuses an import for the closed period with a clear message', () => {
    const before = fingerprint();
    const result = importAgendaText(db, '# Agenda\nperiode: 2020-2024\n', { userId: null });
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 2, message: 'De periode 2020–2024 is afgesloten; een agenda voor die periode kan niet meer worden ingelezen.' }],
    });
    expect(fingerprint()).toBe(before);
  });
});

describe('adopting the concept', () => {
  it('makes the concept the current period; a second adopt (another tab) changes nothing', () => {
    const concept = getPeriodBySlug('2025-2028')!;
    expect(() => adoptConcept(actor('lezer'), { conceptId: concept.id, decisions: new Map() })).toThrow(ForbiddenError);
    expect(adoptConcept(actor('velsen'), { conceptId: concept.id, decisions: new Map() })).toEqual({ ok: true });
    expect(getCurrentPeriod()).toMatchObject({ slug: '2025-2028', status: 'vastgesteld' });
    const before = fingerprint();
    expect(adoptConcept(actor('haarlem'), { conceptId: concept.id, decisions: new Map() })).toMatchObject({
      ok: false,
      message: expect.stringContaining('geen concept (meer)'),
    });
    expect(fingerprint()).toBe(before);
  });

  it('is one current period at a time, also in the database itself', () => {
    expect(() => db.update(agendas).set({ status: 'vastgesteld' }).where(eq(agendas.id, old.id)).run()).toThrow(/UNIQUE/);
    expect(db.select().from(agendas).where(eq(agendas.status, 'vastgesteld')).all()).toHaveLength(1);
  });

  it('closes the current period in the same transaction when a new concept is adopted (both or neither)', () => {
    const current = getCurrentPeriod()!;
    const next = createConcept(actor('haarlem'), { title: 'Agenda 2029–2032', periodStart: 2029, periodEnd: 2032 });
    expect(next.ok).toBe(true);
    const nextId = getPeriodBySlug('2029-2032')!.id;
    const open = listOpenActions(current.id);
    expect(open.length).toBeGreaterThan(0);
    // Undecided actions: neither is adopted nor closed.
    const before = fingerprint();
    expect(adoptConcept(actor('haarlem'), { conceptId: nextId, decisions: new Map() })).toMatchObject({ ok: false });
    expect(fingerprint()).toBe(before);
    expect(getPeriodBySlug('2029-2032')!.status).toBe('concept');
    // Decided: both at once.
    const decisions = new Map(open.map((a) => [a.id, { choice: 'meenemen' as const, reason: '' }]));
    expect(adoptConcept(actor('haarlem'), { conceptId: nextId, decisions })).toEqual({ ok: true });
    expect(getPeriodBySlug('2025-2028')!.status).toBe('afgesloten');
    expect(getPeriodBySlug('2029-2032')!.status).toBe('vastgesteld');
    // An action carried twice keeps one line of links: 2020–2024 → 2025–2028 → 2029–2032.
    const twice = open.find((a) => actionPeriodLinks(a.id).from !== null)!;
    expect(actionPeriodLinks(twice.id).from?.periodSlug).toBe('2020-2024');
    expect(actionPeriodLinks(twice.id).to[0].periodSlug).toBe('2029-2032');
  });
});

describe('reopening a closed period', () => {
  it('is for the beheerder only, and only when no other period is current', () => {
    const period = getPeriodBySlug('2025-2028')!;
    expect(() => reopenPeriod(actor('haarlem'), { periodId: period.id })).toThrow(ForbiddenError);
    expect(reopenPeriod(actor('beheerder'), { periodId: period.id })).toMatchObject({
      ok: false,
      message: expect.stringContaining('2029–2032 is nu de huidige'),
    });
  });

  it('opens the work again that was closed as niet afgerond, and leaves what was carried over carried', () => {
    const period = getPeriodBySlug('2029-2032')!;
    const open = listOpenActions(period.id);
    expect(open.length).toBeGreaterThan(0);
    const closed = closePeriod(actor('haarlem'), {
      periodId: period.id,
      decisions: decideAll(period.id, () => ({ choice: 'niet_afgerond', reason: 'Voorbeeld: gestopt' })),
    });
    expect(closed).toEqual({ ok: true });
    expect(listOpenActions(period.id)).toHaveLength(0);

    expect(reopenPeriod(actor('beheerder'), { periodId: period.id })).toEqual({ ok: true });
    expect(getPeriodBySlug('2029-2032')!.status).toBe('vastgesteld');
    expect(listOpenActions(period.id).map((a) => a.id)).toEqual(open.map((a) => a.id));
    const outcomes = db.select({ outcome: actions.periodOutcome }).from(actions).where(eq(actions.agendaId, period.id)).all();
    expect(outcomes.some((a) => a.outcome === 'niet_afgerond')).toBe(false);
  });
});
