import { ACCOUNTS, expect, expectAccessible, login, test, waitPastLiveUpdate } from './fixtures';

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

test('a forgotten password: without e-mail the page sends people to the beheerder, whose one-time reset link signs them in and out elsewhere', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // Without SMTP (as in these tests) the page asks no address: it points to the beheerder.
  await page.goto('/login');
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
  await expect(page.getByText('Vraag de beheerder van Koers om een link')).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toHaveCount(0);
  await expectAccessible(page);

  // A user with a password of their own (invited, link used) and a session on another device.
  await login(page, ACCOUNTS.beheerder);
  await page.goto('/beheer/gebruikers/nieuw');
  await page.getByLabel('Naam', { exact: true }).fill('Rik Reset');
  await page.getByLabel('E-mailadres').fill('rik.reset@velsen.nl');
  await page.getByLabel('Organisatie').selectOption({ label: 'Velsen' });
  await page.getByRole('button', { name: 'Uitnodigen' }).click();
  const inviteLink = await page.getByLabel('Uitnodigingslink (eenmalig)').inputValue();
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  await laptopPage.goto(inviteLink);
  await laptopPage.getByLabel('Wachtwoord', { exact: true }).fill('het eerste lange wachtwoord');
  await laptopPage.getByLabel('Herhaal het wachtwoord').fill('het eerste lange wachtwoord');
  await laptopPage.getByRole('button', { name: 'Wachtwoord instellen en inloggen' }).click();
  await expect(laptopPage.getByText('Ingelogd als Rik Reset (Velsen)')).toBeVisible();

  // The beheerder makes a reset link; it outlasts the live update.
  await page.getByRole('link', { name: 'Naar de gebruiker' }).click();
  await page.getByRole('button', { name: 'Herstellink maken' }).click();
  await expect(page.getByRole('status')).toContainText('Er is een herstellink gemaakt.');
  await waitPastLiveUpdate(page);
  const resetLink = await page.getByLabel('Herstellink (eenmalig)').inputValue();
  expect(resetLink).toMatch(/\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  // The user chooses a new password on a phone: same rules as elsewhere, then signed in.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phonePage = await phone.newPage();
  await phonePage.goto(resetLink);
  await expect(phonePage.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
  await expectAccessible(phonePage);
  await phonePage.getByLabel('Nieuw wachtwoord', { exact: true }).fill('te kort');
  await phonePage.getByLabel('Herhaal het nieuwe wachtwoord').fill('te kort');
  await phonePage.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
  await expect(phonePage.getByText('Het wachtwoord moet minstens 12 tekens lang zijn.')).toBeVisible();
  await phonePage.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een tweede lange wachtwoordzin');
  await phonePage.getByLabel('Herhaal het nieuwe wachtwoord').fill('een tweede lange wachtwoordzin');
  await phonePage.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
  await expect(phonePage.getByText('Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.')).toBeVisible();

  // The laptop's session has ended; the link works only once.
  await laptopPage.goto('/acties');
  await expect(laptopPage).toHaveURL(/\/login/);
  const again = await laptopPage.goto(resetLink);
  expect(again?.status()).toBe(410);
  await expect(laptopPage.getByRole('heading', { level: 1, name: 'Deze link werkt niet' })).toBeVisible();
  await laptop.close();
  await phone.close();
});
