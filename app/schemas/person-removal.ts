import { z } from 'zod';

import { t } from '../i18n';

/** The confirmation step of removing a person: the tick that says it cannot be undone. */
export const PersonRemovalSchema = z.object({
  confirm: z.literal('ja', { error: t.privacy.person.confirmRequired }),
});
