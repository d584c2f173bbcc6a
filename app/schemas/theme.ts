import { t } from '../i18n';
import { limit } from './limits';
import { z } from './zod';

const m = t.tracker.themeForm.errors;

/** The chapter form: title and text (the code is the agenda's own numbering and stays). */
export const ThemeFormSchema = z.object({
  title: z
    .string({ error: m.titleRequired })
    .trim()
    .min(1, { error: m.titleRequired })
    .max(...limit('title', m.titleTooLong)),
  body: z
    .string()
    .trim()
    .max(...limit('longText', m.bodyTooLong))
    .optional()
    .default(''),
});

export type ThemeFormInput = z.output<typeof ThemeFormSchema>;
