import type { Locator, Page } from '@playwright/test';

import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

/**
 * Koers on a phone (390 px) and the accent matrix at 1280 px: every list shows its rows
 * as cards with Status and Voortgang on screen, the timeline's bars fit the screen, and
 * the navigation folds into a Menu button that works by keyboard (and without scripts
 * stays open).
 */

const PHONE = { width: 390, height: 844 };

/**
 * Scrolls the page (vertically only: a sideways scroll inside a table would hide the
 * problem) until the element is on screen, then expects it wholly within the viewport.
 */
async function expectOnScreen(locator: Locator, what: string) {
  await locator.evaluate((el) => window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - 120));
  await expect(locator, `${what} is wholly on screen`).toBeInViewport({ ratio: 1 });
}

async function expectNoSidewaysScroll(page: Page, path: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('every action list shows Status and Voortgang of its rows without a sideways scroll', async ({ page }) => {
    test.setTimeout(120_000);
    await login(page, ACCOUNTS.haarlem);
    await page.goto('/');
    const goal = await page.locator('a[href^="/doelen/"]').first().getAttribute('href');
    for (const path of ['/', '/acties', '/acties/mijn', goal!, '/tijdlijn?weergave=tabel']) {
      await test.step(path, async () => {
        await page.goto(path, { waitUntil: 'networkidle' });
        // The first shown rows of the page's lists (closed actions may be folded in a <details>).
        const rows = page.locator('table.card-table tbody tr').filter({ visible: true });
        await expect(rows.first()).toBeVisible();
        for (const row of [rows.first(), rows.nth(1)]) {
          const title = await row.getByRole('link').first().textContent();
          await expectOnScreen(row.locator('.status').first(), `the status of "${title}" on ${path}`);
          if (path !== '/tijdlijn?weergave=tabel') {
            await expectOnScreen(row.locator('.progress'), `the progress of "${title}" on ${path}`);
          }
        }
        await expectNoSidewaysScroll(page, path);
        await expectAccessible(page);
      });
    }
  });

  test('the list’s sort links show on screen when the keyboard reaches them, and sort', async ({ page }) => {
    await login(page, ACCOUNTS.haarlem);
    await page.goto('/acties', { waitUntil: 'networkidle' });
    const sortByTitle = page.locator('table.card-table thead a[href*="sort=titel"]');
    await sortByTitle.focus();
    await expect(sortByTitle).toBeFocused();
    // On a phone the header is clipped away (a list of cards); focused, it must be in view.
    await expect(sortByTitle).toBeInViewport({ ratio: 1 });
    await expectNoSidewaysScroll(page, '/acties with a sort link focused');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/sort=titel/);
  });

  test('the list sorts by touch too: the filter form has the sort fields', async ({ page }) => {
    await login(page, ACCOUNTS.haarlem);
    await page.goto('/acties', { waitUntil: 'networkidle' });
    await page.getByLabel('Sorteren op').selectOption({ label: 'Titel' });
    await page.getByLabel('Volgorde').selectOption({ label: 'Aflopend' });
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page).toHaveURL(/sort=titel&richting=af/);
    const titles = (await page.locator('table.card-table tbody th[scope="row"] > a').allTextContents()).map((title) => title.toLowerCase());
    expect(titles.length).toBeGreaterThan(1);
    // Descending as SQLite's `collate nocase` orders them.
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    // The form shows the sorting it made, and agenda order needs nothing in the address.
    await expect(page.getByLabel('Sorteren op')).toHaveValue('titel');
    await page.getByLabel('Sorteren op').selectOption({ label: 'Agendavolgorde (code)' });
    await page.getByLabel('Volgorde').selectOption({ label: 'Oplopend' });
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page).not.toHaveURL(/sort=titel/);
    await expectNoSidewaysScroll(page, '/acties sorted from the form');
  });

  test('the meetings, library, search results and changes lists fit the screen', async ({ page }) => {
    test.setTimeout(120_000);
    await login(page, ACCOUNTS.haarlem);
    const lists: { path: string; item: (page: Page) => Locator }[] = [
      { path: '/overleggen', item: (p) => p.locator('table.meeting-table tbody tr').first() },
      { path: '/kennisbank', item: (p) => p.getByRole('list', { name: 'Items in de kennisbank' }).getByRole('listitem').first() },
      { path: '/zoeken?q=taal', item: (p) => p.locator('.search-hit').first() },
      { path: '/wijzigingen', item: (p) => p.locator('.history-entry').first() },
    ];
    for (const { path, item } of lists) {
      await test.step(path, async () => {
        await page.goto(path, { waitUntil: 'networkidle' });
        await expect(item(page)).toBeVisible();
        await expectOnScreen(item(page), `the first item of ${path}`);
        await expectNoSidewaysScroll(page, path);
        await expectAccessible(page);
      });
    }
    // A meeting's status is on screen, with its date and place.
    await page.goto('/overleggen');
    await expectOnScreen(page.locator('table.meeting-table tbody tr').first().locator('.meeting-status'), 'a meeting status');
    await page.goto('/besluiten');
    await expectNoSidewaysScroll(page, '/besluiten');
  });

  test('the timeline draws every bar on the screen', async ({ page }) => {
    await login(page, ACCOUNTS.haarlem);
    await page.goto('/tijdlijn', { waitUntil: 'networkidle' });
    const bars = page.locator('.tl .tl-bar');
    expect(await bars.count()).toBeGreaterThan(10);
    for (const i of [0, 5, 10]) await expectOnScreen(bars.nth(i), `bar ${i}`);
    // All of them within the screen's width (no bar scrolled off to the side).
    const outside = await bars.evaluateAll(
      (els) =>
        els.filter((el) => {
          const box = el.getBoundingClientRect();
          return box.left < 0 || box.right > document.documentElement.clientWidth;
        }).length,
    );
    expect(outside).toBe(0);
    await expectNoSidewaysScroll(page, '/tijdlijn');
  });

  test('the navigation folds into a menu that opens and closes by keyboard', async ({ page }) => {
    test.setTimeout(60_000);
    await login(page, ACCOUNTS.haarlem);
    await page.goto('/acties', { waitUntil: 'networkidle' });
    const header = page.getByRole('banner');
    const menuButton = header.getByRole('button', { name: /^Menu/ });
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });

    // Folded: the header takes little of the first screen, the page starts right below it.
    const box = (await header.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(100);
    await expect(page.getByRole('heading', { level: 1, name: 'Acties' })).toBeInViewport();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await expectAccessible(page);

    // Past the skip link and the name to the button, open it with Enter: the links and the search field are there.
    for (let i = 0; i < 3 && !(await menuButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(menuButton).toBeFocused();
    const controls = await menuButton.getAttribute('aria-controls');
    await page.keyboard.press('Enter');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator(`#${controls}`)).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Tijdlijn' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: /Zoek/ }).first()).toBeVisible();
    await expectAccessible(page);
    // Tab goes on into the menu.
    await page.keyboard.press('Tab');
    expect(await page.evaluate((id) => document.getElementById(id!)?.contains(document.activeElement), controls)).toBe(true);

    // Escape folds it and gives the focus back to the button; Space opens it again.
    await page.keyboard.press('Escape');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(menuButton).toBeFocused();
    await expect(nav).toBeHidden();
    await page.keyboard.press('Space');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');

    // Following a link: the new page starts with the menu folded.
    await nav.getByRole('link', { name: 'Tijdlijn' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Tijdlijn' })).toBeVisible();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
  });
});

test.describe('on a phone without JavaScript', () => {
  test.use({ viewport: PHONE, javaScriptEnabled: false });

  test('the menu is open: every link can be reached', async ({ page }) => {
    await login(page, ACCOUNTS.beheerder);
    await page.goto('/acties');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const name of ['Agenda', 'Acties', 'Mijn acties', 'Tijdlijn', 'Bord', 'Lokale accenten', 'Overleggen', 'Kennisbank', 'Beheer']) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Menu/ })).toBeHidden();
  });
});

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const { email, municipality } of [
    { email: ACCOUNTS.zandvoort, municipality: 'Zandvoort' },
    { email: ACCOUNTS.haarlem, municipality: 'Haarlem' },
  ]) {
    test(`the accent matrix shows ${municipality}'s own column first, on screen`, async ({ page }) => {
      await login(page, email);
      await page.goto('/accenten', { waitUntil: 'networkidle' });
      const matrix = page.getByRole('table', { name: /Lokale accenten per doel/ });
      const headers = matrix.getByRole('columnheader');
      await expect(headers.nth(1)).toHaveText(`${municipality} (uw gemeente)`);
      await expect(headers.nth(1)).toBeInViewport({ ratio: 1 });
      // The user's own accent cell, with its edit link, is in view without scrolling the table.
      const own = matrix.getByRole('link', { name: new RegExp(`^Bewerken — ${municipality}: accent bij`) }).first();
      await expectOnScreen(own, `${municipality}'s edit link`);
      await expectAccessible(page);
    });
  }
});
