/**
 * The kinds of event the audit log records, each with the group the beheer page
 * filters on. Extensible: a later feature (adopting a period or a report, two-factor
 * changes, …) adds a line here and its label in app/i18n/nl/audit.ts — the type checker
 * asks for the label. Stored as plain text, so a new kind needs no migration.
 * Browser-safe.
 */
import { t } from '../../i18n';

export const AUDIT_CATEGORIES = ['signin', 'accounts', 'denied', 'exports', 'privacy', 'system'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_ACTIONS = {
  'sign_in.succeeded': 'signin',
  'sign_in.failed': 'signin',
  sign_out: 'signin',
  'password.changed': 'signin',
  'password.reset_requested': 'signin',
  'password.reset': 'signin',
  'two_factor.enabled': 'signin',
  'two_factor.disabled': 'signin',
  'two_factor.recovery_codes_regenerated': 'signin',
  'two_factor.code_failed': 'signin',
  'sign_in.recovery_code': 'signin',
  'two_factor.requirement_changed': 'accounts',
  'account.invited': 'accounts',
  'account.invite_renewed': 'accounts',
  'account.invite_accepted': 'accounts',
  'account.access_changed': 'accounts',
  'account.deactivated': 'accounts',
  'account.reactivated': 'accounts',
  'access.requested': 'accounts',
  'access.approved': 'accounts',
  'access.rejected': 'accounts',
  'organisation.created': 'accounts',
  'organisation.renamed': 'accounts',
  'permission.denied': 'denied',
  'export.actions_csv': 'exports',
  'export.audit_csv': 'exports',
  'export.monitor': 'exports',
  'export.finance': 'exports',
  'download.minutes': 'exports',
  'download.balance': 'exports',
  'download.year_report': 'exports',
  'download.library_file': 'exports',
  'person.data_exported': 'privacy',
  'person.removed': 'privacy',
  'statement.updated': 'privacy',
  'report.adopted': 'system',
  'backup.written': 'system',
  'backup.restored': 'system',
  'audit.pruned': 'system',
  'retention.pruned': 'system',
} as const satisfies Record<string, AuditCategory>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = t.audit.actions;
export const AUDIT_CATEGORY_LABELS: Record<AuditCategory, string> = t.audit.categories;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The actions of a group, for the filter. */
export function actionsInCategory(category: AuditCategory): AuditAction[] {
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((action) => AUDIT_ACTIONS[action] === category);
}

/** The label of a stored action; an action from a newer or older Koers shows as it is stored. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}
