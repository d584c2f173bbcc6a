import { z } from 'zod';

import { reports as reportsText } from '../i18n/nl/reports';
import { FIRST_REPORT_YEAR } from '../models/reports/year-report';

const e = reportsText.errors;
/** The model checks the upper bound (next year), which depends on today. */
const LAST_YEAR = 2100;

/** "Jaarrapportage <jaar> opstellen": the year. */
export const CreateYearReportSchema = z.object({
  year: z
    .string({ error: e.yearOutOfRange(FIRST_REPORT_YEAR, LAST_YEAR) })
    .trim()
    .regex(/^\d{4}$/, { error: e.yearOutOfRange(FIRST_REPORT_YEAR, LAST_YEAR) })
    .transform(Number),
});

/** A steering question for the agenda of the next bestuurlijk overleg (length and emptiness checked by the model too). */
export const SteeringQuestionSchema = z.object({
  question: z.string({ error: e.questionEmpty }).trim().min(1, { error: e.questionEmpty }),
});

/** `?versie=2` → 2; absent → null; anything else → undefined (a 404). */
export function parseReportVersion(value: string | null): number | null | undefined {
  if (value === null) return null;
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

/** `/jaarrapportages/2026` → 2026; anything else → undefined. */
export function parseReportYear(value: string | undefined): number | undefined {
  return value && /^\d{4}$/.test(value) ? Number(value) : undefined;
}
