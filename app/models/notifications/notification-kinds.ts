/**
 * The kinds of notification and the e-mail choices per kind: browser-safe, so the
 * preferences form's schema can list them; stored in notifications.kind and
 * notification_preferences (db/schema.ts).
 */
export const NOTIFICATION_KINDS = [
  'mention',
  'comment',
  'owner',
  'deadline_soon',
  'overdue',
  'meeting_planned',
  'minutes_published',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_MODES = ['off', 'immediate', 'digest'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
