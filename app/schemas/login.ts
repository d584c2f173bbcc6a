import { z } from 'zod';
import { t } from '../i18n';

export const LoginSchema = z.object({
  email: z.email({ error: t.common.login.emailRequired }),
  password: z.string({ error: t.common.login.passwordRequired }).min(1, { error: t.common.login.passwordRequired }),
  redirectTo: z.string().optional(),
});
