import fs from 'node:fs';

import type { Page } from '@playwright/test';

import { ACCOUNTS, DEMO_PASSWORD, expect, expectAccessible, login, test } from './fixtures';

/** Nothing wider than the screen, except inside a scrollable table. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('the statements are public, linked from every page, and pass axe', async ({ page }) => {
      await page.goto('/login');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Privacyverklaring' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Privacyverklaring' })).toBeVisible();
      await expect(page.getByText('Dit is de standaardtekst van Koers.')).toBeVisible();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring' })).toBeVisible();
      await expect(page.getByText(/axe-core/).first()).toBeVisible();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
    });

    test('a beheerder reads the audit log, filters it in the URL and exports it', async ({ page, browser }) => {
      test.slow(); // several pages, each checked by axe
      // Someone tries an unknown address first, in a browser of their own.
      const context = await browser.newContext();
      const stranger = await context.newPage();
      await stranger.goto('/login');
      await stranger.getByLabel('E-mailadres').fill(`onbekend-${viewport.width}@gemeente.nl`);
      await stranger.getByLabel('Wachtwoord').fill('geraden wachtwoord');
      await stranger.getByRole('button', { name: 'Inloggen' }).click();
      await expect(stranger.getByText('Onbekend e-mailadres of onjuist wachtwoord.')).toBeVisible();
      await context.close();

      await login(page, ACCOUNTS.beheerder);
      await page.goto('/beheer');
      await page.getByRole('link', { name: 'Auditlog' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel('Soort handeling').selectOption({ label: 'Inloggen mislukt' });
      await page.getByRole('button', { name: 'Filteren' }).click();
      await expect(page).toHaveURL(/soort=sign_in\.failed/);
      const table = page.getByRole('table', { name: 'Regels van het auditlog, nieuwste eerst' });
      await expect(table.getByRole('row').nth(1)).toContainText(`onbekend-${viewport.width}@gemeente.nl`);
      await expect(table.getByRole('row').nth(1)).toContainText('Inloggen mislukt');
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Exporteren als CSV (Excel)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^koers-auditlog-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await file.path())!, 'utf8');
      expect(csv).toContain(`onbekend-${viewport.width}@gemeente.nl`);

      // The export is in the log itself; a bad date in the URL gets its message beside the field.
      await page.goto('/beheer/auditlog?soort=export.audit_csv');
      await expect(table.getByRole('row').nth(1)).toContainText('Auditlog geëxporteerd (CSV)');
      const bad = await page.goto('/beheer/auditlog?van=2026-02-31');
      expect(bad?.status()).toBe(400);
      await expect(page.getByText('Vul een geldige datum in, bijvoorbeeld 2026-03-31.')).toBeVisible();
      await expect(page.getByLabel('Vanaf (datum)')).toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(page);
    });

    test('a beheerder exports a person\u2019s data and removes the person after confirming', async ({ page, browser }) => {
      test.slow(); // several pages, each checked by axe
      const email = `piet.${viewport.width}@heemstede.nl`;
      await login(page, ACCOUNTS.beheerder);
      await page.goto('/beheer/gebruikers/nieuw');
      await page.getByLabel('Naam', { exact: true }).fill(`Piet Weg ${viewport.width}`);
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Rol').selectOption({ label: 'Lezer' });
      await page.getByLabel('Organisatie').selectOption({ label: 'Heemstede' });
      await page.getByRole('button', { name: 'Uitnodigen' }).click();
      await page.getByRole('link', { name: 'Naar de gebruiker' }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Piet Weg ${viewport.width}` })).toBeVisible();
      await expectAccessible(page);

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Gegevens exporteren (JSON)' }).click();
      const exported = JSON.parse(fs.readFileSync((await (await download).path())!, 'utf8'));
      expect(exported.account).toMatchObject({ email, name: `Piet Weg ${viewport.width}` });

      await page.getByRole('link', { name: 'Persoon verwijderen' }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Piet Weg ${viewport.width} verwijderen` })).toBeVisible();
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await page.getByRole('button', { name: 'Persoon definitief verwijderen' }).click();
      await expect(page.getByText('Vink aan dat u begrijpt dat dit niet ongedaan kan worden gemaakt.')).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel('Ik begrijp dat dit niet ongedaan kan worden gemaakt.').check();
      await page.getByRole('button', { name: 'Persoon definitief verwijderen' }).click();
      await expect(page.getByRole('status')).toContainText('De persoon is verwijderd en het account geanonimiseerd.');
      await expect(page.getByRole('heading', { level: 1, name: 'Voormalig gebruiker' })).toBeVisible();
      await expect(page.getByText('Deze persoon is verwijderd')).toBeVisible();
      await expectAccessible(page);

      // The address no longer signs in.
      const context = await browser.newContext();
      const former = await context.newPage();
      await former.goto('/login');
      await former.getByLabel('E-mailadres').fill(email);
      await former.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
      await former.getByRole('button', { name: 'Inloggen' }).click();
      await expect(former.getByText('Onbekend e-mailadres of onjuist wachtwoord.')).toBeVisible();
      await context.close();
    });
  });
}

test('the beheerder edits a statement: an empty text is refused beside the field, a new one is shown to everyone', async ({
  page,
  browser,
}) => {
  test.slow(); // several pages, each checked by axe
  await login(page, ACCOUNTS.beheerder);
  await page.goto('/toegankelijkheid');
  await page.getByRole('link', { name: 'Tekst bewerken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Toegankelijkheidsverklaring bewerken' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Tekst').fill('   ');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Vul een tekst in.')).toBeVisible();
  await expect(page.getByLabel('Tekst')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByLabel('Tekst').fill('Koers voldoet gedeeltelijk.\n\n## Contact\n- Mail de **gemeente Haarlem**.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De tekst is opgeslagen.');

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto('/toegankelijkheid');
  await expect(visitor.getByRole('heading', { level: 2, name: 'Contact' })).toBeVisible();
  await expect(visitor.getByText('Koers voldoet gedeeltelijk.')).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Tekst bewerken' })).toHaveCount(0);
  await context.close();

  await page.getByRole('button', { name: 'Terug naar de standaardtekst' }).click();
  await expect(page.getByRole('status')).toContainText('De standaardtekst staat weer op de pagina.');
});

test('other roles get 403 on the audit log, its export and the person pages', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  for (const path of ['/beheer/auditlog', '/beheer/verklaringen/privacy', '/beheer/gebruikers/1/verwijderen']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  }
  for (const path of ['/beheer/auditlog.csv', '/beheer/gebruikers/1/gegevens.json']) {
    expect((await page.request.get(path)).status(), path).toBe(403);
  }
});
