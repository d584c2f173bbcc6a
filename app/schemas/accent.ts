import { t } from '../i18n';
import { limit } from './limits';
import { z } from './zod';

/** The accent form on a cell page. An empty text is allowed: it clears the accent. */
export const AccentFormSchema = z.object({
  body: z
    .string()
    .trim()
    .max(...limit('accent', t.accents.errors.bodyTooLong))
    .optional()
    .default(''),
});

export type AccentFormInput = z.output<typeof AccentFormSchema>;
