import { t } from '../i18n';
import { limit } from './limits';
import { z } from './zod';

const m = t.admin.errors;

export const PASSWORD_MIN_LENGTH = 12;

/** A new password: long rather than complicated (NCSC advice), with a sane upper bound. */
export const newPassword = z
  .string({ error: m.passwordTooShort })
  .min(PASSWORD_MIN_LENGTH, { error: m.passwordTooShort })
  .max(...limit('password', m.passwordTooLong));

/** Choosing a password from an invite link. */
export const SetPasswordSchema = z
  .object({
    password: newPassword,
    repeatPassword: z
      .string()
      .max(...limit('passwordInput'))
      .optional()
      .default(''),
  })
  .refine((v) => v.password === v.repeatPassword, { error: m.passwordsDiffer, path: ['repeatPassword'] });

/** Changing one's own password on /account. */
export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: m.currentPasswordRequired })
      .min(1, { error: m.currentPasswordRequired })
      .max(...limit('passwordInput')),
    newPassword,
    repeatPassword: z
      .string()
      .max(...limit('passwordInput'))
      .optional()
      .default(''),
  })
  .refine((v) => v.newPassword === v.repeatPassword, { error: m.passwordsDiffer, path: ['repeatPassword'] });

/** "Nieuw adres maken" for the calendar feed: renewing breaks existing subscriptions, so it needs a tick. */
export const RenewCalendarSchema = z.object({
  confirmRenew: z.literal('ja', { error: t.meetings.account.renewConfirmRequired }),
});

/** Asking for a password reset link on /wachtwoord-vergeten. */
export const PasswordResetRequestSchema = z.object({
  email: z
    .string({ error: t.common.login.emailRequired })
    .trim()
    .max(...limit('email', () => t.common.login.emailRequired))
    .pipe(z.email({ error: t.common.login.emailRequired })),
});
