import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

test.describe('local accents', () => {
  test("the Zandvoort user edits Zandvoort's accent and finds no edit control on Haarlem's", async ({ page }) => {
    await login(page, ACCOUNTS.zandvoort);
    await page.goto('/accenten');
    await expect(page.getByRole('heading', { level: 1, name: 'Lokale accenten' })).toBeVisible();
    const table = page.getByRole('table', { name: /Lokale accenten per doel/ });
    await expect(table.locator('thead th')).toHaveCount(8);
    // The user's own municipality is the first column after the goal.
    await expect(table.locator('thead th').nth(1)).toHaveText('Zandvoort (uw gemeente)');
    await expectAccessible(page);

    await page.getByRole('link', { name: /Zandvoort: accent bij 1\.3\.a-A/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lokaal accent Zandvoort — doel 1.3.a-A');
    await expectAccessible(page);
    const text = `Zandvoort werft ook via de huisartsen (${Date.now()}).`;
    await page.getByLabel('Accent van de gemeente').fill(text);
    await page.getByRole('button', { name: 'Accent opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het accent is opgeslagen.' })).toBeVisible();
    await expect(page.getByLabel('Accent van de gemeente')).toHaveValue(text);
    // The change is in the history of the accent.
    await expect(page.getByRole('region', { name: 'Geschiedenis' }).getByText(text)).toBeVisible();

    // The matrix shows it too.
    await page.goto('/accenten');
    await expect(page.getByText(text.slice(0, 40))).toBeVisible();

    // Haarlem's cell: readable, not editable.
    await page.getByRole('link', { name: /Haarlem: accent bij 1\.3\.a-A/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lokaal accent Haarlem — doel 1.3.a-A');
    await expect(page.locator('p.prose', { hasText: /Haarlem werft NT1-ers/ })).toBeVisible();
    await expect(page.getByLabel('Accent van de gemeente')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Accent opslaan' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Nieuwe lokale actie' })).toHaveCount(0);
  });

  test("a forged post to Haarlem's accent is refused and changes nothing", async ({ page }) => {
    await login(page, ACCOUNTS.zandvoort);
    await page.goto('/accenten');
    await page.getByRole('link', { name: /Haarlem: accent bij 1\.3\.a-A/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lokaal accent Haarlem — doel 1.3.a-A');
    const url = page.url();
    const response = await page.request.post(url, { form: { body: 'Overgenomen' }, headers: { Origin: new URL(url).origin } });
    expect(response.status()).toBe(403);
    await page.reload();
    await expect(page.locator('p.prose', { hasText: /Haarlem werft NT1-ers/ })).toBeVisible();
    await expect(page.getByText('Overgenomen')).toHaveCount(0);
  });

  test('the adviser comments on an accent; an empty comment shows the message beside the field', async ({ page }) => {
    await login(page, ACCOUNTS.adviseur);
    await page.goto('/accenten');
    await page.getByRole('link', { name: /Velsen: accent bij 1\.3\.a-B/ }).click();
    await expect(page.getByLabel('Accent van de gemeente')).toHaveCount(0);
    await page.getByRole('button', { name: 'Reactie plaatsen' }).click();
    const field = page.getByLabel('Nieuwe reactie');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Schrijf een reactie.')).toBeVisible();
    await field.fill('Mooi: de schuldhulpverlening als vindplaats.');
    await page.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await expect(page.locator('.comment__body', { hasText: 'Mooi: de schuldhulpverlening als vindplaats.' })).toBeVisible();
    await expect(field).toHaveValue('');
    await expectAccessible(page);
  });

  test('Wat is er veranderd lists recent changes and explains a bad date', async ({ page }) => {
    await login(page, ACCOUNTS.lezer);
    await page.goto('/wijzigingen?sinds=2022-01-01');
    await expect(page.getByRole('heading', { level: 1, name: 'Wat is er veranderd' })).toBeVisible();
    // 50 changes a page, newest first: Haarlem's accent (April 2022) is on an older page.
    const accent = page.getByRole('link', { name: 'Haarlem bij doel 1.3.a-A' }).first();
    const pages = page.getByRole('navigation', { name: 'Paginering' });
    for (let shown = 1; shown < 40 && !(await accent.isVisible()); shown++) {
      await pages.getByRole('link', { name: 'Oudere wijzigingen' }).click();
      await expect(pages.locator('[aria-current="page"]')).toHaveText(new RegExp(`^Pagina ${shown + 1} van`));
      await expect(page).toHaveURL(/sinds=2022-01-01/);
    }
    await expect(accent).toBeVisible();
    await expectAccessible(page);
    const response = await page.goto('/wijzigingen?sinds=morgen');
    expect(response?.status()).toBe(400);
    await expect(page.getByText('Vul een geldige datum in, bijvoorbeeld 1-11-2026.')).toBeVisible();
  });
});
