/**
 * Database ids as they arrive in URLs, query strings and forms: a positive whole number
 * without leading zeros, at most 15 digits (so it is exact as a JavaScript number).
 * One rule for route parameters (requireIdParam) and form schemas (app/schemas/ids.ts).
 */
const ID = /^[1-9]\d{0,14}$/;

/** The id written in `value`, or null for anything else (absent, empty, letters, zero, too long). */
export function parseId(value: string | null | undefined): number | null {
  return value != null && ID.test(value) ? Number(value) : null;
}

/** `3,17,40` → [3, 17, 40]; parts that are not ids are skipped. */
export function parseIdList(value: string | null | undefined): number[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => parseId(part))
    .filter((id): id is number => id !== null);
}
