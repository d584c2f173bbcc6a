import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

import { defineConfig } from '@playwright/test';

import { koersProviderConfig } from './tests/setup/oidc-test-config';

/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against the real
 * production server on a fresh database with the agenda and demo accounts.
 * E2E_PORT and KOERS_BUILD_DIR let several runs share the machine.
 *
 * Two servers, two projects. The workspace specs run against an installation with one
 * period, 2020–2024 current (KOERS_DEMO_PERIODS=off: what an installation upgraded from
 * before periods has, and the state those specs were written for). The periods spec runs
 * against the demo as `npm start` seeds it: 2020–2024 closed, 2025–2028 current.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
const periodsPort = port + 2000;
/** Production requires KOERS_SECRET_KEY; fresh databases per run can have a fresh key. */
const secretKey = process.env.KOERS_SECRET_KEY ?? randomBytes(32).toString('hex');
// A real OpenID provider beside Koers (tests/setup/oidc-provider-cli.ts), configured as
// the one organisation-account provider of the workspace server.
const oidcPort = port + 1000;
const oidcConfig = `/tmp/koers-e2e-${port}-oidc.json`;
fs.writeFileSync(oidcConfig, JSON.stringify({ providers: [koersProviderConfig(`http://localhost:${oidcPort}`)] }));

function server(serverPort: number, env: string) {
  const database = `/tmp/koers-e2e-${serverPort}.sqlite`;
  return {
    command: `rm -f ${database} ${database}-wal ${database}-shm && NODE_ENV=production HOST=127.0.0.1 PORT=${serverPort} KOERS_DATABASE=${database} KOERS_SECRET_KEY=${secretKey} ${env} npx tsx server/index.ts`,
    url: `http://localhost:${serverPort}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'workspace', testIgnore: /periods\.spec\.ts$/ },
    { name: 'periods', testMatch: /periods\.spec\.ts$/, use: { baseURL: `http://localhost:${periodsPort}` } },
  ],
  webServer: [
    {
      command: `npx tsx tests/setup/oidc-provider-cli.ts ${oidcPort} http://localhost:${port}`,
      url: `http://localhost:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    server(port, `KOERS_DEMO_PERIODS=off KOERS_OIDC_CONFIG=${oidcConfig}`),
    server(periodsPort, 'KOERS_DEMO_PERIODS=on'),
  ],
});
