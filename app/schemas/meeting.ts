import { t } from '../i18n';
import { agendaPointLinks } from '../i18n/nl/agenda-point-links';
import { isCalendarDate, isClockTime } from '../models/meetings/meeting-time';
import { parseId } from '../utils/ids';
import { idField, optionalIdField } from './ids';
import { limit, TEXT_LIMITS } from './limits';
import { z } from './zod';

/**
 * An action as typed or picked in a search field (decision 035): a code, "#123", a title
 * or a suggestion's label, read by resolveActionChoice. Empty is "no action".
 */
export const actionChoiceField = z
  .string()
  .max(...limit('title', agendaPointLinks.actionChoiceTooLong))
  .optional()
  .default('');

const m = t.meetings.errors;

export const MEETING_FORM_KINDS = ['werkgroep', 'bestuurlijk', 'kennisdeling'] as const;
/** The statuses the form may set; "vastgesteld" follows only from publishing the minutes. */
export const MEETING_FORM_STATUSES = ['gepland', 'gehouden'] as const;
export const MAX_GUESTS = 30;

export type Guest = { name: string; organisation: string };

/**
 * A form posts attendees as repeated checkboxes (`attendeeIds`) and guests as repeated
 * pairs (`guestName`/`guestOrganisation`). This folds them into one field each — ids
 * joined by commas, guests as JSON with empty rows dropped — so the schema below (and the
 * values sent back after an error) see plain strings.
 */
export function normalizeMeetingForm(formData: FormData): FormData {
  const out = new FormData();
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !['attendeeIds', 'guestName', 'guestOrganisation'].includes(key)) out.set(key, value);
  }
  out.set(
    'attendeeIds',
    formData
      .getAll('attendeeIds')
      .filter((v) => typeof v === 'string')
      .join(','),
  );
  const names = formData.getAll('guestName').map(String);
  const organisations = formData.getAll('guestOrganisation').map(String);
  const guests: Guest[] = [];
  for (let i = 0; i < Math.max(names.length, organisations.length); i++) {
    const guest = { name: (names[i] ?? '').trim(), organisation: (organisations[i] ?? '').trim() };
    if (guest.name || guest.organisation) guests.push(guest);
  }
  out.set('guests', JSON.stringify(guests));
  return out;
}

/** Guests as the form holds them (a JSON list); anything unreadable is no guests. */
export function readGuests(value: string | undefined): Guest[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((g): g is Guest => typeof g?.name === 'string' && typeof g?.organisation === 'string')
      .map((g) => ({ name: g.name, organisation: g.organisation }));
  } catch {
    return [];
  }
}

const idList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const parts = (v ?? '').split(',').filter((p) => p !== '');
    const ids = parts.map((p) => parseId(p));
    if (!ids.every((id) => id !== null)) {
      ctx.addIssue({ code: 'custom', message: m.attendeesInvalid });
      return z.NEVER;
    }
    return [...new Set(ids)];
  });

const guestList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const guests = readGuests(v);
    if (guests.length > MAX_GUESTS) ctx.addIssue({ code: 'custom', message: m.tooManyGuests });
    else if (guests.some((g) => g.name === '')) ctx.addIssue({ code: 'custom', message: m.guestNameRequired });
    else if (guests.some((g) => g.name.length > TEXT_LIMITS.label || g.organisation.length > TEXT_LIMITS.label))
      ctx.addIssue({ code: 'custom', message: m.guestTooLong(TEXT_LIMITS.label) });
    else return guests;
    return z.NEVER;
  });

/** The meeting form (new and edit). Run on the output of normalizeMeetingForm. */
export const MeetingFormSchema = z.object({
  title: z
    .string({ error: m.titleRequired })
    .trim()
    .min(1, { error: m.titleRequired })
    .max(...limit('shortTitle', m.titleTooLong)),
  kind: z.enum(MEETING_FORM_KINDS, { error: m.kindInvalid }),
  date: z.string({ error: m.dateInvalid }).trim().refine(isCalendarDate, { error: m.dateInvalid }),
  time: z.string({ error: m.timeInvalid }).trim().refine(isClockTime, { error: m.timeInvalid }),
  duration: z
    .string({ error: m.durationInvalid })
    .trim()
    .regex(/^\d{1,3}$/, { error: m.durationInvalid })
    .transform(Number)
    .refine((n) => n >= 5 && n <= 600, { error: m.durationInvalid }),
  place: z
    .string()
    .trim()
    .max(...limit('place', m.placeTooLong))
    .optional()
    .default(''),
  status: z.enum(MEETING_FORM_STATUSES, { error: m.statusInvalid }).optional().default('gepland'),
  attendeeIds: idList,
  guests: guestList,
});

export type MeetingFormInput = z.output<typeof MeetingFormSchema>;

/** Form values as strings, named like the fields of MeetingFormSchema (after normalizing). */
export type MeetingFormValues = Partial<
  Record<'title' | 'kind' | 'date' | 'time' | 'duration' | 'place' | 'status' | 'attendeeIds' | 'guests', string>
>;

/** An agenda point (add and edit). */
/** A point's planned minutes as typed: null when left empty, undefined when not 1–480. */
export function parsePointDuration(value: FormDataEntryValue | null | undefined): number | null | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return null;
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  return n >= 1 && n <= 480 ? n : undefined;
}

export const AgendaPointSchema = z.object({
  title: z
    .string({ error: m.pointTitleRequired })
    .trim()
    .min(1, { error: m.pointTitleRequired })
    .max(...limit('title', m.pointTitleTooLong)),
  duration: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null;
      const n = /^\d{1,3}$/.test(v) ? Number(v) : NaN;
      if (!(n >= 1 && n <= 480)) {
        ctx.addIssue({ code: 'custom', message: m.pointDurationInvalid });
        return z.NEVER;
      }
      return n;
    }),
  presenter: z
    .string()
    .trim()
    .max(...limit('label', m.presenterTooLong))
    .optional()
    .default(''),
  goalId: optionalIdField(t.actions.errors.idInvalid),
  actionChoice: actionChoiceField,
});

/** The form as posted; the action is still text. */
export type AgendaPointForm = z.output<typeof AgendaPointSchema>;
/** An agenda point as the models write it: the action resolved to its id (null: none). */
export type AgendaPointInput = Omit<AgendaPointForm, 'actionChoice'> & { actionId: number | null };
export type AgendaPointValues = Partial<Record<'title' | 'duration' | 'presenter' | 'goalId' | 'actionChoice', string>>;

/** Marking one attendee present or absent. */
export const AttendanceSchema = z.object({
  attendeeId: idField(m.attendeeNotInMeeting),
  attended: z.enum(['ja', 'nee'], { error: m.idInvalid }).transform((v) => v === 'ja'),
});

/** One agenda point addressed by a button (move, remove, done). */
export const AgendaPointRefSchema = z.object({
  pointId: idField(m.pointNotInMeeting),
});

export const AgendaPointMoveSchema = AgendaPointRefSchema.extend({
  direction: z.enum(['up', 'down'], { error: m.idInvalid }),
});

/** Drag and drop or the keyboard: the point's new place, 0-based. */
export const AgendaPointPlaceSchema = AgendaPointRefSchema.extend({
  index: z
    .string({ error: m.positionInvalid })
    .regex(/^\d{1,4}$/, { error: m.positionInvalid })
    .transform(Number),
});

/** The duration typed in the agenda table: 1–480 minutes, or empty for none. */
export const AgendaPointDurationSchema = AgendaPointRefSchema.extend({
  duration: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const duration = parsePointDuration(value);
      if (duration === undefined) {
        ctx.addIssue({ code: 'custom', message: m.pointDurationInvalid });
        return z.NEVER;
      }
      return duration;
    }),
});

export const AgendaPointStatusSchema = AgendaPointRefSchema.extend({
  status: z.enum(['open', 'afgerond'], { error: m.idInvalid }),
});
