import fs from 'node:fs';

import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

// Moved on the board and moved back, so other specs find the agenda as seeded.
const CARD_TITLE = 'We bespreken de doelstelling periodiek en operationaliseren deze in het ambtelijk en bestuurlijk overleg';

test('the action list filters by URL, explains a bad filter, exports CSV and is accessible', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  await page.goto('/acties');
  await expect(page.getByRole('heading', { level: 1, name: 'Acties' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('checkbox', { name: 'Loopt' }).check();
  await page.getByRole('checkbox', { name: 'Alleen acties die te laat zijn' }).check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=loopt/);
  await expect(page).toHaveURL(/telaat=1/);
  const table = page.getByRole('table');
  await expect(table).toContainText('gefilterd op status Loopt; alleen te laat');
  await expect(table.getByRole('link', { name: 'We ontwikkelen een aanpak begrijpelijke communicatie' })).toBeVisible();
  await expect(table.getByText('Afgerond', { exact: true })).toHaveCount(0);

  // Sorting keeps the filters.
  await page.getByRole('columnheader', { name: 'Actie' }).getByRole('link').click();
  await expect(page).toHaveURL(/sort=titel/);
  await expect(page).toHaveURL(/status=loopt/);

  // The CSV export carries the same filters.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Exporteer als CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^koers-acties-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Code;Titel;Thema;Doel');
  expect(csv).toContain('1.3.a-A3;');
  expect(csv).not.toContain(';Afgerond;');

  // A window phrase the parser does not know: a message beside the field, the rest still applies.
  await page.goto('/acties?termijn=binnenkort');
  await expect(page.getByText('Onbekende periode "binnenkort"')).toBeVisible();
  await expect(page.getByLabel('Termijn')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/^\d+ acties$/).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Wis filters' }).click();
  await expect(page).toHaveURL(/\/acties$/);
  await expect(page.getByLabel('Termijn')).toHaveValue('');
});

test('my actions, the timeline and its table are accessible', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  await page.goto('/acties/mijn');
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn acties' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Van Haarlem' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/tijdlijn');
  await expect(page.getByRole('heading', { level: 1, name: 'Tijdlijn' })).toBeVisible();
  const table = page.getByRole('table', { name: /Acties op de tijdlijn/ });
  await expect(table.getByRole('row', { name: /We ontwikkelen een aanpak begrijpelijke communicatie/ })).toContainText('1 mei 2022');
  await expect(page.getByRole('heading', { level: 3, name: 'Zonder termijn' })).toBeVisible();
  await expectAccessible(page);

  // The agenda fits on one page: no page links (a long one is paged, docs/decisions/032).
  await expect(page.getByRole('navigation', { name: 'Paginering' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Alleen de tabel tonen' }).click();
  await expect(page).toHaveURL(/weergave=tabel/);
  await expect(page.locator('.tl')).toHaveCount(0);
  await expect(table).toBeVisible();
});

test('the board moves a card by keyboard and by drag and drop, announcing it', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  await page.goto('/bord');
  await expectAccessible(page);
  const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name} \\(`) });
  const card = (name: string) => column(name).getByRole('article', { name: CARD_TITLE });
  await expect(card('Niet gestart')).toBeVisible();
  // Every column shows all its cards: no link to the rest in the list.
  await expect(page.getByRole('link', { name: /^Alle \d+ acties met status/ })).toHaveCount(0);

  // The board's reloads are held back a while, as on a slow connection: the card is
  // dragged back while the board still reloads after the first move, when it is shown in
  // its new column but the loaded board still has it in its old one.
  await page.route(/\/bord\.data/, async (route) => {
    if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });

  // Keyboard: choose the new status and press the button.
  const select = card('Niet gestart').getByLabel(`Nieuwe status voor ${CARD_TITLE}`);
  await select.focus();
  await select.selectOption('loopt');
  await page.keyboard.press('Tab');
  await expect(card('Niet gestart').getByRole('button', { name: 'Verplaats' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(`Actie "${CARD_TITLE}" verplaatst naar Loopt.`);
  await expect(card('Loopt')).toBeVisible();
  await expect(card('Niet gestart')).toHaveCount(0);
  await expect(card('Loopt')).toBeFocused();

  // Pointer: drag it back, onto the column's heading. A moved card is at the top of its
  // column, level with the headings, so the browser need not scroll between pressing and
  // moving the mouse (Chromium starts the drag from whatever is under the mouse after a
  // scroll, which may be another card).
  await card('Loopt').dragTo(column('Niet gestart').getByRole('heading', { level: 2 }));
  await expect(page.getByRole('status')).toContainText('verplaatst naar Niet gestart');
  await expect(card('Niet gestart')).toBeVisible();
  await page.reload();
  await expect(card('Niet gestart')).toBeVisible();
});

test('the adviser sees the board without move controls', async ({ page }) => {
  await login(page, ACCOUNTS.adviseur);
  await page.goto('/bord');
  await expect(page.getByRole('heading', { level: 2, name: /^Loopt \(/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verplaats' })).toHaveCount(0);
  await expect(page.locator('[draggable="true"]')).toHaveCount(0);
});
