import { t } from '../i18n';

/**
 * A numeric id from a route parameter (/acties/:actionId). Anything else — letters,
 * zero, a number too large to be an id — is a 404, never a 500.
 */
export function requireIdParam(value: string | undefined): number {
  if (value === undefined || !/^[1-9]\d{0,14}$/.test(value)) throw notFound();
  return Number(value);
}

/** The 404 answer that the root error boundary shows as "Niet gevonden". */
export function notFound(): Response {
  return new Response(t.common.errors.notFoundTitle, { status: 404, statusText: 'Not Found' });
}

/** A positive id from a query string value (?doel=12), or null when absent or malformed. */
export function optionalIdQuery(value: string | null): number | null {
  return value !== null && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}
