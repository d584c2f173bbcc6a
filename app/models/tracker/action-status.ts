/**
 * Action statuses and the rules that follow from a status, written once: the list used
 * by pages, the websocket server, the import and the tests; which statuses are closed;
 * what a status means for the percentage done. The same rules as SQL conditions are in
 * action-status.server.ts. Values are stored in the database; their labels are in the catalogue.
 */
import { t } from '../../i18n';

export const ACTION_STATUSES = ['niet_gestart', 'loopt', 'besluit_nodig', 'afgerond', 'vervallen'] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = t.actions.statuses;

/** Done or cancelled: closed actions are never overdue, and lists show them apart from the open ones. */
export const CLOSED_ACTION_STATUSES: readonly ActionStatus[] = ['afgerond', 'vervallen'];

/** Type guard for untrusted input (form data, imports). */
export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** Closed actions (done or cancelled) can never be overdue. */
export function isClosedStatus(status: ActionStatus): boolean {
  return CLOSED_ACTION_STATUSES.includes(status);
}

/**
 * The percentage done that goes with a status: an action that is afgerond is 100 % done,
 * whatever percentage came with it; any other status keeps the percentage given. Every
 * write of a status (the form, the board, a progress report) stores what this returns.
 */
export function progressForStatus(status: ActionStatus, progress: number): number {
  return status === 'afgerond' ? 100 : progress;
}
