/**
 * Action statuses: the single list used by pages, the websocket server, the
 * import and the tests. Values are stored in the database; their labels are in the catalogue.
 */
import { t } from '../../i18n';

export const ACTION_STATUSES = ['niet_gestart', 'loopt', 'besluit_nodig', 'afgerond', 'vervallen'] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = t.actions.statuses;

/** Type guard for untrusted input (form data, imports). */
export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** Closed actions (done or cancelled) can never be overdue. */
export function isClosedStatus(status: ActionStatus): boolean {
  return status === 'afgerond' || status === 'vervallen';
}
