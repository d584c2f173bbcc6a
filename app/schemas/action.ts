import { t } from '../i18n';
import { ACTION_STATUSES } from '../models/tracker/action-status';
import { parseDeadline } from '../models/tracker/deadline';
import { idField, optionalIdField } from './ids';
import { limit } from './limits';
import { z } from './zod';

const m = t.actions.errors;

/** An optional id from a <select>: '' means none. */
const optionalId = optionalIdField(m.idInvalid);

/** A deadline phrase in the agenda's language; empty means no deadline. */
export const deadlinePhrase = z
  .string()
  .max(...limit('deadline'))
  .optional()
  .transform((v, ctx) => {
    const phrase = (v ?? '').trim();
    if (phrase === '') return null;
    const parsed = parseDeadline(phrase);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.deadline;
  });

export const actionStatus = z.enum(ACTION_STATUSES, { error: m.statusInvalid });

export const progressPercent = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, { error: m.progressInvalid })
  .transform(Number)
  .refine((n) => n >= 0 && n <= 100, { error: m.progressInvalid });

/** The action form (create and edit), shared by the browser and the server. */
export const ActionFormSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: m.titleRequired })
    .max(...limit('title', m.titleTooLong)),
  description: z
    .string()
    .trim()
    .max(...limit('actionDescription'))
    .optional()
    .default(''),
  goalId: idField(m.goalRequired),
  ownerUserId: optionalId,
  ownerOrganisationId: optionalId,
  partners: z
    .string()
    .trim()
    .max(...limit('partners'))
    .optional()
    .default(''),
  deadline: deadlinePhrase,
  status: actionStatus,
  progress: progressPercent,
  municipalityId: optionalId,
});

export type ActionFormInput = z.output<typeof ActionFormSchema>;

/** The choices the action form offers. */
export type ActionFormOptions = {
  goals: { id: number; code: string; title: string; themeId: number; themeCode: string; themeTitle: string }[];
  users: { id: number; name: string; organisationId: number }[];
  organisations: { id: number; name: string; kind: 'gemeente' | 'partner' }[];
  /** The scopes this user may choose: null is regional, a number a municipality. */
  scopes: { municipalityId: number | null; name: string }[];
};

/** Form values as strings, named like the fields of ActionFormSchema. */
export type ActionFormValues = Partial<
  Record<
    | 'title'
    | 'description'
    | 'goalId'
    | 'ownerUserId'
    | 'ownerOrganisationId'
    | 'partners'
    | 'deadline'
    | 'status'
    | 'progress'
    | 'municipalityId',
    string
  >
>;

/**
 * An optional choice: '' (or nothing) means "unchanged" (null); anything else must pass
 * `schema`, with that schema's own message (a union would answer Zod's generic one).
 */
function emptyAsNull<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' || value === undefined ? null : value), schema.nullable());
}

/** A progress report on an action: text, and optionally a new status and percentage. */
export const ProgressUpdateSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: m.bodyRequired })
    .max(...limit('progressReport')),
  status: emptyAsNull(actionStatus),
  progress: emptyAsNull(progressPercent),
});
