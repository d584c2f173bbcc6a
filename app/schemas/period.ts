import { z } from 'zod';

import { t } from '../i18n';
import { type ClosingDecision, closingFieldNames } from '../models/periods/closing-fields';
import { TEXT_LIMITS } from './limits';

const m = t.periods.errors;

/** A period's agenda title: a title like any other (limits.ts). */
export const PERIOD_TITLE_MAX_LENGTH = TEXT_LIMITS.title;

const year = z
  .string({ error: m.yearsInvalid })
  .trim()
  .regex(/^\d{4}$/, { error: m.yearsInvalid })
  .transform(Number);

/** "Nieuwe agenda opstellen": title and years (overlap and order are checked by the model, against the other periods). */
export const ConceptFormSchema = z.object({
  title: z
    .string({ error: m.titleRequired })
    .trim()
    .min(1, { error: m.titleRequired })
    .max(PERIOD_TITLE_MAX_LENGTH, { error: m.titleTooLong(PERIOD_TITLE_MAX_LENGTH) }),
  periodStart: year,
  periodEnd: year,
});

export type ConceptFormInput = z.output<typeof ConceptFormSchema>;

/**
 * The decisions of a closing form, per open action: `keuze-<id>` ('meenemen' or
 * 'niet_afgerond') and `reden-<id>`. Anything else in the form is ignored; an unknown
 * choice counts as no choice, so the model answers it as undecided beside the field.
 */
export function readClosingDecisions(formData: FormData, actionIds: readonly number[]): Map<number, ClosingDecision> {
  const decisions = new Map<number, ClosingDecision>();
  for (const id of actionIds) {
    const names = closingFieldNames(id);
    const choice = formData.get(names.choice);
    const reason = formData.get(names.reason);
    if (choice === 'meenemen' || choice === 'niet_afgerond') {
      decisions.set(id, { choice, reason: typeof reason === 'string' ? reason : '' });
    }
  }
  return decisions;
}
