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
  test.setTimeout(90_000);
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
  test.setTimeout(90_000);
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
