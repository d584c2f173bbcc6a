/**
 * The library's item form (new and edit), checked with Zod on the server. The vocabulary
 * (kinds, target groups, allowed uploads, the URL rule, the list's filters) lives in
 * app/models/library/library-rules.ts, so components can use it without Zod; it is re-exported here.
 */
import { t } from '../i18n';
import { LIBRARY_KINDS, MARKDOWN_LINK, safeUrl, TARGET_GROUPS, withWebScheme } from '../models/library/library-rules';
import { idField, optionalIdField } from './ids';
import { limit, type TextLimit } from './limits';
import { z } from './zod';

export * from '../models/library/library-rules';

const m = t.library.errors;

const trimmed = (name: TextLimit, tooLong: (max: number) => string) =>
  z
    .string()
    .trim()
    .max(...limit(name, tooLong));

const idList = z.array(idField(m.idInvalid)).transform((ids) => [...new Set(ids)]);

const optionalId = optionalIdField(m.idInvalid);

/**
 * The item form, shared by "Nieuw item" and "Bewerken". The fields a kind does not use
 * are ignored (stored empty). Which goals, actions, meetings, themes and municipalities
 * exist is checked by the model.
 */
export const LibraryItemFormSchema = z
  .object({
    kind: z.enum(LIBRARY_KINDS, { error: m.kindInvalid }),
    title: z
      .string()
      .trim()
      .min(1, { error: m.titleRequired })
      .max(...limit('shortTitle', m.titleTooLong)),
    summary: trimmed('summary', m.summaryTooLong),
    body: trimmed('longText', m.bodyTooLong),
    // "www.lezenenschrijven.nl" is meant as a web address: https:// is added.
    url: trimmed('url', m.urlTooLong).transform(withWebScheme),
    contactName: trimmed('label', m.contactTooLong),
    contactOrganisation: trimmed('label', m.contactTooLong),
    contactEmail: trimmed('label', m.contactTooLong),
    contactPhone: trimmed('phone', () => m.contactPhoneInvalid),
    themeId: optionalId,
    municipalityId: optionalId,
    targetGroups: z.array(z.enum(TARGET_GROUPS, { error: m.targetGroupInvalid })).transform((groups) => [...new Set(groups)]),
    goalIds: idList,
    actionIds: idList,
    meetingIds: idList,
  })
  .superRefine((item, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (item.kind === 'link') {
      if (item.url === '') problem('url', m.urlRequired);
      else if (safeUrl(item.url) === null) problem('url', m.urlUnsafe);
    }
    if (item.kind === 'voorbeeld') {
      if (item.body === '') problem('body', m.bodyRequired);
      for (const [, , address] of item.body.matchAll(MARKDOWN_LINK)) {
        if (safeUrl(address) === null) {
          problem('body', m.bodyUnsafeLink);
          break;
        }
      }
    }
    if (item.kind === 'contact') {
      if (item.contactName === '') problem('contactName', m.contactNameRequired);
      if (item.contactEmail !== '' && !z.email().safeParse(item.contactEmail).success) problem('contactEmail', m.contactEmailInvalid);
      if (item.contactPhone !== '' && !/^[+0-9 ()-]{6,40}$/.test(item.contactPhone)) problem('contactPhone', m.contactPhoneInvalid);
    }
  })
  .transform((item) => ({
    ...item,
    // Only what the kind uses is kept.
    body: item.kind === 'voorbeeld' ? item.body : '',
    url: item.kind === 'link' ? safeUrl(item.url) : null,
    contactName: item.kind === 'contact' ? item.contactName : null,
    contactOrganisation: item.kind === 'contact' && item.contactOrganisation !== '' ? item.contactOrganisation : null,
    contactEmail: item.kind === 'contact' && item.contactEmail !== '' ? item.contactEmail : null,
    contactPhone: item.kind === 'contact' && item.contactPhone !== '' ? item.contactPhone : null,
  }));

export type LibraryItemInput = z.output<typeof LibraryItemFormSchema>;

/** The text fields of the item form, as strings (what the user typed, for showing it again). */
export const LIBRARY_TEXT_FIELDS = [
  'kind',
  'title',
  'summary',
  'body',
  'url',
  'contactName',
  'contactOrganisation',
  'contactEmail',
  'contactPhone',
  'themeId',
  'municipalityId',
  // One more action to link, typed (where the actions are too many for checkboxes, decision 038).
  'actionChoice',
] as const;
/** The fields of the item form with several values (checkboxes, multiple selects). */
export const LIBRARY_LIST_FIELDS = ['targetGroups', 'goalIds', 'actionIds', 'meetingIds'] as const;

export type LibraryFormValues = Partial<Record<(typeof LIBRARY_TEXT_FIELDS)[number], string>> &
  Partial<Record<(typeof LIBRARY_LIST_FIELDS)[number], string[]>>;
export type LibraryFieldErrors = Partial<Record<string, string>>;

/** The choices the item form offers: themes and municipalities to tag, goals, actions and meetings to link. */
export type LibraryFormOptions = {
  themes: { id: number; code: string; title: string }[];
  municipalities: { id: number; name: string }[];
  goals: { id: number; code: string; title: string; themeCode: string; themeTitle: string }[];
  /** Every action, one checkbox each; null where there are too many (the form then links them by search, decision 038). */
  actions: { id: number; code: string | null; title: string; goalCode: string }[] | null;
  meetings: { id: number; title: string; startsAt: string }[];
};

/** Reads the item form from submitted form data: the values as typed, and the checked input or per-field messages. */
export function readLibraryItemForm(
  formData: FormData,
):
  | { ok: true; data: LibraryItemInput; values: LibraryFormValues }
  | { ok: false; fieldErrors: LibraryFieldErrors; values: LibraryFormValues } {
  const values: LibraryFormValues = {};
  for (const field of LIBRARY_TEXT_FIELDS) {
    const value = formData.get(field);
    values[field] = typeof value === 'string' ? value : '';
  }
  for (const field of LIBRARY_LIST_FIELDS) {
    values[field] = formData.getAll(field).filter((v): v is string => typeof v === 'string');
  }
  const result = LibraryItemFormSchema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const fieldErrors: LibraryFieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors, values };
}
