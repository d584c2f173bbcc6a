import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

import mammoth from 'mammoth';

import { ACCOUNTS, expect, expectAccessible, forgedPost, login, test } from './fixtures';

/**
 * "Verslag vaststellen" in the browser: an editor publishes the notes of a meeting (with
 * the no-JS confirmation step), the minutes page shows them, and the .docx downloads
 * under its name. The meeting and its notes are written straight into the server's
 * database by tests/e2e/minutes-seed.ts (see there why), so this spec does not depend on
 * the meetings pages or on typing into the live editor.
 */

const TITLE = 'Werkgroep coördinatie e2e';
const NOTES = [
  'Het Taalhuis in Velsen is geopend; de reünie van vrijwilligers was een succes.',
  'Volgende keer: de campagne in België bespreken.',
];

/** The database the webServer of playwright.config.ts uses for this port. */
function seedMeeting(baseURL: string): number {
  const database = `/tmp/koers-e2e-${new URL(baseURL).port}.sqlite`;
  const out = execFileSync('npx', ['tsx', 'tests/e2e/minutes-seed.ts', TITLE, ...NOTES], {
    env: { ...process.env, KOERS_DATABASE: database },
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { meetingId: number }).meetingId;
}

let meetingId: number;

// The lezer reads what the editor published.
test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  meetingId = seedMeeting(test.info().project.use.baseURL!);
});

test('an editor publishes the minutes; the page shows the notes and the .docx downloads', async ({ page }) => {
  const path = `/overleggen/${meetingId}/verslag`;
  await login(page, ACCOUNTS.haarlem);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: `Verslag: ${TITLE}` })).toBeVisible();
  // After the meeting, before adoption: the concept, which is what adopting freezes.
  await expect(page.getByRole('heading', { level: 2, name: 'Concept verslag' })).toBeVisible();
  await expectAccessible(page);

  // The confirmation step: without the tick nothing is published.
  await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
  await expect(page.getByText('Vink aan dat u het verslag wilt vaststellen.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Alle vastgestelde versies van dit verslag' })).toHaveCount(0);

  await page.getByRole('checkbox', { name: /Ik bevestig/ }).check();
  await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
  await expect(page.getByRole('status')).toHaveText('Versie 1 van het verslag is vastgesteld.');
  // Version 2 needs its own deliberate tick: the form comes back clean.
  await expect(page.getByRole('heading', { level: 2, name: 'Nieuwe versie vaststellen' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Ik bevestig/ })).not.toBeChecked();
  await expect(page.getByRole('heading', { level: 3, name: 'Opening en mededelingen' })).toBeVisible();
  for (const line of NOTES) await expect(page.getByText(line)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Alle vastgestelde versies van dit verslag' }).getByRole('row')).toHaveCount(2);
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download als Word (.docx)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('verslag-2024-05-14-werkgroep-coördinatie-e2e.docx');
  const { value: html } = await mammoth.convertToHtml({ buffer: fs.readFileSync(await download.path()) });
  expect(html).toContain(`<h1>Verslag: ${TITLE} 14 mei 2024</h1>`);
  expect(html).toContain('<h3>Opening en mededelingen</h3>');
  expect(html).toContain(NOTES[0]);

  const pdfHref = await page.getByRole('link', { name: 'Download als PDF' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toContain('filename="verslag-2024-05-14-werkgroep-coordinatie-e2e.pdf"');
});

test('a lezer reads and downloads the minutes but cannot publish them', async ({ page }) => {
  const path = `/overleggen/${meetingId}/verslag`;
  await login(page, ACCOUNTS.lezer);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: `Verslag: ${TITLE}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verslag vaststellen' })).toHaveCount(0);
  expect((await forgedPost(page, path, { intent: 'publish', confirm: 'ja' })).status()).toBe(403);
  expect((await page.request.get(`${path}.docx`)).status()).toBe(200);
  await expect(page.getByRole('table', { name: 'Alle vastgestelde versies van dit verslag' }).getByRole('row')).toHaveCount(2);
  await expectAccessible(page);
});
