import type { Page } from '@playwright/test';

import { ACCOUNTS, expect, expectAccessible, login, test, waitPastLiveUpdate } from './fixtures';

/**
 * Sign-in with the organisation's account through the real test provider that
 * playwright.config.ts starts beside Koers (tests/setup/oidc-provider-cli.ts): its own
 * development login form (any password), then back to Koers.
 */
const BUTTON = 'Inloggen met uw organisatie-account: Gemeente Haarlem (test)';

async function signInAtProvider(page: Page, login: string) {
  // The provider's page asks for a web font; these tests have no internet.
  await page.route('https://fonts.googleapis.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  await page.goto('/login');
  await page.getByRole('link', { name: BUTTON }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('test');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('the login page offers the organisation account beside the password form, accessible on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 2, name: 'Inloggen met uw organisatie-account' })).toBeVisible();
  await expect(page.getByRole('link', { name: BUTTON })).toBeVisible();
  await expect(page.getByLabel('Wachtwoord')).toBeVisible();
  await expectAccessible(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('an existing account signs in through the provider and signs out at the provider too', async ({ page }) => {
  await signInAtProvider(page, 'anouk');
  await expect(page.getByText('Ingelogd als Anouk de Vries (Haarlem)')).toBeVisible();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  // RP-initiated logout: the provider asks to confirm, then sends the browser back to Koers.
  await page.getByRole('button', { name: /sign me out/i }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/acties');
  await expect(page).toHaveURL(/\/login/);
});

test('a refusal is explained on the login page', async ({ page }) => {
  await signInAtProvider(page, 'elders');
  await expect(page).toHaveURL(/\/login\?oidc=domain_not_allowed/);
  await expect(page.getByRole('alert')).toContainText('Uw e-mailadres hoort niet bij deze organisatie.');
  await expectAccessible(page);
  await page.goto('/acties');
  await expect(page).toHaveURL(/\/login/);
});

test('an unknown person gets a request the beheerder approves, and then signs in', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAtProvider(page, 'nina');
  await expect(page.getByRole('heading', { level: 1, name: 'Uw aanvraag is ontvangen' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/acties');
  await expect(page).toHaveURL(/\/login/);

  const admin = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await login(admin, ACCOUNTS.beheerder);
  await admin.goto('/beheer/gebruikers');
  const requests = admin.getByRole('table', { name: 'Open aanvragen voor toegang' });
  await expect(requests.getByRole('row', { name: /Nina Nieuw/ })).toContainText('nina.nieuw@haarlem.nl');
  await expectAccessible(admin);
  await admin.getByLabel('Rol voor Nina Nieuw').selectOption({ label: 'Gemeente' });
  await admin.getByRole('button', { name: 'Goedkeuren: toegang voor Nina Nieuw' }).click();
  await expect(admin.getByRole('status')).toContainText('Nina Nieuw heeft nu toegang tot Koers');
  await waitPastLiveUpdate(admin);
  await expect(admin.getByRole('status')).toContainText('Nina Nieuw heeft nu toegang tot Koers');
  await expect(admin.getByRole('table', { name: 'Alle gebruikers van Koers' }).getByRole('row', { name: /Nina Nieuw/ })).toContainText(
    'Gemeente',
  );

  // Nina's provider session still exists: the button brings her straight in.
  await page.goto('/login');
  await page.getByRole('link', { name: BUTTON }).click();
  await expect(page.getByText('Ingelogd als Nina Nieuw (Haarlem)')).toBeVisible();
});
