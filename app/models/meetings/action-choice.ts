/**
 * How an agenda point names the action it is about, in its text field "Actie": browser-safe,
 * so the page, the suggestions and the server that reads the field agree on one form.
 * docs/decisions/035-link-an-action-by-search.md.
 */
import type { ActionStatus } from '../tracker/action-status';

/** An action as the field offers it. */
export type ActionChoice = { id: number; code: string | null; title: string };

/** At most this many suggestions per request: enough to find one, few enough to read. */
export const SUGGESTION_LIMIT = 20;

/**
 * What the field needs on the page: the label of its period ("2025–2028"), and every
 * action of it as labels when there are few; null where there are many (it suggests as one types).
 */
export type ActionField = { period: string | null; shortList: string[] | null };

/**
 * The action the field's text names exactly, as the suggestions answer it when asked
 * (`&status=1`): the decision dialog in the notes offers to move it on from "besluit nodig"
 * when the person may change it (docs/decisions/037-notes-decision-action-by-search.md).
 */
export type NamedAction = { label: string; status: ActionStatus; mayChangeStatus: boolean };

/** Between an action's reference and its title in a label: "1.3.a-A1 — Taalhuizen …". */
export const LABEL_SEPARATOR = ' — ';

/**
 * What identifies an action within its period: its code ("1.3.a-A1", unique per period),
 * or for an action made in Koers without one its number ("#123", as in /acties/123).
 */
export function actionReference(action: Pick<ActionChoice, 'id' | 'code'>): string {
  return action.code ?? `#${action.id}`;
}

/** What the field shows for a chosen action, and what a suggestion puts into it. */
export function actionChoiceLabel(action: ActionChoice): string {
  return `${actionReference(action)}${LABEL_SEPARATOR}${action.title}`;
}

/** What a user typed, cut to the ways it can name an action (the server looks each up within the period). */
export type ActionChoiceQuery =
  | { kind: 'none' }
  | {
      kind: 'text';
      /** The whole text: a code, "#123" or an exact title. */
      text: string;
      /** The part before " — " when the text looks like a label: a code or "#123". */
      reference: string | null;
      /** The number of "#123" (alone or before " — "). */
      id: number | null;
    };

/** Reads the field's text; empty means "no action". */
export function parseActionChoice(value: string): ActionChoiceQuery {
  const text = value.replace(/\s+/gu, ' ').trim();
  if (text === '') return { kind: 'none' };
  const at = text.indexOf(LABEL_SEPARATOR.trim());
  const head = at > 0 ? text.slice(0, at).trim() : null;
  const reference = head && !/\s/u.test(head) ? head : null;
  const number = /^#(\d{1,9})$/u.exec(reference ?? text);
  return { kind: 'text', text, reference, id: number ? Number(number[1]) : null };
}
