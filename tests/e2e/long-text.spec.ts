import type { Page } from '@playwright/test';

import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

/**
 * Unbounded text (issue 11, defect 9): a text longer than its limit is refused beside the
 * field even when posted without the browser's help; a word longer than any line wraps
 * instead of widening the page; and an emptied accent is removed only after "Accent
 * verwijderen?".
 */

const CELL_LINK = /Zandvoort: accent bij 1\.3\.a-A/;
const FIELD = 'Accent van de gemeente';
const TOO_LONG = 'Het accent mag hoogstens 10.000 tekens lang zijn.';

async function openZandvoortCell(page: Page) {
  await page.goto('/accenten');
  await page.getByRole('link', { name: CELL_LINK }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lokaal accent Zandvoort — doel 1.3.a-A');
  return page.url();
}

async function saveAccent(page: Page, text: string) {
  await page.getByLabel(FIELD).fill(text);
  await page.getByRole('button', { name: 'Accent opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het accent is opgeslagen.' })).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scrollWidth, `${what} is wider than the screen`).toBeLessThanOrEqual(width);
}

test('a 30,000-character accent is refused beside the field, typed or posted directly, and changes nothing', async ({ page }) => {
  await login(page, ACCOUNTS.zandvoort);
  const url = await openZandvoortCell(page);
  const field = page.getByLabel(FIELD);
  const before = await field.inputValue();
  // The browser helps: it stops typing at the limit.
  await expect(field).toHaveAttribute('maxlength', '10000');

  // Without that help (the attribute removed, as an old page or a script would post).
  const huge = 'Ervaringsdeskundigen'.repeat(1500);
  await field.evaluate((el) => el.removeAttribute('maxlength'));
  await field.fill(huge);
  await page.getByRole('button', { name: 'Accent opslaan' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.field', { has: field }).getByText(TOO_LONG)).toBeVisible();
  await expect(page.getByText('Het formulier bevat fouten. Niets is opgeslagen.')).toBeVisible();
  await expectAccessible(page);

  // Posted straight to the server.
  const response = await page.request.post(url, { form: { body: huge }, headers: { Origin: new URL(url).origin } });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain(TOO_LONG);

  await page.goto(url);
  await expect(page.getByLabel(FIELD)).toHaveValue(before);
  await expect(page.getByRole('region', { name: 'Geschiedenis' })).not.toContainText('ErvaringsdeskundigenErvaringsdeskundigen');
});

test('a word longer than any line wraps on the accent, its history and the changes, at 1280 and 390 px', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await login(page, ACCOUNTS.zandvoort);
  const url = await openZandvoortCell(page);
  const before = await page.getByLabel(FIELD).inputValue();
  const word = 'Ervaringsdeskundigenbijeenkomst'.repeat(200); // 6,200 letters, no space
  await saveAccent(page, `Zandvoort werkt met ${word} en communicatiestrategieën.`);

  // The reader's view shows the whole text in a paragraph.
  const reader = await browser.newContext();
  const haarlem = await reader.newPage();
  await login(haarlem, ACCOUNTS.haarlem);
  try {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      for (const p of [page, haarlem]) {
        await p.setViewportSize(viewport);
        await p.goto(url);
        await expect(p.getByRole('region', { name: 'Geschiedenis' })).toContainText('Ervaringsdeskundigenbijeenkomst');
        await expectNoSidewaysScroll(p, `${url} at ${viewport.width} px`);
      }
      await expect(haarlem.locator('p.prose', { hasText: 'Ervaringsdeskundigenbijeenkomst' })).toBeVisible();
      for (const path of ['/wijzigingen', '/accenten']) {
        await page.goto(path);
        await expect(page.locator('main')).toContainText('Ervaringsdeskundigenbijeenkomst');
        await expectNoSidewaysScroll(page, `${path} at ${viewport.width} px`);
      }
    }
    // Running text is hyphenated (in Dutch: lang="nl"), form fields are not.
    await haarlem.goto(url);
    expect(await haarlem.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(
      await haarlem
        .locator('p.prose')
        .first()
        .evaluate((el) => getComputedStyle(el).hyphens),
    ).toBe('auto');
    await page.goto(url);
    expect(await page.getByLabel(FIELD).evaluate((el) => getComputedStyle(el).hyphens)).toBe('manual');
  } finally {
    await reader.close();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    await saveAccent(page, before);
  }
});

test('saving an empty accent asks "Accent verwijderen?" first (with JavaScript)', async ({ page }) => {
  await login(page, ACCOUNTS.zandvoort);
  const url = await openZandvoortCell(page);
  const field = page.getByLabel(FIELD);
  const before = await field.inputValue();
  expect(before).not.toBe('');

  let posted = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/accenten/')) posted++;
  });
  await field.fill('   ');
  await page.getByRole('button', { name: 'Accent opslaan' }).click();
  const question = page.getByRole('heading', { name: 'Accent verwijderen?' });
  await expect(question).toBeVisible();
  await expect(question).toBeFocused();
  expect(posted).toBe(0); // asked in the page, before anything is sent
  await expectAccessible(page);

  // No: the accent is as it was.
  await page.getByRole('link', { name: 'Nee, accent houden' }).click();
  await expect(page.getByLabel(FIELD)).toHaveValue(before);
  await page.reload();
  await expect(page.getByLabel(FIELD)).toHaveValue(before);

  // Yes: removed, and the old text is in the history.
  await page.getByLabel(FIELD).fill('');
  await page.getByRole('button', { name: 'Accent opslaan' }).click();
  await page.getByRole('button', { name: 'Ja, accent verwijderen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het accent is verwijderd.' })).toBeVisible();
  await expect(page.getByLabel(FIELD)).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Geschiedenis' })).toContainText(before.slice(0, 40));

  await page.goto(url);
  await saveAccent(page, before);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('saving an empty accent asks "Accent verwijderen?" from the server', async ({ page }) => {
    await login(page, ACCOUNTS.zandvoort);
    const url = await openZandvoortCell(page);
    const before = await page.getByLabel(FIELD).inputValue();

    await page.getByLabel(FIELD).fill('');
    await page.getByRole('button', { name: 'Accent opslaan' }).click();
    await expect(page.getByRole('heading', { name: 'Accent verwijderen?' })).toBeVisible();
    await page.goto(url);
    await expect(page.getByLabel(FIELD)).toHaveValue(before);

    await page.getByLabel(FIELD).fill('');
    await page.getByRole('button', { name: 'Accent opslaan' }).click();
    await page.getByRole('button', { name: 'Ja, accent verwijderen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het accent is verwijderd.' })).toBeVisible();
    await expect(page.getByLabel(FIELD)).toHaveValue('');

    await page.getByLabel(FIELD).fill(before);
    await page.getByRole('button', { name: 'Accent opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het accent is opgeslagen.' })).toBeVisible();
  });
});
