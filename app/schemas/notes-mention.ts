import { z } from 'zod';

import { t } from '../i18n';
import { requiredId } from './action';

/** A mention inserted in a meeting's notes: the person picked from the suggestions. */
export const NotesMentionSchema = z.object({
  userId: requiredId(t.notifications.mention.personRequired),
});
