/** What a comment can be about; browser-safe (forms validate it), stored in comments.target_type. */
export const COMMENT_TARGETS = ['goal', 'action', 'accent', 'library', 'meeting', 'year-report', 'indicator'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];
