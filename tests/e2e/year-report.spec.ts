import fs from 'node:fs';

import { extractText } from 'unpdf';

import { zipEntries } from '../setup/zip';
import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

/**
 * The yearly report (issue 13 §3) in the browser: the werkgroep drafts this year's report,
 * writes in its summary live, adopts it and downloads it as .docx and PDF; every new page
 * passes axe at desktop and phone width.
 */
const YEAR = new Date().getFullYear();
const SUMMARY = 'Het bereik van de doelgroep groeide dit jaar in alle zeven gemeenten.';
const WIDTHS = [1280, 390] as const;
/** The summary's page, found by the first test (the specs of a file run in order). */
let summaryPath = '';

const MUNICIPALITIES = ['Beverwijk', 'Bloemendaal', 'Haarlem', 'Heemskerk', 'Heemstede', 'Velsen', 'Zandvoort'];

test('the werkgroep drafts the report of this year, writes its summary live, adopts it and downloads .docx and PDF', async ({ page }) => {
  // Five axe-core runs and two downloads: more than 90 s when the machine is busy.
  test.setTimeout(180_000);
  await login(page, ACCOUNTS.haarlem);
  // In the main navigation (folded on a phone).
  await expect(page.getByRole('link', { name: 'Jaarrapportages', exact: true, includeHidden: true })).toBeAttached();
  await page.goto('/jaarrapportages');
  await expect(page.getByRole('heading', { level: 1, name: 'Jaarrapportages' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: `Jaarrapportage ${YEAR} opstellen` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Jaarrapportage ${YEAR} (concept)` })).toBeVisible();
  await expect(page.getByText('De conceptrapportage is gemaakt.')).toBeVisible();
  // Filled from the year's data: the money and the monitor for every municipality.
  await expect(page.locator('#financien')).toContainText('Rijksbijdrage educatie (WEB)');
  for (const name of MUNICIPALITIES) await expect(page.locator('#monitor')).toContainText(name);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Samenvatting samen schrijven' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Samenvatting (jaarrapportage ${YEAR})` })).toBeVisible();
  summaryPath = new URL(page.url()).pathname;
  await expect(page.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Tekst van het onderdeel' });
  await editor.click();
  await page.keyboard.type(SUMMARY);
  await expect(editor).toContainText(SUMMARY);
  await expectAccessible(page);

  // Stored as typed: the report page (rendered on the server) shows it.
  await expect(async () => {
    await page.goto(`/jaarrapportages/${YEAR}`);
    await expect(page.locator('#samenvatting')).toContainText(SUMMARY, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });

  await page.getByRole('link', { name: 'Vaststellen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Jaarrapportage ${YEAR} vaststellen` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Ja, vaststellen' }).click();
  await expect(page.getByText('De jaarrapportage is vastgesteld als versie 1.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `Jaarrapportage ${YEAR}`, exact: true })).toBeVisible();
  await expect(page.locator('#samenvatting')).toContainText(SUMMARY);
  await expect(page.getByRole('button', { name: 'Nieuwe versie opstellen' })).toBeVisible();
  await expectAccessible(page);

  const docxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Als Word-document (.docx)' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toBe(`jaarrapportage-${YEAR}-versie-1.docx`);
  const word = zipEntries(fs.readFileSync(await docx.path())).get('word/document.xml')!;
  expect(word).toContain(SUMMARY);
  expect(word).toContain('Sturingsvragen');
  // An independent reader finds the sections, the seven municipalities and the money.
  for (const name of MUNICIPALITIES) expect(word).toContain(name);
  expect(word).toContain('Rijksbijdrage educatie (WEB)');

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Als PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`jaarrapportage-${YEAR}-versie-1.pdf`);
  const { text } = await extractText(new Uint8Array(fs.readFileSync(await pdf.path())), { mergePages: true });
  expect(text.replace(/\s+/g, ' ')).toContain(SUMMARY);
  expect(text).toContain(`Jaarrapportage ${YEAR}`);
  for (const name of MUNICIPALITIES) expect(text).toContain(name);
});

test('every yearly report page passes axe at desktop and phone width; a lezer reads along and cannot adopt', async ({ page }) => {
  // Eight pages through axe: more than the default 30 s on a busy machine.
  test.setTimeout(180_000);
  await login(page, ACCOUNTS.lezer);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/jaarrapportages');
    await expect(page.getByRole('heading', { level: 1, name: 'Jaarrapportages' })).toBeVisible();
    await expect(page.getByRole('button', { name: /opstellen/ })).toHaveCount(0);
    await expectAccessible(page);

    await page.goto(`/jaarrapportages/${YEAR}`);
    await expect(page.locator('#samenvatting')).toContainText(SUMMARY);
    await expect(page.getByRole('link', { name: 'Vaststellen', exact: true })).toHaveCount(0);
    await expectAccessible(page);

    await page.goto(`/jaarrapportages/${YEAR}/afdrukken`);
    await expect(page.getByRole('heading', { level: 1, name: `Jaarrapportage ${YEAR}` })).toBeVisible();
    await expectAccessible(page);

    await page.goto(summaryPath);
    await expect(page.getByText('Je leest deze tekst live mee')).toBeVisible();
    await expect(page.getByText(SUMMARY)).toBeVisible();
    await expectAccessible(page);
  }
  // The confirmation page is the werkgroep's: a lezer gets 403.
  const response = await page.goto(`/jaarrapportages/${YEAR}/vaststellen`);
  expect(response?.status()).toBe(403);
});

test('the werkgroep writes a text for a chapter live; it stands under the chapter on the page and in the .docx, and a lezer reads along', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // The report of the period's last year: its progress part has the chapters of 2020–2024.
  const year = 2024;
  const chapterText = 'De werving van vrijwilligers liep achter; de campagne in het najaar bracht veertig nieuwe taalmaatjes.';
  await login(page, ACCOUNTS.haarlem);
  await page.goto('/jaarrapportages');
  await page.getByLabel('Jaar', { exact: true }).fill(String(year));
  await page.getByRole('button', { name: 'Opstellen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Jaarrapportage ${year} (concept)` })).toBeVisible();
  const links = page.getByRole('navigation', { name: 'Toelichting per hoofdstuk' }).getByRole('link');
  expect(await links.count()).toBeGreaterThan(1);
  const linkName = (await links.first().textContent())!;
  const code = /^Toelichting bij (\S+) /.exec(linkName)![1];
  await expectAccessible(page);

  await links.first().click();
  await expect(page.getByRole('heading', { level: 1, name: `Toelichting hoofdstuk ${code} (jaarrapportage ${year})` })).toBeVisible();
  const chapterPath = new URL(page.url()).pathname;
  await expect(page.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Tekst van het onderdeel' });
  await editor.click();
  await page.keyboard.type(chapterText);
  await expect(editor).toContainText(chapterText);
  await expectAccessible(page);

  // Stored as typed: the page shows it in the progress part, right under the chapter's heading.
  await expect(async () => {
    await page.goto(`/jaarrapportages/${year}`);
    await expect(page.locator('#voortgang')).toContainText(`Toelichting: ${chapterText}`, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  const chapterHeading = page.locator('#voortgang h3', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')} `) });
  await expect(chapterHeading.locator('xpath=following-sibling::p[1]')).toContainText(chapterText);

  const docxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Als Word-document (.docx)' }).click();
  const word = zipEntries(fs.readFileSync(await (await docxDownload).path())).get('word/document.xml')!;
  expect(word).toContain(chapterText);

  // A lezer reads the chapter text along, without writing.
  const context = await browser.newContext();
  const lezer = await context.newPage();
  await login(lezer, ACCOUNTS.lezer);
  await lezer.goto(chapterPath);
  await expect(lezer.getByText('Je leest deze tekst live mee')).toBeVisible();
  await expect(lezer.getByText(chapterText)).toBeVisible();
  await expectAccessible(lezer);
  await context.close();
});
