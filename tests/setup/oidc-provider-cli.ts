/**
 * The test provider as a process, for the browser tests (playwright.config.ts starts it
 * beside Koers): `tsx tests/setup/oidc-provider-cli.ts <port> <Koers base URL>`.
 */
import { startTestOidcProvider } from './oidc-provider';

const [port, koersBase] = process.argv.slice(2);
if (!port || !koersBase) throw new Error('usage: oidc-provider-cli.ts <port> <Koers base URL>');
const provider = await startTestOidcProvider({
  port: Number(port),
  redirectUris: [`${koersBase}/login/oidc/test/callback`],
  postLogoutRedirectUris: [`${koersBase}/login`],
});
console.log(`Test OpenID provider at ${provider.issuer}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void provider.close().then(() => process.exit(0)));
