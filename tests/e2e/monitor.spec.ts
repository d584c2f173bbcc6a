import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';

import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

const HEADER = 'indicator;gemeente;jaar;uitsplitsing;waarde;respondenten;volledigheid;bron';

async function importFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.goto('/monitor/import');
  await page.getByLabel('Periode van de levering').selectOption('2020-2024');
  await page.getByLabel(/Bestand/).setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Voorbeeld' })).toBeVisible();
}

/** The figure of Zandvoort in a year, as the chart's table of IN-BEREIK shows it. */
async function zandvoortCell(page: Page, year: number) {
  const table = page.getByRole('table', { name: /Bereikte inwoners uit de doelgroep/ });
  const columns = await table.locator('thead th').allTextContents();
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Zandvoort', exact: true }) });
  return row.locator('td').nth(columns.indexOf(String(year)) - 1);
}

test.describe('the monitor', () => {
  test('a gemeente user imports its figures from .csv and .xlsx and sees the chart table change', async ({ page }) => {
    test.setTimeout(90_000);
    await login(page, ACCOUNTS.zandvoort);
    await page.goto('/monitor');
    await page.getByRole('link', { name: 'Zandvoort', exact: true }).first().click();
    const zandvoort = page.url().split('/').pop()!;
    const view = `/monitor?indicator=IN-BEREIK&gemeente=${zandvoort}`;

    // .csv: a figure of 2024
    await importFile(page, 'levering.csv', 'text/csv', Buffer.from(`${HEADER}\nIN-BEREIK;Zandvoort;2024;;555;;2 van 3 aanbieders;Qwasp\n`));
    await expect(page.getByText('0 nieuw, 1 gewijzigd, 0 ongewijzigd.')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De cijfers zijn geïmporteerd: 0 nieuw, 1 gewijzigd.' })).toBeVisible();
    await page.goto(view);
    await expect(await zandvoortCell(page, 2024)).toHaveText('555');
    await expect(page.getByText('Zandvoort 2024: 2 van 3 aanbieders')).toBeVisible();

    // .xlsx: a figure of 2023
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cijfers');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow(['IN-BEREIK', 'Zandvoort', 2023, '', 444, '', '', 'Qwasp']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await importFile(page, 'levering.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx);
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'geïmporteerd' })).toBeVisible();
    await page.goto(view);
    await expect(await zandvoortCell(page, 2023)).toHaveText('444');
  });

  test('a file with errors shows each with row and column and stores nothing', async ({ page }) => {
    await login(page, ACCOUNTS.zandvoort);
    const csv = `${HEADER}\nIN-BEREIK;Haarlem;2024;;10;;;\nIN-BEREIK;Zandvoort;2024;;=1+1;;;\n`;
    await importFile(page, 'fout.csv', 'text/csv', Buffer.from(csv));
    const errors = page.getByRole('table', { name: /fouten: er is niets opgeslagen/ });
    await expect(errors.getByRole('row')).toHaveCount(3);
    await expect(errors).toContainText('U mag geen cijfers van Haarlem importeren');
    await expect(errors).toContainText('E (waarde)');
    await expect(page.getByRole('button', { name: 'Importeren bevestigen' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('the working group puts an indicator on the next meeting; an adviser asks about the figures', async ({ page, browser }) => {
    test.setTimeout(90_000);
    await login(page, ACCOUNTS.haarlem);
    await page.goto('/monitor/indicatoren/IN-BEREIK');
    const question = `Bereik in Velsen blijft achter: wat doen we? (${Date.now()})`;
    await page.getByLabel('Wat wil de werkgroep bespreken of besluiten?').fill(question);
    await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Het agendapunt staat op de agenda van het volgende werkgroepoverleg.' }),
    ).toBeVisible();
    // The form is empty again for the next question.
    await expect(page.getByLabel('Wat wil de werkgroep bespreken of besluiten?')).toHaveValue('');
    await page.getByRole('link', { name: question }).click();
    await expect(page).toHaveURL(/\/overleggen\/\d+$/);
    await expect(page.getByText(question).first()).toBeVisible();

    const adviserContext = await browser.newContext();
    const adviser = await adviserContext.newPage();
    await login(adviser, ACCOUNTS.adviseur);
    await adviser.goto('/monitor/indicatoren/IN-BEREIK');
    // The adviser sees where it was put on the agenda and comments, but gets no steering form.
    await expect(adviser.getByRole('link', { name: question })).toBeVisible();
    await expect(adviser.getByRole('button', { name: 'Op de agenda zetten' })).toHaveCount(0);
    const comment = `Waar komt de daling in 2021 vandaan? (${Date.now()})`;
    await adviser.getByLabel('Nieuwe reactie').fill(comment);
    await adviser.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await expect(adviser.locator('.comment__body', { hasText: comment })).toBeVisible();
    await expectAccessible(adviser);
    await adviserContext.close();
  });

  // One test per page and width: axe over a page of eleven charts with their tables takes a while.
  const pages = [
    '/monitor',
    '/monitor?niveau=outcome',
    '/monitor/indicatoren',
    '/monitor/indicatoren/UIT-TAAL',
    '/monitor/indicatoren/UIT-TAAL/bewerken',
    '/monitor/import',
    'gemeente',
  ];
  for (const width of [1280, 390]) {
    for (const path of pages) {
      test(`${path} passes axe at ${width} px`, async ({ page }) => {
        test.setTimeout(90_000);
        await page.setViewportSize({ width, height: 900 });
        await login(page, ACCOUNTS.haarlem);
        if (path === 'gemeente') {
          await page.goto('/monitor?indicator=IN-BEREIK');
          await expect(page.getByText('Voorbeeldcijfers').first()).toBeVisible();
          await page.getByRole('link', { name: 'Heemstede', exact: true }).first().click();
          await expect(page.getByRole('heading', { level: 1, name: 'Monitor Heemstede' })).toBeVisible();
        } else {
          await page.goto(path);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        }
        await expectAccessible(page);
      });
    }
  }
});
