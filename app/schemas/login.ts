import { t } from '../i18n';
import { z } from './zod';

export const LoginSchema = z.object({
  // Trimmed first: phones and copy-paste often add a trailing space.
  email: z
    .string({ error: t.common.login.emailRequired })
    .trim()
    .pipe(z.email({ error: t.common.login.emailRequired })),
  password: z.string({ error: t.common.login.passwordRequired }).min(1, { error: t.common.login.passwordRequired }),
  redirectTo: z.string().optional(),
});
