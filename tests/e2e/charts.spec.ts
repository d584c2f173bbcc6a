import type { Locator, Page } from '@playwright/test';

import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

/**
 * The charts of the agenda overview and the accent matrix: a drawing with a text
 * alternative and the same figures in a table, on a wide screen and a phone, with and
 * without JavaScript, and in print.
 */

// Each test logs in, reads a drawing and a table cell by cell, and runs axe-core over a long page.
test.describe.configure({ timeout: 60_000 });

const PROGRESS_TITLE = 'Regionale acties per hoofdstuk, naar status';
const COVERAGE_TITLE = 'Welke gemeente heeft bij welk doel een accent';

/** The rendered size of the drawing's text: the SVG's width on screen over its design width, times the 14-unit font. */
async function smallestTextPx(svg: Locator) {
  return svg.evaluate((el) => {
    const box = (el as SVGSVGElement).getBoundingClientRect();
    const scale = box.width / (el as SVGSVGElement).viewBox.baseVal.width;
    const sizes = Array.from(el.querySelectorAll('text')).map((t) => Number(getComputedStyle(t).fontSize.replace('px', '')));
    return Math.min(...sizes) * scale;
  });
}

/** Every text of the drawing lies inside the drawing (nothing cut off at the edge). */
async function textOutsideDrawing(svg: Locator) {
  return svg.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return Array.from(el.querySelectorAll('text'))
      .filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
      })
      .map((t) => t.textContent);
  });
}

async function expectProgressChart(page: Page) {
  const figure = page.getByRole('figure', { name: PROGRESS_TITLE });
  await expect(figure).toBeVisible();
  // The drawing is an image whose name carries the figures in words.
  const image = figure.getByRole('img', { name: /1\.3\.a Bereik NT1-ers: \d+ acties, waarvan \d+ afgerond/ });
  await expect(image).toBeVisible();
  const svg = figure.locator('svg');
  await expect(svg.locator('title')).toHaveText(PROGRESS_TITLE);
  await expect(svg.locator('desc')).toContainText(/1\.3\.b Bereik jongvolwassenen en ouders: \d+ acties/);
  expect(await smallestTextPx(svg)).toBeGreaterThanOrEqual(10.5);
  expect(await textOutsideDrawing(svg)).toEqual([]);

  // The same figures as a table: every row adds up to its total, the totals row to the page's count.
  const table = figure.getByRole('table', { name: `${PROGRESS_TITLE}: de cijfers` });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText([
    'Hoofdstuk',
    'Afgerond',
    'Loopt',
    'Besluit nodig',
    'Niet gestart',
    'Te laat',
    'Vervallen',
    'Totaal',
  ]);
  const rows = await table
    .locator('tbody tr, tfoot tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent))));
  for (const cells of rows) expect(cells.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(cells[cells.length - 1]);
  const total = rows[rows.length - 1].at(-1);
  await expect(page.locator('.overview-totals p').first()).toContainText(`${total} acties`);
  // Numbers right-aligned.
  expect(
    await table
      .locator('tbody td')
      .first()
      .evaluate((td) => getComputedStyle(td).textAlign),
  ).toBe('right');
  await expect(figure.getByText(/^Te laat: de termijn is voorbij/)).toBeVisible();
}

async function expectCoverageChart(page: Page) {
  const figure = page.getByRole('figure', { name: COVERAGE_TITLE });
  await expect(figure).toBeVisible();
  await expect(figure.getByRole('img', { name: /Zandvoort: accent bij \d+ van de \d+ doelen/ })).toBeVisible();
  const svg = figure.locator('svg');
  expect(await smallestTextPx(svg)).toBeGreaterThanOrEqual(10.5);
  expect(await textOutsideDrawing(svg)).toEqual([]);
  // Not colour alone: a cell with an accent says "ja" in the drawing, and in the table.
  await expect(svg.locator('text', { hasText: /^ja/ }).first()).toBeVisible();
  const table = figure.getByRole('table', { name: `${COVERAGE_TITLE}: de cijfers` });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Doel',
    'Beverwijk',
    'Bloemendaal',
    'Haarlem',
    'Heemskerk',
    'Heemstede',
    'Velsen',
    'Zandvoort',
  ]);
  const row = table.getByRole('row', { name: /^1\.3\.a-A / });
  await expect(row.getByRole('cell').last()).toHaveText(/^ja/);
  // The drawing marks as many cells "ja" as the table.
  const drawn = await svg.locator('g.chart__marks text').allTextContents();
  const tabled = await table.locator('tbody td').allTextContents();
  expect(drawn.filter((mark) => mark.startsWith('ja')).length).toBe(tabled.filter((cell) => cell.startsWith('ja')).length);
}

for (const { width, height } of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('the overview shows the progress chart with its text alternative and table', async ({ page }) => {
      await login(page, ACCOUNTS.lezer);
      await page.goto('/', { waitUntil: 'networkidle' });
      await expectProgressChart(page);
      await expectAccessible(page);
    });

    test('the accent matrix shows the coverage heatmap with its text alternative and table', async ({ page }) => {
      await login(page, ACCOUNTS.adviseur);
      await page.goto('/accenten', { waitUntil: 'networkidle' });
      await expectCoverageChart(page);
      await expectAccessible(page);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('both charts are drawn by the server, with their tables', async ({ page }) => {
    await login(page, ACCOUNTS.haarlem);
    await page.goto('/');
    await expectProgressChart(page);
    await page.goto('/accenten');
    await expectCoverageChart(page);
    // axe-core needs script in the page; the markup is the same the tests above check with it.
  });
});

test('the chart and its table both print', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  await page.goto('/?lokaal=ja');
  await page.emulateMedia({ media: 'print' });
  const figure = page.getByRole('figure', { name: 'Alle acties (regionaal en lokaal) per hoofdstuk, naar status' });
  await expect(figure.locator('svg')).toBeVisible();
  await expect(figure.getByRole('table')).toBeVisible();
  await expect(figure.getByRole('table').getByRole('row', { name: /^Totaal/ })).toBeVisible();
});
