/**
 * Idempotent creates, written once. Every create form carries a submission key (a hidden
 * field, app/components/forms/submission-key.tsx) that is new for each rendering of the
 * form. The route runs its create through `createOnce`: the first request with a key
 * creates and stores what it returned; a second request with the same key (a double
 * click, a resent form, a retried request) gets that same result back and creates
 * nothing. The check, the create and the record happen in one synchronous transaction,
 * so two requests that arrive together cannot both pass. Forms without a key (old pages,
 * scripts) simply create. See docs/decisions/016-idempotent-creates.md.
 */
import { and, eq, lt } from 'drizzle-orm';

import { formSubmissions } from '../../db/schema';
import { db } from '../utils/db.server';

export const SUBMISSION_KEY_FIELD = 'submissionKey';
const KEY_SHAPE = /^[A-Za-z0-9:_-]{8,120}$/;
const KEEP_MS = 24 * 60 * 60 * 1000;

/** The submission key of a posted form, or null when it has none (or a malformed one). */
export function submissionKeyOf(formData: FormData): string | null {
  const key = formData.get(SUBMISSION_KEY_FIELD);
  return typeof key === 'string' && KEY_SHAPE.test(key) ? key : null;
}

/**
 * Runs `create` once per (user, key) and returns its result; for a key seen before, the
 * stored result of the first run. `create` must be synchronous (a better-sqlite3
 * transaction) and return something JSON can carry (usually the new id).
 */
export function createOnce<T>({ userId, key: formKey, scope }: { userId: number; key: string | null; scope: string }, create: () => T): T {
  if (formKey === null) return create();
  // Scoped by what is created: a key can never hand one kind of create the result of another.
  const key = `${scope}|${formKey}`;
  return db.transaction((tx) => {
    const seen = tx
      .select({ result: formSubmissions.result })
      .from(formSubmissions)
      .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, key)))
      .get();
    if (seen) return JSON.parse(seen.result) as T;
    const result = create();
    tx.insert(formSubmissions)
      .values({ userId, key, result: JSON.stringify(result ?? null) })
      .run();
    tx.delete(formSubmissions)
      .where(lt(formSubmissions.createdAt, new Date(Date.now() - KEEP_MS).toISOString()))
      .run();
    return result;
  });
}
