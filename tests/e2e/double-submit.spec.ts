import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';

import { ACCOUNTS, expect, login, test, waitPastLiveUpdate } from './fixtures';

/**
 * A double click, or the same form sent twice, creates one thing (issue 11, defect 3;
 * decision 016): a meeting, its agenda proposals, a decision in the notes, a library item,
 * and an invitation — whose second answer shows the same, working link.
 */
test.describe.configure({ timeout: 120_000 });

const database = `/tmp/koers-e2e-${Number(process.env.E2E_PORT ?? 3210)}.sqlite`;

/** One number from the e2e server's database. */
function countOf(sql: string, ...params: unknown[]): number {
  const db = new Database(database, { readonly: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The fields a form would send now, in order (repeated names kept). */
function formFields(form: Locator): Promise<[string, string][]> {
  return form.evaluate((el) =>
    [...new FormData(el as HTMLFormElement).entries()].map(([name, value]) => [name, String(value)] as [string, string]),
  );
}

/** Sends those fields again, as a resent request would (the page's own session, same-site Origin). */
function resend(page: Page, path: string, fields: [string, string][]) {
  return page.request.post(path, {
    data: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
}

test('a double-clicked "Overleg plannen" and "Op de agenda zetten" plan one meeting with each proposal once', async ({ page }) => {
  await login(page, ACCOUNTS.velsen);
  await page.goto('/overleggen/nieuw');
  const title = `Dubbel geklikt overleg ${Date.now()}`;
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Datum').fill('2031-06-18');
  await page.getByLabel('Begintijd').fill('10:00');
  const fields = await formFields(page.locator('form.meeting-form'));
  expect(Object.fromEntries(fields).submissionKey).toMatch(/.{8,}/);
  await page.getByRole('button', { name: 'Overleg plannen' }).dblclick();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await waitPastLiveUpdate(page);
  // The same form sent once more: still one meeting, and the answer leads to it.
  const again = await resend(page, '/overleggen/nieuw', fields);
  expect(again.status()).toBe(302);
  expect(new URL(page.url()).pathname).toBe(again.headers().location.split('?')[0]);
  expect(countOf('select count(*) as n from meetings where title = ?', title)).toBe(1);
  const meetingId = Number(new URL(page.url()).pathname.split('/').pop());

  await page.getByRole('button', { name: 'Agenda voorstellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda voorstellen' })).toBeVisible();
  const proposals = await formFields(page.locator('form.proposals-form'));
  expect(proposals.filter(([name]) => name === 'proposal').length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Op de agenda zetten' }).dblclick();
  await expect(page.locator('.notice--success')).toContainText(/agendapunt(en)? toegevoegd/);
  await waitPastLiveUpdate(page);
  await resend(page, `/overleggen/${meetingId}/agenda-voorstellen`, proposals);
  const points = countOf('select count(*) as n from agenda_points where meeting_id = ?', meetingId);
  expect(points).toBe(proposals.filter(([name]) => name === 'proposal').length);
  expect(
    countOf(
      'select count(*) as n from (select title from agenda_points where meeting_id = ? group by title having count(*) > 1)',
      meetingId,
    ),
  ).toBe(0);
});

test('a double-clicked "Besluit vastleggen" in the notes records one decision', async ({ page }) => {
  const db = new Database(database);
  const { id: meetingId } = db
    .prepare(
      "insert into meetings (title, kind, starts_at) values ('Werkgroep dubbel besluit', 'werkgroep', '2025-03-11T09:00:00.000Z') returning id",
    )
    .get() as { id: number };
  db.prepare("insert into agenda_points (meeting_id, title, position) values (?, 'Taalakkoord', 1)").run(meetingId);
  db.close();

  await login(page, ACCOUNTS.haarlem);
  await page.goto(`/overleggen/${meetingId}/notities`);
  await expect(page.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible();
  await page.getByRole('button', { name: 'Besluit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Besluit vastleggen' });
  const text = `Eén besluit, twee klikken (${Date.now()}).`;
  await dialog.getByLabel('Besluit', { exact: true }).fill(text);
  const fields = await formFields(dialog.locator('form'));
  expect(Object.fromEntries(fields).submissionKey).toMatch(/^notes:[0-9a-f]{32}$/);
  await dialog.getByRole('button', { name: 'Besluit vastleggen' }).dblclick();
  const editor = page.getByRole('textbox', { name: 'Notities van het overleg' });
  await expect(editor.locator('.notes-item--decision')).toContainText(text);
  await waitPastLiveUpdate(page);
  await expect(editor.locator('.notes-item--decision')).toHaveCount(1);
  // The dialog's request sent again (a retry after a lost answer): the same decision back.
  const again = await resend(page, `/overleggen/${meetingId}/besluit`, fields);
  expect(again.status()).toBe(201);
  expect(countOf('select count(*) as n from decisions where text = ?', text)).toBe(1);
  expect(((await again.json()) as { decisionId: number }).decisionId).toBe(countOf('select id as n from decisions where text = ?', text));
});

test('a double-clicked "Toevoegen" in the library adds one item', async ({ page }) => {
  await login(page, ACCOUNTS.zandvoort);
  await page.goto('/kennisbank/nieuw?soort=link');
  const title = `Taalhuis Zandvoort, dubbel geklikt (${Date.now()})`;
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Adres (URL)').fill('www.taalhuiszandvoort.nl');
  await page.getByRole('button', { name: 'Toevoegen' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await waitPastLiveUpdate(page);
  expect(countOf('select count(*) as n from library_items where title = ?', title)).toBe(1);
});

test('a double-clicked "Uitnodigen" invites once and shows a link that works', async ({ page, browser }) => {
  await login(page, ACCOUNTS.beheerder);
  await page.goto('/beheer/gebruikers/nieuw');
  const email = `dubbel.${Date.now()}@heemstede.nl`;
  await page.getByLabel('Naam', { exact: true }).fill('Daan Dubbelklik');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Rol').selectOption({ label: 'Werkgroeplid' });
  await page.getByLabel('Organisatie').selectOption({ label: 'Heemstede' });
  const fields = await formFields(page.locator('main form'));
  await page.getByRole('button', { name: 'Uitnodigen' }).dblclick();
  await expect(page.getByRole('status')).toContainText('Daan Dubbelklik is toegevoegd.');
  await waitPastLiveUpdate(page);
  const link = await page.getByLabel('Uitnodigingslink (eenmalig)').inputValue();
  expect(link).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText('Er is al een gebruiker met dit e-mailadres.')).toHaveCount(0);
  expect(countOf('select count(*) as n from users where email = ?', email)).toBe(1);

  // The form sent once more answers the same link, and invites nobody new.
  const again = await resend(page, '/beheer/gebruikers/nieuw', fields);
  expect(again.status()).toBe(201);
  expect(await again.text()).toContain(new URL(link).pathname);
  expect(countOf('select count(*) as n from users where email = ?', email)).toBe(1);

  // The link shown is the one that works.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole('heading', { level: 1, name: 'Welkom bij Koers' })).toBeVisible();
  await context.close();
});
