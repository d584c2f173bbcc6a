import { t } from '../i18n';
import { limit } from './limits';
import { z } from './zod';

const s = t.privacy.statements;

/** The form of /beheer/verklaringen/:key: the statement's new text. */
export const StatementSchema = z.object({
  body: z
    .string({ error: s.bodyRequired })
    .trim()
    .min(1, { error: s.bodyRequired })
    .max(...limit('longText', s.bodyTooLong)),
});
