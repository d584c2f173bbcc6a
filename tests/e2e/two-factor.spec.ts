import type { Browser, Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

import { ACCOUNTS, expect, expectAccessible, login, test, waitPastLiveUpdate } from './fixtures';

const PASSWORD = 'een lang eigen wachtwoord';

/** The code an authenticator app shows for this seed, `steps` windows of 30 s from now. */
function codeFor(secret: string, steps = 0) {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });
}

/** Nothing wider than the screen. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/** A person with a password of their own (demo accounts never need a second factor): invited by the beheerder, link used in `page`. */
async function invitedPerson(browser: Browser, page: Page, name: string, email: string) {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await login(adminPage, ACCOUNTS.beheerder);
  await adminPage.goto('/beheer/gebruikers/nieuw');
  await adminPage.getByLabel('Naam', { exact: true }).fill(name);
  await adminPage.getByLabel('E-mailadres').fill(email);
  await adminPage.getByLabel('Organisatie').selectOption({ label: 'Velsen' });
  await adminPage.getByRole('button', { name: 'Uitnodigen' }).click();
  const inviteLink = await adminPage.getByLabel('Uitnodigingslink (eenmalig)').inputValue();
  await admin.close();
  await page.goto(inviteLink);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Herhaal het wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord instellen en inloggen' }).click();
  await expect(page.getByText(`Ingelogd als ${name} (Velsen)`)).toBeAttached();
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('a person sets up two-factor on Mijn account with a real code, then signs in with password and code', async ({
      page,
      browser,
    }) => {
      test.slow(); // an invite, several pages checked by axe
      const name = `Tessa Twee ${viewport.width}`;
      const email = `tessa.${viewport.width}@velsen.nl`;
      await invitedPerson(browser, page, name, email);

      // Mijn account → set up.
      await page.goto('/account');
      await expect(page.getByText('Tweestapsverificatie staat uit.')).toBeVisible();
      await page.getByRole('link', { name: 'Tweestapsverificatie instellen' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' })).toBeVisible();
      await page.getByRole('button', { name: 'Instellen' }).click();
      await expect(page.getByRole('img', { name: 'QR-code om Koers toe te voegen aan uw authenticator-app' })).toBeVisible();
      const secret = (await page.locator('.two-factor-secret').innerText()).replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      // A wrong code: the Dutch message beside the field, nothing turned on.
      const codeField = page.getByLabel('Code uit de app');
      await codeField.fill('000000');
      await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
      await expect(codeField).toHaveAttribute('aria-invalid', 'true');
      await expect(codeField).toHaveAccessibleDescription(/Deze code klopt niet/);
      await expectAccessible(page);

      // The right code: on, and ten recovery codes that outlast the live update.
      await codeField.fill(codeFor(secret));
      await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Tweestapsverificatie staat nu aan.' })).toBeVisible();
      await waitPastLiveUpdate(page);
      const codes = page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem');
      await expect(codes).toHaveCount(10);
      await expect(page.getByText(/Tweestapsverificatie staat aan \(sinds/)).toBeVisible();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      // Sign out; the password alone no longer signs in.
      if (viewport.width < 600) await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expect(page).toHaveURL(/\/login\/code$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Code invullen' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Uitloggen', includeHidden: true })).toHaveCount(0);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      // A wrong code is refused beside the field.
      const signInCode = page.getByLabel('Code uit de app of herstelcode');
      await signInCode.fill('123456');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expect(signInCode).toHaveAccessibleDescription(/Deze code klopt niet/);
      await expectAccessible(page);

      // The app's next code (the one just used for the set-up is refused: each window once).
      await signInCode.fill(codeFor(secret, 1));
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expect(page.getByRole('button', { name: 'Uitloggen', includeHidden: true })).toBeAttached();
      await expect(page.getByText(`Ingelogd als ${name} (Velsen)`)).toBeAttached();
      await expect(page).not.toHaveURL(/\/login/);
    });
  });
}

test('the beheerder sets per role whether two-factor is required', async ({ page }) => {
  await login(page, ACCOUNTS.beheerder);
  await page.goto('/beheer');
  await page.getByRole('link', { name: 'Tweestapsverificatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie per rol' })).toBeVisible();
  // A demo installation: nothing required by default.
  const lezer = page.getByRole('checkbox', { name: /Lezer/ });
  await expect(lezer).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Beheerder (standaard)' })).not.toBeChecked();
  await expectAccessible(page);
  await lezer.check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De instelling is opgeslagen.');
  await expect(page.getByRole('checkbox', { name: 'Lezer' })).toBeChecked();
  // Back as it was, so the other browser tests find a demo installation.
  await page.getByRole('checkbox', { name: 'Lezer' }).uncheck();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('checkbox', { name: 'Lezer' })).not.toBeChecked();
});
