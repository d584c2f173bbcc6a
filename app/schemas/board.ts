import { t } from '../i18n';
import { actionStatus } from './action';
import { idField } from './ids';
import { z } from './zod';

/** Moving a card on the board (/bord): the same form with or without JavaScript. */
export const BoardMoveSchema = z.object({
  intent: z.literal('move', { error: t.common.errors.badRequestTitle }),
  actionId: idField(t.common.errors.badRequestTitle),
  status: actionStatus,
});

export type BoardMoveInput = z.output<typeof BoardMoveSchema>;
