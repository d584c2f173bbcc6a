import { monitor as monitorText } from '../i18n/nl/monitor';
import { COUNTED_PER, INDICATOR_LEVELS, INDICATOR_UNITS, MONITOR_KINDS } from '../models/monitor/monitor-rules';
import { limit } from './limits';
import { z } from './zod';

const e = monitorText.errors;

/** A new indicator of the catalogue (beheerder and werkgroep). */
export const IndicatorFormSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,29}$/, { error: e.codeFormat }),
  name: z
    .string()
    .trim()
    .min(1, { error: e.nameRequired })
    .max(...limit('title', e.tooLong)),
  level: z.enum(INDICATOR_LEVELS),
  unit: z.enum(INDICATOR_UNITS),
  source: z
    .string()
    .trim()
    .min(1, { error: e.sourceRequired })
    .max(...limit('label', e.tooLong)),
  monitor: z.enum(MONITOR_KINDS),
  countedPer: z.enum(COUNTED_PER),
  definition: z
    .string()
    .trim()
    .max(...limit('summary', e.tooLong))
    .optional()
    .default(''),
});

export const INDICATOR_CODE_MAX_LENGTH = 30;

/**
 * Correcting an indicator: everything but its code (in addresses and delivery files) and its
 * unit (the stored figures are read by it); `active` off takes it off the monitor page.
 */
export const IndicatorEditSchema = IndicatorFormSchema.omit({ code: true, unit: true }).extend({
  active: z
    .string()
    .optional()
    .transform((value) => value === 'ja'),
});
