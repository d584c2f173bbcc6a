import { monitor as monitorText } from '../i18n/nl/monitor';
import { type IndicatorUnit, parseBreakdownKey, parseDutchNumber, valueProblem } from '../models/monitor/monitor-rules';
import { toStored } from '../models/monitor/monitor-rules';
import { limit } from './limits';
import { z } from './zod';

const e = monitorText.errors;

/** "regio" or a municipality id among the allowed ones. */
const areaField = (municipalityIds: number[]) =>
  z.string().transform((value, ctx) => {
    if (value === 'regio') return null;
    const id = Number(value);
    if (!Number.isInteger(id) || !municipalityIds.includes(id)) {
      ctx.addIssue({ code: 'custom', message: e.unknownArea });
      return z.NEVER;
    }
    return id;
  });

const yearField = (from: number, to: number) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const year = Number(value);
      if (!/^\d{4}$/.test(value) || year < from || year > to) {
        ctx.addIssue({ code: 'custom', message: e.yearOutOfRange(from, to) });
        return z.NEVER;
      }
      return year;
    });

/** A value typed the Dutch way, checked against the unit and returned as the stored integer. */
export const storedValueField = (unit: IndicatorUnit) =>
  z.string({ error: e.valueRequired }).transform((value, ctx) => {
    if (value.trim() === '') {
      ctx.addIssue({ code: 'custom', message: e.valueRequired });
      return z.NEVER;
    }
    const number = parseDutchNumber(value);
    if (number === null) {
      ctx.addIssue({ code: 'custom', message: e.notANumber });
      return z.NEVER;
    }
    const problem = valueProblem(unit, number);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem === 'precision' ? e.precision[unit] : e[problem] });
      return z.NEVER;
    }
    return toStored(unit, number)!;
  });

const optionalText = z
  .string()
  .trim()
  .max(...limit('label', e.tooLong))
  .optional()
  .transform((v) => (v ? v : null));

const respondentsField = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    if (!/^\d{1,7}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: e.respondentsWhole });
      return z.NEVER;
    }
    return Number(value);
  });

/**
 * The form that enters or corrects one figure of an indicator. Built per indicator: the
 * unit decides what a valid value is, the actor's areas which areas may be chosen.
 */
export function figureFormSchema({
  unit,
  municipalityIds,
  fromYear,
  toYear,
}: {
  unit: IndicatorUnit;
  municipalityIds: number[];
  fromYear: number;
  toYear: number;
}) {
  return z.object({
    gebied: areaField(municipalityIds),
    jaar: yearField(fromYear, toYear),
    uitsplitsing: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value) return '';
        if (!parseBreakdownKey(value)) {
          ctx.addIssue({ code: 'custom', message: e.unknownBreakdown });
          return z.NEVER;
        }
        return value;
      }),
    waarde: storedValueField(unit),
    bron: z
      .string()
      .trim()
      .min(1, { error: e.sourceRequired })
      .max(...limit('label', e.tooLong)),
    volledigheid: optionalText,
    respondenten: respondentsField,
  });
}

/** The target form: an area, a year of the chosen period, and a value (empty: remove the target). */
export function targetFormSchema({
  unit,
  municipalityIds,
  fromYear,
  toYear,
}: {
  unit: IndicatorUnit;
  municipalityIds: number[];
  fromYear: number;
  toYear: number;
}) {
  return z.object({
    gebied: areaField(municipalityIds),
    jaar: yearField(fromYear, toYear),
    periode: z.string().min(1, { error: e.unknownPeriod }),
    waarde: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value || value.trim() === '') return null;
        const parsed = storedValueField(unit).safeParse(value);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: parsed.error.issues[0].message });
          return z.NEVER;
        }
        return parsed.data;
      }),
  });
}

/** "Bijsturen": a question for the next werkgroep meeting, optionally about a goal the indicator measures. */
export const steeringFormSchema = z.object({
  vraag: z
    .string({ error: e.steeringQuestionEmpty })
    .trim()
    .min(1, { error: e.steeringQuestionEmpty })
    .max(...limit('title', e.tooLong)),
  doel: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      if (!/^\d{1,9}$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: e.steeringUnknownGoal });
        return z.NEVER;
      }
      return Number(value);
    }),
});
