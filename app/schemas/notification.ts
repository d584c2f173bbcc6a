import { t } from '../i18n';
import { COMMENT_TARGETS } from '../models/comments/comment-target';
import { EMAIL_MODES, type EmailMode, NOTIFICATION_KINDS, type NotificationKind } from '../models/notifications/notification-kinds';
import { idField } from './ids';
import { z } from './zod';

const m = t.notifications.errors;

/** The inbox's buttons: one notification read, or all of them. */
export const InboxFormSchema = z.discriminatedUnion(
  'intent',
  [z.object({ intent: z.literal('read'), notificationId: idField(m.notificationInvalid) }), z.object({ intent: z.literal('allRead') })],
  { error: m.intentInvalid },
);

/** Form field names of the preferences form, per kind. */
export const preferenceFieldNames = (kind: NotificationKind) => ({ enabled: `${kind}.enabled`, email: `${kind}.email` });

/**
 * The preferences form: per kind a checkbox `<kind>.enabled` (present = on) and a choice
 * `<kind>.email`. A missing e-mail field (disabled while e-mail is off here) means "keep".
 */
export const PreferencesFormSchema = z
  .object(
    Object.fromEntries(
      NOTIFICATION_KINDS.flatMap((kind) => {
        const names = preferenceFieldNames(kind);
        return [
          [names.enabled, z.literal('on', { error: m.enabledInvalid }).optional()],
          [names.email, z.enum(EMAIL_MODES, { error: m.emailInvalid }).optional()],
        ];
      }),
    ) as Record<string, z.ZodOptional<z.ZodLiteral<'on'>> | z.ZodOptional<z.ZodEnum<Record<EmailMode, EmailMode>>>>,
  )
  .transform(
    (values) =>
      Object.fromEntries(
        NOTIFICATION_KINDS.map((kind) => {
          const names = preferenceFieldNames(kind);
          return [kind, { enabled: values[names.enabled] === 'on', email: (values[names.email] as EmailMode | undefined) ?? null }];
        }),
      ) as Record<NotificationKind, { enabled: boolean; email: EmailMode | null }>,
  );

/** The Volgen / Niet meer volgen button. */
export const FollowFormSchema = z.object({
  intent: z.enum(['follow', 'unfollow'], { error: m.intentInvalid }),
  targetType: z.enum(COMMENT_TARGETS, { error: m.targetInvalid }),
  targetId: idField(m.targetInvalid),
  redirectTo: z.string().optional().default('/'),
});
