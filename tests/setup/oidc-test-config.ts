/**
 * The test provider's client at Koers and Koers's configuration for it, without the
 * provider itself: the Playwright config (which writes KOERS_OIDC_CONFIG for the server it
 * starts) imports this, the provider (tests/setup/oidc-provider.ts) as well.
 */
export const TEST_OIDC_CLIENT = { clientId: 'koers', clientSecret: 'test-client-secret-for-koers' };

/** One provider entry of KOERS_OIDC_CONFIG (docs/sign-in.md) for a test provider at `issuer`. */
export function koersProviderConfig(issuer: string, overrides: Record<string, unknown> = {}) {
  return {
    id: 'test',
    name: 'Gemeente Haarlem (test)',
    issuer,
    clientId: TEST_OIDC_CLIENT.clientId,
    clientSecret: TEST_OIDC_CLIENT.clientSecret,
    organisation: 'Haarlem',
    emailDomains: ['koers.test', 'haarlem.nl'],
    allowInsecureHttp: true,
    ...overrides,
  };
}
