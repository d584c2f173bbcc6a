import type { Page } from '@playwright/test';

import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

/**
 * The period on the decisions log and "what changed" (issue 12): switch to 2020–2024,
 * filter, and share the address — a new page shows the same view. The balance's .docx
 * and PDF are offered on the balance page. Reads the demo only (changes nothing).
 */

const switcher = (page: Page) => page.getByRole('navigation', { name: 'Kies een periode' });

test('switches the decisions log to 2020–2024 and shares the address', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ACCOUNTS.lezer);
  await page.goto('/besluiten');
  await expect(switcher(page).getByRole('link', { name: /2025–2028/ })).toHaveAttribute('aria-current', 'page');
  const currentCount = await page
    .getByRole('status')
    .filter({ hasText: /besluit/i })
    .textContent();

  await switcher(page)
    .getByRole('link', { name: /2020–2024/ })
    .click();
  await expect(page).toHaveURL(/\/besluiten\?periode=2020-2024$/);
  await expect(switcher(page).getByRole('link', { name: /2020–2024/ })).toHaveAttribute('aria-current', 'page');
  // Its goals in the filter: the 2020–2024 codes; filtering keeps the period in the address.
  const goalFilter = page.getByLabel('Doel');
  const firstGoal = goalFilter.locator('option').nth(1);
  await goalFilter.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/periode=2020-2024/);
  await expect(page).toHaveURL(/doel=\d+/);
  await expect(page.getByRole('heading', { level: 2 })).toContainText((await firstGoal.textContent())!.split(' ')[0]!);
  await expectAccessible(page);
  const oldView = await page
    .getByRole('status')
    .filter({ hasText: /besluit/i })
    .textContent();

  const shared = await page.context().newPage();
  await shared.goto(page.url());
  await expect(switcher(shared).getByRole('link', { name: /2020–2024/ })).toHaveAttribute('aria-current', 'page');
  await expect(shared.getByRole('status').filter({ hasText: /besluit/i })).toHaveText(oldView!);
  await shared.close();
  expect(currentCount).toBeTruthy();
});

test('switches what changed to 2020–2024, keeps the period when the date is changed, and shares the address', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, ACCOUNTS.lezer);
  await page.goto('/wijzigingen');
  await expect(switcher(page).getByRole('link', { name: /2025–2028/ })).toHaveAttribute('aria-current', 'page');
  await switcher(page)
    .getByRole('link', { name: /2020–2024/ })
    .click();
  await expect(page).toHaveURL(/\/wijzigingen\?periode=2020-2024$/);
  await page.getByLabel('Sinds').fill('2020-01-01');
  await page.getByRole('button', { name: 'Tonen' }).click();
  await expect(page).toHaveURL(/periode=2020-2024/);
  await expect(page).toHaveURL(/sinds=2020-01-01/);
  await expect(switcher(page).getByRole('link', { name: /2020–2024/ })).toHaveAttribute('aria-current', 'page');
  const summary = page.getByRole('status').first();
  await expect(summary).toBeVisible();
  await expectAccessible(page);

  const shared = await page.context().newPage();
  await shared.goto(page.url());
  await expect(switcher(shared).getByRole('link', { name: /2020–2024/ })).toHaveAttribute('aria-current', 'page');
  await expect(shared.getByRole('status').first()).toHaveText((await summary.textContent())!);
  await shared.close();
});

test('offers the balance of 2020–2024 as .docx and PDF', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  await page.goto('/periodes/2020-2024');
  const downloads = page.getByRole('region', { name: 'Eindbalans downloaden' });
  await expect(downloads).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Besluiten in deze periode' })).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    downloads.getByRole('link', { name: 'Eindbalans als PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('eindbalans-2020-2024.pdf');
  const docx = await page.request.get('/periodes/2020-2024/balans.docx');
  expect(docx.status()).toBe(200);
  expect(docx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
});
