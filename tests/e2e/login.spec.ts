import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

test('the login page is accessible and a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
  await page.getByLabel('E-mailadres').fill(ACCOUNTS.haarlem);
  await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText('onjuist wachtwoord');
});

for (const [role, email] of Object.entries(ACCOUNTS)) {
  test(`${role} logs in and out`, async ({ page }) => {
    await login(page, email);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/login/);
  });
}
