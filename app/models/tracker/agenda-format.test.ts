import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  type AgendaDoc,
  type AgendaParseError,
  formatAgendaError,
  normalizeBody,
  parseAgenda,
  type ParseAgendaOptions,
  serializeAgenda,
} from './agenda-format';
import { parseDeadline } from './deadline';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const fixture = (name: string) => read(`tests/fixtures/agenda/${name}`);
const SEED = read('db/seed/samenwerkingsagenda-2020-2024.md');

const validateDeadline: ParseAgendaOptions['validateDeadline'] = (phrase) => {
  const result = parseDeadline(phrase);
  return result.ok ? null : result.error;
};

function parseOk(text: string, opts?: ParseAgendaOptions): AgendaDoc {
  const result = parseAgenda(text, opts);
  if (!result.ok) throw new Error(result.errors.map(formatAgendaError).join('\n'));
  return result.agenda;
}

function parseErrors(text: string, opts?: ParseAgendaOptions): AgendaParseError[] {
  const result = parseAgenda(text, opts);
  if (result.ok) throw new Error('expected errors, but the text parsed');
  return result.errors;
}

const allGoals = (a: AgendaDoc) => a.chapters.flatMap((c) => c.goals);
const allActions = (a: AgendaDoc) => allGoals(a).flatMap((g) => g.actions);
const action = (a: AgendaDoc, code: string) => {
  const found = allActions(a).find((x) => x.code === code);
  if (!found) throw new Error(`no action ${code}`);
  return found;
};
const goal = (a: AgendaDoc, code: string) => {
  const found = allGoals(a).find((x) => x.code === code);
  if (!found) throw new Error(`no goal ${code}`);
  return found;
};
const chapter = (a: AgendaDoc, code: string) => {
  const found = a.chapters.find((x) => x.code === code);
  if (!found) throw new Error(`no chapter ${code}`);
  return found;
};

describe('the 2020-2024 agenda (db/seed)', () => {
  const agenda = parseOk(SEED, { validateDeadline });

  it('has the title and period', () => {
    expect(agenda.title).toBe('Regionale samenwerkingsagenda Zuid-Kennemerland en IJmond');
    expect(agenda.period).toEqual({ start: 2020, end: 2024 });
  });

  it('has every chapter, in order, with its kind', () => {
    expect(agenda.chapters.map((c) => [c.code, c.kind])).toEqual([
      ['1.1', 'context'],
      ['1.2', 'context'],
      ['1.3', 'context'],
      ['1.3.a', 'onderwerp'],
      ['1.3.b', 'onderwerp'],
      ['1.3.c', 'onderwerp'],
      ['1.3.d', 'onderwerp'],
      ['3.3', 'context'],
      ['3.3.a', 'randvoorwaarde'],
      ['3.3.b', 'randvoorwaarde'],
      ['3.3.c', 'randvoorwaarde'],
      ['3.3.d', 'randvoorwaarde'],
      ['slot', 'context'],
    ]);
    expect(chapter(agenda, '1.3.a').title).toBe('Bereik NT1-ers');
    expect(chapter(agenda, '1.3.b').title).toBe('Bereik jongvolwassenen en ouders');
    expect(chapter(agenda, '1.3.d').title).toBe('Monitoring bereik, kwaliteit en impact');
    for (const c of agenda.chapters) expect(c.body, c.code).not.toBe('');
  });

  it('has 13 chapters, 8 goals and 17 actions', () => {
    expect(agenda.chapters).toHaveLength(13);
    expect(allGoals(agenda)).toHaveLength(8);
    expect(allActions(agenda)).toHaveLength(17);
    const perTheme = agenda.chapters.filter((c) => c.goals.length > 0).map((c) => [c.code, c.goals.map((g) => [g.code, g.actions.length])]);
    expect(perTheme).toEqual([
      ['1.2', [['1.2-A', 2]]],
      [
        '1.3.a',
        [
          ['1.3.a-A', 3],
          ['1.3.a-B', 3],
        ],
      ],
      ['1.3.b', [['1.3.b-A', 4]]],
      [
        '1.3.c',
        [
          ['1.3.c-A', 1],
          ['1.3.c-B', 1],
          ['1.3.c-C', 1],
        ],
      ],
      ['1.3.d', [['1.3.d-A', 2]]],
    ]);
    expect(allActions(agenda).map((a) => a.code)).toEqual([
      '1.2-A1',
      '1.2-A2',
      '1.3.a-A1',
      '1.3.a-A2',
      '1.3.a-A3',
      '1.3.a-B4',
      '1.3.a-B5',
      '1.3.a-B6',
      '1.3.b-A1',
      '1.3.b-A2',
      '1.3.b-A3',
      '1.3.b-A4',
      '1.3.c-A1',
      '1.3.c-B1',
      '1.3.c-C1',
      '1.3.d-A1',
      '1.3.d-A2',
    ]);
  });

  it('keeps the deadline phrases as the agenda words them', () => {
    const deadlines = Object.fromEntries(allActions(agenda).map((a) => [a.code, a.deadline]));
    expect(deadlines).toEqual({
      '1.2-A1': 'uiterlijk 31-12-2021',
      '1.2-A2': 'vanaf medio 2021',
      '1.3.a-A1': null,
      '1.3.a-A2': null,
      '1.3.a-A3': 'medio 2022',
      '1.3.a-B4': null,
      '1.3.a-B5': null,
      '1.3.a-B6': null,
      '1.3.b-A1': 'besluit in 2021',
      '1.3.b-A2': 'besluit in 2021',
      '1.3.b-A3': null,
      '1.3.b-A4': null,
      '1.3.c-A1': 'in 2021',
      '1.3.c-B1': 'besluit eind 2021',
      '1.3.c-C1': 'besluit begin 2021',
      '1.3.d-A1': null,
      '1.3.d-A2': null,
    });
  });

  it('has target years only where the goal names one', () => {
    expect(Object.fromEntries(allGoals(agenda).map((g) => [g.code, g.targetYear]))).toEqual({
      '1.2-A': 2021,
      '1.3.a-A': null,
      '1.3.a-B': null,
      '1.3.b-A': 2024,
      '1.3.c-A': 2024,
      '1.3.c-B': 2024,
      '1.3.c-C': 2022,
      '1.3.d-A': 2024,
    });
    for (const g of allGoals(agenda)) {
      // The year is in the goal sentence ("In 2024 …") or, for 1.2-A, in its wording.
      if (g.targetYear !== null) expect(`${g.title} ${g.body}`).toMatch(new RegExp(`\\b${g.targetYear}\\b`));
    }
    expect(goal(agenda, '1.2-A').body).toBe('Dit betekent bijvoorbeeld dat we het formele aanbod regionaal gaan aanbesteden in 2021.');
  });

  it('names owners and partners only where the text does', () => {
    // Haarlem is the only owner the agenda names ("Vanaf medio 2021 start Haarlem …").
    expect(
      allActions(agenda)
        .filter((a) => a.owner !== null)
        .map((a) => [a.code, a.owner]),
    ).toEqual([['1.2-A2', 'Haarlem']]);
    const partners = Object.fromEntries(
      allActions(agenda)
        .filter((a) => a.partners.length > 0)
        .map((a) => [a.code, a.partners]),
    );
    expect(partners).toEqual({
      '1.2-A1': ['Nova College'],
      '1.2-A2': ['de gemeenten van onze regio'],
      '1.3.a-B6': ['partners van het Taalakkoord'],
      '1.3.b-A3': ['RBL Leerplein'],
      '1.3.c-A1': ['partners van de taalhuizen'],
      '1.3.c-C1': ['Stichting ABC'],
    });
    expect(action(agenda, '1.3.c-C1').body).toContain('met Stichting ABC besluiten we begin 2021');
  });

  it('keeps the agenda-level commitments of 1.2 as context text and tracks them as actions', () => {
    const body = chapter(agenda, '1.2').body;
    expect(chapter(agenda, '1.2').kind).toBe('context');
    expect(body).toContain('De gunning van de formele educatie aan het Nova College loopt tot en met uiterlijk 31-12-2021.');
    expect(body).toContain('Vanaf medio 2021 start Haarlem de aanbestedingsprocedure van de formele educatie');
    expect(body.match(/^- /gm)).toHaveLength(8);
    // Each action's wording is a sentence of the paragraph, word for word.
    const paragraph = body.replace(/\s+/g, ' ');
    for (const code of ['1.2-A1', '1.2-A2']) expect(paragraph).toContain(action(agenda, code).body);
    expect(paragraph).toContain(goal(agenda, '1.2-A').body);
    expect(action(agenda, '1.2-A1')).toMatchObject({
      title: 'De gunning van de formele educatie aan het Nova College loopt af',
      deadline: 'uiterlijk 31-12-2021',
      owner: null,
    });
    expect(action(agenda, '1.2-A2')).toMatchObject({
      title: 'Haarlem start de aanbestedingsprocedure van de formele educatie',
      deadline: 'vanaf medio 2021',
      owner: 'Haarlem',
    });
    // "Nadere uitwerking volgt dan medio 2021" (1.3) names no goal of its own: it stays text.
    expect(chapter(agenda, '1.3').goals).toEqual([]);
    expect(chapter(agenda, '1.3').body).toContain('Nadere uitwerking volgt dan medio 2021.');
  });

  it('keeps the full goal sentence and the full action wording', () => {
    expect(goal(agenda, '1.3.a-B').title).toBe(
      'Er is meer thematisch aanbod beschikbaar voor deze inwoners gericht op levensgebieden zoals gezondheid, financiën, opvoeding en werk',
    );
    expect(action(agenda, '1.3.c-B1').body).toBe(
      'We verkennen in 2021 de mogelijkheden van een online platform voor het ontsluiten van het online en offline aanbod. We nemen hierover eind 2021 een bestuurlijk besluit.',
    );
    for (const a of allActions(agenda)) {
      if (a.body) expect(a.body.length, a.code).toBeGreaterThan(a.title.length);
    }
  });

  it('contains no PDF artefacts', () => {
    expect(SEED).not.toMatch(/\uf0b7/); // PDF bullet glyph
    expect(SEED).not.toMatch(/inwoners(met|die|gericht|gebruik)/i); // joined words
    expect(SEED).not.toMatch(/google\.com\/url/); // tracking redirect
    expect(SEED).not.toMatch(/[a-z]- \n|taa,l/); // broken hyphenation, typo'd comma
  });

  it('is written in canonical form', () => {
    expect(serializeAgenda(agenda)).toBe(SEED);
  });

  it('survives a round trip', () => {
    const again = parseOk(serializeAgenda(agenda), { validateDeadline });
    expect(again).toEqual(agenda);
  });
});

describe('parseAgenda', () => {
  it('parses a small agenda with every kind of element', () => {
    const agenda = parseOk(fixture('good-minimal.md'));
    expect(agenda).toEqual({
      title: 'Voorbeeldagenda basisvaardigheden',
      period: { start: 2021, end: 2023 },
      body: 'Een kleine agenda om het formaat te testen.',
      chapters: [
        {
          code: '1',
          title: 'Inleiding',
          kind: 'context',
          body: 'Vrije tekst met een lijst:\n\n- eerste punt\n  - genest punt\n- tweede punt\n\n\\# Dit is geen kop maar tekst.',
          goals: [],
        },
        {
          code: '2.a',
          title: 'Bereik',
          kind: 'onderwerp',
          body: 'Wat is er aan de hand? Te weinig inwoners vinden hun weg.',
          goals: [
            {
              code: '2.a-A',
              title: 'In 2023 vinden meer inwoners hun weg naar het aanbod',
              targetYear: 2023,
              body: 'Toelichting bij het doel.',
              actions: [
                {
                  code: '2.a-A1',
                  title: 'We werken de aanpak uit in een plan',
                  deadline: 'medio 2022',
                  owner: 'Haarlem',
                  partners: ['Stichting ABC', 'CJG'],
                  body: 'We werken de aanpak uit in een plan, samen met onze partners.',
                },
                {
                  code: '2.a-A2',
                  title: 'We bespreken de voortgang periodiek',
                  deadline: null,
                  owner: null,
                  partners: [],
                  body: '',
                },
              ],
            },
            { code: '2.a-B', title: 'Er is meer thematisch aanbod', targetYear: null, body: '', actions: [] },
          ],
        },
        {
          code: '3.a',
          title: 'Samenwerkingsstructuur',
          kind: 'randvoorwaarde',
          body: 'Er is een ambtelijke werkgroep.',
          goals: [],
        },
      ],
    });
  });

  it('accepts CRLF and CR line endings and a byte-order mark', () => {
    const lf = fixture('good-minimal.md');
    const expected = parseOk(lf);
    expect(parseOk(lf.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(parseOk(lf.replace(/\n/g, '\r'))).toEqual(expected);
    expect(parseOk(`\uFEFF${lf.replace(/\n/g, '\r\n')}`)).toEqual(expected);
    expect(parseOk(SEED.replace(/\n/g, '\r\n'), { validateDeadline })).toEqual(parseOk(SEED, { validateDeadline }));
  });

  it('reports line numbers of CRLF input like those of LF input', () => {
    const text = fixture('action-outside-goal.md');
    expect(parseErrors(text.replace(/\n/g, '\r\n'))).toEqual(parseErrors(text));
  });

  it('reads body text that starts directly below a heading', () => {
    const agenda = parseOk('# A\nperiode: 2020-2024\n## 1 Inleiding\nsoort: context\nLet op: dit is tekst.\nNog een regel.\n');
    expect(agenda.chapters[0].body).toBe('Let op: dit is tekst.\nNog een regel.');
  });

  it('accepts field keys and kinds in any case, an en dash in the period and empty optional fields', () => {
    const agenda = parseOk(
      [
        '# A',
        'Periode: 2020 – 2024',
        '',
        '## 1.3.a Bereik',
        'SOORT: Onderwerp',
        '',
        '### doel 1.3.a-A: Een doel: met een dubbele punt',
        'doeljaar:',
        '',
        '#### actie 1.3.a-A1: Een actie',
        'termijn:',
        'trekker:',
        'partners: ; Stichting ABC ;; ',
      ].join('\n'),
    );
    expect(agenda.period).toEqual({ start: 2020, end: 2024 });
    expect(agenda.chapters[0].kind).toBe('onderwerp');
    expect(agenda.chapters[0].goals[0]).toMatchObject({ code: '1.3.a-A', title: 'Een doel: met een dubbele punt', targetYear: null });
    expect(agenda.chapters[0].goals[0].actions[0]).toMatchObject({ deadline: null, owner: null, partners: ['Stichting ABC'] });
  });

  it('accepts goals and actions in a context chapter', () => {
    const agenda = parseOk(fixture('goal-in-context.md'), { validateDeadline });
    expect(agenda.chapters[0]).toMatchObject({ code: '1.2', kind: 'context', body: 'Uitgangspunten.' });
    expect(agenda.chapters[0].goals).toEqual([
      {
        code: '1.2-A',
        title: 'Een doel in een contexthoofdstuk',
        targetYear: 2021,
        body: '',
        actions: [
          {
            code: '1.2-A1',
            title: 'Een actie bij dat doel',
            deadline: 'uiterlijk 31-12-2021',
            owner: 'Haarlem',
            partners: ['Nova College'],
            body: '',
          },
        ],
      },
    ]);
  });

  it('passes owners to validateOwner and reports its message at the line of the field', () => {
    const seen: string[] = [];
    parseOk(fixture('good-minimal.md'), { validateOwner: (name) => (seen.push(name), null) });
    expect(seen).toEqual(['Haarlem']);
    expect(parseErrors(fixture('good-minimal.md'), { validateOwner: (name) => `onbekende organisatie "${name}"` })).toEqual([
      { line: 29, message: 'onbekende organisatie "Haarlem"' },
    ]);
    // An empty trekker means "not set" and is never validated.
    expect(
      parseOk('# A\nperiode: 2020-2024\n## 1 X\nsoort: onderwerp\n### Doel 1-A: D\n#### Actie 1-A1: Y\ntrekker:\n', {
        validateOwner: () => 'nee',
      }).chapters[0].goals[0].actions[0].owner,
    ).toBeNull();
  });

  it('passes codes to validateCode and reports its message at the line of the heading', () => {
    const seen: [string, string][] = [];
    parseOk(fixture('good-minimal.md'), { validateCode: (code, type) => (seen.push([code, type]), null) });
    expect(seen).toEqual([
      ['1', 'chapter'],
      ['2.a', 'chapter'],
      ['2.a-A', 'goal'],
      ['2.a-A1', 'action'],
      ['2.a-A2', 'action'],
      ['2.a-B', 'goal'],
      ['3.a', 'chapter'],
    ]);
    expect(parseErrors(fixture('good-minimal.md'), { validateCode: (code) => (code === '2.a-A2' ? 'bezet' : null) })).toEqual([
      { line: 34, message: 'bezet' },
    ]);
  });

  it('passes deadline phrases to validateDeadline', () => {
    const seen: string[] = [];
    parseOk(fixture('good-minimal.md'), { validateDeadline: (p) => (seen.push(p), null) });
    expect(seen).toEqual(['medio 2022']);
  });
});

describe('parseAgenda on malformed input', () => {
  const cases: [string, AgendaParseError[]][] = [
    ['action-outside-goal.md', [{ line: 9, message: 'een actie moet onder een doel staan (verwacht "### Doel <code>: <titel>" eerder)' }]],
    ['goal-outside-chapter.md', [{ line: 6, message: 'een doel moet onder een hoofdstuk staan (verwacht "## <code> <titel>" eerder)' }]],
    ['duplicate-code.md', [{ line: 11, message: 'de code "1.3.a-A1" is al gebruikt op regel 9; elke code moet uniek zijn' }]],
    [
      'bad-doeljaar.md',
      [
        { line: 8, message: 'ongeldig doeljaar "eind 2024" (verwacht een jaartal, bijv. "doeljaar: 2024")' },
        { line: 11, message: 'doeljaar 2030 valt buiten de periode van de agenda (2020-2024)' },
      ],
    ],
    [
      'unknown-field.md',
      [
        {
          line: 10,
          message:
            'onbekend veld "eigenaar" bij een actie (verwacht: termijn, trekker of partners); begint hier de tekst, zet er dan een lege regel boven',
        },
        {
          line: 11,
          message: 'het veld "doeljaar" hoort bij een doel, niet bij een actie (verwacht: termijn, trekker of partners)',
        },
      ],
    ],
    [
      'missing-title.md',
      [
        {
          line: 4,
          message: 'de titel van het hoofdstuk ontbreekt (verwacht "## <code> <titel>", bijv. "## 1.3.a Bereik NT1-ers")',
        },
        { line: 9, message: 'de titel van de actie ontbreekt (verwacht "#### Actie <code>: <titel>")' },
      ],
    ],
    [
      'heading-too-deep.md',
      [
        {
          line: 11,
          message:
            'kopniveau ##### wordt niet gebruikt (verwacht "#" voor de titel, "##" voor een hoofdstuk, "###" voor een doel of "####" voor een actie)',
        },
      ],
    ],
    [
      'missing-fields.md',
      [
        { line: 1, message: 'het veld "periode" ontbreekt (verwacht direct onder de titel, bijv. "periode: 2020-2024")' },
        {
          line: 3,
          message:
            'het veld "soort" ontbreekt (verwacht direct onder de kop "soort: onderwerp", "soort: randvoorwaarde" of "soort: context")',
        },
      ],
    ],
    [
      'no-title.md',
      [
        { line: 1, message: 'verwacht de titel van de agenda als eerste regel ("# <titel>")' },
        { line: 3, message: 'verwacht eerst de titel van de agenda ("# <titel>" met daaronder "periode: …")' },
      ],
    ],
  ];

  it.each(cases)('%s', (name, expected) => {
    expect(parseErrors(fixture(name))).toEqual(expected);
  });

  it('reports a rejected deadline at the line of the field', () => {
    const text = fixture('bad-termijn.md');
    expect(parseOk(text).chapters[0].goals[0].actions[0].deadline).toBe('binnenkort');
    expect(parseErrors(text, { validateDeadline: (p) => `onbekende termijn "${p}"` })).toEqual([
      { line: 11, message: 'onbekende termijn "binnenkort"' },
    ]);
    const real = parseErrors(text, { validateDeadline });
    expect(real).toHaveLength(1);
    expect(real[0].line).toBe(11);
    expect(real[0].message).toContain('"binnenkort"');
  });

  it('rejects an empty document', () => {
    expect(parseErrors('')).toEqual([{ line: 1, message: 'het document is leeg (verwacht "# <titel>" met daaronder "periode: …")' }]);
    expect(parseErrors('\n\n  \n')).toHaveLength(1);
  });

  it('rejects bad periods, kinds, codes, headings and repeated titles and fields', () => {
    const text = [
      '# A', // 1
      'periode: 2024-2020', // 2
      '', // 3
      '## 1.1 Inleiding', // 4
      'soort: hoofdstuk', // 5
      '', // 6
      '## 1.3.a Bereik', // 7
      'soort: onderwerp', // 8
      'soort: context', // 9
      '', // 10
      '### 1.3.a-A: zonder het woord Doel', // 11
      '### Doel 1.3.a/B: Een doel', // 12
      '#### Actie 1.3.a-B1 Een actie zonder dubbele punt', // 13
      '# Nog een titel', // 14
      '##', // 15
      '## 1.1 Dubbel', // 16
      'soort: context', // 17
    ].join('\n');
    expect(parseErrors(text)).toEqual([
      {
        line: 2,
        message: 'ongeldige periode "2024-2020": het beginjaar moet vóór of gelijk aan het eindjaar liggen',
      },
      { line: 5, message: 'onbekende soort "hoofdstuk" (verwacht "onderwerp", "randvoorwaarde" of "context")' },
      { line: 9, message: 'het veld "soort" staat er twee keer (eerder op regel 8)' },
      { line: 11, message: 'verwacht "### Doel <code>: <titel>", bijv. "### Doel 1.3.a-A: Meer inwoners …"' },
      {
        line: 12,
        message: 'ongeldige code "1.3.a/B" (gebruik letters, cijfers, punten en streepjes, bijv. "1.3.a-A")',
      },
      {
        line: 13,
        message: 'verwacht "#### Actie <code>: <titel>", bijv. "#### Actie 1.3.a-A1: We werken de aanpak verder uit"',
      },
      {
        line: 14,
        message: 'er mag maar één titel van de agenda zijn ("# …"); gebruik "## <code> <titel>" voor een hoofdstuk',
      },
      {
        line: 15,
        message: 'de code en titel van het hoofdstuk ontbreken (verwacht "## <code> <titel>", bijv. "## 1.3.a Bereik NT1-ers")',
      },
      {
        line: 15,
        message:
          'het veld "soort" ontbreekt (verwacht direct onder de kop "soort: onderwerp", "soort: randvoorwaarde" of "soort: context")',
      },
      { line: 16, message: 'de code "1.1" is al gebruikt op regel 4; elke code moet uniek zijn' },
    ]);
  });

  it('formats errors as "regel N: …"', () => {
    expect(formatAgendaError({ line: 12, message: 'een actie moet onder een doel staan' })).toBe(
      'regel 12: een actie moet onder een doel staan',
    );
  });
});

describe('serializeAgenda', () => {
  const messy: AgendaDoc = {
    title: '  Agenda\nmet een regelovergang ',
    period: { start: 2020, end: 2024 },
    body: '\n\nInleiding.   \n\n\n\nTweede alinea.\n\n',
    chapters: [
      {
        code: '1.3.a',
        title: 'Bereik',
        kind: 'onderwerp',
        body: '# Geen kop\n   ## Ook geen kop\n#hashtag\n\n- lijst\n  - genest',
        goals: [
          {
            code: '1.3.a-A',
            title: 'Een doel',
            targetYear: 2024,
            body: '',
            actions: [
              {
                code: '1.3.a-A1',
                title: 'Een actie',
                deadline: 'medio 2022',
                owner: 'Haarlem',
                partners: ['Stichting ABC', ' ', 'CJG'],
                body: 'soort: geen veld\n#### Actie x: geen actie',
              },
              { code: '1.3.a-A2', title: 'Zonder velden', deadline: null, owner: '', partners: [], body: '  \n' },
            ],
          },
        ],
      },
      { code: 'slot', title: 'Tot slot', kind: 'context', body: '', goals: [] },
    ],
  };

  it('writes the canonical form', () => {
    expect(serializeAgenda(messy)).toBe(
      [
        '# Agenda met een regelovergang',
        'periode: 2020-2024',
        '',
        'Inleiding.',
        '',
        'Tweede alinea.',
        '',
        '## 1.3.a Bereik',
        'soort: onderwerp',
        '',
        '\\# Geen kop',
        '   \\## Ook geen kop',
        '#hashtag',
        '',
        '- lijst',
        '  - genest',
        '',
        '### Doel 1.3.a-A: Een doel',
        'doeljaar: 2024',
        '',
        '#### Actie 1.3.a-A1: Een actie',
        'termijn: medio 2022',
        'trekker: Haarlem',
        'partners: Stichting ABC; CJG',
        '',
        'soort: geen veld',
        '\\#### Actie x: geen actie',
        '',
        '#### Actie 1.3.a-A2: Zonder velden',
        '',
        '## slot Tot slot',
        'soort: context',
        '',
      ].join('\n'),
    );
  });

  it('is stable across a parse', () => {
    const once = serializeAgenda(messy);
    const parsed = parseOk(once);
    expect(serializeAgenda(parsed)).toBe(once);
    expect(parseOk(serializeAgenda(parsed))).toEqual(parsed);
    expect(allGoals(parsed)).toHaveLength(1);
    expect(allActions(parsed)).toHaveLength(2);
  });

  it('round-trips every valid fixture', () => {
    for (const name of ['good-minimal.md', 'bad-termijn.md', 'goal-in-context.md']) {
      const parsed = parseOk(fixture(name));
      const text = serializeAgenda(parsed);
      expect(parseOk(text), name).toEqual(parsed);
      expect(serializeAgenda(parseOk(text)), name).toBe(text);
    }
  });
});

describe('normalizeBody', () => {
  it('trims, keeps indentation and collapses blank lines', () => {
    expect(normalizeBody('\n\n  - a  \r\n\r\n\r\n\r\n    - b\t\n\n')).toBe('  - a\n\n    - b');
    expect(normalizeBody('   \n\t\n')).toBe('');
  });
});
