import type { Page } from '@playwright/test';

import { ACCOUNTS, expect, expectAccessible, login, test, waitPastLiveUpdate } from './fixtures';

/**
 * Replying to a thread (decision 036): the reply form is drawn only when "Antwoorden" is
 * asked for. With JavaScript it opens in place with the focus in its field, suggests
 * people after "@", and closes after the reply with the focus back on "Antwoorden";
 * without JavaScript "Antwoorden" is a link that opens the same form.
 */
const MENTIONED = 'Martijn Bakker';

async function startThread(page: Page, text: string) {
  await page.goto('/doelen/1');
  await page.getByLabel('Nieuwe reactie').fill(text);
  await page.getByRole('button', { name: 'Reactie plaatsen' }).click();
  const thread = page.locator('.comment-thread').filter({ hasText: text });
  await expect(thread).toBeVisible();
  return thread;
}

test('a reply opens in place, suggests people, and gives the focus back after posting', async ({ page }) => {
  await login(page, ACCOUNTS.adviseur);
  const thread = await startThread(page, `Wie pakt dit op? (${Date.now()})`);
  await waitPastLiveUpdate(page);

  // No thread carries a reply form until one is asked for.
  await expect(page.locator('input[name="intent"][value="reply"]')).toHaveCount(0);
  const toggle = thread.getByRole('button', { name: /^Antwoorden — Discussie gestart door / });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const field = thread.getByRole('combobox', { name: 'Uw antwoord' });
  await expect(field).toBeFocused();
  await expectAccessible(page);

  await field.pressSequentially('Dat kan @Mar');
  await expect(thread.getByRole('option', { name: new RegExp(MENTIONED) })).toBeVisible();
  await field.press('Enter');
  await expect(field).toHaveValue(`Dat kan @${MENTIONED} `);
  await field.pressSequentially('doen.');
  await thread.getByRole('button', { name: 'Antwoorden', exact: true }).click();

  const reply = thread.locator('.comment-replies .comment').filter({ hasText: 'doen.' });
  await expect(reply.locator('strong.mention')).toHaveText(`@${MENTIONED}`);
  await expect(thread.getByRole('textbox', { name: 'Uw antwoord' })).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await waitPastLiveUpdate(page);
  await expect(reply).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('"Antwoorden" is a link that opens the reply form, and the reply lands in the thread', async ({ page }) => {
    await login(page, ACCOUNTS.adviseur);
    const text = `Zonder script (${Date.now()})`;
    const thread = await startThread(page, text);
    await expect(page.locator('input[name="intent"][value="reply"]')).toHaveCount(0);

    await thread.getByRole('link', { name: /^Antwoorden — Discussie gestart door / }).click();
    await expect(page).toHaveURL(/\?antwoord=\d+#antwoord-\d+$/);
    const opened = page.locator('.comment-thread').filter({ hasText: text });
    await expect(page.getByRole('textbox', { name: 'Uw antwoord' })).toHaveCount(1);
    await opened.getByRole('textbox', { name: 'Uw antwoord' }).fill('Antwoord zonder script.');
    await opened.getByRole('button', { name: 'Antwoorden', exact: true }).click();

    // Back on the page at the thread, the form closed again.
    await expect(page).toHaveURL(/\/doelen\/1#reactie-\d+$/);
    await expect(page.locator('.comment-thread').filter({ hasText: text }).locator('.comment-replies')).toContainText(
      'Antwoord zonder script.',
    );
    await expect(page.locator('input[name="intent"][value="reply"]')).toHaveCount(0);
  });
});
