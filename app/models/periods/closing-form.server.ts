/**
 * What the closing form shows and what a submitted one asks, for both pages that close a
 * period ("Periode afsluiten", and "Vaststellen", which closes the current period). Up to
 * CLOSING_PER_ACTION_MAX open actions it asks per action, as always; above it per chapter,
 * with exceptions named by search (decision 039). The rule itself — every open action a
 * choice, a reason for niet afgerond — stays in closeInTransaction (period.server.ts),
 * which expands the chapters' choices per action.
 */
import { agendaPointLinks } from '../../i18n/nl/agenda-point-links';
import { periodClosing } from '../../i18n/nl/period-closing';
import { TEXT_LIMITS } from '../../schemas/limits';
import { readClosingDecisions } from '../../schemas/period';
import { actionChoiceLabel } from '../meetings/action-choice';
import { getActionChoice, resolveActionInPeriod } from '../meetings/action-choice.server';
import {
  ADD_EXCEPTION_INTENT,
  type ChapterDecisions,
  chapterFieldNames,
  CLOSING_PER_ACTION_MAX,
  type ClosingDecision,
  closingFieldNames,
  EXCEPTION_FIELD,
  EXCEPTION_SEARCH_FIELD,
  INTENT_FIELD,
  removeExceptionIntent,
} from './closing-fields';
import { listOpenActions, listOpenChapters, type OpenAction, type OpenChapter } from './period.server';
import { periodLabel } from './period-rules';

type ClosingPeriod = { id: number; slug: string; periodStart: number; periodEnd: number };

/** What the form shows: every open action, or (a large agenda) the chapters with their counts. */
export type ClosingFormContent =
  | { mode: 'perAction'; actions: OpenAction[] }
  | { mode: 'byChapter'; open: number; chapters: OpenChapter[]; period: string; suggestUrl: string };

/**
 * The period's chapters with open actions, how many are open, and whether the form asks per
 * action: one grouped count tells all three, for the form and for what it sends.
 */
function openChaptersOf(periodId: number) {
  const chapters = listOpenChapters(periodId);
  const open = chapters.reduce((sum, chapter) => sum + chapter.open, 0);
  return { chapters, open, perAction: open <= CLOSING_PER_ACTION_MAX };
}

/** The form for closing `period`; none (no period to close, or not now) shows no actions. */
export function closingFormContent(period: ClosingPeriod | null | undefined): ClosingFormContent {
  if (!period) return { mode: 'perAction', actions: [] };
  const { chapters, open, perAction } = openChaptersOf(period.id);
  if (perAction) return { mode: 'perAction', actions: listOpenActions(period.id) };
  return {
    mode: 'byChapter',
    open,
    chapters,
    period: periodLabel(period),
    suggestUrl: `/periodes/${period.slug}/actiekeuze`,
  };
}

/** The form again, as it was sent (with the exceptions as now listed), and what to say beside its fields. */
export type ClosingFormRetry = { values: Record<string, string>; exceptions: OpenAction[]; fieldErrors: Record<string, string> };

/** What a submitted closing form asks: close with these decisions, or show the form again (an exception added or removed, or a mistake). */
export type ClosingSubmission =
  | { kind: 'close'; decisions: Map<number, ClosingDecision>; byChapter?: ChapterDecisions; exceptionIds: number[] }
  | ({ kind: 'edit'; status: 200 | 400 } & ClosingFormRetry);

/** More exceptions than this is no longer a choice per chapter (and would not fit one SQL statement's variables). */
const MAX_EXCEPTIONS = 1000;

/** The ids of the form's exceptions, once each, in the order they were added. */
function exceptionIdsOf(formData: FormData): number[] {
  const ids = formData
    .getAll(EXCEPTION_FIELD)
    .filter((v): v is string => typeof v === 'string' && /^\d{1,9}$/u.test(v))
    .map(Number);
  return [...new Set(ids)].slice(0, MAX_EXCEPTIONS);
}

export function formValues(formData: FormData): Record<string, string> {
  return Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The form to show again after a refused close: what was sent, the exceptions still open, the messages. */
export function closingRetry(
  period: ClosingPeriod,
  formData: FormData,
  exceptionIds: readonly number[],
  fieldErrors: Record<string, string>,
): ClosingFormRetry {
  const exceptions = exceptionIds.length > 0 ? listOpenActions(period.id, undefined, exceptionIds) : [];
  return { values: formValues(formData), exceptions, fieldErrors };
}

/**
 * Reads a posted closing form of `period`. Per action (few open actions): each open
 * action's choice. Per chapter: each chapter's choice and the exceptions' own; the
 * buttons "Uitzondering toevoegen" and "Verwijderen" only change the form, resolving
 * the typed text on the server (so they work without JavaScript): an unknown or
 * ambiguous text, or an action no longer open, is a Dutch message beside the field.
 */
export function readClosingSubmission(period: ClosingPeriod, formData: FormData): ClosingSubmission {
  const { chapters: openChapters, perAction } = openChaptersOf(period.id);
  if (perAction) {
    const decisions = readClosingDecisions(
      formData,
      listOpenActions(period.id).map((a) => a.id),
    );
    return { kind: 'close', decisions, exceptionIds: [] };
  }
  const p = periodClosing;
  let exceptionIds = exceptionIdsOf(formData);
  const intent = formData.get(INTENT_FIELD);
  const typed = String(formData.get(EXCEPTION_SEARCH_FIELD) ?? '')
    .replace(/\s+/gu, ' ')
    .trim();
  const edit = (status: 200 | 400, fieldErrors: Record<string, string>, values = formValues(formData)) => ({
    kind: 'edit' as const,
    status,
    ...closingRetry(period, formData, exceptionIds, fieldErrors),
    values,
  });
  const searchError = (message: string) => edit(400, { [EXCEPTION_SEARCH_FIELD]: message, _form: message });

  const removed = exceptionIds.find((id) => intent === removeExceptionIntent(id));
  if (removed !== undefined) {
    exceptionIds = exceptionIds.filter((id) => id !== removed);
    return edit(200, {});
  }
  if (intent === ADD_EXCEPTION_INTENT) {
    if (typed === '') return searchError(p.searchEmpty);
    if (typed.length > TEXT_LIMITS.title) return searchError(agendaPointLinks.actionChoiceTooLong(TEXT_LIMITS.title));
    const resolved = resolveActionInPeriod({ period: { id: period.id, label: periodLabel(period) }, text: typed });
    if (!resolved.ok) return searchError(resolved.message);
    const id = resolved.actionId!;
    const [action] = listOpenActions(period.id, undefined, [id]);
    const label = actionChoiceLabel(action ?? getActionChoice(id)!);
    if (!action) return searchError(p.notOpen(label));
    if (exceptionIds.includes(id)) return searchError(p.alreadyException(label));
    exceptionIds = [...exceptionIds, id];
    const values = formValues(formData);
    delete values[EXCEPTION_SEARCH_FIELD];
    // An exception differs from its chapter: where the chapter is carried over, it is most likely not finished.
    const chapterChoice = values[chapterFieldNames(action.themeId).choice];
    if (chapterChoice === 'meenemen' && !values[closingFieldNames(id).choice]) values[closingFieldNames(id).choice] = 'niet_afgerond';
    return edit(200, {}, values);
  }
  // Closing while an exception is typed but not added would silently ignore it.
  if (typed !== '') return searchError(p.searchPending);

  const chapters = new Map<number, ClosingDecision>();
  for (const chapter of openChapters) {
    const names = chapterFieldNames(chapter.themeId);
    const choice = formData.get(names.choice);
    const reason = formData.get(names.reason);
    if (choice === 'meenemen' || choice === 'niet_afgerond') {
      chapters.set(chapter.themeId, { choice, reason: typeof reason === 'string' ? reason : '' });
    }
  }
  return {
    kind: 'close',
    decisions: readClosingDecisions(formData, exceptionIds),
    byChapter: { chapters, exceptions: new Set(exceptionIds) },
    exceptionIds,
  };
}
