/**
 * A real OpenID Connect provider for the tests (the `oidc-provider` package), on a free
 * port of this machine: one client for Koers, accounts with verified and unverified
 * addresses in and outside the domains Koers trusts it for, its development login form
 * (any password) and no consent step. Used by the integration tests (driven over HTTP by
 * signInAtProvider) and by the browser tests (tests/setup/oidc-provider-cli.ts).
 *
 * `rewriteNextIdToken` lets a test change the ID token of the next token response — re-signed
 * with the provider's own key (wrong audience, expired) or not (tampered) — the way a
 * compromised network or a misconfigured provider would, to prove Koers refuses it.
 */
import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import Provider from 'oidc-provider';

import { TEST_OIDC_CLIENT } from './oidc-test-config';

export { koersProviderConfig, TEST_OIDC_CLIENT } from './oidc-test-config';

export type TestOidcAccount = { email: string; email_verified: boolean; name: string };

/** The provider's people, by the login typed into its form. */
export const TEST_OIDC_ACCOUNTS: Record<string, TestOidcAccount> = {
  // Demo accounts of Koers (domain koers.test).
  anouk: { email: 'werkgroep.haarlem@koers.test', email_verified: true, name: 'Anouk de Vries' },
  bram: { email: 'beheer@koers.test', email_verified: true, name: 'Bram Beheer' },
  lezer: { email: 'lezer@koers.test', email_verified: true, name: 'Wethouder Peter Jansen' },
  // Not yet in Koers.
  nina: { email: 'nina.nieuw@haarlem.nl', email_verified: true, name: 'Nina Nieuw' },
  rik: { email: 'rik.aanvrager@haarlem.nl', email_verified: true, name: 'Rik Aanvrager' },
  // Refused: an address the provider did not verify; one outside its domains.
  onbevestigd: { email: 'onbevestigd@haarlem.nl', email_verified: false, name: 'Otto Onbevestigd' },
  elders: { email: 'iemand@elders.nl', email_verified: true, name: 'Iris Elders' },
};

type Jwk = Record<string, string>;

export type TestOidcProvider = {
  issuer: string;
  port: number;
  close: () => Promise<void>;
  /** Changes the ID token of the next token response. */
  rewriteNextIdToken: (
    rewrite: (claims: Record<string, unknown>, resign: (claims: Record<string, unknown>) => string, original: string) => string,
  ) => void;
};

function base64url(input: Buffer | string) {
  return Buffer.from(input).toString('base64url');
}

export async function startTestOidcProvider({
  port = 0,
  redirectUris,
  postLogoutRedirectUris,
}: {
  port?: number;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}): Promise<TestOidcProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(privateKey.export({ format: 'jwk' }) as Jwk), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  const signingKey = createPrivateKey({ key: jwk, format: 'jwk' });
  const resign = (claims: Record<string, unknown>) => {
    const head = base64url(JSON.stringify({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }));
    const body = base64url(JSON.stringify(claims));
    return `${head}.${body}.${base64url(sign('sha256', Buffer.from(`${head}.${body}`), signingKey))}`;
  };

  // The port must be known for the issuer: listen first, then hand requests to the provider.
  let handler: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null = null;
  const server = http.createServer((req, res) => handler?.(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  const issuer = `http://localhost:${actualPort}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.clientId,
        client_secret: TEST_OIDC_CLIENT.clientSecret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const account = TEST_OIDC_ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // ID tokens carry the claims themselves (as Entra ID does), not only the userinfo endpoint.
    conformIdTokenClaims: false,
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    // A first-party client: no consent screen.
    async loadExistingGrant(ctx: { oidc: { client: { clientId: string }; session: { accountId: string } } }) {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  let rewrite: Parameters<TestOidcProvider['rewriteNextIdToken']>[0] | null = null;
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && ctx.status === 200 && rewrite && body?.id_token) {
      const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
      body.id_token = rewrite(claims, resign, body.id_token);
      rewrite = null;
    }
  });
  handler = provider.callback();

  return {
    issuer,
    port: actualPort,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    rewriteNextIdToken: (fn) => {
      rewrite = fn;
    },
  };
}

/**
 * Goes through the provider's sign-in as a browser would (its login form, any password)
 * from Koers's authorization URL, and returns the URL the provider sends the browser
 * back to: Koers's callback with the code and state.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = new URL(authorizationUrl);
  const issuerOrigin = url.origin;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 10; step += 1) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      body,
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      redirect: 'manual',
    });
    remember(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      if (url.origin !== issuerOrigin) return url;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200 || !html.includes('name="login"'))
      throw new Error(`Unexpected page at the provider (${response.status}): ${html.slice(0, 300)}`);
    // The development login form: any password.
    body = new URLSearchParams({ prompt: 'login', login, password: 'test' });
  }
  throw new Error('The provider did not send the browser back');
}
