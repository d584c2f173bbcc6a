import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

const ACTION_TITLE = 'We ontwikkelen een aanpak begrijpelijke communicatie';

test('the agenda overview shows chapters, goals and actions with counts, and is accessible', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('samenwerkingsagenda');
  await expect(page.getByText('Looptijd 2020–2024')).toBeVisible();
  for (const chapter of ['Bereik NT1-ers', 'Bereik jongvolwassenen en ouders', 'Monitoring bereik, kwaliteit en impact']) {
    await expect(page.getByRole('heading', { level: 2, name: chapter })).toBeVisible();
  }
  await expect(page.getByText(/Regionale acties:/)).toBeVisible();
  await expect(page.getByRole('link', { name: ACTION_TITLE })).toBeVisible();
  await expect(page.getByRole('link', { name: /lokale acties?$/ }).first()).toBeVisible();
  // The context chapters open as collapsible text.
  await page.locator('summary', { hasText: 'De taalnetwerken en de Taalhuizen' }).click();
  await expectAccessible(page);
  // The reader sees no edit controls.
  await expect(page.getByRole('link', { name: /bewerken/ })).toHaveCount(0);
});

test('the goal page shows its actions, the seven accents, comments and history, and is accessible', async ({ page }) => {
  await login(page, ACCOUNTS.adviseur);
  await page.goto('/');
  await page.getByRole('link', { name: /1\.3\.a-A/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Doel 1.3.a-A');
  await expect(page.getByRole('heading', { level: 2, name: 'Acties', exact: true })).toBeVisible();
  await expect(page.getByText('Lokaal: Zandvoort').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Zandvoort' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Geschiedenis' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Doel bewerken' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Nieuwe actie' })).toHaveCount(0);
  await expectAccessible(page);
});

test('the adviser finds no way to edit an action, and the edit page is refused', async ({ page }) => {
  await login(page, ACCOUNTS.adviseur);
  await page.goto('/');
  await page.getByRole('link', { name: ACTION_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: ACTION_TITLE })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bewerken' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Voortgang melden' })).toHaveCount(0);
  const url = new URL(page.url());
  const response = await page.goto(`${url.pathname}/bewerken`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
});

test('a werkgroeplid changes status and deadline through the form and sees the new values', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  await page.goto('/');
  await page.getByRole('link', { name: ACTION_TITLE }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Bewerken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Actie bewerken' })).toBeVisible();
  await expectAccessible(page);

  // A bad deadline: the message beside the field, nothing saved.
  await page.getByLabel('Termijn').fill('binnenkort');
  await page.getByLabel('Status').selectOption({ label: 'Besluit nodig' });
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByText(/"binnenkort".*Schrijf bijvoorbeeld/)).toBeVisible();
  await expect(page.getByLabel('Termijn')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Termijn')).toHaveValue('binnenkort');
  await expectAccessible(page);

  await page.getByLabel('Termijn').fill('eind 2024');
  await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ACTION_TITLE })).toBeVisible();
  await expect(page.locator('.action-page__summary .status')).toHaveText('Besluit nodig');
  await expect(page.locator('.meta-list .deadline')).toContainText('eind 2024');
  await expect(page.locator('.meta-list .deadline')).toHaveAttribute('data-window', '1 okt. 2024 t/m 31 dec. 2024');
  // The change is in the history.
  await expect(page.locator('.history').getByText('eind 2024').first()).toBeVisible();

  // A progress report through the form appears in the log.
  await page.getByLabel('Wat is er gebeurd?').fill('Besproken in het overleg; besluit volgt.');
  await page.getByLabel('Nieuw percentage (optioneel)').fill('55');
  await page.getByRole('button', { name: 'Voortgang melden' }).click();
  await expect(page.locator('.progress-log').getByText('Besproken in het overleg; besluit volgt.')).toBeVisible();
  await expect(page.locator('.progress-log').getByText('voortgang 55%')).toBeVisible();
  await expect(page.getByLabel('Wat is er gebeurd?')).toHaveValue('');
});

test('Zandvoort creates a local action from the goal page', async ({ page }) => {
  await login(page, ACCOUNTS.zandvoort);
  await page.goto('/');
  await page.getByRole('link', { name: /1\.3\.a-A/ }).click();
  await page.getByRole('link', { name: 'Nieuwe actie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe actie' })).toBeVisible();
  await expect(page.getByLabel('Reikwijdte')).toHaveValue(/\d+/);
  await expect(page.getByLabel('Reikwijdte').locator('option')).toHaveText(['Zandvoort']);
  await expectAccessible(page);
  await page.getByLabel('Titel').fill('Taalspreekuur in het gemeentehuis');
  await page.getByLabel('Termijn').fill('Q3 2025');
  await page.getByRole('button', { name: 'Actie aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Taalspreekuur in het gemeentehuis' })).toBeVisible();
  await expect(page.getByText('Lokale actie van Zandvoort')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bewerken' })).toBeVisible();
});
