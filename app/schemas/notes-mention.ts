import { t } from '../i18n';
import { idField } from './ids';
import { z } from './zod';

/** A mention inserted in a meeting's notes: the person picked from the suggestions. */
export const NotesMentionSchema = z.object({
  userId: idField(t.notifications.mention.personRequired),
});
