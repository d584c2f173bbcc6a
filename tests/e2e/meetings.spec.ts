import { ACCOUNTS, expect, expectAccessible, expectNoEditControls, login, test } from './fixtures';

const SERIES_TITLE = 'Ambtelijke werkgroep basisvaardigheden';

test('a werkgroeplid plans a meeting, builds its agenda, uses "Agenda voorstellen" and marks attendance, by keyboard', async ({ page }) => {
  await login(page, ACCOUNTS.velsen);
  await page.goto('/overleggen');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Nieuw overleg' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw overleg' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Titel').fill('Kennisdeling Digi Sterker');
  await page.getByLabel('Soort overleg').selectOption({ label: 'Kennisdeling' });
  await page.getByLabel('Datum').fill('2031-03-12');
  await page.getByLabel('Begintijd').fill('14:00');
  await page.getByLabel('Duur in minuten').fill('90');
  await page.getByLabel('Plaats of online link').fill('Bibliotheek IJmuiden');
  await page.getByRole('checkbox', { name: 'Fatima El Amrani' }).check();
  await page.getByLabel('Naam gast 1').fill('Karin Smit');
  await page.getByLabel('Organisatie gast 1').fill('Taalhuis Velsen');
  await page.getByRole('button', { name: 'Overleg plannen' }).press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kennisdeling Digi Sterker');
  await expect(page.locator('.notice--success')).toContainText('Het overleg is gepland');
  await expect(page.getByText('12 mrt. 2031 om 14:00–15:30')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notities (live)' })).toHaveAttribute('href', /\/overleggen\/\d+\/notities$/);
  await expect(page.getByRole('link', { name: 'Verslag' })).toHaveAttribute('href', /\/overleggen\/\d+\/verslag$/);

  // Two agenda points by hand.
  for (const title of ['Opening', 'Ervaringen met Digi Sterker']) {
    await page.getByRole('textbox', { name: 'Titel' }).fill(title);
    await page.getByRole('textbox', { name: 'Titel' }).press('Enter');
    await expect(page.getByRole('rowheader', { name: title })).toBeVisible();
  }
  // A point about an action: typed by its code. The period's few actions are also offered in the field's list.
  const actionField = page.getByLabel('Actie (optioneel)');
  const offered = page.locator(`datalist[id="${await actionField.getAttribute('list')}"] option`);
  await expect(offered.and(page.locator('[value="1.3.a-A3 — We ontwikkelen een aanpak begrijpelijke communicatie"]'))).toHaveCount(1);
  expect(await offered.count()).toBeLessThanOrEqual(60);
  await page.getByRole('textbox', { name: 'Titel' }).fill('Begrijpelijke communicatie');
  await actionField.fill('1.3.a-Z9');
  await actionField.press('Enter');
  await expect(page.getByText('Er is geen actie van 2020–2024 met de code of titel "1.3.a-Z9".', { exact: false })).toBeVisible();
  await expect(actionField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('rowheader', { name: 'Begrijpelijke communicatie' })).toHaveCount(0);
  await actionField.fill('1.3.a-A3');
  await actionField.press('Enter');
  const linked = page.getByRole('row', { name: /Begrijpelijke communicatie/ });
  await expect(linked.getByRole('link', { name: /We ontwikkelen een aanpak begrijpelijke communicatie/ })).toBeVisible();
  await linked.getByRole('link', { name: 'Begrijpelijke communicatie bewerken' }).click();
  await expect(page.getByLabel('Actie (optioneel)')).toHaveValue('1.3.a-A3 — We ontwikkelen een aanpak begrijpelijke communicatie');
  await expectAccessible(page);
  await page.goBack();

  await page.getByRole('button', { name: 'Ervaringen met Digi Sterker omhoog' }).press('Enter');
  await expect(page.locator('table.agenda-table tbody th').first()).toHaveText('Ervaringen met Digi Sterker');

  // "Agenda voorstellen": proposals with checkboxes; the decisions needed are checked.
  await page.getByRole('button', { name: 'Agenda voorstellen' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda voorstellen' })).toBeVisible();
  await expectAccessible(page);
  const proposal = page.getByRole('checkbox', { name: /Besluit nodig: We ontwikkelen een werkgeversaanpak/ });
  await expect(proposal).toBeChecked();
  await page.getByRole('button', { name: 'Op de agenda zetten' }).press('Enter');
  await expect(page.locator('.notice--success')).toContainText(/agendapunt(en)? toegevoegd/);
  await expect(page.getByRole('rowheader', { name: /Besluit nodig: We ontwikkelen een werkgeversaanpak/ })).toBeVisible();

  // Attendance, one button per person.
  await page.getByRole('button', { name: 'Fatima El Amrani aanwezig' }).press('Enter');
  await expect(page.getByRole('button', { name: 'Fatima El Amrani aanwezig' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Karin Smit afwezig' }).press('Enter');
  await expect(page.getByRole('row', { name: /Karin Smit/ })).toContainText('afwezig');
  await expectAccessible(page);
});

test('the lezer reads the list and a past meeting with its decisions and produced actions, without edit controls', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  await page.goto('/overleggen');
  await expect(page.getByRole('heading', { level: 2, name: 'Komende overleggen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nieuw overleg' })).toHaveCount(0);
  await expectAccessible(page);

  await page
    .getByRole('table', { name: /Eerdere overleggen/ })
    .getByRole('link', { name: SERIES_TITLE })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SERIES_TITLE);
  await expect(page.getByRole('heading', { level: 2, name: 'Besluiten in dit overleg' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Acties uit dit overleg' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Agenda voorstellen' })).toHaveCount(0);
  await expectNoEditControls(page);
  await expectAccessible(page);

  const response = await page.goto('/overleggen/nieuw');
  expect(response?.status()).toBe(403);
});

test('the account page offers a calendar subscription whose address serves an iCalendar feed', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  await page.goto('/account');
  // No address yet: no steps that say "copy the address above".
  await expect(page.getByRole('heading', { name: 'Abonneren in Outlook' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Agenda-abonnement aanmaken' }).click();
  const url = await page.getByLabel('Adres van uw agenda-abonnement').inputValue();
  expect(url).toMatch(/\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByRole('heading', { name: 'Abonneren in Outlook' })).toBeVisible();
  await expectAccessible(page);

  // Renewing breaks the old address: without the tick nothing changes.
  await page.getByRole('button', { name: 'Nieuw adres maken' }).click();
  await expect(page.getByText('Vink aan dat het oude adres niet meer mag werken; er is niets veranderd.')).toBeVisible();
  await expect(page.getByLabel('Adres van uw agenda-abonnement')).toHaveValue(url);
  await expectAccessible(page);
  const feed = await page.request.get(url);
  expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await feed.text()).toContain(SERIES_TITLE);
});
