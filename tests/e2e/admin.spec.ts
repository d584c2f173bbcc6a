import { ACCOUNTS, expect, expectAccessible, login, test, waitPastLiveUpdate } from './fixtures';

test('a beheerder invites a user, who sets a password through the link and lands signed in', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await login(page, ACCOUNTS.beheerder);
  await page.getByRole('link', { name: 'Beheer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beheer' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Gebruikers' }).click();
  await expect(page.getByRole('table', { name: 'Alle gebruikers van Koers' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Nieuwe gebruiker uitnodigen' }).click();
  await expectAccessible(page);
  // A duplicate address is refused beside the field.
  await page.getByLabel('Naam', { exact: true }).fill('Eva Uitgenodigd');
  await page.getByLabel('E-mailadres').fill('Lezer@koers.test');
  await page.getByLabel('Rol').selectOption({ label: 'Werkgroeplid' });
  await page.getByLabel('Organisatie').selectOption({ label: 'Beverwijk' });
  await page.getByRole('button', { name: 'Uitnodigen' }).click();
  await expect(page.getByText('Er is al een gebruiker met dit e-mailadres.')).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.getByLabel('E-mailadres').fill('eva.e2e@beverwijk.nl');
  await page.getByRole('button', { name: 'Uitnodigen' }).click();
  await expect(page.getByRole('status')).toContainText('Eva Uitgenodigd is toegevoegd.');
  // The write's own live update revalidates the page: the link must outlast it.
  await waitPastLiveUpdate(page);
  await expect(page.getByRole('status')).toContainText('Eva Uitgenodigd is toegevoegd.');
  const firstLink = await page.getByLabel('Uitnodigingslink (eenmalig)').inputValue();
  expect(firstLink).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  // Until the link is used, the list shows the account as invited, not active.
  await page.goto('/beheer/gebruikers');
  const row = page.getByRole('row', { name: /Eva Uitgenodigd/ });
  await expect(row.getByRole('cell', { name: 'Uitgenodigd', exact: true })).toBeVisible();
  await row.getByRole('link', { name: 'Eva Uitgenodigd' }).click();

  // A new link on the user page is shown (and says the old one stopped working).
  await page.getByRole('button', { name: 'Nieuwe uitnodigingslink maken' }).click();
  await expect(page.getByRole('status')).toContainText('De vorige link werkt niet meer.');
  await waitPastLiveUpdate(page);
  await expect(page.getByRole('status')).toContainText('De vorige link werkt niet meer.');
  const link = await page.getByLabel('Uitnodigingslink (eenmalig)').inputValue();
  expect(link).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
  expect(link).not.toBe(firstLink);
  await expectAccessible(page);
  const old = await browser.newContext();
  const oldPage = await old.newPage();
  expect((await oldPage.goto(firstLink))?.status()).toBe(410);
  await old.close();

  // The invitee opens the link in a browser of their own.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Welkom bij Koers' })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel('Wachtwoord', { exact: true }).fill('kort');
  await invitee.getByLabel('Herhaal het wachtwoord').fill('kort');
  await invitee.getByRole('button', { name: 'Wachtwoord instellen en inloggen' }).click();
  await expect(invitee.getByText('Het wachtwoord moet minstens 12 tekens lang zijn.')).toBeVisible();
  await invitee.getByLabel('Wachtwoord', { exact: true }).fill('een lange wachtwoordzin');
  await invitee.getByLabel('Herhaal het wachtwoord').fill('een lange wachtwoordzin');
  await invitee.getByRole('button', { name: 'Wachtwoord instellen en inloggen' }).click();
  await expect(invitee.getByText('Ingelogd als Eva Uitgenodigd (Beverwijk)')).toBeVisible();
  await expect(invitee).toHaveURL(/\/$/);

  // The link works only once.
  const again = await invitee.goto(link);
  expect(again?.status()).toBe(410);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Deze uitnodiging werkt niet' })).toBeVisible();
  await expectAccessible(invitee);
  await context.close();

  // The beheerder sees the new account, now active; its page and the organisations page pass axe too.
  await page.goto('/beheer/gebruikers');
  await expect(page.getByRole('row', { name: /Eva Uitgenodigd/ }).getByRole('cell', { name: 'Actief', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Eva Uitgenodigd' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eva Uitgenodigd' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/beheer/organisaties');
  await expect(page.getByRole('table', { name: 'Gemeenten en partners' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/account');
  await expectAccessible(page);
});

test('an unknown invite link shows a clear page, not an error', async ({ page }) => {
  const response = await page.goto('/uitnodiging/bestaat-niet-bestaat-niet-bestaat-niet');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Deze uitnodigingslink bestaat niet.')).toBeVisible();
  await expectAccessible(page);
});

test('a werkgroeplid finds no Beheer link and is refused the beheer pages', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' })).toHaveCount(0);
  const response = await page.goto('/beheer/gebruikers');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
});

test('a user changes their own password on Mijn account', async ({ page }) => {
  await login(page, ACCOUNTS.velsen);
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByText('werkgroep.velsen@koers.test')).toBeVisible();
  await page.getByLabel('Huidig wachtwoord').fill('niet-mijn-wachtwoord');
  await page.getByLabel('Nieuw wachtwoord').fill('een nieuwe lange zin');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een nieuwe lange zin');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByText('Dit is niet uw huidige wachtwoord.')).toBeVisible();
  await expectAccessible(page);
});
