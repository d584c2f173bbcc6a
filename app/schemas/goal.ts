import { t } from '../i18n';
import { MAX_DEADLINE_YEAR, MIN_DEADLINE_YEAR } from '../models/tracker/deadline';
import { limit } from './limits';
import { z } from './zod';

const m = t.tracker.goalForm.errors;

/** A goal's target year: empty means none, otherwise a year 2000–2100. */
export const targetYear = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const text = (v ?? '').trim();
    if (text === '') return null;
    const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (!(year >= MIN_DEADLINE_YEAR && year <= MAX_DEADLINE_YEAR)) {
      ctx.addIssue({ code: 'custom', message: m.targetYearInvalid });
      return z.NEVER;
    }
    return year;
  });

/** The goal form: its text, explanation and target year. */
export const GoalFormSchema = z.object({
  title: z
    .string({ error: m.titleRequired })
    .trim()
    .min(1, { error: m.titleRequired })
    .max(...limit('goalText', m.titleTooLong)),
  body: z
    .string()
    .trim()
    .max(...limit('goalBody', m.bodyTooLong))
    .optional()
    .default(''),
  targetYear,
});

export type GoalFormInput = z.output<typeof GoalFormSchema>;
