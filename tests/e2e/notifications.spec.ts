import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

/**
 * Issue 4, "Browser" (second half): an adviser mentions a werkgroeplid in a comment,
 * picking the name from the suggestions by keyboard; the werkgroeplid, in a browser of
 * their own, sees the unread count in the header, the notification in /meldingen, and
 * its link leads to the comment.
 */
const MENTIONED = 'Martijn Bakker';

test('an @mention by the adviser reaches the werkgroeplid', async ({ page, browser }) => {
  await login(page, ACCOUNTS.adviseur);
  await page.goto('/doelen/1');
  const goalTitle = (await page.getByRole('heading', { level: 1 }).innerText()).trim();

  const field = page.getByRole('combobox', { name: 'Nieuwe reactie' });
  await field.click();
  await field.pressSequentially('Wil jij hiernaar kijken, @Mar');
  const option = page.getByRole('option', { name: new RegExp(MENTIONED) });
  await expect(option).toBeVisible();
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  await expect(field).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await field.press('Enter');
  await expect(field).toHaveAttribute('aria-expanded', 'false');
  await expect(field).toHaveValue(`Wil jij hiernaar kijken, @${MENTIONED} `);
  await field.pressSequentially('? Dank!');
  await page.getByRole('button', { name: 'Reactie plaatsen' }).click();
  const posted = page.locator('.comment').filter({ hasText: 'Wil jij hiernaar kijken' }).last();
  await expect(posted.locator('strong.mention')).toHaveText(`@${MENTIONED}`);
  // Commenting made the adviser a follower.
  await expect(page.getByRole('button', { name: 'Niet meer volgen' })).toBeVisible();

  const other = await browser.newContext();
  const velsen = await other.newPage();
  try {
    await login(velsen, ACCOUNTS.velsen);
    const bell = velsen.getByRole('link', { name: /^Meldingen, \d+ ongelezen$/ });
    await expect(bell).toBeVisible();
    const unreadBefore = Number((await bell.getAttribute('aria-label'))!.match(/\d+/)![0]);
    expect(unreadBefore).toBeGreaterThanOrEqual(1);
    await bell.click();
    await expect(velsen.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
    await expectAccessible(velsen);

    const notification = velsen.getByRole('link', { name: /^Fatima El Amrani noemde u in een reactie bij doel/ }).first();
    await expect(notification).toBeVisible();
    await expect(velsen.locator('.notification--unread').first()).toContainText('Nieuw');
    await notification.click();
    await expect(velsen).toHaveURL(/\/doelen\/1#reactie-\d+$/);
    await expect(velsen.getByRole('heading', { level: 1 })).toHaveText(goalTitle);
    const anchor = new URL(velsen.url()).hash;
    await expect(velsen.locator(anchor)).toContainText('Wil jij hiernaar kijken');
    await expect(velsen.getByRole('link', { name: /^Meldingen, / })).toHaveAttribute(
      'aria-label',
      unreadBefore - 1 === 0 ? 'Meldingen, geen ongelezen' : `Meldingen, ${unreadBefore - 1} ongelezen`,
    );

    await velsen.goto('/meldingen/voorkeuren');
    await expect(velsen.getByRole('heading', { level: 1, name: 'Voorkeuren voor meldingen' })).toBeVisible();
    await expect(velsen.getByText('E-mail staat uit op deze installatie')).toBeVisible();
    await expectAccessible(velsen);
  } finally {
    await other.close();
  }
});

/**
 * The follow button carries its state from the page itself: it is there at once, toggles
 * in place, keeps its state after a reload, and works as a plain form without JavaScript.
 */
test('a lezer follows a library item and stops following it, in place', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  await page.goto('/kennisbank/1');
  // The button turns at once (optimistic); a reload before its post is answered would abort it.
  const followed = page.waitForResponse((r) => r.url().includes('/meldingen/volgen') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Volgen', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Niet meer volgen' })).toBeVisible();
  expect((await followed).ok()).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: 'Niet meer volgen' }).click();
  await expect(page.getByRole('button', { name: 'Volgen', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/kennisbank\/1$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the follow button is a plain form that comes back to the page', async ({ page }) => {
    await login(page, ACCOUNTS.lezer);
    await page.goto('/kennisbank/2');
    await page.getByRole('button', { name: 'Volgen', exact: true }).click();
    await expect(page).toHaveURL(/\/kennisbank\/2$/);
    await expect(page.getByRole('button', { name: 'Niet meer volgen' })).toBeVisible();
    await page.getByRole('button', { name: 'Niet meer volgen' }).click();
    await expect(page.getByRole('button', { name: 'Volgen', exact: true })).toBeVisible();
  });
});
