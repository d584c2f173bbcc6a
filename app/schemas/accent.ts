import { t } from '../i18n';
import { limit } from './limits';
import { z } from './zod';

/**
 * The accent form on a cell page. An empty text is allowed: it removes the accent, but
 * only with `bevestigd=ja` (the answer to "Accent verwijderen?"); see the cell page.
 */
export const AccentFormSchema = z.object({
  body: z
    .string()
    .trim()
    .max(...limit('accent', t.accents.errors.bodyTooLong))
    .optional()
    .default(''),
  bevestigd: z.literal('ja').optional(),
});

export type AccentFormInput = z.output<typeof AccentFormSchema>;
