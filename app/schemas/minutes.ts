import { t } from '../i18n';
import { z } from './zod';

/** "Verslag vaststellen": the confirmation checkbox must be ticked (the no-JS confirmation step). */
export const PublishMinutesSchema = z.object({
  intent: z.literal('publish'),
  confirm: z.literal('ja', { error: t.minutes.errors.confirmRequired }),
});

/**
 * `?versie=2` → 2; absent → null (the latest). Anything else — letters, zero, a number
 * too large to be a version — is `undefined`, which the page answers with a 404.
 */
export function parseVersionQuery(value: string | null): number | null | undefined {
  if (value === null) return null;
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}
