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

test('a double click on "Reactie plaatsen" posts one comment, and the next comment still posts', async ({ page }) => {
  await login(page, ACCOUNTS.adviseur);
  await openAction(page, ACTION_TITLE);
  const first = `Dubbel geklikt (${Date.now()})`;
  await page.getByLabel('Nieuwe reactie').fill(first);
  await page.getByRole('button', { name: 'Reactie plaatsen' }).dblclick();
  await expect(page.locator('.comment__body', { hasText: first })).toHaveCount(1);
  await waitPastLiveUpdate(page);
  await page.reload();
  await expect(page.locator('.comment__body', { hasText: first })).toHaveCount(1);

  // The same form sent twice by hand (a resent request) creates nothing the second time.
  const form = page.locator('form.comment-new');
  const fields = Object.fromEntries(
    await form
      .locator('input[type=hidden]')
      .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
  ) as Record<string, string>;
  expect(fields.submissionKey).toMatch(/.{8,}/);
  const second = `Twee keer verstuurd (${Date.now()})`;
  const origin = new URL(page.url()).origin;
  for (let i = 0; i < 2; i++) {
    const response = await page.request.post('/reacties', { form: { ...fields, body: second, js: '1' }, headers: { Origin: origin } });
    expect(response.status()).toBe(200);
  }
  await page.reload();
  await expect(page.locator('.comment__body', { hasText: second })).toHaveCount(1);

  // A new rendering of the form has a new key: the next comment posts.
  const third = `Nog een reactie (${Date.now()})`;
  await page.getByLabel('Nieuwe reactie').fill(third);
  await page.getByRole('button', { name: 'Reactie plaatsen' }).click();
  await expect(page.locator('.comment__body', { hasText: third })).toHaveCount(1);
});

test('an address typed as "www.…" is a link: in the library (https:// added) and in a comment', async ({ page }) => {
  await login(page, ACCOUNTS.zandvoort);
  await page.goto('/kennisbank/nieuw?soort=link');
  await page.getByLabel('Titel').fill('Stichting Lezen en Schrijven');
  await page.getByLabel('Adres (URL)').fill('www.lezenenschrijven.nl');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stichting Lezen en Schrijven' })).toBeVisible();
  await expect(page.locator('main a[href="https://www.lezenenschrijven.nl/"]')).toBeVisible();

  await openAction(page, ACTION_TITLE);
  const body = `Zie www.lezenenschrijven.nl en https://www.taalhuis.nl/aanbod. (${Date.now()})`;
  await page.getByLabel('Nieuwe reactie').fill(body);
  await page.getByRole('button', { name: 'Reactie plaatsen' }).click();
  const comment = page.locator('.comment__body', { hasText: 'Zie www.lezenenschrijven.nl' }).last();
  await expect(comment.getByRole('link', { name: 'www.lezenenschrijven.nl' })).toHaveAttribute('href', 'https://www.lezenenschrijven.nl/');
  await expect(comment.getByRole('link', { name: 'https://www.taalhuis.nl/aanbod' })).toHaveAttribute(
    'href',
    'https://www.taalhuis.nl/aanbod',
  );
  await expectAccessible(page);
});
