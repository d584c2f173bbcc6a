/**
 * The live notes of a meeting in real browsers (issue 3, "Browser"): two people in two
 * separate browser contexts write together and see each other's carets; one goes
 * offline, keeps typing, and both converge; an action item in the notes lands in the
 * action list; the adviser follows live but cannot type; the page is accessible.
 *
 * The meeting is written straight into the e2e server's database: the meeting pages are
 * built separately and these tests must not depend on their forms.
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';

import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

const database = `/tmp/koers-e2e-${Number(process.env.E2E_PORT ?? 3210)}.sqlite`;
const NAMES = { haarlem: 'Anouk de Vries', velsen: 'Martijn Bakker' };

function seedMeeting(title: string, points: string[]): number {
  const db = new Database(database);
  try {
    const { id } = db
      .prepare("insert into meetings (title, kind, starts_at) values (?, 'werkgroep', '2025-03-11T09:00:00.000Z') returning id")
      .get(title) as { id: number };
    points.forEach((point, i) =>
      db.prepare('insert into agenda_points (meeting_id, title, position) values (?, ?, ?)').run(id, point, i + 1),
    );
    return id;
  } finally {
    db.close();
  }
}

/** A second signed-in person in a browser context of their own; fails the test on page errors. */
async function person(browser: Browser, email: string, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${email}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(`${email}: ${m.text()}`);
  });
  await login(page, email);
  return { context, page };
}

async function openNotes(page: Page, meetingId: number): Promise<Locator> {
  await page.goto(`/overleggen/${meetingId}/notities`);
  const editor = page.getByRole('textbox', { name: 'Notities van het overleg' });
  await expect(editor).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible();
  return editor;
}

/** The text of the notes without the others' caret labels. */
function notesText(editor: Locator): Promise<string> {
  return editor.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.innerText.replace(/\s+/g, ' ').trim();
  });
}

/** The notes' non-empty paragraphs (without carets) and items in document order ('actie', 'besluit' for the items). */
function itemsAndParagraphs(editor: Locator): Promise<string[]> {
  return editor.locator('.notes-item--action, .notes-item--decision, p').evaluateAll((elements) =>
    elements
      .map((el) => {
        if (el.classList.contains('notes-item--action')) return 'actie';
        if (el.classList.contains('notes-item--decision')) return 'besluit';
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
        return (copy.textContent ?? '').trim();
      })
      .filter(Boolean),
  );
}

async function typeAtEndOf(page: Page, paragraph: Locator, text: string) {
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

test('two people write together, see each other’s carets, and converge after one was offline', async ({ page, browser }) => {
  const meetingId = seedMeeting('Werkgroep maart (samen schrijven)', ['Opening', 'Bereik NT1-ers']);
  const errors: string[] = [];
  await login(page, ACCOUNTS.haarlem);
  const haarlem = await openNotes(page, meetingId);
  const velsen = await person(browser, ACCOUNTS.velsen, errors);
  const velsenEditor = await openNotes(velsen.page, meetingId);

  // The agenda points are the document's headings.
  await expect(haarlem.getByRole('heading', { level: 2, name: 'Opening' })).toBeVisible();
  await expect(haarlem.getByRole('heading', { level: 2, name: 'Bereik NT1-ers' })).toBeVisible();
  await expect(page.locator('[data-agenda-point-id]')).toHaveCount(2);

  await typeAtEndOf(page, haarlem.locator('p').nth(0), 'Haarlem opent het overleg.');
  await typeAtEndOf(velsen.page, velsenEditor.locator('p').nth(1), 'Velsen meldt 40 nieuwe deelnemers.');
  await expect(haarlem).toContainText('Velsen meldt 40 nieuwe deelnemers.');
  await expect(velsenEditor).toContainText('Haarlem opent het overleg.');

  // Named carets, and both names in the presence list.
  await expect(page.locator('.collaboration-carets__label', { hasText: NAMES.velsen })).toBeVisible();
  await expect(velsen.page.locator('.collaboration-carets__label', { hasText: NAMES.haarlem })).toBeVisible();
  await expect(page.getByRole('complementary').getByText(NAMES.velsen)).toBeVisible();

  // Velsen loses the connection, keeps typing; Haarlem types too.
  await velsen.context.setOffline(true);
  await expect(velsen.page.getByRole('status').filter({ hasText: 'Verbinding verbroken — wijzigingen worden bewaard' })).toBeVisible();
  await typeAtEndOf(velsen.page, velsenEditor.locator('p').nth(1), ' Offline aangevuld.');
  await typeAtEndOf(page, haarlem.locator('p').nth(0), ' Iedereen is er.');
  await expect(velsenEditor).not.toContainText('Iedereen is er.');
  await expect(haarlem).not.toContainText('Offline aangevuld.');

  await velsen.context.setOffline(false);
  await expect(velsen.page.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible();
  await expect(haarlem).toContainText('Offline aangevuld.');
  await expect(velsenEditor).toContainText('Iedereen is er.');
  await expect.poll(() => notesText(velsenEditor)).toBe(await notesText(haarlem));

  // Stored on the server: a fresh load shows the merged text.
  await velsen.page.reload();
  await expect(velsen.page.getByRole('textbox', { name: 'Notities van het overleg' })).toContainText('Offline aangevuld.');
  await velsen.context.close();
  expect(errors).toEqual([]);
});

test('the editor opens on the notes as they are, never on an empty document first', async ({ page, browser }) => {
  const meetingId = seedMeeting('Werkgroep april (eerste blik)', ['Opening', 'Taalhuis Velsen']);
  const errors: string[] = [];
  await login(page, ACCOUNTS.haarlem);
  const haarlem = await openNotes(page, meetingId);
  await typeAtEndOf(page, haarlem.locator('p').nth(0), 'Verslag vorige keer vastgesteld.');

  // Someone opening the notes later, in a browser that has no copy of them yet: the text
  // the editor holds the moment it appears (an empty document would take typing at the top).
  const velsen = await person(browser, ACCOUNTS.velsen, errors);
  await velsen.context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const editor = document.querySelector('.ProseMirror');
      if (!editor) return;
      (window as unknown as { firstEditorText: string }).firstEditorText = editor.textContent ?? '';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await openNotes(velsen.page, meetingId);
  const first = await velsen.page.evaluate(() => (window as unknown as { firstEditorText?: string }).firstEditorText);
  expect(first).toContain('Taalhuis Velsen');
  expect(first).toContain('Verslag vorige keer vastgesteld.');
  await velsen.context.close();
  expect(errors).toEqual([]);
});

test('an action item typed in the notes becomes an action in the action list, shown live in the notes', async ({ page, browser }) => {
  const meetingId = seedMeeting('Werkgroep maart (actiepunten)', ['Taalakkoord']);
  const errors: string[] = [];
  await login(page, ACCOUNTS.haarlem);
  const editor = await openNotes(page, meetingId);
  const velsen = await person(browser, ACCOUNTS.velsen, errors);
  const velsenEditor = await openNotes(velsen.page, meetingId);

  await typeAtEndOf(page, editor.locator('p').nth(0), 'Werkgevers benaderen voor het Taalakkoord.');
  await page.getByRole('button', { name: 'Actiepunt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Actiepunt toevoegen' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('Wat gaan we doen?').fill('Drie werkgevers uitnodigen voor het Taalakkoord');
  await dialog.getByLabel('Trekker').selectOption({ label: NAMES.velsen });
  await dialog.getByLabel('Termijn').fill('ooit');
  await dialog.getByRole('button', { name: 'Actiepunt toevoegen' }).click();
  // A bad deadline and no goal: the messages beside the fields, nothing created, and the
  // focus on the first field to fix (not dropped to <body>).
  await expect(dialog.getByLabel('Termijn')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Doel')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Het formulier bevat fouten. Niets is opgeslagen.')).toBeVisible();
  await expect(dialog.getByLabel('Termijn')).toBeFocused();
  await dialog.getByLabel('Doel').selectOption({ index: 1 });
  await dialog.getByLabel('Termijn').fill('medio 2025');
  await dialog.getByRole('button', { name: 'Actiepunt toevoegen' }).click();
  await expect(dialog).toBeHidden();

  const item = editor.locator('.notes-item--action');
  await expect(item).toContainText('Drie werkgevers uitnodigen voor het Taalakkoord');
  await expect(item).toContainText('Niet gestart');
  await expect(item).toContainText('medio 2025');
  // The other screen shows it too, with its status.
  await expect(velsenEditor.locator('.notes-item--action')).toContainText('Drie werkgevers uitnodigen voor het Taalakkoord');
  await expect(velsenEditor.locator('.notes-item--action')).toContainText(NAMES.velsen);
  // Person and organisation do not run together.
  await expect(item.locator('.owner')).toHaveText(`${NAMES.velsen} Velsen`);

  // Typing goes on below the item instead of replacing it (it must not stay selected).
  await expect(editor.locator('.ProseMirror-selectednode')).toHaveCount(0);
  // The caret is back in the notes once the dialog has closed (a frame later: tiptap's focus).
  await expect(editor).toBeFocused();
  await page.keyboard.type('Na het actiepunt verder.');
  await expect(editor.locator('p', { hasText: 'Na het actiepunt verder.' })).toBeVisible();
  await expect(item).toHaveCount(1);

  // The action exists in the tracker, linked from the notes.
  const href = await item.getByRole('link').getAttribute('href');
  await velsen.page.goto(`/acties?q=${encodeURIComponent('Drie werkgevers uitnodigen')}`);
  await expect(velsen.page.locator(`a[href="${href}"]`)).toHaveText('Drie werkgevers uitnodigen voor het Taalakkoord');

  // A status change elsewhere (here straight in the database) reaches the item when the
  // workspace reports a change (koers:changed), without a reload.
  const actionId = Number(href!.split('/').pop());
  const db = new Database(database);
  db.prepare("update actions set status = 'loopt' where id = ?").run(actionId);
  db.close();
  await page.evaluate(() => window.dispatchEvent(new Event('koers:changed')));
  await expect(item).toContainText('Loopt');

  // A decision about that action: in the notes, in the decisions log and on the action's page.
  await page.getByRole('button', { name: 'Besluit' }).click();
  const decisionDialog = page.getByRole('dialog', { name: 'Besluit vastleggen' });
  await decisionDialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decisionDialog.getByText('Schrijf het besluit op.')).toBeVisible();
  await expect(decisionDialog.getByLabel('Besluit', { exact: true })).toBeFocused();
  await decisionDialog.getByLabel('Besluit', { exact: true }).fill('De werkgroep nodigt werkgevers uit via het Taalakkoord.');
  // The action is typed (decision 037): an unknown code gets a message beside the field.
  const actionField = decisionDialog.getByLabel('Gekoppelde actie');
  await actionField.fill('Z-999');
  await decisionDialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decisionDialog.getByText(/^Er is geen actie van [\d–]+ met de code of titel "Z-999"\./)).toBeVisible();
  await expect(actionField).toHaveAttribute('aria-invalid', 'true');
  await expect(actionField).toBeFocused();
  // An action waiting for a decision: once the field names it (as picking its suggestion
  // does), the dialog offers to move it on, "Loopt" by default.
  const waiting = new Database(database);
  waiting.prepare("update actions set status = 'besluit_nodig' where id = ?").run(actionId);
  waiting.close();
  const statusField = decisionDialog.getByLabel('Status van de actie na dit besluit');
  await expect(statusField).toHaveCount(0);
  await actionField.fill(`#${actionId} — Drie werkgevers uitnodigen voor het Taalakkoord`);
  await expect(statusField).toHaveValue('loopt');
  await decisionDialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(editor.locator('.notes-item--decision')).toContainText('De werkgroep nodigt werkgevers uit via het Taalakkoord.');
  const moved = new Database(database, { readonly: true });
  expect((moved.prepare('select status from actions where id = ?').get(actionId) as { status: string }).status).toBe('loopt');
  moved.close();
  // The action item, the text typed after it and the decision are all still in the notes,
  // in that order, and stay there when typing goes on.
  await expect(editor).toBeFocused();
  await page.keyboard.type('Einde van dit punt.');
  const expected = ['Werkgevers benaderen voor het Taalakkoord.', 'actie', 'Na het actiepunt verder.', 'besluit', 'Einde van dit punt.'];
  await expect.poll(() => itemsAndParagraphs(editor)).toEqual(expected);
  // And so does the other person's screen.
  const velsenAgain = await openNotes(velsen.page, meetingId);
  await expect.poll(() => itemsAndParagraphs(velsenAgain)).toEqual(expected);
  await velsen.context.close();
  await page.goto('/besluiten');
  const logged = page.locator('li', { hasText: 'De werkgroep nodigt werkgevers uit via het Taalakkoord.' }).first();
  await expect(logged.getByRole('link', { name: 'Werkgroep maart (actiepunten)' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 2, name: 'Besluiten' })).toBeVisible();
  await expect(page.locator('#besluiten').getByText('De werkgroep nodigt werkgevers uit via het Taalakkoord.')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a writer whose role drops to lezer during the meeting gets a read-only editor at once, and back', async ({ page, browser }) => {
  const meetingId = seedMeeting('Werkgroep maart (rechten)', ['Opening']);
  const errors: string[] = [];
  await login(page, ACCOUNTS.velsen);
  const editor = await openNotes(page, meetingId);
  await expect(editor).toHaveAttribute('contenteditable', 'true');

  const admin = await person(browser, ACCOUNTS.beheerder, errors);
  const db = new Database(database, { readonly: true });
  const { id: userId } = db.prepare('select id from users where email = ?').get(ACCOUNTS.velsen) as { id: number };
  db.close();
  const setRole = async (label: string) => {
    await admin.page.goto(`/beheer/gebruikers/${userId}`);
    await admin.page.getByLabel('Rol', { exact: true }).selectOption({ label });
    await admin.page.getByRole('button', { name: 'Rol en organisatie opslaan' }).click();
    await expect(admin.page.getByText('Rol en organisatie zijn opgeslagen.')).toBeVisible();
  };
  try {
    await setRole('Lezer');
    // No reload: the page hears of the change (the socket's close code 4000, the live workspace) and asks again what this user may do.
    await expect(editor).toHaveAttribute('contenteditable', 'false');
    await expect(editor).toHaveAttribute('aria-readonly', 'true');
    await expect(page.getByText('U kunt de notities live meelezen, maar niet bewerken')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Actiepunt' })).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Verbonden' })).toBeVisible();
    await expectAccessible(page);

    await setRole('Werkgroeplid');
    await expect(editor).toHaveAttribute('contenteditable', 'true');
    await typeAtEndOf(page, editor.locator('p').nth(0), 'Weer aan het woord.');
    const reader = await person(browser, ACCOUNTS.haarlem, errors);
    await expect(await openNotes(reader.page, meetingId)).toContainText('Weer aan het woord.');
    await reader.context.close();
  } finally {
    await setRole('Werkgroeplid');
    await admin.context.close();
  }
  expect(errors).toEqual([]);
});

test('the adviser follows the notes live but cannot type in them', async ({ page, browser }) => {
  const meetingId = seedMeeting('Werkgroep maart (meelezen)', ['Monitoring']);
  const errors: string[] = [];
  await login(page, ACCOUNTS.adviseur);
  const adviserEditor = await openNotes(page, meetingId);
  await expect(page.getByText('U kunt de notities live meelezen, maar niet bewerken')).toBeVisible();
  await expect(adviserEditor).toHaveAttribute('contenteditable', 'false');
  await expect(adviserEditor).toHaveAttribute('aria-readonly', 'true');
  await expect(page.getByRole('button', { name: 'Actiepunt' })).toHaveCount(0);

  const writer = await person(browser, ACCOUNTS.haarlem, errors);
  const writerEditor = await openNotes(writer.page, meetingId);
  await typeAtEndOf(writer.page, writerEditor.locator('p').nth(0), 'De 0-meting is binnen.');
  await expect(adviserEditor).toContainText('De 0-meting is binnen.');
  await expect(writer.page.getByRole('complementary').getByText('Fatima El Amrani')).toBeVisible();

  await adviserEditor.locator('p').nth(0).click();
  await page.keyboard.type('Door de adviseur');
  await expect(adviserEditor).not.toContainText('Door de adviseur');
  await expect(writerEditor).not.toContainText('Door de adviseur');
  await expectAccessible(page);
  await writer.context.close();
  expect(errors).toEqual([]);
});

test('the notes page is accessible, and readable without the editor', async ({ page }) => {
  const meetingId = seedMeeting('Werkgroep maart (toegankelijk)', ['Opening', 'Rondvraag']);
  await login(page, ACCOUNTS.velsen);
  await openNotes(page, meetingId);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notities: Werkgroep maart (toegankelijk) 11 maart 2025');
  await expectAccessible(page);
  // Toolbar buttons say whether they are on.
  await page.getByRole('textbox', { name: 'Notities van het overleg' }).locator('p').first().click();
  await page.getByRole('button', { name: 'Vet' }).click();
  await expect(page.getByRole('button', { name: 'Vet' })).toHaveAttribute('aria-pressed', 'true');

  // Without JavaScript: the stored notes as HTML.
  const response = await page.request.get(`/overleggen/${meetingId}/notities`);
  const html = await response.text();
  expect(html).toContain('data-agenda-point-id');
  expect(html).toContain('Rondvraag');
});

test('a werkgroeplid mentions someone with @ and the keyboard; that person sees an unread notification', async ({ page, browser }) => {
  const meetingId = seedMeeting('Werkgroep maart (noemen)', ['Opening']);
  const errors: string[] = [];
  const velsen = await person(browser, ACCOUNTS.velsen, errors);
  const bell = velsen.page.getByRole('link', { name: /^Meldingen, / });
  const unread = async () => Number(((await bell.getAttribute('aria-label')) ?? '').match(/\d+/)?.[0] ?? 0);
  const unreadBefore = await unread();

  await login(page, ACCOUNTS.haarlem);
  const editor = await openNotes(page, meetingId);
  await typeAtEndOf(page, editor.locator('p').first(), 'Vraag het @B');
  const list = page.getByRole('listbox', { name: 'Personen om te noemen' });
  const options = list.getByRole('option');
  await expect(options).toHaveText([/^Bram Beheer/, /^Martijn Bakker/]);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('status').filter({ hasText: '2 personen gevonden' })).toBeAttached();
  await expectAccessible(page);

  // The caret stays in the notes; the active option is announced through aria-activedescendant.
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(editor).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await expect(editor.locator('.mention')).toHaveText(`@${NAMES.velsen}`);
  await page.keyboard.type('naar de offerte.');
  await expect(editor.locator('p').first()).toHaveText(`Vraag het @${NAMES.velsen} naar de offerte.`);

  // Escape closes the suggestions without picking.
  await page.keyboard.type(' @Anouk');
  await expect(list.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(editor.locator('.mention')).toHaveCount(1);

  await expect(async () => {
    await velsen.page.reload();
    expect(await unread()).toBe(unreadBefore + 1);
  }).toPass();
  await bell.click();
  const notification = velsen.page
    .getByRole('listitem')
    .filter({ hasText: `${NAMES.haarlem} noemde u in de notities van het overleg "Werkgroep maart (noemen)".` });
  await expect(notification).toContainText('Nieuw');
  await notification.getByRole('link').first().click();
  await expect(velsen.page).toHaveURL(new RegExp(`/overleggen/${meetingId}/notities$`));
  await expect(velsen.page.getByRole('textbox', { name: 'Notities van het overleg' }).locator('.mention')).toHaveText(`@${NAMES.velsen}`);
  await velsen.context.close();
  expect(errors).toEqual([]);
});
