/**
 * How the library item form names the actions it links to where there are too many for
 * checkboxes (decision 038): browser-safe, so the page, the suggestions and the server
 * that reads the field agree on one form. Library items may link actions of any period;
 * codes repeat across periods, so where there are several a label starts with its period:
 * "2025–2028 · 1.3.a-A1 — Taalhuizen …" (the rest is an agenda point's label, decision 035).
 */
import { type ActionChoice, actionChoiceLabel } from '../meetings/action-choice';

/** Between a label's period and its action: "2025–2028 · 1.3.a-A1 — …". */
export const PERIOD_SEPARATOR = ' · ';

/** An action the form links to (or offers), as it shows it. */
export type LibraryActionChoice = { id: number; label: string };

/**
 * What the form's action field needs: null where every action is a checkbox (a short
 * agenda); otherwise the actions chosen so far, as labels.
 */
export type LibraryActionField = { chosen: LibraryActionChoice[] } | null;

/** The label of an action; `period` ("2025–2028") where the workspace has several periods. */
export function libraryActionLabel(action: ActionChoice, period: string | null): string {
  return period === null ? actionChoiceLabel(action) : `${period}${PERIOD_SEPARATOR}${actionChoiceLabel(action)}`;
}

/**
 * A period typed before the action ("2025–2028 · 1.3.a-A1", also with a hyphen or without
 * the dot) split off: its years, and the rest, which names the action as in decision 035.
 */
export function splitPeriod(text: string): { years: { start: number; end: number } | null; rest: string } {
  const match = /^(\d{4})\s*[–—-]\s*(\d{4})(?:\s*·\s*|\s+)(.*)$/u.exec(text.replace(/\s+/gu, ' ').trim());
  if (!match) return { years: null, rest: text };
  return { years: { start: Number(match[1]), end: Number(match[2]) }, rest: match[3] };
}
