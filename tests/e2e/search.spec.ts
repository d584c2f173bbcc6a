import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

test.describe('search', () => {
  test('search from the header, see the highlighted match, follow it', async ({ page }) => {
    await login(page, ACCOUNTS.adviseur);
    const field = page.getByRole('search', { name: 'Zoek in Koers' }).getByRole('searchbox', { name: 'Zoek in Koers' });
    await field.fill('TAALHUIS');
    await field.press('Enter');

    await expect(page).toHaveURL(/\/zoeken\?q=TAALHUIS/);
    await expect(page.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible();
    await expect(page.getByText(/\d+ resultaten? voor "TAALHUIS"/)).toBeVisible();
    const results = page.getByRole('list', { name: 'Zoekresultaten' });
    const first = results.getByRole('listitem').first();
    await expect(first.locator('mark').first()).toHaveText(/^taalhui/i);
    await expectAccessible(page);

    const link = first.getByRole('heading', { level: 2 }).getByRole('link');
    const href = await link.getAttribute('href');
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('filter by kind, and odd input gets an answer, never an error page', async ({ page }) => {
    await login(page, ACCOUNTS.lezer);
    await page.goto('/zoeken?q=taal');
    const form = page.getByRole('search', { name: 'Zoeken', exact: true });
    await form.getByRole('checkbox', { name: /^Doelen/ }).check();
    await form.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/soort=goal/);
    const kinds = page.getByRole('list', { name: 'Zoekresultaten' }).locator('.search-kind');
    await expect(kinds.first()).toHaveText('Doel');
    expect(new Set(await kinds.allTextContents())).toEqual(new Set(['Doel']));

    for (const q of ['"', 'AND (', '*', 'NEAR(']) {
      const response = await page.goto(`/zoeken?${new URLSearchParams({ q })}`);
      expect(response?.status(), q).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible();
    }
    await page.goto(`/zoeken?q=${'taal'.repeat(60)}`);
    await expect(page.getByText('De zoekterm mag hoogstens 200 tekens lang zijn.')).toBeVisible();
    await expectAccessible(page);

    await page.goto('/zoeken');
    await expect(page.getByText(/Typ een of meer woorden/)).toBeVisible();
    await expectAccessible(page);
  });
});
