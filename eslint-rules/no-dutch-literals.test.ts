import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';

import rule from './no-dutch-literals.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

const dutch = (code: string) => ({ code, filename: 'page.tsx', errors: [{ messageId: 'dutch' }] });
const fine = (code: string) => ({ code, filename: 'page.tsx' });

tester.run('no-dutch-literals', rule, {
  valid: [
    // English text and the catalogue itself.
    fine(`const label = 'Save the changes';`),
    fine(`throw new Error('Expected a date as YYYY-MM-DD, got nothing');`),
    fine(`const title = t.common.pageTitle(t.tracker.overview.title);`),
    fine(`const el = <p>{t.tracker.overdue} · {count}</p>;`),
    // Dutch route paths, query keys, status values, ids and class names are code.
    fine(`const to = '/acties/nieuw';`),
    fine('const href = `/acties/${id}/bewerken`;'),
    fine('const url = `${base}/overleggen/${id}/verslag?versie=2`;'),
    fine(`const period = params.get('periode');`),
    fine(`const closed = status === 'afgerond' || status === 'niet_gestart';`),
    fine(`const el = <a href="/acties?periode=dit+jaar" className="actie-lijst lokale-acties">x</a>;`),
    fine(`const el = <section aria-labelledby="omschrijving-titel" id="omschrijving-titel" />;`),
    fine(`const el = <div data-status="besluit nodig" />;`),
    fine(`const el = <input name="zoekterm" type="search" />;`),
    fine(`const el = <option value="niet_gestart">{label}</option>;`),
    fine(`const el = <button name="intent" value="verwijderen">{label}</button>;`),
    fine(`import { x } from './acties-van-de-gemeente';`),
    fine(`type Kind = 'onderwerp' | 'randvoorwaarde';`),
    fine(`const labels = { 'geen termijn': 1 };`),
    fine("const rows = sql`select * from acties where status = 'niet gestart'`;"),
    fine(`const re = new RegExp('^(?:van|of) (\\\\d{4})$');`),
    fine(`const re = /^uiterlijk (.*) van het jaar$/;`),
    // Log lines are for operators.
    fine('console.log(`Koers luistert op poort ${port}`);'),
    // Grammar a parser reads, marked with a reason.
    fine(`
      // i18n-ignore: phrases the deadline parser reads
      switch (text) {
        case 'dit jaar':
        case 'volgend kwartaal':
          return 1;
      }`),
    fine(`const OF = '(?:van|of) '; // i18n-ignore: grammar the parser reads`),
  ],
  invalid: [
    // JSX text.
    dutch(`const el = <span className="badge">Te laat</span>;`),
    dutch(`const el = <p>Er zijn nog geen acties voor deze gemeente.</p>;`),
    // String literals and template literals.
    dutch(`throw new Response('Niet gevonden', { status: 404 });`),
    dutch(`const message = 'Geen toegang tot dit document.';`),
    dutch('const count = `${n} acties`;'),
    dutch('const title = `${name} — Koers`;'),
    dutch(`const labels = { beheerder: 'Beheerder' };`),
    dutch(`const nav = 'Tijdlijn';`),
    // Text attributes: what a user reads or hears.
    dutch(`const el = <input placeholder="zoeken" />;`),
    dutch(`const el = <img alt="Logo van de gemeente" src="/logo.png" />;`),
    dutch(`const el = <button aria-label={'Reactie verwijderen'} />;`),
    dutch(`const el = <input type="submit" value="Opslaan" />;`),
    // An exception needs a reason.
    dutch(`
      // i18n-ignore:
      const text = 'Niet gevonden';`),
  ],
});
