/**
 * The action an agenda point is about, chosen in a text field instead of a menu of every
 * action: the actions of the meeting's period (periodOfMeeting), found by code, by number
 * ("#123") or by exact title. The page offers them as a short list where the period has
 * few, and as suggestions from /overleggen/<id>/actiekeuze where it has many.
 * docs/decisions/035-link-an-action-by-search.md.
 *
 * The finding itself (`findActionChoices`, `findActionsNamed`) takes a period or none: the
 * library's item form links actions of any period by the same text (decision 038).
 */
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';

import { actions, agendas, goals, themes } from '../../../db/schema';
import { agendaPointLinks } from '../../i18n/nl/agenda-point-links';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { isOpenAction, listPeriods } from '../periods/period.server';
import { periodLabel, periodOfMeeting } from '../periods/period-rules';
import {
  type ActionChoice,
  actionChoiceLabel,
  type ActionChoiceQuery,
  type ActionField,
  actionReference,
  parseActionChoice,
  SUGGESTION_LIMIT,
} from './action-choice';

/** Up to this many actions in the period, the page lists them all in the field's list (the real agenda has 39). */
export const SHORT_LIST_MAX = 60;

/** The period whose goals and actions a meeting's agenda points link to; undefined without any period. */
export function meetingActionPeriod(meeting: { startsAt: string }): { id: number; label: string } | undefined {
  const period = periodOfMeeting(listPeriods(), meeting.startsAt);
  return period ? { id: period.id, label: periodLabel(period) } : undefined;
}

const choiceColumns = { id: actions.id, code: actions.code, title: actions.title };

/** An action as found, with its period (the library's labels name it where codes repeat). */
export type FoundActionChoice = ActionChoice & { agendaId: number };

const foundColumns = { ...choiceColumns, agendaId: actions.agendaId };

/** Within one period, or (null) within all of them. */
const inScope = (periodId: number | null) => (periodId === null ? undefined : eq(actions.agendaId, periodId));

/** In agenda order: chapter, goal, action. */
function choicesInOrder(where: SQL | undefined) {
  return db
    .select(choiceColumns)
    .from(actions)
    .innerJoin(goals, eq(goals.id, actions.goalId))
    .innerJoin(themes, eq(themes.id, goals.themeId))
    .where(where)
    .orderBy(asc(themes.position), asc(goals.position), asc(actions.position), asc(actions.id));
}

// Asked on every view of a meeting page by those who may edit it.
const periodActionCount = preparedOnce(() =>
  db
    .select({ n: count() })
    .from(actions)
    .where(eq(actions.agendaId, sql.placeholder('periodId')))
    .prepare(),
);

/**
 * What the field needs on the page: its period, and every action of it when there are
 * few (a list anyone can scan); null where there are many (the field suggests as one types).
 */
export function actionFieldOf(period: { id: number; label: string } | undefined): ActionField {
  if (!period) return { period: null, shortList: [] };
  const { n } = periodActionCount().get({ periodId: period.id })!;
  return {
    period: period.label,
    shortList: n <= SHORT_LIST_MAX ? choicesInOrder(eq(actions.agendaId, period.id)).all().map(actionChoiceLabel) : null,
  };
}

/** `text` as a LIKE pattern that matches it literally (case-insensitive, as LIKE is for ASCII). */
function literal(text: string, { prefix = '', suffix = '' } = {}): string {
  return `${prefix}${text.replace(/[\\%_]/g, (c) => `\\${c}`)}${suffix}`;
}

/**
 * Up to SUGGESTION_LIMIT actions of the period whose code or title holds `query` (an
 * exact code first, then codes that start with it, then the rest in agenda order), as
 * labels: the text the field takes when one is picked.
 */
export function suggestActionChoices({
  periodId,
  query,
  openOnly = false,
}: {
  periodId: number;
  query: string;
  /** Only actions still open (the exceptions when closing a period, decision 039). */
  openOnly?: boolean;
}): string[] {
  return findActionChoices({ periodId, query, openOnly }).map(actionChoiceLabel);
}

/**
 * Up to SUGGESTION_LIMIT actions of the period (null: of every period) whose code or
 * title holds `query`, or the one "#123" names; an exact code first, then codes that
 * start with it, then the rest in agenda order (the newest period first).
 */
export function findActionChoices({
  periodId,
  query,
  openOnly = false,
}: {
  periodId: number | null;
  query: string;
  openOnly?: boolean;
}): FoundActionChoice[] {
  const text = query.replace(/\s+/gu, ' ').trim();
  if (text === '') return [];
  const parsed = parseActionChoice(text);
  const ordered = (where: SQL | undefined) =>
    db
      .select(foundColumns)
      .from(actions)
      .innerJoin(goals, eq(goals.id, actions.goalId))
      .innerJoin(themes, eq(themes.id, goals.themeId))
      .where(and(inScope(periodId), openOnly ? isOpenAction() : undefined, where));
  if (parsed.kind === 'text' && parsed.id !== null) {
    const byId = ordered(eq(actions.id, parsed.id)).all();
    if (byId.length > 0) return byId;
  }
  const holds = literal(text, { prefix: '%', suffix: '%' });
  const rank = sql`case when ${actions.code} like ${literal(text)} escape '\\' then 0
    when ${actions.code} like ${literal(text, { suffix: '%' })} escape '\\' then 1 else 2 end`;
  // Across periods, the newest period's first: the plan one is most likely working on.
  const newestPeriod =
    periodId === null ? [sql`(select ${agendas.periodStart} from ${agendas} where ${agendas.id} = ${actions.agendaId}) desc`] : [];
  return ordered(sql`(${actions.code} like ${holds} escape '\\' or ${actions.title} like ${holds} escape '\\')`)
    .orderBy(rank, ...newestPeriod, asc(themes.position), asc(goals.position), asc(actions.position), asc(actions.id))
    .limit(SUGGESTION_LIMIT)
    .all();
}

/** The action an agenda point links to, as its field shows it; undefined when it does not exist. */
export function getActionChoice(actionId: number): ActionChoice | undefined {
  return db.select(choiceColumns).from(actions).where(eq(actions.id, actionId)).get();
}

export type ActionChoiceResult = { ok: true; actionId: number | null } | { ok: false; message: string };

const sameText = (a: string, b: string) => a.toLocaleLowerCase('nl') === b.toLocaleLowerCase('nl');

/**
 * Reads the field: empty is no action; otherwise exactly one action of the meeting's
 * period, named by its label, its code, "#<number>" or its exact title. `keep` is the
 * action the point links to now: it stays when the field still names it, even from
 * another period (a link made before this rule). No match or several: a Dutch message.
 */
export function resolveActionChoice({
  meeting,
  value,
  keep = null,
}: {
  meeting: { startsAt: string };
  value: string;
  keep?: number | null;
}): ActionChoiceResult {
  const query = parseActionChoice(value);
  if (query.kind === 'none') return { ok: true, actionId: null };
  const kept = keep === null ? undefined : getActionChoice(keep);
  if (kept && [actionChoiceLabel(kept), actionReference(kept)].some((name) => sameText(name, query.text))) {
    return { ok: true, actionId: kept.id };
  }
  return resolveActionInPeriod({ period: meetingActionPeriod(meeting), text: value });
}

/**
 * The one action of `period` that a field's text names: by its label, its code (any
 * case), "#<number>" or its exact title. No match or several: a Dutch message. Shared by
 * an agenda point's field and the exceptions when closing a period (decision 039).
 */
export function resolveActionInPeriod({
  period,
  text,
}: {
  period: { id: number; label: string } | undefined;
  text: string;
}): ActionChoiceResult {
  const query = parseActionChoice(text);
  if (query.kind === 'none') return { ok: true, actionId: null };
  const e = agendaPointLinks;
  if (!period) return { ok: false, message: e.actionNotInPeriod(query.text, null) };
  const named = findActionsNamed({ periodId: period.id, query });
  // A code is unique within a period: only a title can name several.
  if (named && (named.by !== 'title' || named.found.length === 1)) return { ok: true, actionId: named.found[0].id };
  if (named) return { ok: false, message: e.actionTitleAmbiguous(period.label) };
  return { ok: false, message: e.actionNotInPeriod(query.text, period.label) };
}

/**
 * The actions of the period (null: of every period) the text names, by the first way
 * that finds any: its number ("#123", alone or before " — "), its code (the label's
 * reference, or the whole text; any case), its exact title (any case). At most `limit`
 * of them, with their period; undefined when none.
 */
export function findActionsNamed({
  periodId,
  query,
  limit = 2,
}: {
  periodId: number | null;
  query: Extract<ActionChoiceQuery, { kind: 'text' }>;
  limit?: number;
}): { by: 'id' | 'code' | 'title'; found: { id: number; agendaId: number }[] } | undefined {
  const named = (condition: SQL) =>
    db
      .select({ id: actions.id, agendaId: actions.agendaId })
      .from(actions)
      .where(and(inScope(periodId), condition))
      .orderBy(asc(actions.agendaId), asc(actions.id))
      .limit(limit)
      .all();
  if (query.id !== null) {
    const found = named(eq(actions.id, query.id));
    if (found.length > 0) return { by: 'id', found };
  }
  for (const code of [query.reference, query.text]) {
    if (code === null || /\s/u.test(code)) continue;
    const found = named(sql`${actions.code} like ${literal(code)} escape '\\'`);
    if (found.length > 0) return { by: 'code', found };
  }
  const found = named(sql`${actions.title} like ${literal(query.text)} escape '\\'`);
  return found.length > 0 ? { by: 'title', found } : undefined;
}

/**
 * The action the field's text names (as resolveActionChoice reads it, without a kept
 * link), with what the decision dialog needs to offer a status change: its status and
 * its municipality (whose rights the route checks). Undefined for empty text, no match or several.
 */
export function getNamedAction({ meeting, value }: { meeting: { startsAt: string }; value: string }) {
  const resolved = resolveActionChoice({ meeting, value });
  if (!resolved.ok || resolved.actionId === null) return undefined;
  return db
    .select({ ...choiceColumns, status: actions.status, municipalityId: actions.municipalityId })
    .from(actions)
    .where(eq(actions.id, resolved.actionId))
    .get();
}
