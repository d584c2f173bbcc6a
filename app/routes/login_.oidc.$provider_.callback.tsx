import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';

import { publicBaseUrl } from '../models/accounts/invite.server';
import { findOidcProvider } from '../models/accounts/oidc/oidc-config.server';
import { clearFlowCookie, finishProviderSignIn } from '../models/accounts/oidc/oidc-flow.server';
import { recordProviderSignInFailure, signInWithProviderIdentity } from '../models/accounts/oidc/provider-sign-in.server';
import { deleteSession } from '../models/accounts/session.server';
import { clientAddress, getSessionId, sessionCookie } from '../utils/auth.server';
import { safeRedirect } from '../utils/redirect';

/**
 * The provider's redirect back. Whatever the outcome the flow cookie goes; a refusal
 * lands on the login page with its Dutch message (?oidc=<reason>) and creates no session.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ip = clientAddress(context);
  const headers = new Headers({ 'Set-Cookie': await clearFlowCookie(), 'Cache-Control': 'no-store' });
  const provider = findOidcProvider(params.provider ?? '');
  if (!provider) return redirect('/login?oidc=unknownProvider', { headers });

  const url = new URL(request.url);
  // As the provider called it: behind a proxy request.url has the internal origin.
  const currentUrl = new URL(url.pathname + url.search, publicBaseUrl(request));
  const cookieHeader = request.headers.get('Cookie');
  const result = await finishProviderSignIn(provider, { currentUrl, cookieHeader });
  if (!result.ok) {
    recordProviderSignInFailure({ provider: provider.id, reason: result.reason, detail: result.detail, ip });
    return redirect(`/login?oidc=${result.reason}`, { headers });
  }

  const outcome = signInWithProviderIdentity({ provider, claims: result.claims, idToken: result.idToken, ip });
  if (outcome.ok) {
    // A session this browser still had (someone else's, perhaps) ends here.
    const previous = await getSessionId(cookieHeader);
    if (previous) deleteSession(previous);
    headers.append('Set-Cookie', await sessionCookie.serialize(outcome.sessionId));
    return redirect(safeRedirect(result.redirectTo), { headers });
  }
  if (outcome.reason === 'requested') return redirect('/login/aanvraag-ontvangen', { headers });
  return redirect(`/login?oidc=${outcome.reason}`, { headers });
}
