/** The closing form's fields and decisions: shared by the page, its schema and the model (browser-safe). */
import type { ClosingChoice } from './period-rules';

export type ClosingDecision = { choice: ClosingChoice; reason: string };

export const REASON_MAX_LENGTH = 500;

/** The field names of the closing form, per action. */
export const closingFieldNames = (actionId: number) => ({ choice: `keuze-${actionId}`, reason: `reden-${actionId}` });

/**
 * Up to this many open actions the form asks for each of them (the real agenda has 39);
 * above it, per chapter with exceptions (decision 039): a fieldset per action would be
 * thousands of them on a large agenda, a page nobody can work through.
 */
export const CLOSING_PER_ACTION_MAX = 60;

/** The field names of a chapter's choice, which holds for its open actions that are no exception. */
export const chapterFieldNames = (themeId: number) => ({ choice: `hoofdstuk-keuze-${themeId}`, reason: `hoofdstuk-reden-${themeId}` });

/** The exceptions' fields: one hidden `uitzondering` per excepted action id, whose own choice is in closingFieldNames. */
export const EXCEPTION_FIELD = 'uitzondering';
/** The text field that names an action to add as an exception (code, #number or title). */
export const EXCEPTION_SEARCH_FIELD = 'uitzondering-zoeken';
/** The submit buttons' name; values: add an exception, or remove one (`verwijderen-<id>`), or close (none). */
export const INTENT_FIELD = 'intent';
export const ADD_EXCEPTION_INTENT = 'uitzondering-toevoegen';
export const removeExceptionIntent = (actionId: number) => `verwijderen-${actionId}`;

/**
 * The choices per chapter on a large agenda: each chapter's decision holds for its open
 * actions, except those in `exceptions`, which have a decision of their own (or none yet).
 */
export type ChapterDecisions = { chapters: ReadonlyMap<number, ClosingDecision>; exceptions: ReadonlySet<number> };
