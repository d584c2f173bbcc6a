/**
 * The actions a library item links to, where there are too many for one checkbox each
 * (decision 038): the form lists the chosen ones and takes one more by code, "#123" or
 * title, with suggestions from /kennisbank/actiekeuze. Items may link actions of any
 * period, so this looks in all of them; where a code or title names actions of several
 * periods, the period typed before it ("2025–2028 · 1.3.a-A1") decides, or a Dutch message
 * asks for it. The finding is an agenda point's (action-choice.server.ts, decision 035).
 */
import { count, inArray } from 'drizzle-orm';

import { actions } from '../../../db/schema';
import { libraryActionLinks as l } from '../../i18n/nl/library-action-links';
import { TEXT_LIMITS } from '../../schemas/limits';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import { parseActionChoice } from '../meetings/action-choice';
import { findActionChoices, findActionsNamed, SHORT_LIST_MAX } from '../meetings/action-choice.server';
import { listPeriods } from '../periods/period.server';
import { periodLabel } from '../periods/period-rules';
import {
  type LibraryActionChoice,
  type LibraryActionField,
  libraryActionLabel,
  PERIOD_SEPARATOR,
  splitPeriod,
} from './library-action-choice';

/** Up to this many actions in all (the real agenda has 39 over two periods), the form shows one checkbox each, as always. */
export const LIBRARY_ACTION_CHECKBOXES_MAX = SHORT_LIST_MAX;

// Asked on every view of the item form.
const actionCount = preparedOnce(() => db.select({ n: count() }).from(actions).prepare());

/** Whether the form shows every action as a checkbox (true) or the chosen ones and a search field. */
export function libraryActionsFit(): boolean {
  return actionCount().get()!.n <= LIBRARY_ACTION_CHECKBOXES_MAX;
}

/** Each period's label by its id, to put before the actions' labels; empty with one period (nothing to tell apart). */
function periodNames(): Map<number, string> {
  const periods = listPeriods();
  return new Map(periods.length > 1 ? periods.map((p) => [p.id, periodLabel(p)]) : []);
}

/** The actions with these ids as the form shows them, in the order given; unknown ids left out. */
export function libraryActionChoices(ids: readonly number[]): LibraryActionChoice[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({ id: actions.id, code: actions.code, title: actions.title, agendaId: actions.agendaId })
    .from(actions)
    .where(inArray(actions.id, [...ids]))
    .all();
  const names = periodNames();
  const byId = new Map(rows.map((row) => [row.id, { id: row.id, label: libraryActionLabel(row, names.get(row.agendaId) ?? null) }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What the form's action field needs for these chosen ids (as posted or stored); null where every action is a checkbox. */
export function libraryActionField(actionIds: readonly string[] = []): LibraryActionField {
  if (libraryActionsFit()) return null;
  const ids = [...new Set(actionIds.filter((id) => /^\d{1,9}$/u.test(id)).map(Number))];
  return { chosen: libraryActionChoices(ids) };
}

/** The period the typed years name ("2025–2028"), or undefined. */
function periodOfYears(years: { start: number; end: number }) {
  return listPeriods().find((p) => p.periodStart === years.start && p.periodEnd === years.end);
}

/**
 * What was typed, cut to a period (when it starts with one that exists) and the text
 * that names the action; a leading "2021-2022" that is no period stays part of the text.
 */
function readTyped(value: string) {
  const text = value.replace(/\s+/gu, ' ').trim();
  const { years, rest } = splitPeriod(text);
  const period = years ? periodOfYears(years) : undefined;
  return period ? { text, period: { id: period.id, label: periodLabel(period) }, rest } : { text, period: null, rest: text, years };
}

/** Up to 20 actions (of every period, or of the one typed first) whose code or title holds the text, as the form shows them. */
export function suggestLibraryActions(query: string): LibraryActionChoice[] {
  const typed = readTyped(query);
  const names = periodNames();
  return findActionChoices({ periodId: typed.period?.id ?? null, query: typed.rest }).map((action) => ({
    id: action.id,
    label: libraryActionLabel(action, names.get(action.agendaId) ?? null),
  }));
}

export type LibraryActionResult = { ok: true; actionId: number | null } | { ok: false; message: string };

/**
 * Reads the field: empty is no action; otherwise exactly one action, named by a
 * suggestion's label, its code or "#<number>" (with or without its period before it) or
 * its exact title. No match, or several (a code in two periods, a shared title): a Dutch message.
 */
export function resolveLibraryAction(value: string): LibraryActionResult {
  if (value.length > TEXT_LIMITS.title) return { ok: false, message: l.tooLong(TEXT_LIMITS.title) };
  const typed = readTyped(value);
  const query = parseActionChoice(typed.rest);
  if (query.kind === 'none') return typed.text === '' ? { ok: true, actionId: null } : { ok: false, message: l.notFound(typed.text, null) };
  const named = findActionsNamed({ periodId: typed.period?.id ?? null, query, limit: 10 });
  if (!named) {
    if ('years' in typed && typed.years) return { ok: false, message: l.unknownPeriod(`${typed.years.start}–${typed.years.end}`) };
    return { ok: false, message: l.notFound(typed.text, typed.period?.label ?? null) };
  }
  if (named.found.length === 1) return { ok: true, actionId: named.found[0].id };
  if (named.by === 'code') {
    const names = periodNames();
    const periods = [...new Set(named.found.map((action) => names.get(action.agendaId) ?? ''))];
    const code = query.reference ?? query.text;
    return { ok: false, message: l.codeInPeriods(code, periods, `${periods.at(-1)}${PERIOD_SEPARATOR}${code}`) };
  }
  return { ok: false, message: l.titleAmbiguous };
}
