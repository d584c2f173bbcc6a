import { gzipSync } from 'node:zlib';

import type { Page, Response } from '@playwright/test';

import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

/**
 * Every page each role can open, checked by axe-core (no serious or critical violation),
 * with one h1 each; the phone layout; and the JavaScript budget of pages without the editor.
 */

type Role = 'beheerder' | 'werkgroeplid' | 'gemeente' | 'adviseur' | 'lezer';

const ROLES: { role: Role; email: string }[] = [
  { role: 'beheerder', email: ACCOUNTS.beheerder },
  { role: 'werkgroeplid', email: ACCOUNTS.haarlem },
  { role: 'gemeente', email: ACCOUNTS.zandvoort },
  { role: 'adviseur', email: ACCOUNTS.adviseur },
  { role: 'lezer', email: ACCOUNTS.lezer },
];

const ZANDVOORT_ACTION = /^Taalcafé in de bibliotheek Zandvoort/;

/** The first link on the page whose address matches, as a path. */
async function firstHref(page: Page, pattern: RegExp) {
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return href!;
}

/** The pages of this role: everything it can read, and the forms it may use. */
async function pagesFor(page: Page, role: Role) {
  await page.goto('/');
  const goal = await firstHref(page, /^\/doelen\/\d+$/);
  const action = await firstHref(page, /^\/acties\/\d+$/);
  const theme = (await firstHref(page, /^#thema-\d+$/)).slice('#thema-'.length);
  await page.goto('/accenten');
  const accentCell = await firstHref(page, /^\/accenten\/\d+\/\d+$/);
  await page.goto('/periodes/2020-2024');
  const chapterText = await firstHref(page, /^\/periodes\/2020-2024\/hoofdstukken\/\d+$/);
  const pages = [
    '/',
    '/?lokaal=ja',
    goal,
    action,
    '/acties',
    '/acties?status=loopt&telaat=1',
    '/acties/mijn',
    '/tijdlijn',
    '/tijdlijn?weergave=tabel',
    '/bord',
    '/accenten',
    accentCell,
    '/wijzigingen',
    '/account',
    '/account/tweestapsverificatie',
    '/periodes',
    '/periodes/2020-2024',
    '/?periode=2020-2024',
    chapterText,
    `${chapterText}/balans`,
  ];
  if (role === 'beheerder' || role === 'werkgroeplid') {
    pages.push('/acties/nieuw', `${action}/bewerken`, `${goal}/bewerken`, `/themas/${theme}/bewerken`, '/periodes/2020-2024/afsluiten');
  }
  if (role === 'gemeente') {
    // Zandvoort's own accent cell (with its form) and a local action of Zandvoort.
    await page.goto('/accenten');
    const own = await page
      .getByRole('link', { name: /Zandvoort: accent bij/ })
      .first()
      .getAttribute('href');
    await page.goto('/?lokaal=ja');
    const local = await page.getByRole('link', { name: ZANDVOORT_ACTION }).getAttribute('href');
    pages.push(own!, '/acties/nieuw', `${local}/bewerken`);
  }
  if (role === 'beheerder') {
    await page.goto('/beheer/gebruikers');
    const user = await firstHref(page, /^\/beheer\/gebruikers\/\d+$/);
    pages.push('/beheer', '/beheer/gebruikers', '/beheer/gebruikers/nieuw', user, '/beheer/organisaties', '/beheer/tweestapsverificatie');
  }
  return pages;
}

for (const { role, email } of ROLES) {
  test(`every page the ${role} can open passes axe-core`, async ({ page }) => {
    // 15–20 pages with axe-core: 35–55 s on a quiet machine; room for a loaded one.
    test.setTimeout(240_000);
    await login(page, email);
    const pages = await pagesFor(page, role);
    for (const path of pages) {
      await test.step(path, async () => {
        const response = await page.goto(path);
        expect(response?.status(), `${path} answers 200`).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
        await expectAccessible(page);
      });
    }
  });
}

test('the pages a role may not open answer 403, and are accessible too', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  for (const path of ['/acties/nieuw', '/beheer']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expectAccessible(page);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("nothing overflows the screen sideways except inside a chart's table of figures", async ({ page }) => {
    test.setTimeout(60_000);
    await login(page, ACCOUNTS.haarlem);
    const lists = ['/', '/acties', '/acties/mijn', '/tijdlijn', '/tijdlijn?weergave=tabel', '/accenten', '/bord'];
    for (const path of [...lists, '/wijzigingen', '/overleggen', '/besluiten', '/kennisbank', '/zoeken?q=taal', '/meldingen']) {
      await test.step(path, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const overflowing = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const found: string[] = [];
          for (const el of Array.from(document.querySelectorAll('body *'))) {
            // Lists are cards on a phone; only a chart's table of figures (a cross table, which
            // WCAG 1.4.10 exempts) scrolls inside its box.
            if (el.closest('.chart__table, .visually-hidden, [hidden]')) continue;
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) continue;
            // Inside a part clipped to nothing for screen readers only (a card table's column headers).
            let clipped = false;
            for (let up = el.parentElement; up && !clipped; up = up.parentElement) {
              clipped = up.getBoundingClientRect().width <= 1 && getComputedStyle(up).overflow === 'hidden';
            }
            if (clipped) continue;
            // Off to the left (the skip link until it has focus) makes no sideways scroll.
            if (box.right > width + 1) {
              // Only report the outermost offender.
              const parent = el.parentElement?.getBoundingClientRect();
              if (parent && parent.right > width + 1) continue;
              found.push(
                `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')} (right edge ${Math.round(box.right)}px)`,
              );
            }
          }
          return { scrollWidth: document.documentElement.scrollWidth, width, found };
        });
        expect(overflowing.found, `${path}: elements wider than the ${overflowing.width}px screen`).toEqual([]);
        expect(overflowing.scrollWidth, `${path}: the page scrolls sideways`).toBeLessThanOrEqual(overflowing.width);
      });
    }
  });
});

test('pages without the editor ship at most 150 KB of JavaScript, gzipped', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  for (const path of ['/', '/acties']) {
    await test.step(path, async () => {
      const scripts = new Map<string, Promise<Buffer>>();
      const onResponse = (response: Response) => {
        const type = response.request().resourceType();
        if (type === 'script' || /\.m?js(\?|$)/.test(response.url())) scripts.set(response.url(), response.body());
      };
      page.on('response', onResponse);
      await page.goto(path, { waitUntil: 'networkidle' });
      page.off('response', onResponse);
      const inline = await page.locator('script:not([src])').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? '').join('\n'));
      let gzipped = 0;
      for (const body of scripts.values()) gzipped += gzipSync(await body).length;
      const inlineGzipped = gzipSync(Buffer.from(inline)).length;
      console.log(
        `${path}: ${scripts.size} script files, ${(gzipped / 1024).toFixed(1)} KB gzipped; inline scripts ${(inlineGzipped / 1024).toFixed(1)} KB gzipped`,
      );
      expect(scripts.size).toBeGreaterThan(0);
      expect(gzipped + inlineGzipped).toBeLessThanOrEqual(150 * 1024);
    });
  }
});
