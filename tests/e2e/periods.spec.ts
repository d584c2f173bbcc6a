import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

/**
 * Agenda periods (issue 12) in the demo: 2020–2024 closed with its balance, 2025–2028
 * current. Browsing an old period by its address; closing a period with a choice per
 * open action (then reopened by the beheerder, so the other specs find the demo as it was).
 */

for (const width of [1280, 390]) {
  test(`browses the closed 2020–2024 period by its address and reads its balance (${width} px)`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: 900 });
    await login(page, ACCOUNTS.lezer);
    await page.goto('/');
    const switcher = page.getByRole('navigation', { name: 'Kies een periode' });
    await expect(switcher.getByRole('link', { name: /2025–2028/ })).toHaveAttribute('aria-current', 'page');
    await switcher.getByRole('link', { name: /2020–2024/ }).click();
    await expect(page).toHaveURL(/\?periode=2020-2024$/);
    await expect(page.getByText('Deze periode is afgesloten en alleen nog te lezen.')).toBeVisible();
    await expect(page.locator('.badge-overdue')).toHaveCount(0);
    await expectAccessible(page);

    // The same address shows the same view in another context: a shared link.
    const shared = await page.context().newPage();
    await shared.goto('/acties?periode=2020-2024');
    await expect(shared.getByRole('navigation', { name: 'Kies een periode' }).getByRole('link', { name: /2020–2024/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await shared.close();

    await page.goto('/periodes/2020-2024');
    await expect(page.getByRole('heading', { level: 1, name: 'Periode 2020–2024' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Eindbalans', exact: true })).toBeVisible();
    await expect(page.getByRole('figure').first()).toBeVisible();
    await expect(page.getByRole('link', { name: /naar 2025–2028/ }).first()).toBeVisible();
    await expectAccessible(page);

    // A carried action links back to where it came from.
    await page
      .getByRole('link', { name: /naar 2025–2028/ })
      .first()
      .click();
    await expect(page.getByText(/Voortgezet uit 2020–2024:/)).toBeVisible();
    await expectAccessible(page);

    await page.goto('/periodes');
    await expect(page.getByRole('table', { name: 'Alle periodes, de nieuwste eerst' })).toBeVisible();
    await expectAccessible(page);
  });
}

test('an unknown period in the address is a 404', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  const response = await page.goto('/acties?periode=1999-2000');
  expect(response?.status()).toBe(404);
});

test('a working group member drafts a concept and closes the current period with a choice per open action', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, ACCOUNTS.haarlem);
  await page.goto('/periodes');
  await page.getByLabel('Eerste jaar').fill('2027');
  await page.getByLabel('Laatste jaar').fill('2030');
  await page.getByRole('button', { name: 'Conceptagenda maken' }).click();
  await expect(page.getByText('Deze looptijd overlapt met de periode 2025–2028.', { exact: false }).first()).toBeVisible();
  await page.getByLabel('Eerste jaar').fill('2029');
  await page.getByLabel('Laatste jaar').fill('2032');
  await page.getByRole('button', { name: 'Conceptagenda maken' }).click();
  await expect(page.getByText('De conceptagenda is gemaakt.')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/periodes/2025-2028/afsluiten');
  await expect(page.getByRole('heading', { level: 1, name: 'Periode 2025–2028 afsluiten' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Periode afsluiten' }).click();
  await expect(page.getByRole('alert').first()).toContainText('open acties wat ermee gebeurt');

  const groups = page.locator('.closing-action');
  const n = await groups.count();
  expect(n).toBeGreaterThan(0);
  await groups.nth(0).getByLabel('Meenemen naar 2029–2032').check();
  for (let i = 1; i < n; i++) {
    await groups.nth(i).getByLabel('Niet afgerond').check();
    await groups.nth(i).getByLabel('Reden').fill('Voorbeeld: niet meer nodig');
  }
  await expect(page.getByText(`1 meenemen, ${n - 1} niet afgerond, 0 nog te kiezen.`)).toBeVisible();
  await page.getByRole('button', { name: 'Periode afsluiten' }).click();
  await expect(page.getByText('De periode is afgesloten.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Eindbalans', exact: true })).toBeVisible();
  await expectAccessible(page);

  // The beheerder reopens it (no other period is current), recorded in the history.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  // Wait for the logout to land: going to /login while it is under way would abort it.
  await expect(page).toHaveURL(/\/login/);
  await login(page, ACCOUNTS.beheerder);
  await page.goto('/periodes/2025-2028');
  await page.getByRole('button', { name: 'Periode heropenen' }).click();
  await expect(page.getByText('De periode is heropend.')).toBeVisible();
});

test('two working group members write a chapter of the concept together; the adviser reads along', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await login(page, ACCOUNTS.haarlem);
  await page.goto('/periodes/2029-2032');
  await page.getByRole('link', { name: 'Tekst van dit hoofdstuk' }).first().click();
  await expect(page).toHaveURL(/\/periodes\/2029-2032\/hoofdstukken\/\d+$/);
  const address = page.url();
  const editor = page.getByRole('textbox', { name: 'Tekst van het hoofdstuk' });
  await expect(page.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible();
  // An empty chapter starts with the agenda's three questions.
  await expect(editor.getByRole('heading', { level: 2, name: 'Wat willen we bereiken?' })).toBeVisible();
  await expectAccessible(page);

  const velsenContext = await browser.newContext();
  const velsen = await velsenContext.newPage();
  await login(velsen, ACCOUNTS.velsen);
  await velsen.goto(address);
  const velsenEditor = velsen.getByRole('textbox', { name: 'Tekst van het hoofdstuk' });
  await expect(velsen.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible();

  await editor.locator('p').nth(0).click();
  await page.keyboard.type('Eén op de acht volwassenen heeft moeite met lezen.');
  await velsenEditor.locator('p').nth(1).click();
  await velsen.keyboard.type('Meer werkenden bereiken.');
  await expect(editor).toContainText('Meer werkenden bereiken.');
  await expect(velsenEditor).toContainText('Eén op de acht volwassenen');
  await expect(page.getByRole('complementary', { name: 'Nu in deze tekst' })).toContainText('Martijn Bakker');
  // The formatting buttons of the notes: a list item typed here is a list for the other writer.
  await page.keyboard.press('Enter');
  // A click on a format button leaves the caret in the text: the button never takes the
  // focus, so the next key goes into the text (not to the button for a frame).
  const listButton = page.getByRole('group', { name: 'Opmaak en invoegen' }).getByRole('button', { name: 'Lijst' });
  await listButton.evaluate((button) => button.addEventListener('focus', () => button.setAttribute('data-was-focused', '')));
  await listButton.click();
  await page.keyboard.type('Werkgevers');
  await expect(listButton).not.toHaveAttribute('data-was-focused');
  await expect(velsenEditor.getByRole('listitem').filter({ hasText: 'Werkgevers' })).toBeVisible();

  // The adviser follows live and cannot type.
  const adviserContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const adviser = await adviserContext.newPage();
  await login(adviser, ACCOUNTS.adviseur);
  await adviser.goto(address);
  await expect(adviser.getByText('U kunt deze tekst lezen terwijl anderen schrijven')).toBeVisible();
  const adviserEditor = adviser.getByRole('textbox', { name: 'Tekst van het hoofdstuk' });
  await expect(adviserEditor).toHaveAttribute('contenteditable', 'false');
  await expect(adviser.getByRole('group', { name: 'Opmaak en invoegen' })).toHaveCount(0);
  await expect(adviserEditor).toContainText('Meer werkenden bereiken.');
  await page.keyboard.type(' Ook via werkgevers.');
  await expect(adviserEditor).toContainText('Ook via werkgevers.');
  await expectAccessible(adviser);
  await velsenContext.close();
  await adviserContext.close();
});
