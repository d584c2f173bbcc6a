import { ACCOUNTS, DEMO_PASSWORD, expect, expectAccessible, forgedPost, login, test } from './fixtures';

test('GET /healthz answers ok when the database answers', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('pages carry a Content-Security-Policy with a per-response script nonce', async ({ request }) => {
  const first = (await request.get('/login')).headers()['content-security-policy'];
  const second = (await request.get('/login')).headers()['content-security-policy'];
  expect(first).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(first).toContain("frame-ancestors 'none'");
  expect(first).not.toEqual(second);
});

// The router can leave the AbortError of an interrupted navigation unhandled (a form sent while a
// live update still loads; seen in CI). The page must not report that as an error: the fixture
// fails every test on page errors, and a user's console would fill with noise.
test('an interrupted request is not reported as an error in the page', async ({ page }) => {
  await login(page, ACCOUNTS.haarlem);
  await page.evaluate(() => {
    // The two ways the router leaves it: a rejected promise, and a throw from the signal's listener.
    void Promise.reject(new DOMException('signal is aborted without reason', 'AbortError'));
    const controller = new AbortController();
    controller.signal.addEventListener('abort', () => {
      throw controller.signal.reason;
    });
    controller.abort();
  });
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});

test('a state change from another site is refused and changes nothing', async ({ request, baseURL }) => {
  const forged = await request.post('/login', {
    headers: { Origin: 'https://evil.example' },
    form: { email: ACCOUNTS.beheerder, password: DEMO_PASSWORD },
  });
  expect(forged.status()).toBe(403);
  expect(forged.headers()['set-cookie']).toBeUndefined();
  const sameSite = await request.post('/login', {
    headers: { Origin: baseURL! },
    form: { email: ACCOUNTS.beheerder, password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(sameSite.status()).toBe(302);
  expect(sameSite.headers()['set-cookie']).toContain('HttpOnly');
  expect(sameSite.headers()['set-cookie']).toContain('SameSite=Lax');
});

test('an unknown address shows a Dutch 404 page', async ({ page }) => {
  await login(page, ACCOUNTS.lezer);
  const response = await page.goto('/bestaat-niet');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet gevonden');
  await expectAccessible(page);
});

test('a refusal decided below the route (a domain error) is a Dutch 403 page, never a 500', async ({ page }) => {
  await login(page, ACCOUNTS.zandvoort);
  // A municipality creates local actions of its own only: the action form's model refuses a regional one.
  const response = await forgedPost(page, '/acties/nieuw', {
    title: 'Regionale actie van de gemeente',
    goalId: '1',
    municipalityId: '',
    status: 'niet_gestart',
    progress: '0',
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('Geen toegang');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('plain form posts pass the Origin check: logging in and out works', async ({ page }) => {
    await login(page, ACCOUNTS.haarlem);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/login/);
  });
});
