import type { Request } from 'express';

/**
 * The raw value of the session cookie `name` in the request, as the browser sent it (not
 * verified): enough to tell one browser's requests from another's, never to trust who it is.
 */
export function rawSessionCookie(req: Request, name: string): string | null {
  return req.headers.cookie?.match(new RegExp(`(?:^|;\\s*)${name}=([^;]+)`))?.[1] ?? null;
}
