import { t } from '../i18n';
import { COMMENT_TARGETS } from '../models/comments/comment-target';
import { idField, optionalIdField } from './ids';
import { limit } from './limits';
import { z } from './zod';

const m = t.comments.errors;

const body = z
  .string({ error: m.bodyRequired })
  .trim()
  .min(1, { error: m.bodyRequired })
  .max(...limit('comment', m.bodyTooLong));

/** '', '0' or absent means "none" (an accent cell that has no accent row yet). */
const optionalTargetId = z.preprocess((v) => (v === '0' ? '' : v), optionalIdField(m.targetInvalid));

const redirectTo = z.string().optional().default('/');

/**
 * Every form of the comment section posts to /reacties with an intent. A new thread
 * names its target; the other intents name a comment and take the target from it.
 * An accent cell without an accent row yet is named by goal and municipality.
 */
export const CommentFormSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('create'),
      targetType: z.enum(COMMENT_TARGETS, { error: m.targetInvalid }),
      targetId: optionalTargetId,
      goalId: optionalTargetId,
      municipalityId: optionalTargetId,
      body,
      redirectTo,
    }),
    z.object({ intent: z.literal('reply'), commentId: idField(m.commentInvalid), body, redirectTo }),
    z.object({ intent: z.literal('edit'), commentId: idField(m.commentInvalid), body, redirectTo }),
    z.object({ intent: z.literal('delete'), commentId: idField(m.commentInvalid), redirectTo }),
    z.object({ intent: z.literal('resolve'), commentId: idField(m.commentInvalid), redirectTo }),
    z.object({ intent: z.literal('reopen'), commentId: idField(m.commentInvalid), redirectTo }),
  ],
  { error: m.intentInvalid },
);

export type CommentFormInput = z.output<typeof CommentFormSchema>;

/** The text field alone, for validating in the browser before posting. */
export const CommentBodySchema = z.object({ body });
