/** Id fields of the form schemas, by the one rule of app/utils/ids.ts. */
import { parseId } from '../utils/ids';
import { z } from './zod';

/** A required id: `message` when it is missing or not an id. */
export const idField = (message: string) =>
  z.string({ error: message }).transform((value, ctx) => {
    const id = parseId(value);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return id;
  });

/** An optional id (a <select> with an empty choice): absent or '' is null; anything else must be an id. */
export const optionalIdField = (message: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return null;
      const id = parseId(value);
      if (id === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return id;
    });
