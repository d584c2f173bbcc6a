import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';

import { publicBaseUrl } from '../models/accounts/invite.server';
import { findOidcProvider } from '../models/accounts/oidc/oidc-config.server';
import { callbackUrlFor, startProviderSignIn } from '../models/accounts/oidc/oidc-flow.server';
import { recordProviderSignInFailure } from '../models/accounts/oidc/provider-sign-in.server';
import { clientAddress, getUser } from '../utils/auth.server';
import { safeRedirect } from '../utils/redirect';

/** "Inloggen met uw organisatie-account": off to the provider, with this flow's secrets in a cookie. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/');
  const provider = findOidcProvider(params.provider ?? '');
  if (!provider) return redirect('/login?oidc=unknownProvider');
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'));
  const start = await startProviderSignIn(provider, { callbackUrl: callbackUrlFor(publicBaseUrl(request), provider.id), redirectTo });
  if (!start.ok) {
    recordProviderSignInFailure({ provider: provider.id, reason: start.reason, ip: clientAddress(context) });
    return redirect(`/login?oidc=${start.reason}`);
  }
  return redirect(start.url, { headers: { 'Set-Cookie': start.cookie, 'Cache-Control': 'no-store' } });
}
