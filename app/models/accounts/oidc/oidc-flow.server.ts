/**
 * The authorization code flow with an organisation's identity provider, done by
 * openid-client (discovery, PKCE, state, nonce, and the ID token's signature, issuer,
 * audience, expiry and nonce). What this module adds: where the flow's secrets wait
 * between the two requests (a short-lived signed cookie), that a callback counts once,
 * and the Dutch-facing reasons a callback is refused. docs/decisions/019-oidc-sign-in.md.
 */
import { randomBytes } from 'node:crypto';

import { createCookie } from '@remix-run/node';
import * as client from 'openid-client';

import { env } from '../../../utils/env.server';
import { singleton } from '../../../utils/singleton.server';
import type { OidcProviderConfig } from './oidc-config.server';

/** How long a person may take at the provider before the flow has to start again. */
export const FLOW_MINUTES = 10;

export const OIDC_SCOPES = 'openid email profile';

/**
 * The flow's secrets (PKCE verifier, state, nonce) ride in a cookie signed with a key
 * that lives only in this process: a restart ends flows in progress, nothing to configure.
 */
const flowSecret = singleton('oidc-flow-secret', () => randomBytes(32).toString('base64url'));

export const flowCookie = createCookie('koers_oidc_flow', {
  httpOnly: true,
  // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
  sameSite: 'lax',
  secure: env.KOERS_PUBLIC_URL ? env.KOERS_PUBLIC_URL.startsWith('https:') : env.NODE_ENV === 'production',
  path: '/login/oidc',
  maxAge: FLOW_MINUTES * 60,
  secrets: [flowSecret],
});

type Flow = { provider: string; state: string; nonce: string; verifier: string; redirectTo: string; expiresAt: number };

/** States of callbacks already handled (until their flow would have expired): a callback counts once. */
const usedStates = singleton('oidc-used-states', () => new Map<string, number>());

function useStateOnce(state: string, expiresAt: number): boolean {
  const now = Date.now();
  for (const [key, until] of usedStates) if (until < now) usedStates.delete(key);
  if (usedStates.has(state)) return false;
  usedStates.set(state, expiresAt);
  return true;
}

/** One discovered client configuration per provider (discovery is retried after a failure). */
const clients = singleton('oidc-clients', () => new Map<string, Promise<client.Configuration>>());

function clientFor(provider: OidcProviderConfig): Promise<client.Configuration> {
  const key = `${provider.id}\n${provider.issuer}\n${provider.clientId}`;
  let found = clients.get(key);
  if (!found) {
    found = client.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, {
      // Also the ID token's signature, against the provider's published keys: TLS alone
      // would vouch for the token endpoint, but Koers checks the token itself as well.
      execute: provider.allowInsecureHttp
        ? [client.allowInsecureRequests, client.enableNonRepudiationChecks]
        : [client.enableNonRepudiationChecks],
    });
    clients.set(key, found);
    found.catch(() => clients.delete(key));
  }
  return found;
}

export type StartResult = { ok: true; url: string; cookie: string } | { ok: false; reason: 'unreachable' };

/** The provider's authorization URL and the cookie that keeps this flow's secrets. */
export async function startProviderSignIn(
  provider: OidcProviderConfig,
  { callbackUrl, redirectTo }: { callbackUrl: string; redirectTo: string },
): Promise<StartResult> {
  let config: client.Configuration;
  try {
    config = await clientFor(provider);
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  const flow: Flow = {
    provider: provider.id,
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    redirectTo,
    expiresAt: Date.now() + FLOW_MINUTES * 60 * 1000,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl,
    scope: OIDC_SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { ok: true, url: url.href, cookie: await flowCookie.serialize(flow) };
}

/** Why a callback was refused; each has its message on the login page (t.common.login.oidcErrors). */
export type CallbackFailure =
  | 'expired' // no (valid) flow cookie, another provider's, or too late
  | 'replayed' // this callback was handled before
  | 'cancelled' // the provider answered with an error (e.g. the person cancelled)
  | 'unreachable' // discovery or the token request failed on the network
  | 'invalid_token'; // the code exchange or the ID token's checks failed

export type IdentityClaims = { subject: string; email: string | null; emailVerified: boolean; name: string | null };

export type CallbackResult =
  | { ok: true; claims: IdentityClaims; idToken: string; redirectTo: string }
  | { ok: false; reason: CallbackFailure; detail?: string; redirectTo: string };

/** Header that removes the flow cookie: whatever the callback's outcome, the flow is over. */
export function clearFlowCookie(): Promise<string> {
  return flowCookie.serialize('', { maxAge: 0 });
}

/**
 * Handles the provider's redirect back. `currentUrl` is the callback URL as the provider
 * called it (public origin + path + query): openid-client takes the code and state from it
 * and derives the redirect_uri it sends to the token endpoint.
 */
export async function finishProviderSignIn(
  provider: OidcProviderConfig,
  { currentUrl, cookieHeader }: { currentUrl: URL; cookieHeader: string | null },
): Promise<CallbackResult> {
  const flow = (await flowCookie.parse(cookieHeader)) as Flow | null | false;
  if (!flow || typeof flow !== 'object' || flow.provider !== provider.id || flow.expiresAt < Date.now()) {
    return { ok: false, reason: 'expired', redirectTo: '/' };
  }
  const { redirectTo } = flow;
  if (currentUrl.searchParams.get('state') !== flow.state) return { ok: false, reason: 'expired', redirectTo };
  if (!useStateOnce(flow.state, flow.expiresAt)) return { ok: false, reason: 'replayed', redirectTo };
  let config: client.Configuration;
  try {
    config = await clientFor(provider);
  } catch {
    return { ok: false, reason: 'unreachable', redirectTo };
  }
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) return { ok: false, reason: 'invalid_token', detail: 'no_id_token', redirectTo };
    return {
      ok: true,
      idToken: tokens.id_token,
      redirectTo,
      claims: {
        subject: claims.sub,
        email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
        // Only a literal true (the standard claim or the provider's own, see the configuration).
        emailVerified: claims[provider.verifiedEmailClaim] === true,
        name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : null,
      },
    };
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError) return { ok: false, reason: 'cancelled', detail: error.error, redirectTo };
    const code = (error as { code?: unknown }).code;
    if (error instanceof TypeError && !code) return { ok: false, reason: 'unreachable', redirectTo };
    return { ok: false, reason: 'invalid_token', detail: typeof code === 'string' ? code : (error as Error).name, redirectTo };
  }
}

/**
 * Where signing out of a provider session goes: the provider's end-session endpoint with
 * the ID token as hint, or null when the provider has none (or cannot be reached now:
 * signing out of Koers must work regardless).
 */
export async function providerSignOutUrl(
  provider: OidcProviderConfig,
  { idToken, postLogoutRedirectUri }: { idToken: string; postLogoutRedirectUri: string },
): Promise<string | null> {
  try {
    const config = await clientFor(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri }).href;
  } catch {
    return null;
  }
}

/** The redirect URI registered at the provider: the public origin + /login/oidc/<id>/callback. */
export function callbackUrlFor(baseUrl: string, providerId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/login/oidc/${providerId}/callback`;
}
