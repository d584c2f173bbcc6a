import type { Page } from '@playwright/test';

import { ACCOUNTS, expect, expectAccessible, forgedPost, login, test } from './fixtures';

/**
 * The financial overview (/financien) on the demo money: the werkgroep enters a
 * commitment and a spending and sees the overview and the spending-obligation warning
 * change; a lezer reads without edit controls and is refused a direct post; axe on every
 * new page, wide and on a phone.
 */
// Several axe-core runs over long pages, at two widths.
test.describe.configure({ timeout: 180_000 });

const WARNING = /Bestedingsverplichting in gevaar: van Rijksbijdrage educatie \(WEB\) 2026/;
const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

async function accessibleAtBothWidths(page: Page) {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await expectAccessible(page);
  }
  await page.setViewportSize(WIDTHS[0]);
}

/** Picks the option of a select whose text holds `text` (the labels carry amounts with no-break spaces). */
async function chooseOption(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

test('the werkgroep enters a commitment and a spending and sees the overview and the warning change', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Financiën' }).click();
  await expect(page).toHaveURL(/\/financien$/);
  await page.goto('/financien?jaar=2026');
  await expect(page.getByRole('heading', { level: 1, name: 'Financiën' })).toBeVisible();
  await expect(page.getByText('Voorbeeldcijfers.', { exact: false }).first()).toBeVisible();
  await expect(page.getByText(WARNING)).toBeVisible();
  // The chart and the same figures as a table.
  await expect(page.getByRole('figure').first()).toBeVisible();
  await expect(
    page.getByRole('table', { name: /Per geldstroom|Ontvangen, toegewezen, verplicht, besteed en over per geldstroom/ }).first(),
  ).toBeVisible();
  await accessibleAtBothWidths(page);

  // A commitment with three decimals is refused beside the field; corrected, it is stored.
  await page.getByRole('link', { name: 'Verplichting toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verplichting toevoegen' })).toBeVisible();
  await accessibleAtBothWidths(page);
  await chooseOption(page, 'Toewijzing', 'Non-formeel, Beverwijk');
  await page.getByLabel('Soort verplichting').selectOption('subsidiebeschikking');
  await page.getByLabel('Partij').fill('Taalhuis Beverwijk');
  await page.getByLabel('Bedrag (euro)').fill('219.450,005');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Gebruik hoogstens twee cijfers achter de komma (centen).')).toBeVisible();
  await expect(page.getByLabel('Bedrag (euro)')).toHaveAttribute('aria-invalid', 'true');
  await accessibleAtBothWidths(page);
  await page.getByLabel('Bedrag (euro)').fill('219.450,00');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page).toHaveURL(/\/financien\?jaar=2026/);
  await expect(
    page
      .getByRole('cell', { name: 'Taalhuis Beverwijk' })
      .or(page.getByRole('rowheader', { name: 'Taalhuis Beverwijk' }))
      .first(),
  ).toBeVisible();
  // The commitment covers enough of WEB 2026: the warning is gone.
  await expect(page.getByText(WARNING)).toHaveCount(0);

  // A spending on that commitment shows in the municipality's row.
  const beverwijkRow = page.getByRole('table', { name: /per gemeente/ }).getByRole('row', { name: /^Beverwijk/ });
  const spentBefore = await beverwijkRow.getByRole('cell').nth(3).textContent();
  await page.getByRole('link', { name: 'Besteding toevoegen' }).click();
  await accessibleAtBothWidths(page);
  await chooseOption(page, 'Toewijzing', 'Non-formeel, Beverwijk');
  await chooseOption(page, 'Verplichting (optioneel)', 'Taalhuis Beverwijk (€\u00a0219.450,00)');
  await page.getByLabel('Datum van betaling').fill('2026-11-15');
  await page.getByLabel('Bedrag (euro)').fill('50.000');
  await page.getByLabel('Omschrijving').fill('Taalhuis Beverwijk, eerste termijn');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page).toHaveURL(/\/financien\?jaar=2026/);
  await expect(page.getByRole('rowheader', { name: '2026-11-15' })).toBeVisible();
  await expect(beverwijkRow.getByRole('cell').nth(3)).toHaveText('€\u00a050.000,00');
  expect(spentBefore).toBe('€\u00a00,00');

  // The correction page of a stream, with its history.
  await page.getByRole('link', { name: 'Rijksbijdrage educatie (WEB) 2026 wijzigen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Geschiedenis' })).toBeVisible();
  await accessibleAtBothWidths(page);

  // The period view.
  await page.goto('/financien?periode=2020-2024');
  await expect(page.getByRole('heading', { level: 2, name: 'Financieel overzicht periode 2020–2024' })).toBeVisible();
  await accessibleAtBothWidths(page);
});

test('a lezer reads the overview without edit controls and is refused a direct post', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  await page.goto('/financien?jaar=2025');
  await expect(page.getByRole('heading', { level: 2, name: 'Financieel overzicht 2025' })).toBeVisible();
  // What 2024 carried over is received in 2025 without being typed again.
  await expect(
    page
      .getByRole('table', { name: 'Ontvangen, toegewezen, verplicht, besteed en over per geldstroom' })
      .getByRole('rowheader', { name: 'Overgeheveld uit 2024: Rijksbijdrage educatie (WEB) 2024' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /toevoegen|wijzigen/ })).toHaveCount(0);
  await expect(page.locator('a[href^="/financien/"]')).toHaveCount(0);
  await accessibleAtBothWidths(page);
  const answer = await forgedPost(page, '/financien/verplichtingen/nieuw', {
    allocationId: '1',
    kind: 'contract',
    party: 'Nova College',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    amountCents: '1.000,00',
  });
  expect(answer.status()).toBe(403);
  const form = await page.request.get('/financien/geldstromen/nieuw');
  expect(form.status()).toBe(403);
});

test('the werkgroep allocates money to an action of the period, then deletes the allocation after confirming; a stream with allocations is refused', async ({
  page,
}) => {
  await login(page, ACCOUNTS.haarlem);
  await page.goto('/financien?jaar=2024');
  await page.getByRole('link', { name: 'Toewijzing toevoegen' }).click();
  await chooseOption(page, 'Geldstroom', 'Rijksbijdrage educatie (WEB) 2024');
  const actionSelect = page.getByLabel('Actie (optioneel)');
  // The actions come grouped under the goals of the year's period (this installation has 2020–2024).
  expect(await actionSelect.locator('optgroup').count()).toBeGreaterThan(0);
  const option = actionSelect.locator('optgroup option').first();
  const actionId = (await option.getAttribute('value'))!;
  await actionSelect.selectOption(actionId);
  await page.getByLabel('Bedrag (euro)').fill('7.500');
  await page.getByLabel('Omschrijving').fill('Voor één actie');
  await accessibleAtBothWidths(page);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page).toHaveURL(/\/financien\?jaar=2024/);
  const row = page
    .getByRole('table', { name: 'Alle toewijzingen van dit overzicht' })
    .getByRole('row')
    .filter({ hasText: '€\u00a07.500,00' });
  await expect(row.locator(`a[href="/acties/${actionId}"]`)).toBeVisible();

  // Delete it: the confirmation page, then the notice.
  await row.getByRole('link', { name: 'Toewijzing wijzigen' }).click();
  await page.getByRole('link', { name: 'Toewijzing verwijderen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Toewijzing verwijderen' })).toBeVisible();
  await accessibleAtBothWidths(page);
  await page.getByLabel('Ik weet zeker dat ik dit wil verwijderen').check();
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page).toHaveURL(/\/financien\?jaar=2024&verwijderd=1/);
  await expect(page.getByRole('status').filter({ hasText: 'Verwijderd.' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Alle toewijzingen van dit overzicht' }).getByRole('row').filter({ hasText: '€\u00a07.500,00' }),
  ).toHaveCount(0);

  // A stream that still has allocations cannot be deleted: the reason, and no button.
  await page.getByRole('link', { name: 'Rijksbijdrage educatie (WEB) 2024 wijzigen' }).click();
  await page.getByRole('link', { name: 'Geldstroom verwijderen' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Deze geldstroom kan niet worden verwijderd: er horen nog \d+ toewijzingen bij/);
  await expect(page.getByRole('button', { name: 'Verwijderen' })).toHaveCount(0);
  await accessibleAtBothWidths(page);
});
