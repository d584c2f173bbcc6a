import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test as base } from '@playwright/test';

export const DEMO_PASSWORD = process.env.KOERS_DEMO_PASSWORD ?? 'koers-demo';

export { ACCOUNTS } from '../setup/accounts';

export async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // Attached, not visible: on a phone it sits in the folded menu.
  await expect(page.getByRole('button', { name: 'Uitloggen', includeHidden: true })).toBeAttached();
}

/** Fails on any serious or critical axe-core violation of the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Fails the test on any uncaught error or console error in the page. */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        // 4xx answers are expected (a refused login, a form with errors, a 403 page); 5xx never are.
        // Remix's single fetch logs the AbortError of a response it stopped reading because the
        // router cancelled that request (a click while a live update loads): no error of the page.
        if (m.type() === 'error' && !/status of 4\d\d/.test(m.text()) && !/^AbortError: /.test(m.text())) errors.push(m.text());
      });
      await use(errors);
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Waits until the live update that a write itself triggers has come and gone (the feed
 * debounces 150 ms, then the page revalidates): a result the page shows after a POST must
 * still be there afterwards, not only at once.
 */
export async function waitPastLiveUpdate(page: Page) {
  await page.waitForTimeout(1500);
}

/** Opens an action of the agenda by its title, from the overview (regional and local actions shown). */
export async function openAction(page: Page, title: string) {
  await page.goto('/?lokaal=ja');
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * A POST that the page's own browser context sends (its session cookie) with a same-site
 * Origin header, as a forged form would: the CSRF check passes, so only the permission
 * check can refuse it.
 */
export async function forgedPost(page: Page, path: string, form: Record<string, string>) {
  const origin = new URL(page.url()).origin;
  return page.request.post(path, { form, headers: { Origin: origin }, maxRedirects: 0 });
}

/**
 * The page offers no way to change the plan: no link to an edit or "new" form, and every
 * form that posts goes to the comments or the logout.
 */
export async function expectNoEditControls(page: Page) {
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  // Adding to the library, commenting and following are open to read-mostly roles too.
  await expect(page.locator('a[href$="/bewerken"], a[href*="/nieuw"]:not([href^="/kennisbank/nieuw"])')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /bewerken|nieuwe/i })).toHaveCount(0);
  await expect(
    page.locator('form[method="post" i]:not([action="/reacties"]):not([action="/logout"]):not([action="/meldingen/volgen"])'),
  ).toHaveCount(0);
}

/** The deadline phrase as shown (the date window beside it is hidden text for screen readers). */
export async function expectDeadline(deadline: Locator, phrase: string) {
  await expect.poll(() => deadline.evaluate((el) => el.firstChild?.textContent ?? '')).toBe(phrase);
}
