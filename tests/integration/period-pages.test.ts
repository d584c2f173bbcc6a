/**
 * Every agenda page shows one period (issue 12): the decisions log by the meetings held
 * in the period's years, "what changed" by the items of the period, and search saying
 * which period each hit belongs to. The demo: 2020–2024 closed, 2025–2028 current.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { createDecision } from '../../app/models/meetings/decision.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { getCurrentPeriod, getPeriodBySlug } from '../../app/models/periods/period.server';
import { asActor } from '../../app/models/permissions';
import { searchWorkspace } from '../../app/models/search/search.server';
import { setActionStatus } from '../../app/models/tracker/action.server';
import { loader as decisionsLoader } from '../../app/routes/besluiten';
import { loader as changesLoader } from '../../app/routes/wijzigingen';
import { db } from '../../app/utils/db.server';
import { actions, goals, users } from '../../db/schema';
import { ACCOUNTS, type Who } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';
import { demoUserId, signInDemoAccounts } from '../setup/demo-users';
import { payloadOf, runLoader, statusOf } from '../setup/requests';

const OLD = '2020-2024';
const OLD_DECISION = 'De werkgroep neemt de eindbalans over en biedt hem aan.';
let cookies: Record<Who, string>;
let current: { id: number; slug: string };
let old: { id: number; slug: string };

const page = async (loader: Parameters<typeof runLoader>[0], path: string, who: Who = 'lezer') =>
  runLoader(loader, path, { cookie: cookies[who] });

beforeAll(async () => {
  await prepareDatabase({ periods: true });
  ({ cookies } = await signInDemoAccounts());
  current = getCurrentPeriod()!;
  old = getPeriodBySlug(OLD)!;
  const { id: meetingId } = createMeeting({
    title: 'Slotoverleg 2024',
    kind: 'werkgroep',
    startsAt: '2024-11-26T13:00:00.000Z',
    createdBy: demoUserId('beheerder'),
  });
  createDecision({ userId: demoUserId('beheerder'), meetingId, input: { text: OLD_DECISION, goalId: null, actionId: null } });
});

describe('the decisions log of a period', () => {
  it('shows the current period by default: the decisions of meetings in its years, its goals in the filter', async () => {
    const result = payloadOf(await page(decisionsLoader, '/besluiten'));
    expect(result.periodSwitch.shown.slug).toBe(current.slug);
    expect(result.decisions.length).toBeGreaterThan(0);
    expect(result.decisions.every((d: { meetingStartsAt: string }) => d.meetingStartsAt >= '2025-01-01')).toBe(true);
    expect(result.decisions.map((d: { text: string }) => d.text)).not.toContain(OLD_DECISION);
    const currentGoals = db.select({ id: goals.id }).from(goals).where(eq(goals.agendaId, current.id)).all();
    expect(result.goals.map((g: { id: number }) => g.id).sort()).toEqual(currentGoals.map((g) => g.id).sort());
  });

  it('shows the decisions of 2020–2024 under ?periode=2020-2024, the same for every reader', async () => {
    for (const who of ['lezer', 'adviseur', 'beheerder'] as Who[]) {
      const result = payloadOf(await page(decisionsLoader, `/besluiten?periode=${OLD}`, who));
      expect(result.periodSwitch.shown.slug).toBe(OLD);
      expect(result.decisions.map((d: { text: string }) => d.text)).toEqual([OLD_DECISION]);
      expect(result.goals.every((g: { id: number }) => db.select().from(goals).where(eq(goals.id, g.id)).get()!.agendaId === old.id)).toBe(
        true,
      );
    }
  });

  it('answers an unknown period with a 404', async () => {
    expect(statusOf(await page(decisionsLoader, '/besluiten?periode=1990-1994'))).toBe(404);
  });
});

describe('what changed in a period', () => {
  it('lists the changes of the items of the shown period only', async () => {
    const action = db
      .select()
      .from(actions)
      .where(eq(actions.agendaId, current.id))
      .all()
      .find((a) => a.status !== 'afgerond')!;
    const beheerder = db.select().from(users).where(eq(users.email, ACCOUNTS.beheerder)).get()!;
    setActionStatus({ userId: beheerder.id, id: action.id, status: 'afgerond' });

    const now = payloadOf(await page(changesLoader, '/wijzigingen?sinds=2000-01-01'));
    expect(now.periodSwitch.shown.slug).toBe(current.slug);
    expect(now.entries.some((e: { entityType: string; entityId: number }) => e.entityType === 'action' && e.entityId === action.id)).toBe(
      true,
    );

    const then = payloadOf(await page(changesLoader, `/wijzigingen?periode=${OLD}&sinds=2000-01-01`));
    expect(then.periodSwitch.shown.slug).toBe(OLD);
    expect(then.entries.length).toBeGreaterThan(0);
    const oldActionIds = new Set(
      db
        .select({ id: actions.id })
        .from(actions)
        .where(eq(actions.agendaId, old.id))
        .all()
        .map((a) => a.id),
    );
    for (const entry of then.entries as { entityType: string; entityId: number }[]) {
      if (entry.entityType === 'action') expect(oldActionIds.has(entry.entityId)).toBe(true);
    }
    expect(then.entries.some((e: { entityType: string; entityId: number }) => e.entityType === 'action' && e.entityId === action.id)).toBe(
      false,
    );
  });

  it('keeps a wrong date beside the field (400) and answers an unknown period with a 404', async () => {
    expect(statusOf(await page(changesLoader, `/wijzigingen?periode=${OLD}&sinds=gisteren`))).toBe(400);
    expect(statusOf(await page(changesLoader, '/wijzigingen?periode=onzin'))).toBe(404);
  });
});

describe('search across periods', () => {
  it('says for every hit which period it belongs to: a carried action is found in both, each with its own period', () => {
    const carried = db
      .select()
      .from(actions)
      .all()
      .find((a) => a.carriedFromId !== null)!;
    const actor = asActor(db.select().from(users).where(eq(users.email, ACCOUNTS.lezer)).get()!);
    const result = searchWorkspace({ actor, query: carried.title, kinds: ['action'], limit: 50 });
    const byId = new Map(result.hits.map((hit) => [hit.id, hit]));
    expect(byId.get(carried.id)?.period).toEqual({ slug: current.slug, label: '2025–2028', status: 'vastgesteld' });
    expect(byId.get(carried.carriedFromId!)?.period).toEqual({ slug: OLD, label: '2020–2024', status: 'afgesloten' });
  });

  it('places a decision in the period of its meeting, and links a chapter to the overview of its own period', () => {
    const actor = asActor(db.select().from(users).where(eq(users.email, ACCOUNTS.lezer)).get()!);
    const [decision] = searchWorkspace({ actor, query: 'eindbalans biedt', kinds: ['decision'] }).hits;
    expect(decision.period).toEqual({ slug: OLD, label: '2020–2024', status: 'afgesloten' });
    const theme = searchWorkspace({ actor, query: 'Bereik', kinds: ['theme'], limit: 50 }).hits.find((hit) => hit.period?.slug === OLD)!;
    expect(theme.href).toBe(`/?periode=${OLD}&hoofdstuk=${theme.id}#thema-${theme.id}`);
  });
});
