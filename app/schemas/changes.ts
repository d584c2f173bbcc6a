import { changesPage } from '../i18n/nl/changes-page';
import { isIsoDate } from '../models/tracker/deadline';
import { z } from './zod';

/** '2026-11-01' as is; '1-11-2026' (how people in the Netherlands write it) turned into that. */
function toIsoDate(input: string): string | null {
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(input);
  const iso = dutch ? `${dutch[3]}-${dutch[2].padStart(2, '0')}-${dutch[1].padStart(2, '0')}` : input;
  return isIsoDate(iso) && Number(iso.slice(0, 4)) >= 1900 ? iso : null;
}

/** The "Wat is er veranderd" filter: a calendar date (the browser's date field sends YYYY-MM-DD). */
export const ChangesFilterSchema = z.object({
  sinds: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const date = toIsoDate(value);
      if (!date) {
        ctx.addIssue({ code: 'custom', message: changesPage.sinceInvalid });
        return z.NEVER;
      }
      return date;
    }),
});
