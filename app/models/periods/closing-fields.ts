/** The closing form's fields and decisions: shared by the page, its schema and the model (browser-safe). */
import type { ClosingChoice } from './period-rules';

export type ClosingDecision = { choice: ClosingChoice; reason: string };

export const REASON_MAX_LENGTH = 500;

/** The field names of the closing form, per action. */
export const closingFieldNames = (actionId: number) => ({ choice: `keuze-${actionId}`, reason: `reden-${actionId}` });
