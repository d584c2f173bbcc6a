import { t } from '../i18n';

/**
 * The maximum length, in characters, of every text a person can type into Koers — written
 * once, used by the Zod schemas (the server refuses more, with a Dutch message beside the
 * field) and by the inputs' `maxLength` (so the browser stops typing there first). Without
 * a bound a pasted 30,000-character accent was stored and made its history page 109,644 px
 * wide (issue 11, defect 9). Generous for real use; existing agenda texts fit.
 */
export const TEXT_LIMITS = {
  /** Titles: actions, agenda points, action items, chapters (the imported agenda's titles fit). */
  title: 300,
  /** Titles people make up in Koers: meetings, library items. */
  shortTitle: 200,
  /** A goal's text is a sentence or two of the agenda itself. */
  goalText: 1000,
  /** People and organisations. */
  name: 120,
  /** A name, organisation or role typed beside something else: presenter, guest, contact. */
  label: 200,
  email: 254,
  phone: 40,
  url: 2000,
  /** New passwords; a longer one only costs hashing time. */
  password: 200,
  /** What a password field accepts at sign-in (old passwords may be longer than today's rule). */
  passwordInput: 1000,
  place: 500,
  partners: 1000,
  summary: 1000,
  /** A deadline phrase ("eind januari 2027") or a deadline filter ("dit kwartaal"). */
  deadline: 100,
  search: 200,
  decision: 2000,
  comment: 5000,
  progressReport: 5000,
  accent: 10_000,
  actionDescription: 10_000,
  goalBody: 20_000,
  /** Chapter texts, library examples, the privacy and accessibility statements. */
  longText: 50_000,
} as const;

export type TextLimit = keyof typeof TEXT_LIMITS;

/**
 * The arguments of a Zod `.max()` for a field with a limit: `.max(...limit('title', m.titleTooLong))`.
 * The message names the same number the check uses; without a message of its own the field
 * gets the general one ("Dit veld mag hoogstens 300 tekens lang zijn.").
 */
export function limit(name: TextLimit, tooLong: (max: number) => string = t.common.validation.tooLong) {
  const max = TEXT_LIMITS[name];
  return [max, { error: tooLong(max) }] as const;
}
