import { type Browser, type Page, test as withoutConsoleCheck } from '@playwright/test';

import { ACTION_STATUS_LABELS, type ActionStatus } from '../../app/models/tracker/action-status';
import { ACCOUNTS, expect, login, openAction, test } from './fixtures';

/**
 * The live workspace (issue 3, section 4): while one working-group member changes an
 * action, another who looks at the action list, a goal page, an action page or the
 * board sees the change within a second, without reloading and without losing what
 * they are typing. The viewer is the test's own `page` (its console errors fail the
 * test); the editor works in a second browser context. Every test puts the agenda
 * back as seeded, for the specs that run after this one.
 */

const LIVE_TIMEOUT = { timeout: 1500 };

// Actions no other spec touches.
const LIST_ACTION = 'We wisselen kennis en ervaring uit over het educatieve aanbod'; // loopt
const GOAL_ACTION = 'We ontwikkelen een werkgeversaanpak met een aantal partners van het Taalakkoord'; // no owner, no deadline
const BOARD_ACTION = 'We ontwikkelen thematisch aanbod gericht op levensgebieden'; // flows.spec.ts changes its status too
const REPORT_ACTION = 'Op basis van de metingen sturen we jaarlijks bij'; // loopt

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  return page;
}

/** Marks the page; the mark survives revalidation but not a reload or a document navigation. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { koersLiveMark: string }).koersLiveMark = 'zelfde pagina'));
}
async function expectSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { koersLiveMark?: string }).koersLiveMark)).toBe('zelfde pagina');
}

/** The viewer's page is hydrated and its live stream is open (not the stream of the page before it). */
async function openLive(page: Page, path: string) {
  const ready = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/live' &&
      response.status() === 200 &&
      new URL(response.request().headers()['referer'] ?? '', page.url()).pathname === path,
  );
  await page.goto(path);
  await ready;
  await markPage(page);
}

/** The editor reports progress on an action with a new status, through the action page's form. */
async function reportStatus(editor: Page, actionPath: string, statusLabel: string, text: string) {
  await editor.goto(actionPath);
  await editor.getByLabel('Wat is er gebeurd?').fill(text);
  await editor.getByLabel('Nieuwe status (optioneel)').selectOption({ label: statusLabel });
  await editor.getByRole('button', { name: 'Voortgang melden' }).click();
  await expect(editor.locator('.progress-log').getByText(text)).toBeVisible();
}

/** The editor sets trekker (person) and termijn through the edit form; '' clears them. */
async function editOwnerAndDeadline(editor: Page, actionPath: string, ownerName: string, deadline: string) {
  await editor.goto(`${actionPath}/bewerken`);
  const owner = editor.getByLabel('Trekker (persoon)');
  const value = ownerName ? await owner.locator('option', { hasText: ownerName }).getAttribute('value') : '';
  await owner.selectOption(value ?? '');
  await editor.getByLabel('Termijn').fill(deadline);
  await editor.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(editor.getByRole('heading', { level: 1 })).not.toHaveText('Actie bewerken');
}

test('the action list shows a status changed by someone else, without a reload', async ({ page, browser }) => {
  const editor = await signedInPage(browser, ACCOUNTS.haarlem);
  const actionPath = await openAction(editor, LIST_ACTION);
  await login(page, ACCOUNTS.velsen);
  await openLive(page, '/acties');
  const status = page.getByRole('row', { name: new RegExp(LIST_ACTION) }).locator('.status');
  await expect(status).toHaveText('Loopt');
  // Other parts of a page (the meeting notes) hear of changes through this window event.
  await page.evaluate(() => {
    const w = window as unknown as { koersChanged: number };
    w.koersChanged = 0;
    window.addEventListener('koers:changed', () => w.koersChanged++);
  });

  const dataRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('.data')) dataRequests.push(new URL(request.url()).search);
  });

  await reportStatus(editor, actionPath, 'Besluit nodig', 'Live: voorgelegd aan het bestuurlijk overleg.');
  await expect(status).toHaveText('Besluit nodig', LIVE_TIMEOUT);
  await expectSamePage(page);
  expect(await page.evaluate(() => (window as unknown as { koersChanged: number }).koersChanged)).toBeGreaterThan(0);
  // Only the page's own data comes back, not the root's (user, unread count: they come with the event),
  // so the server can share the answer between people with the same rights (app/models/page-scope.ts).
  expect(dataRequests.length).toBeGreaterThan(0);
  for (const search of dataRequests) expect(new URLSearchParams(search).getAll('_routes')).toEqual(['routes/acties._index']);

  await reportStatus(editor, actionPath, 'Loopt', 'Live: loopt weer.');
  await expect(status).toHaveText('Loopt', LIVE_TIMEOUT);
  await expectSamePage(page);
  await editor.context().close();
});

test('the header’s unread count follows a new notification without a reload', async ({ page, browser }) => {
  const adviser = await signedInPage(browser, ACCOUNTS.adviseur);
  await login(page, ACCOUNTS.velsen);
  await openLive(page, '/acties');
  const bell = page.getByRole('link', { name: /^Meldingen, / });
  const before = Number((await bell.getAttribute('aria-label'))!.match(/\d+/)?.[0] ?? 0);

  // The adviser mentions the viewer (Martijn Bakker) in a comment: a notification for them.
  await adviser.goto('/doelen/1');
  const field = adviser.getByRole('combobox', { name: 'Nieuwe reactie' });
  await field.click();
  await field.pressSequentially('Live: zie jij dit, @Mar');
  await adviser.getByRole('option', { name: /Martijn Bakker/ }).click();
  await adviser.getByRole('button', { name: 'Reactie plaatsen' }).click();
  await expect(adviser.locator('.comment').filter({ hasText: 'Live: zie jij dit' }).last()).toBeVisible();

  await expect(bell).toHaveAttribute('aria-label', `Meldingen, ${before + 1} ongelezen`, LIVE_TIMEOUT);
  await expectSamePage(page);
  await adviser.context().close();
});

test('a goal page shows a new owner and deadline, and keeps the comment the viewer is typing', async ({ page, browser }) => {
  const editor = await signedInPage(browser, ACCOUNTS.haarlem);
  const actionPath = await openAction(editor, GOAL_ACTION);
  const goalPath = await editor.locator('.meta-list a[href^="/doelen/"]').first().getAttribute('href');
  await login(page, ACCOUNTS.velsen);
  await openLive(page, goalPath!);
  const row = page.getByRole('row', { name: new RegExp(GOAL_ACTION) });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Martijn Bakker');

  const comment = page.getByLabel('Nieuwe reactie');
  await comment.click();
  await page.keyboard.type('Goed dat er nu een trekker is, ');

  await editOwnerAndDeadline(editor, actionPath, 'Martijn Bakker', 'eind 2025');
  await expect(row).toContainText('Martijn Bakker', LIVE_TIMEOUT);
  await expect(row).toContainText('eind 2025');
  await expectSamePage(page);
  // The half-written comment is still there, with the focus, and typing goes on.
  await expect(comment).toBeFocused();
  await page.keyboard.type('en een termijn.');
  await expect(comment).toHaveValue('Goed dat er nu een trekker is, en een termijn.');

  await editOwnerAndDeadline(editor, actionPath, '', '');
  await expect(row).not.toContainText('Martijn Bakker', LIVE_TIMEOUT);
  await expect(comment).toHaveValue('Goed dat er nu een trekker is, en een termijn.');
  await editor.context().close();
});

test('an action page shows someone else’s progress report and keeps the viewer’s own report text', async ({ page, browser }) => {
  const editor = await signedInPage(browser, ACCOUNTS.haarlem);
  const actionPath = await openAction(editor, REPORT_ACTION);
  await login(page, ACCOUNTS.velsen);
  await openLive(page, actionPath);
  const own = page.getByLabel('Wat is er gebeurd?');
  await own.fill('Velsen heeft de monitor besproken');

  await reportStatus(editor, actionPath, 'Besluit nodig', 'Live: Haarlem meldt voortgang.');
  await expect(page.locator('.progress-log').getByText('Live: Haarlem meldt voortgang.')).toBeVisible(LIVE_TIMEOUT);
  await expect(page.locator('.action-page__summary .status')).toHaveText('Besluit nodig');
  await expect(own).toHaveValue('Velsen heeft de monitor besproken');
  await expectSamePage(page);

  // The viewer's own report still empties the form once it is saved.
  await page.getByLabel('Nieuwe status (optioneel)').selectOption({ label: 'Loopt' });
  await page.getByRole('button', { name: 'Voortgang melden' }).click();
  await expect(page.locator('.progress-log').getByText('Velsen heeft de monitor besproken')).toBeVisible();
  await expect(own).toHaveValue('');
  await expect(editor.locator('.action-page__summary .status')).toHaveText('Loopt', LIVE_TIMEOUT);
  await editor.context().close();
});

test('an action page sends no request when someone changes another action, and still follows its own', async ({ page, browser }) => {
  const editor = await signedInPage(browser, ACCOUNTS.haarlem);
  const otherPath = await openAction(editor, LIST_ACTION);
  const ownPath = await openAction(editor, REPORT_ACTION);
  await login(page, ACCOUNTS.velsen);
  await openLive(page, ownPath);
  await page.evaluate(() => {
    const w = window as unknown as { koersChanged: number };
    w.koersChanged = 0;
    window.addEventListener('koers:changed', () => w.koersChanged++);
  });
  const changesHeard = () => page.evaluate(() => (window as unknown as { koersChanged: number }).koersChanged);
  const dataRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('.data')) dataRequests.push(request.url());
  });

  // The live event names the other action (decision 028): this page has nothing to fetch.
  await reportStatus(editor, otherPath, 'Besluit nodig', 'Live: een andere actie wijzigt.');
  await expect.poll(changesHeard, LIVE_TIMEOUT).toBeGreaterThan(0);
  // The revalidation would have been sent when the change was announced; give it time to show.
  await page.waitForTimeout(300);
  expect(dataRequests).toEqual([]);

  await reportStatus(editor, ownPath, 'Besluit nodig', 'Live: deze actie wijzigt.');
  await expect(page.locator('.progress-log').getByText('Live: deze actie wijzigt.')).toBeVisible(LIVE_TIMEOUT);
  await expect(page.locator('.action-page__summary .status')).toHaveText('Besluit nodig');
  await expectSamePage(page);
  expect(dataRequests.length).toBeGreaterThan(0);

  await reportStatus(editor, ownPath, 'Loopt', 'Live: deze actie loopt weer.');
  await reportStatus(editor, otherPath, 'Loopt', 'Live: de andere actie loopt weer.');
  await editor.context().close();
});

test('the board moves a card that someone else moved', async ({ page, browser }) => {
  const editor = await signedInPage(browser, ACCOUNTS.haarlem);
  await editor.goto('/bord');
  await login(page, ACCOUNTS.velsen);
  await openLive(page, '/bord');
  const column = (p: Page, status: ActionStatus) => p.getByRole('region', { name: new RegExp(`^${ACTION_STATUS_LABELS[status]} \\(`) });
  const card = (p: Page, status: ActionStatus) => column(p, status).getByRole('article', { name: BOARD_ACTION });
  // Another spec may have changed this action's status (they share the database): start from where it is.
  const seeded = (await page.getByRole('combobox', { name: `Nieuwe status voor ${BOARD_ACTION}` }).inputValue()) as ActionStatus;
  const other: ActionStatus = seeded === 'loopt' ? 'besluit_nodig' : 'loopt';

  const move = async (from: ActionStatus, to: ActionStatus) => {
    await card(editor, from).getByLabel(`Nieuwe status voor ${BOARD_ACTION}`).selectOption(to);
    await card(editor, from).getByRole('button', { name: 'Verplaats' }).click();
    await expect(card(editor, to)).toBeVisible();
  };
  await move(seeded, other);
  await expect(card(page, other)).toBeVisible(LIVE_TIMEOUT);
  await expect(card(page, seeded)).toHaveCount(0);
  await expectSamePage(page);

  await move(other, seeded);
  await expect(card(page, seeded)).toBeVisible(LIVE_TIMEOUT);
  await expectSamePage(page);
  await editor.context().close();
});

test('several tabs of one browser share one live stream, and another tab takes over when it closes', async ({ page, browser }) => {
  const editor = await signedInPage(browser, ACCOUNTS.haarlem);
  const actionPath = await openAction(editor, LIST_ACTION);
  await login(page, ACCOUNTS.velsen);
  const context = page.context();
  await openLive(page, '/acties');
  // Streams opened after the first tab's.
  let streams = 0;
  context.on('request', (request) => {
    if (new URL(request.url()).pathname === '/live') streams++;
  });
  const tabs = [page, await context.newPage(), await context.newPage()];
  for (const tab of tabs.slice(1)) {
    await tab.goto('/acties');
    await markPage(tab);
  }
  const statusIn = (tab: Page) => tab.getByRole('row', { name: new RegExp(LIST_ACTION) }).locator('.status');
  for (const tab of tabs) await expect(statusIn(tab)).toHaveText('Loopt');

  await reportStatus(editor, actionPath, 'Besluit nodig', 'Live: drie tabbladen.');
  for (const tab of tabs) await expect(statusIn(tab)).toHaveText('Besluit nodig', LIVE_TIMEOUT);
  expect(streams).toBe(0);

  // The tab holding the stream closes: one of the others opens it.
  await page.close();
  await expect.poll(() => streams).toBe(1);
  await reportStatus(editor, actionPath, 'Loopt', 'Live: twee tabbladen.');
  for (const tab of tabs.slice(1)) {
    await expect(statusIn(tab)).toHaveText('Loopt', LIVE_TIMEOUT);
    await expectSamePage(tab);
  }
  await editor.context().close();
});

// Without the console check: the refused connections are logged as errors on purpose.
withoutConsoleCheck('a stream that stays down is mentioned politely, and its return too', async ({ page }) => {
  withoutConsoleCheck.setTimeout(60_000);
  await login(page, ACCOUNTS.velsen);
  await page.route('**/live', (route) => route.abort('connectionrefused'));
  await page.goto('/acties');
  const note = page.getByText('Live bijwerken is onderbroken');
  // Short interruptions pass without a word.
  await page.waitForTimeout(5000);
  await expect(note).toHaveCount(0);
  await expect(note).toBeVisible({ timeout: 20_000 });
  await expect(note).toHaveAttribute('aria-live', 'polite');

  await page.unroute('**/live');
  await expect(page.getByText('Live bijwerken werkt weer.')).toBeVisible({ timeout: 20_000 });
  await expect(note).toHaveCount(0);
});
