import { z } from 'zod';

import { t } from '../i18n';
import { STATEMENT_MAX_LENGTH } from '../models/privacy/statements';

const s = t.privacy.statements;

/** The form of /beheer/verklaringen/:key: the statement's new text. */
export const StatementSchema = z.object({
  body: z.string({ error: s.bodyRequired }).trim().min(1, { error: s.bodyRequired }).max(STATEMENT_MAX_LENGTH, { error: s.bodyTooLong }),
});
