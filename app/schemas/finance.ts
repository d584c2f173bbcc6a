/**
 * The forms of the financial overview: a stream, an allocation, a commitment, a spending.
 * Amounts are typed as Dutch text and read by app/models/finance/money.ts into integer
 * cents, with a message beside the field for every way an amount can be wrong. Whether a
 * chosen stream, allocation, goal or municipality exists is checked by the model, which
 * answers beside the same fields.
 */
import { finance as financeText } from '../i18n/nl/finance';
import { ALLOCATION_PURPOSES, COMMITMENT_KINDS, FINANCE_YEARS, isFinanceYear, STREAM_KINDS } from '../models/finance/finance-rules';
import { type AmountProblem, parseAmount } from '../models/finance/money';
import { isCalendarDate } from '../models/meetings/meeting-time';
import { idField, optionalIdField } from './ids';
import { limit } from './limits';
import { z } from './zod';

const m = financeText.errors;

const AMOUNT_MESSAGES: Record<AmountProblem, string> = {
  empty: m.amountEmpty,
  invalid: m.amountInvalid,
  negative: m.amountNegative,
  tooManyDecimals: m.amountTooManyDecimals,
  tooLarge: m.amountTooLarge,
};

/** The largest amount text a field takes ("€ 9.999.999.999,99" and some spaces). */
export const AMOUNT_MAX_LENGTH = 30;

/** A required amount in euros as Dutch text → integer cents. */
const amount = z
  .string({ error: m.amountEmpty })
  .max(AMOUNT_MAX_LENGTH, { error: m.amountInvalid })
  .transform((value, ctx) => {
    const parsed = parseAmount(value);
    if (parsed.ok) return parsed.cents;
    ctx.addIssue({ code: 'custom', message: AMOUNT_MESSAGES[parsed.problem] });
    return z.NEVER;
  });

/** An amount that may be left empty (null): the carry-over while a year is not settled. */
const optionalAmount = z
  .string()
  .max(AMOUNT_MAX_LENGTH, { error: m.amountInvalid })
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === '') return null;
    const parsed = parseAmount(value);
    if (parsed.ok) return parsed.cents;
    ctx.addIssue({ code: 'custom', message: AMOUNT_MESSAGES[parsed.problem] });
    return z.NEVER;
  });

const yearMessage = m.yearInvalid(FINANCE_YEARS.first, FINANCE_YEARS.last);
const year = z
  .string({ error: yearMessage })
  .trim()
  .regex(/^\d{4}$/, { error: yearMessage })
  .transform(Number)
  .refine(isFinanceYear, { error: yearMessage });

const date = z
  .string({ error: m.dateInvalid })
  .trim()
  .refine(isCalendarDate, { error: m.dateInvalid })
  .refine((value) => isFinanceYear(Number(value.slice(0, 4))), { error: m.dateOutsideYears(FINANCE_YEARS.first, FINANCE_YEARS.last) });

const description = z
  .string()
  .trim()
  .max(...limit('summary'))
  .optional()
  .transform((value) => value ?? '');

export const StreamFormSchema = z
  .object({
    year,
    kind: z.enum(STREAM_KINDS, { error: m.kindRequired }),
    name: z
      .string({ error: m.nameRequired })
      .trim()
      .min(1, { error: m.nameRequired })
      .max(...limit('title')),
    receivedCents: amount,
    municipalityId: optionalIdField(m.municipalityUnknown),
    carryOverCents: optionalAmount,
    repaymentCents: optionalAmount,
    notes: description,
  })
  .superRefine((value, ctx) => {
    if (value.repaymentCents !== null && value.carryOverCents === null) {
      ctx.addIssue({ code: 'custom', path: ['carryOverCents'], message: m.repaymentWithoutCarryOver });
    }
  });
export type StreamInput = z.output<typeof StreamFormSchema>;

export const AllocationFormSchema = z.object({
  streamId: idField(m.streamUnknown),
  purpose: z.enum(ALLOCATION_PURPOSES, { error: m.purposeRequired }),
  municipalityId: optionalIdField(m.municipalityUnknown),
  goalId: optionalIdField(m.goalUnknown),
  actionId: optionalIdField(m.actionUnknown),
  amountCents: amount,
  description,
});
export type AllocationInput = z.output<typeof AllocationFormSchema>;

export const CommitmentFormSchema = z
  .object({
    allocationId: idField(m.allocationUnknown),
    kind: z.enum(COMMITMENT_KINDS, { error: m.commitmentKindRequired }),
    party: z
      .string({ error: m.partyRequired })
      .trim()
      .min(1, { error: m.partyRequired })
      .max(...limit('label')),
    periodFrom: date,
    periodTo: date,
    amountCents: amount,
    reference: z
      .string()
      .trim()
      .max(...limit('label'))
      .optional()
      .transform((value) => value ?? ''),
  })
  .superRefine((value, ctx) => {
    if (value.periodTo < value.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: m.periodOrder });
  });
export type CommitmentInput = z.output<typeof CommitmentFormSchema>;

export const SpendingFormSchema = z.object({
  allocationId: idField(m.allocationUnknown),
  commitmentId: optionalIdField(m.commitmentUnknown),
  date,
  amountCents: amount,
  description,
});
export type SpendingInput = z.output<typeof SpendingFormSchema>;

/** The text limits of the fields, for their `maxLength` (the schema refuses more). */
export const FINANCE_FIELD_LIMITS = { amount: AMOUNT_MAX_LENGTH } as const;
