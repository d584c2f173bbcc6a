import { ACCOUNTS, expect, expectAccessible, login, openAction, test, waitPastLiveUpdate } from './fixtures';

// The machine running these is shared and slow; the steps themselves wait for what they need.
test.describe.configure({ timeout: 120_000 });

const ACTION_TITLE = 'We ontwikkelen een aanpak begrijpelijke communicatie';

/** Words of Zod's English default messages: none may reach a page. */
const ENGLISH = /invalid|expected|received|too (big|small)/i;

test('"Voortgang melden" refuses −5, 55.5 and an unknown status in Dutch, beside the field', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  await openAction(page, ACTION_TITLE);
  const percent = page.getByLabel('Nieuw percentage (optioneel)');
  for (const value of ['-5', '55.5']) {
    await page.getByLabel('Wat is er gebeurd?').fill(`Test met ${value}`);
    await percent.fill(value);
    await page.getByRole('button', { name: 'Voortgang melden' }).click();
    await expect(page.locator('#voortgang').getByText('Vul een percentage van 0 tot en met 100 in.')).toBeVisible();
    await expect(percent).toHaveAttribute('aria-invalid', 'true');
    await waitPastLiveUpdate(page);
    await expect(page.locator('#voortgang').getByText('Vul een percentage van 0 tot en met 100 in.')).toBeVisible();
    await expect(page.locator('main')).not.toContainText(ENGLISH);
  }
  await expectAccessible(page);

  // A status the form does not offer (a forged or outdated form) gets the new-action form's message.
  await percent.fill('');
  await page
    .getByLabel('Nieuwe status (optioneel)')
    .evaluate((select: HTMLSelectElement) => select.add(new Option('Verzonnen', 'verzonnen')));
  await page.getByLabel('Nieuwe status (optioneel)').selectOption('verzonnen');
  await page.getByRole('button', { name: 'Voortgang melden' }).click();
  await expect(page.getByLabel('Nieuwe status (optioneel)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#voortgang').getByText('Kies een geldige status.')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(ENGLISH);
  await expect(page.locator('#voortgang .progress-log')).not.toContainText('Test met');
});
