import type { Request } from 'express';

import { findSessionUser } from '../app/models/accounts/session.server';
import { mustSetUpTwoFactor } from '../app/models/accounts/two-factor-policy.server';
import { permissionScope } from '../app/models/page-scope';
import { getSessionId } from '../app/utils/auth.server';

/**
 * The permission scope (app/models/page-scope.ts) of the request's session for a shared
 * route, looked up
 * anew on every request: null for no or an ended session, a deactivated account, or a
 * person who must set up two-factor first — the same checks as every page's guard
 * (requireUser), so such a request goes on to the loaders, which refuse it.
 */
export async function sessionScope(req: Request, routeId: string): Promise<string | null> {
  const sessionId = await getSessionId(req.headers.cookie ?? null);
  const user = sessionId ? findSessionUser(sessionId) : undefined;
  if (!sessionId || !user || mustSetUpTwoFactor(user, sessionId)) return null;
  return permissionScope(user, routeId);
}
