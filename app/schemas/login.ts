import { t } from '../i18n';
import { limit } from './limits';
import { z } from './zod';

export const LoginSchema = z.object({
  // Trimmed first: phones and copy-paste often add a trailing space.
  email: z
    .string({ error: t.common.login.emailRequired })
    .trim()
    .max(...limit('email', () => t.common.login.emailRequired))
    .pipe(z.email({ error: t.common.login.emailRequired })),
  password: z
    .string({ error: t.common.login.passwordRequired })
    .min(1, { error: t.common.login.passwordRequired })
    .max(...limit('passwordInput')),
  redirectTo: z.string().optional(),
});
