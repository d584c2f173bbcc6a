import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

import Database from 'better-sqlite3';
import mammoth from 'mammoth';

import { ACCOUNTS, expect, expectAccessible, forgedPost, login, test } from './fixtures';

/**
 * Issue 11, the meetings: the agenda planner (proposals before the closing point, minutes
 * per point, moves in place by drag and drop and keyboard, a warning when it runs over),
 * minutes in agenda order, nothing adopted or decided before the meeting has begun, the
 * action page naming its meeting, and the draft-minutes round. Meetings are written into
 * the server's database by meeting-round-seed.ts.
 */

const PAST = '2025-03-12T09:00:00.000Z'; // Wednesday 12 March 2025, 10:00 Dutch time
const FUTURE = '2031-06-11T08:00:00.000Z';

function database(): string {
  return `/tmp/koers-e2e-${new URL(test.info().project.use.baseURL!).port}.sqlite`;
}

function seedMeeting(seed: {
  title: string;
  startsAt: string;
  durationMinutes?: number;
  points: { title: string; duration?: number; goalId?: number }[];
  notes?: { point: number; lines: string[] }[];
}): { meetingId: number; pointIds: number[] } {
  const out = execFileSync('npx', ['tsx', 'tests/e2e/meeting-round-seed.ts', JSON.stringify(seed)], {
    env: { ...process.env, KOERS_DATABASE: database() },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { meetingId: number; pointIds: number[] };
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(database());
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function run(sql: string, ...params: unknown[]) {
  const db = new Database(database());
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

// Several pages, a live editor and downloads per test on a shared machine.
test.describe.configure({ timeout: 120_000 });

const agendaTitles = (meetingId: number) =>
  query<{ title: string }>('select title from agenda_points where meeting_id = ? order by position, id', meetingId).map((r) => r.title);

test('proposals go before the closing point with their minutes; the planner moves points in place by keyboard and drag and drop, and is warned when the agenda runs over', async ({
  page,
}) => {
  const { meetingId } = seedMeeting({
    title: 'Werkgroep planner',
    startsAt: FUTURE,
    durationMinutes: 30,
    points: [
      { title: 'Opening', duration: 5 },
      { title: 'Taalhuizen', duration: 10 },
      { title: 'Rondvraag en sluiting', duration: 5 },
    ],
  });
  await login(page, ACCOUNTS.haarlem);
  await page.goto(`/overleggen/${meetingId}/agenda-voorstellen`);
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda voorstellen' })).toBeVisible();
  const boxes = page.getByRole('checkbox');
  for (const box of await boxes.all()) await box.uncheck();
  const first = boxes.first();
  await first.check();
  const title = (await first.locator('xpath=..').innerText()).split('\n')[0].trim();
  const duration = page.getByRole('spinbutton', { name: `Duur van ${title} in minuten` });
  await expect(duration).toHaveValue('10');
  await duration.fill('25');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Op de agenda zetten' }).click();
  await expect(page.getByText('1 agendapunt toegevoegd.')).toBeVisible();
  expect(agendaTitles(meetingId)).toEqual(['Opening', 'Taalhuizen', title, 'Rondvraag en sluiting']);
  await expect(page.getByRole('spinbutton', { name: `Duur van ${title} in minuten` })).toHaveValue('25');

  // 45 of 30 minutes: said at once.
  await expect(page.getByText('Geplande duur van de agenda: 45 van 30 minuten.')).toBeVisible();
  await expect(page.getByText(/de agenda duurt 15 minuten langer dan het overleg \(30 minuten\)/)).toBeVisible();

  // Moves: one POST each, never a page load.
  const documents: string[] = [];
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
    if (request.method() === 'POST') posts.push(request.url());
  });
  const rows = page.locator('.agenda-table tbody tr th[scope="row"] .agenda-point__title');

  // Keyboard: Taalhuizen up; the focus stays on its button, the new place is announced.
  await page.getByRole('button', { name: 'Taalhuizen omhoog' }).focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveText(['Taalhuizen', 'Opening', title, 'Rondvraag en sluiting']);
  await expect(page.getByRole('button', { name: 'Taalhuizen omlaag' })).toBeFocused();
  await expect(page.getByText('Taalhuizen staat nu op plaats 1 van 4.')).toBeAttached();
  await expect.poll(() => agendaTitles(meetingId)).toEqual(['Taalhuizen', 'Opening', title, 'Rondvraag en sluiting']);

  // Drag and drop: Opening onto the first row.
  await page
    .locator(
      '#agendapunt-' + query<{ id: number }>("select id from agenda_points where meeting_id = ? and title = 'Opening'", meetingId)[0].id,
    )
    .dragTo(page.locator('.agenda-table tbody tr').first());
  await expect(rows).toHaveText(['Opening', 'Taalhuizen', title, 'Rondvraag en sluiting']);
  await expect.poll(() => agendaTitles(meetingId)).toEqual(['Opening', 'Taalhuizen', title, 'Rondvraag en sluiting']);
  expect(posts).toHaveLength(2);
  expect(documents).toEqual([]);

  // A shorter point: the warning goes once the agenda fits.
  await page.getByRole('spinbutton', { name: `Duur van ${title} in minuten` }).fill('10');
  await page.getByRole('button', { name: `Duur van ${title} opslaan` }).click();
  await expect(page.getByText('Geplande duur van de agenda: 30 van 30 minuten.')).toBeVisible();
  await expect(page.getByText(/langer dan het overleg/)).toHaveCount(0);
  expect(documents).toEqual([]);
  await expectAccessible(page);

  await page.reload();
  await expect(rows).toHaveText(['Opening', 'Taalhuizen', title, 'Rondvraag en sluiting']);
});

test('the published minutes follow the agenda, whatever the order of the notes; a point added later appears in its place', async ({
  page,
}) => {
  const { meetingId, pointIds } = seedMeeting({
    title: 'Werkgroep volgorde',
    startsAt: PAST,
    points: [{ title: 'Opening' }, { title: 'Bereik' }, { title: 'Rondvraag en sluiting' }],
    notes: [
      { point: 0, lines: ['Welkom.'] },
      { point: 1, lines: ['Het bereik groeit.'] },
      { point: 2, lines: ['Geen vragen.'] },
    ],
  });
  await login(page, ACCOUNTS.haarlem);
  await page.goto(`/overleggen/${meetingId}`);
  // Bereik moves to the end (the notes keep their order), then a new point is added.
  await page.getByRole('button', { name: 'Bereik omlaag' }).click();
  await expect.poll(() => agendaTitles(meetingId)).toEqual(['Opening', 'Rondvraag en sluiting', 'Bereik']);
  await page.getByLabel('Titel', { exact: true }).fill('Monitor');
  await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  await expect.poll(() => agendaTitles(meetingId)).toEqual(['Opening', 'Rondvraag en sluiting', 'Bereik', 'Monitor']);
  expect(pointIds).toHaveLength(3);

  await page.goto(`/overleggen/${meetingId}/verslag`);
  await page.getByRole('checkbox', { name: /Ik bevestig/ }).check();
  await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
  await expect(page.getByRole('status')).toHaveText('Versie 1 van het verslag is vastgesteld.');
  const headings = page.locator('.minutes-notes h3');
  await expect(headings).toHaveText(['Opening', 'Rondvraag en sluiting', 'Bereik', 'Monitor']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download als Word (.docx)' }).click(),
  ]);
  const { value: text } = await mammoth.extractRawText({ buffer: fs.readFileSync((await download.path())!) });
  const order = ['Welkom.', 'Geen vragen.', 'Het bereik groeit.', 'Monitor'].map((line) => text.indexOf(line));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((x, y) => x - y)).toEqual(order);
  const pdf = await page.request.get(`/overleggen/${meetingId}/verslag.pdf`);
  expect(pdf.status()).toBe(200);
});

test('minutes and decisions wait for the meeting to begin; before, the minutes page says so and a download answers a styled Dutch page', async ({
  page,
}) => {
  const { meetingId } = seedMeeting({
    title: 'Werkgroep toekomst',
    startsAt: FUTURE,
    points: [{ title: 'Opening' }],
    notes: [{ point: 0, lines: ['Vooraf opgeschreven.'] }],
  });
  await login(page, ACCOUNTS.haarlem);
  await page.goto(`/overleggen/${meetingId}/verslag`);
  await expect(page.getByText('Dit overleg is nog niet begonnen.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verslag vaststellen' })).toHaveCount(0);

  const publish = await forgedPost(page, `/overleggen/${meetingId}/verslag`, { intent: 'publish', confirm: 'ja' });
  expect(publish.status()).toBe(400);
  expect(await publish.text()).toContain('Een verslag kan pas worden vastgesteld als het overleg is begonnen.');
  const decision = await forgedPost(page, `/overleggen/${meetingId}/besluit`, { text: 'Te vroeg besloten' });
  expect(decision.status()).toBe(400);
  expect(await decision.text()).toContain('Besluiten kunnen pas worden vastgelegd als het overleg is begonnen.');
  expect(query('select id from minutes_versions where meeting_id = ?', meetingId)).toEqual([]);
  expect(query("select id from decisions where text = 'Te vroeg besloten'")).toEqual([]);

  // In the notes the Besluit button is off, with the reason beside it.
  await page.goto(`/overleggen/${meetingId}/notities`);
  await expect(page.getByRole('button', { name: 'Besluit' })).toBeDisabled();
  await expect(page.getByText('Besluiten kunnen pas worden vastgelegd als het overleg is begonnen.')).toBeVisible();

  // A download of minutes not adopted: a page in the layout, in Dutch.
  await page.goto(`/overleggen/${meetingId}/verslag.docx`);
  await expect(page.getByRole('heading', { level: 1, name: /Verslag: Werkgroep toekomst/ })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('nog niet vastgesteld');
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await expectAccessible(page);
});

test('the draft-minutes round: the concept after the meeting (preview, download, comments by an adviser), adopted at the next meeting as it is', async ({
  page,
  browser,
}) => {
  const { meetingId } = seedMeeting({
    title: 'Werkgroepoverleg',
    startsAt: PAST,
    points: [{ title: 'Opening' }, { title: 'Taalhuizen' }],
    notes: [
      { point: 1, lines: ['Taalhuis Velsen opent in april.'] },
      { point: 0, lines: ['De voorzitter opent.'] },
    ],
  });
  // The meeting's date names it everywhere: heading and tab.
  await login(page, ACCOUNTS.haarlem);
  await page.goto(`/overleggen/${meetingId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Werkgroep Werkgroepoverleg 12 maart 2025' })).toBeVisible();
  await expect(page).toHaveTitle(/Werkgroepoverleg 12 maart 2025/);
  await page.getByRole('button', { name: 'Volgende overleg plannen' }).click();
  await expect(page.getByText('Het volgende overleg is gepland.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Werkgroepoverleg 9 april 2025/ })).toBeVisible();
  const next = Number(new URL(page.url()).pathname.split('/')[2]);
  const conceptLink = page.getByRole('link', { name: 'Concept verslag van Werkgroepoverleg 12 maart 2025 lezen en vaststellen' });
  // After the opening (carried over from the first meeting), before everything else.
  await expect(page.locator('#agenda tbody tr').nth(1)).toContainText('Verslag vorige vergadering');
  await expect(conceptLink).toBeVisible();

  // An adviser reads the concept (in agenda order), downloads it and comments.
  const adviser = await browser.newContext();
  const reader = await adviser.newPage();
  await login(reader, ACCOUNTS.adviseur);
  await reader.goto(`/overleggen/${meetingId}/verslag`);
  await expect(reader.getByRole('heading', { level: 2, name: 'Concept verslag' })).toBeVisible();
  await expect(reader.getByText(/^Concept, nog niet vastgesteld/)).toBeVisible();
  await expect(reader.locator('.minutes-notes h3')).toHaveText(['Opening', 'Taalhuizen']);
  await expect(reader.getByRole('button', { name: 'Verslag vaststellen' })).toHaveCount(0);
  const [download] = await Promise.all([
    reader.waitForEvent('download'),
    reader.getByRole('link', { name: 'Concept downloaden als Word (.docx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('concept-verslag-2025-03-12-werkgroepoverleg.docx');
  const { value: text } = await mammoth.extractRawText({ buffer: fs.readFileSync((await download.path())!) });
  expect(text).toContain('Taalhuis Velsen opent in april.');
  await reader.getByLabel('Nieuwe reactie').fill('Kleine correctie: het Taalhuis opent op 14 april.');
  await reader.getByRole('button', { name: 'Reactie plaatsen' }).click();
  await expect(reader.locator('.comment__body', { hasText: 'Kleine correctie: het Taalhuis opent op 14 april.' })).toBeVisible();
  await expectAccessible(reader);
  await adviser.close();

  // At the next meeting the werkgroeplid follows the link and adopts the concept as it is.
  await conceptLink.click();
  await expect(page.locator('.comment__body', { hasText: 'Kleine correctie: het Taalhuis opent op 14 april.' })).toBeVisible();
  await expect(page.getByText('Wat wordt vastgesteld, is precies het concept hierboven.', { exact: false })).toBeVisible();
  await page.getByRole('checkbox', { name: /Ik bevestig/ }).check();
  await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
  await expect(page.getByRole('status')).toHaveText('Versie 1 van het verslag is vastgesteld.');
  await expect(page.locator('.minutes-notes h3')).toHaveText(['Opening', 'Taalhuizen']);
  expect(
    query<{ status: string }>('select status from agenda_points where meeting_id = ? and minutes_of_meeting_id = ?', next, meetingId),
  ).toEqual([{ status: 'afgerond' }]);
  await page.goto(`/overleggen/${next}`);
  await expect(page.getByRole('link', { name: 'Vastgesteld verslag van Werkgroepoverleg 12 maart 2025' })).toBeVisible();
});

test('the action page names the meeting it came from; a decision on an action that waits for one moves its status on', async ({ page }) => {
  const goal = query<{ id: number; code: string }>('select id, code from goals order by id limit 1')[0];
  const { meetingId } = seedMeeting({
    title: 'Werkgroep besluiten',
    startsAt: PAST,
    points: [{ title: 'Opening' }, { title: 'Bereik', goalId: goal.id }],
    notes: [
      { point: 0, lines: ['Welkom.'] },
      { point: 1, lines: ['Over het bereik.'] },
    ],
  });
  const waiting = query<{ id: number; code: string | null; title: string }>(
    'select id, code, title from actions where municipality_id is null order by id limit 1',
  )[0];
  run("update actions set status = 'besluit_nodig', source_meeting_id = ? where id = ?", meetingId, waiting.id);

  await login(page, ACCOUNTS.haarlem);
  await page.goto(`/acties/${waiting.id}`);
  await expect(page.getByRole('link', { name: 'Werkgroep besluiten 12 maart 2025' })).toBeVisible();

  await page.goto(`/overleggen/${meetingId}/notities`);
  const editor = page.getByRole('textbox', { name: 'Notities van het overleg' });
  await expect(editor).toBeVisible();
  await expect(page.getByText('Verbonden')).toBeVisible();

  // Under "Bereik" an action item belongs to that point's goal; the trekker may be an organisation.
  await editor.getByText('Over het bereik.').click();
  await page.getByRole('button', { name: 'Actiepunt' }).click();
  const itemDialog = page.getByRole('dialog', { name: 'Actiepunt toevoegen' });
  await expect(itemDialog.getByLabel('Doel')).toHaveValue(String(goal.id));
  await expect(itemDialog.locator('optgroup[label="Organisaties"] option', { hasText: 'Haarlem' }).first()).toBeAttached();
  await itemDialog
    .getByLabel('Annuleren')
    .or(itemDialog.getByRole('button', { name: 'Annuleren' }))
    .click();

  // Under "Opening" (no goal) nothing is chosen for the person: "Kies een doel".
  await editor.getByText('Welkom.').click();
  await page.getByRole('button', { name: 'Actiepunt' }).click();
  await expect(itemDialog.getByLabel('Doel')).toHaveValue('');
  await expect(itemDialog.getByLabel('Doel').locator('option:checked')).toHaveText('Kies een doel');
  await itemDialog.getByLabel('Wat gaan we doen?').fill('Zonder doel');
  await itemDialog.getByRole('button', { name: 'Actiepunt toevoegen' }).click();
  await expect(itemDialog.getByText('Kies het doel waar deze actie bij hoort.')).toBeVisible();
  await itemDialog.getByRole('button', { name: 'Annuleren' }).click();

  await page.getByRole('button', { name: 'Besluit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Besluit vastleggen' });
  await dialog.getByLabel('Besluit', { exact: true }).fill('We gaan door met de pilot.');
  // The action is typed (decision 037); its suggestion's label is what picking it puts in the field.
  await dialog.getByLabel('Gekoppelde actie').fill(`${waiting.code ?? `#${waiting.id}`} — ${waiting.title}`);
  const status = dialog.getByLabel('Status van de actie na dit besluit');
  await expect(status).toHaveValue('loopt');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => query<{ status: string }>('select status from actions where id = ?', waiting.id)[0].status).toBe('loopt');

  await page.goto(`/acties/${waiting.id}`);
  await expect(page.getByText('We gaan door met de pilot.')).toBeVisible();
  await expectAccessible(page);
});

test('End + Enter in an agenda heading starts a new paragraph below it, and never splits the heading', async ({ page }) => {
  const { meetingId } = seedMeeting({
    title: 'Werkgroep koppen',
    startsAt: PAST,
    points: [{ title: 'Opening' }, { title: 'Bereik' }],
    notes: [
      { point: 0, lines: ['Welkom.'] },
      { point: 1, lines: [] },
    ],
  });
  await login(page, ACCOUNTS.haarlem);
  await page.goto(`/overleggen/${meetingId}/notities`);
  const editor = page.getByRole('textbox', { name: 'Notities van het overleg' });
  await expect(page.getByText('Verbonden')).toBeVisible();
  await editor.getByRole('heading', { name: 'Opening' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Nieuwe alinea');
  await expect(editor.getByRole('heading')).toHaveText(['Opening', 'Bereik']);
  await expect(editor.locator('h2 + p')).toHaveText(['Nieuwe alinea']);
  // In the middle of an agenda heading too: its text is the agenda's.
  await editor.getByRole('heading', { name: 'Bereik' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('heading')).toHaveText(['Opening', 'Bereik']);
});
