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
import { singleton } from '../utils/singleton.server';

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

/**
 * A one-time secret that a create hands out (an invite link) is never stored — not even in
 * form_submissions — only its hash is (decision 015). So that a repeated submission can
 * still show the link the first one showed, the first run keeps the secret in this
 * process's memory for a few minutes under the same (user, scope, key): a double click or
 * a resent form arrives well within that. Later, or after a restart, a repeat gets null.
 */
const SECRET_KEEP_MS = 10 * 60 * 1000;
const keptSecrets = singleton('koers.submission-secrets', () => new Map<string, { secret: unknown; until: number }>());

/**
 * `createOnce` for a create that hands out a secret: `create` returns what may be stored
 * (`stored`) and the secret apart. The first run gets its own secret; a repeat gets the
 * stored result and the first run's secret while it is kept (else null).
 */
export function createOnceWithSecret<T, S extends object>(
  submission: { userId: number; key: string | null; scope: string },
  create: () => { stored: T; secret: S | null },
): { result: T; secret: S | null; repeated: boolean } {
  let made = null as { secret: S | null } | null; // set by the first run only
  const result = createOnce(submission, () => {
    const { stored, secret } = create();
    made = { secret };
    return stored;
  });
  const now = Date.now();
  for (const [slot, kept] of keptSecrets) if (kept.until < now) keptSecrets.delete(slot);
  const slot = submission.key === null ? null : `${submission.userId}|${submission.scope}|${submission.key}`;
  if (made !== null) {
    const { secret } = made;
    if (slot !== null && secret !== null) keptSecrets.set(slot, { secret, until: now + SECRET_KEEP_MS });
    return { result, secret, repeated: false };
  }
  const kept = slot === null ? undefined : keptSecrets.get(slot);
  return { result, secret: (kept?.secret as S | undefined) ?? null, repeated: true };
}
