import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

test.describe('library', () => {
  test('add a good practice with tags, then find it by searching a word in it from the header', async ({ page }) => {
    await login(page, ACCOUNTS.adviseur);
    await page.goto('/kennisbank');
    await expect(page.getByRole('heading', { level: 1, name: 'Kennisbank' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Items in de kennisbank' }).getByRole('listitem').first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Nieuw item' }).click();
    await page.getByRole('link', { name: 'Goed voorbeeld' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw item: goed voorbeeld' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Titel').fill('Voorleesontbijt in de Taalhuizen');
    await page.getByLabel('Samenvatting').fill('Ouders en kinderen ontbijten samen in de bibliotheek en lezen voor.');
    await page
      .getByLabel('Tekst', { exact: true })
      .fill(
        '## Aanpak\n\nElke eerste zaterdag een **voorleesontbijt** met vrijwilligers.\n\n- Uitnodigen via school\n- Boeken mee naar huis\n\nMeer op [de site](https://www.example.nl/voorlezen).',
      );
    // Exact names: the goals and actions to link are checkboxes with titles that mention themes, NT1 and parents.
    const theme = page.getByLabel('Thema', { exact: true });
    await theme.selectOption((await theme.locator('option', { hasText: /^1\.3\.b / }).getAttribute('value'))!);
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Heemskerk' });
    await page.getByRole('checkbox', { name: 'Ouders', exact: true }).check();
    await page.getByRole('checkbox', { name: 'NT1', exact: true }).check();
    await page.getByRole('button', { name: 'Toevoegen' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Voorleesontbijt in de Taalhuizen' })).toBeVisible();
    await expect(page).toHaveURL(/\/kennisbank\/\d+\?toegevoegd=1$/);
    await expect(page.getByRole('status').filter({ hasText: 'Het item is aan de kennisbank toegevoegd.' })).toBeVisible();
    const itemUrl = new URL(page.url()).pathname;
    // The text is rendered: a heading, bold, a list and a safe link.
    await expect(page.getByRole('heading', { level: 2, name: 'Aanpak' })).toBeVisible();
    await expect(page.locator('.library-body strong')).toHaveText('voorleesontbijt');
    await expect(page.getByRole('link', { name: 'de site' })).toHaveAttribute('href', 'https://www.example.nl/voorlezen');
    await expect(page.getByRole('link', { name: 'Heemskerk', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ouders', exact: true })).toBeVisible();
    await expectAccessible(page);

    const field = page.getByRole('search', { name: 'Zoek in Koers' }).getByRole('searchbox', { name: 'Zoek in Koers' });
    await field.fill('VOORLEESONTB');
    await field.press('Enter');
    await expect(page).toHaveURL(/\/zoeken\?q=VOORLEESONTB/);
    const hit = page
      .getByRole('list', { name: 'Zoekresultaten' })
      .getByRole('listitem')
      .filter({ hasText: 'Voorleesontbijt in de Taalhuizen' });
    await expect(hit.locator('.search-kind')).toHaveText('Kennisbank');
    await expect(hit.locator('mark').first()).toHaveText(/^voorleesontb/i);
    await hit.getByRole('link', { name: 'Voorleesontbijt in de Taalhuizen' }).click();
    await expect(page).toHaveURL(new RegExp(`${itemUrl}$`));

    // The list filters by the tags.
    await page.goto('/kennisbank');
    await page.getByLabel('Doelgroep').selectOption('ouders');
    await page.getByLabel('Gemeente').selectOption({ label: 'Heemskerk' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/doelgroep=ouders/);
    await expect(
      page.getByRole('list', { name: 'Items in de kennisbank' }).getByRole('link', { name: 'Voorleesontbijt in de Taalhuizen' }),
    ).toBeVisible();
  });

  test('a javascript: link is refused beside the field, and a lezer cannot add', async ({ page }) => {
    await login(page, ACCOUNTS.zandvoort);
    await page.goto('/kennisbank/nieuw?soort=link');
    await page.getByLabel('Titel').fill('Verdachte link');
    await page.getByLabel('Adres (URL)').fill('javascript:alert(document.cookie)');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(
      page.getByText('Dit adres mag niet: alleen adressen die beginnen met https://, http:// of mailto: zijn toegestaan.'),
    ).toBeVisible();
    await expect(page.getByLabel('Adres (URL)')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    // Wait for the logout to land: going to /login while it is under way would abort it.
    await expect(page).toHaveURL(/\/login/);
    await login(page, ACCOUNTS.lezer);
    await page.goto('/kennisbank');
    await expect(page.getByRole('link', { name: 'Nieuw item' })).toHaveCount(0);
    const response = await page.goto('/kennisbank/nieuw');
    expect(response?.status()).toBe(403);
  });
});
