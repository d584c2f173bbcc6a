import { t } from '../i18n';
import { ROLES } from '../models/permissions';
import { z } from './zod';

const m = t.twoFactor.errors;

/** A code of the app (six digits; spaces allowed, as apps show "123 456") or a recovery code. */
const code = z.string({ error: m.codeRequired }).trim().min(1, { error: m.codeRequired }).max(40, { error: m.codeWrong });

/** The second sign-in step on /login/code. */
export const SecondStepSchema = z.object({ code });

/** Confirming the set-up with the first code of the app. */
export const ConfirmTwoFactorSchema = z.object({
  code: z
    .string({ error: m.codeRequired })
    .trim()
    .min(1, { error: m.codeRequired })
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, { error: m.setupCodeWrong })),
});

/** Turning two-factor off, new recovery codes: the password or a current code of the app. */
export const TwoFactorConfirmationSchema = z.object({
  confirmation: z
    .string({ error: m.confirmationRequired })
    .min(1, { error: m.confirmationRequired })
    .max(200, { error: m.confirmationWrong }),
});

/** The beheer form: one checkbox per role ('ja' when ticked, absent when not). */
export const TwoFactorRequirementsSchema = z.object(
  Object.fromEntries(ROLES.map((role) => [`role-${role}`, z.literal('ja', { error: t.common.errors.badRequestTitle }).optional()])),
);
