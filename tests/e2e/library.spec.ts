import Database from 'better-sqlite3';

import { ACCOUNTS, expect, expectAccessible, login, test } from './fixtures';

const database = `/tmp/koers-e2e-${Number(process.env.E2E_PORT ?? 3210)}.sqlite`;

test.describe('library', () => {
  test('add a good practice with tags, then find it by searching a word in it from the header', async ({ page }) => {
    await login(page, ACCOUNTS.adviseur);
    await page.goto('/kennisbank');
    await expect(page.getByRole('heading', { level: 1, name: 'Kennisbank' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Items in de kennisbank' }).getByRole('listitem').first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Nieuw item' }).click();
    await page.getByRole('link', { name: 'Goed voorbeeld' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw item: goed voorbeeld' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Titel').fill('Voorleesontbijt in de Taalhuizen');
    await page.getByLabel('Samenvatting').fill('Ouders en kinderen ontbijten samen in de bibliotheek en lezen voor.');
    await page
      .getByLabel('Tekst', { exact: true })
      .fill(
        '## Aanpak\n\nElke eerste zaterdag een **voorleesontbijt** met vrijwilligers.\n\n- Uitnodigen via school\n- Boeken mee naar huis\n\nMeer op [de site](https://www.example.nl/voorlezen).',
      );
    // Exact names: the goals and actions to link are checkboxes with titles that mention themes, NT1 and parents.
    const theme = page.getByLabel('Thema', { exact: true });
    await theme.selectOption((await theme.locator('option', { hasText: /^1\.3\.b / }).getAttribute('value'))!);
    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Heemskerk' });
    await page.getByRole('checkbox', { name: 'Ouders', exact: true }).check();
    await page.getByRole('checkbox', { name: 'NT1', exact: true }).check();
    await page.getByRole('button', { name: 'Toevoegen' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Voorleesontbijt in de Taalhuizen' })).toBeVisible();
    await expect(page).toHaveURL(/\/kennisbank\/\d+\?toegevoegd=1$/);
    await expect(page.getByRole('status').filter({ hasText: 'Het item is aan de kennisbank toegevoegd.' })).toBeVisible();
    const itemUrl = new URL(page.url()).pathname;
    // The text is rendered: a heading, bold, a list and a safe link.
    await expect(page.getByRole('heading', { level: 2, name: 'Aanpak' })).toBeVisible();
    await expect(page.locator('.library-body strong')).toHaveText('voorleesontbijt');
    await expect(page.getByRole('link', { name: 'de site' })).toHaveAttribute('href', 'https://www.example.nl/voorlezen');
    await expect(page.getByRole('link', { name: 'Heemskerk', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ouders', exact: true })).toBeVisible();
    await expectAccessible(page);

    const field = page.getByRole('search', { name: 'Zoek in Koers' }).getByRole('searchbox', { name: 'Zoek in Koers' });
    await field.fill('VOORLEESONTB');
    await field.press('Enter');
    await expect(page).toHaveURL(/\/zoeken\?q=VOORLEESONTB/);
    const hit = page
      .getByRole('list', { name: 'Zoekresultaten' })
      .getByRole('listitem')
      .filter({ hasText: 'Voorleesontbijt in de Taalhuizen' });
    await expect(hit.locator('.search-kind')).toHaveText('Kennisbank');
    await expect(hit.locator('mark').first()).toHaveText(/^voorleesontb/i);
    await hit.getByRole('link', { name: 'Voorleesontbijt in de Taalhuizen' }).click();
    await expect(page).toHaveURL(new RegExp(`${itemUrl}$`));

    // The list filters by the tags.
    await page.goto('/kennisbank');
    await page.getByLabel('Doelgroep').selectOption('ouders');
    await page.getByLabel('Gemeente').selectOption({ label: 'Heemskerk' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/doelgroep=ouders/);
    await expect(
      page.getByRole('list', { name: 'Items in de kennisbank' }).getByRole('link', { name: 'Voorleesontbijt in de Taalhuizen' }),
    ).toBeVisible();
  });

  test('a javascript: link is refused beside the field, and a lezer cannot add', async ({ page }) => {
    await login(page, ACCOUNTS.zandvoort);
    await page.goto('/kennisbank/nieuw?soort=link');
    await page.getByLabel('Titel').fill('Verdachte link');
    await page.getByLabel('Adres (URL)').fill('javascript:alert(document.cookie)');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(
      page.getByText('Dit adres mag niet: alleen adressen die beginnen met https://, http:// of mailto: zijn toegestaan.'),
    ).toBeVisible();
    await expect(page.getByLabel('Adres (URL)')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    // Wait for the logout to land: going to /login while it is under way would abort it.
    await expect(page).toHaveURL(/\/login/);
    await login(page, ACCOUNTS.lezer);
    await page.goto('/kennisbank');
    await expect(page.getByRole('link', { name: 'Nieuw item' })).toHaveCount(0);
    const response = await page.goto('/kennisbank/nieuw');
    expect(response?.status()).toBe(403);
  });
});

/**
 * Past 60 actions the item form links actions by search (decision 038). The demo has far
 * fewer, so these tests add padding actions straight into the e2e server's database (two
 * with one title; never linked) and remove them afterwards: the other specs see the demo as it was.
 */
test.describe('library on a long agenda', () => {
  type Row = { id: number; code: string; title: string; label: string };
  const twinTitle = 'Opvulactie met een dubbele titel';
  let padding: number[] = [];
  /** Three actions of the demo with a code, as the form labels them (with the period where there are several). */
  let demo: [Row, Row, Row];
  const linksOf = (title: string) => {
    const db = new Database(database, { readonly: true });
    try {
      return (
        db
          .prepare(
            "select l.target_id id from library_item_links l join library_items i on i.id = l.item_id where i.title = ? and l.target_type = 'action' order by l.target_id",
          )
          .all(title) as { id: number }[]
      ).map((r) => r.id);
    } finally {
      db.close();
    }
  };

  test.beforeAll(() => {
    const db = new Database(database);
    try {
      const { periods } = db.prepare('select count(*) periods from agendas').get() as { periods: number };
      const rows = db
        .prepare(
          `select a.id, a.code, a.title, p.period_start || '–' || p.period_end period from actions a join agendas p on p.id = a.agenda_id
           where a.code is not null order by p.period_start desc, a.id limit 3`,
        )
        .all() as (Row & { period: string })[];
      demo = rows.map((r) => ({ ...r, label: `${periods > 1 ? `${r.period} · ` : ''}${r.code} — ${r.title}` })) as unknown as typeof demo;
      const { n } = db.prepare('select count(*) n from actions').get() as { n: number };
      const insert = db.prepare(
        'insert into actions (goal_id, agenda_id, code, title) select goal_id, agenda_id, ?, ? from actions where id = ? returning id',
      );
      padding = Array.from(
        { length: Math.max(61 - n, 2) },
        (_, i) => (insert.get(`9.9.z-Z${i + 1}`, i < 2 ? twinTitle : `Opvulactie ${i + 1}`, demo[0].id) as { id: number }).id,
      );
    } finally {
      db.close();
    }
  });

  test.afterAll(() => {
    const db = new Database(database);
    try {
      db.prepare(`delete from actions where id in (${padding.map(() => '?').join(',')})`).run(...padding);
    } finally {
      db.close();
    }
  });

  test('with JavaScript: the linked actions are listed, one more is added by search before saving', async ({ page }) => {
    const [first, second, third] = demo;
    await login(page, ACCOUNTS.haarlem);
    // From an action's page: ?actie= preselects it.
    await page.goto(`/kennisbank/nieuw?soort=link&actie=${first.id}`);
    const group = page.getByRole('group', { name: 'Acties', exact: true });
    const firstBox = group.getByRole('checkbox', { name: first.label });
    await expect(firstBox).toBeChecked();
    await expect(group.getByRole('checkbox')).toHaveCount(1);
    await page.getByLabel('Titel').fill('Gekoppeld door te zoeken');
    await page.getByLabel('Adres (URL)').fill('https://example.org/zoeken');

    const field = page.getByLabel('Actie koppelen');
    const status = group.getByRole('status');
    await field.pressSequentially(twinTitle.toLowerCase());
    await expect(status).toHaveText('2 acties gevonden.');
    // Enter on a title two actions share: a message beside the field; the form is not saved.
    await field.press('Enter');
    await expect(group.locator('.field-error')).toHaveText(/^Meer dan één actie heeft deze titel\./);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/kennisbank\/nieuw/);
    // Picking a suggestion (the datalist puts its label in the field) adds it at once.
    await field.fill('');
    await field.pressSequentially(second.code);
    await expect(status).toHaveText(/gevonden\.$/);
    await field.fill(second.label);
    await expect(group.getByRole('checkbox', { name: second.label })).toBeChecked();
    await expect(field).toHaveValue('');
    await expect(status).toHaveText(`Toegevoegd: ${second.label}.`);
    await expect(group.locator('.field-error')).toHaveCount(0);
    // "Koppelen" reads a typed code (any case) as the server would.
    await field.fill(third.code.toUpperCase());
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await expect(group.getByRole('checkbox', { name: third.label })).toBeChecked();
    // Unchecking unlinks.
    await firstBox.uncheck();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await expect(page).toHaveURL(/\/kennisbank\/\d+\?toegevoegd=1$/);
    expect(linksOf('Gekoppeld door te zoeken')).toEqual([second.id, third.id].sort((a, b) => a - b));
  });

  test.describe('without JavaScript, on a phone', () => {
    test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

    test('the typed action is read when saving; a shared title is refused beside the field, the rest kept', async ({ page }) => {
      const [, second] = demo;
      await login(page, ACCOUNTS.zandvoort);
      await page.goto('/kennisbank/nieuw?soort=link');
      await page.getByLabel('Titel').fill('Zonder JavaScript gekoppeld');
      await page.getByLabel('Adres (URL)').fill('https://example.org/zonder');
      await page.getByLabel('Actie koppelen').fill(twinTitle);
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
      await expect(page.getByText(/^Meer dan één actie heeft deze titel\./)).toBeVisible();
      await expect(page.getByLabel('Titel')).toHaveValue('Zonder JavaScript gekoppeld');
      await expect(page.getByLabel('Actie koppelen')).toHaveValue(twinTitle);
      expect(linksOf('Zonder JavaScript gekoppeld')).toEqual([]);
      // The field, its message and the chosen list fit the screen (no sideways scroll).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      await page.getByLabel('Actie koppelen').fill(second.code);
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
      await expect(page).toHaveURL(/\/kennisbank\/\d+\?toegevoegd=1$/);
      expect(linksOf('Zonder JavaScript gekoppeld')).toEqual([second.id]);
    });
  });
});
