import { describe, expect, it } from 'vitest';

import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus, isActionStatus, isClosedStatus } from './action-status';
import {
  compareDeadlines,
  type Deadline,
  DEADLINE_EXAMPLES,
  type DeadlineKind,
  formatDate,
  formatWindow,
  isIsoDate,
  isOverdue,
  parseDeadline,
  parseWindowFilter,
  WINDOW_FILTER_EXAMPLES,
  windowsOverlap,
} from './deadline';

/** Parse and fail loudly (with the error) when the phrase is rejected. */
function parsed(phrase: string): Deadline {
  const result = parseDeadline(phrase);
  if (!result.ok) throw new Error(`expected "${phrase}" to parse, got: ${result.error}`);
  return result.deadline;
}

function rejected(phrase: string): string {
  const result = parseDeadline(phrase);
  if (result.ok) throw new Error(`expected "${phrase}" to be rejected, got ${JSON.stringify(result.deadline)}`);
  return result.error;
}

const EXAMPLES_SENTENCE =
  'Schrijf bijvoorbeeld "2021", "medio 2022", "eind 2021", "Q3 2022", "september 2022", "uiterlijk 31-12-2021" of "vanaf medio 2021".';

describe('parseDeadline: windows', () => {
  it.each<[string, string, string]>([
    // a year
    ['2021', '2021-01-01', '2021-12-31'],
    ['in 2021', '2021-01-01', '2021-12-31'],
    ['In 2024', '2024-01-01', '2024-12-31'],
    ['2000', '2000-01-01', '2000-12-31'],
    ['2100', '2100-01-01', '2100-12-31'],
    // begin / medio / eind (decision 002)
    ['begin 2021', '2021-01-01', '2021-03-31'],
    ['begin van 2021', '2021-01-01', '2021-03-31'],
    ['medio 2022', '2022-05-01', '2022-08-31'],
    ['half 2022', '2022-05-01', '2022-08-31'],
    ['eind 2021', '2021-10-01', '2021-12-31'],
    ['eind van 2021', '2021-10-01', '2021-12-31'],
    ['einde 2021', '2021-10-01', '2021-12-31'],
    ['early 2021', '2021-01-01', '2021-03-31'],
    ['beginning of 2021', '2021-01-01', '2021-03-31'],
    ['mid 2022', '2022-05-01', '2022-08-31'],
    ['mid-2022', '2022-05-01', '2022-08-31'],
    ['late 2021', '2021-10-01', '2021-12-31'],
    ['end of 2021', '2021-10-01', '2021-12-31'],
    ['the end of 2021', '2021-10-01', '2021-12-31'],
    // begin / medio / eind of a month (issue 11)
    ['eind januari 2027', '2027-01-21', '2027-01-31'],
    ['Eind januari 2027', '2027-01-21', '2027-01-31'],
    ['begin maart 2026', '2026-03-01', '2026-03-10'],
    ['medio september 2025', '2025-09-11', '2025-09-20'],
    ['eind van februari 2028', '2028-02-21', '2028-02-29'],
    ['eind februari 2027', '2027-02-21', '2027-02-28'],
    ['eind april 2026', '2026-04-21', '2026-04-30'],
    ['end of june 2026', '2026-06-21', '2026-06-30'],
    // meteorological seasons
    ['voorjaar 2022', '2022-03-01', '2022-05-31'],
    ['lente 2022', '2022-03-01', '2022-05-31'],
    ['zomer 2022', '2022-06-01', '2022-08-31'],
    ['in de zomer van 2022', '2022-06-01', '2022-08-31'],
    ['najaar 2021', '2021-09-01', '2021-11-30'],
    ['herfst 2021', '2021-09-01', '2021-11-30'],
    ['winter 2021', '2021-12-01', '2022-02-28'],
    ['winter 2023', '2023-12-01', '2024-02-29'],
    ['winter 2023/2024', '2023-12-01', '2024-02-29'],
    ['spring 2022', '2022-03-01', '2022-05-31'],
    ['summer of 2022', '2022-06-01', '2022-08-31'],
    ['autumn 2021', '2021-09-01', '2021-11-30'],
    ['fall 2021', '2021-09-01', '2021-11-30'],
    ['winter 2099', '2099-12-01', '2100-02-28'], // 2100 is no leap year
    // quarters
    ['Q1 2021', '2021-01-01', '2021-03-31'],
    ['Q2 2021', '2021-04-01', '2021-06-30'],
    ['Q3 2022', '2022-07-01', '2022-09-30'],
    ['q4 2021', '2021-10-01', '2021-12-31'],
    ['Q3-2022', '2022-07-01', '2022-09-30'],
    ['in Q3 2022', '2022-07-01', '2022-09-30'],
    ['1e kwartaal 2021', '2021-01-01', '2021-03-31'],
    ['2e kwartaal 2021', '2021-04-01', '2021-06-30'],
    ['eerste kwartaal 2021', '2021-01-01', '2021-03-31'],
    ['tweede kwartaal 2021', '2021-04-01', '2021-06-30'],
    ['derde kwartaal 2021', '2021-07-01', '2021-09-30'],
    ['vierde kwartaal 2021', '2021-10-01', '2021-12-31'],
    ['in het derde kwartaal van 2021', '2021-07-01', '2021-09-30'],
    ['kwartaal 3 2022', '2022-07-01', '2022-09-30'],
    ['first quarter 2021', '2021-01-01', '2021-03-31'],
    ['in the fourth quarter of 2021', '2021-10-01', '2021-12-31'],
    ['3rd quarter 2021', '2021-07-01', '2021-09-30'],
    // halves
    ['H1 2021', '2021-01-01', '2021-06-30'],
    ['H2 2021', '2021-07-01', '2021-12-31'],
    ['eerste helft 2021', '2021-01-01', '2021-06-30'],
    ['tweede helft 2021', '2021-07-01', '2021-12-31'],
    ['1e helft 2021', '2021-01-01', '2021-06-30'],
    ['2e helft van 2021', '2021-07-01', '2021-12-31'],
    ['first half 2021', '2021-01-01', '2021-06-30'],
    ['second half of 2021', '2021-07-01', '2021-12-31'],
    // month and year
    ['september 2022', '2022-09-01', '2022-09-30'],
    ['sept. 2022', '2022-09-01', '2022-09-30'],
    ['sep 2022', '2022-09-01', '2022-09-30'],
    ['in maart 2023', '2023-03-01', '2023-03-31'],
    ['mrt 2023', '2023-03-01', '2023-03-31'],
    ['March 2023', '2023-03-01', '2023-03-31'],
    ['mei 2021', '2021-05-01', '2021-05-31'],
    ['May 2021', '2021-05-01', '2021-05-31'],
    ['okt. 2021', '2021-10-01', '2021-10-31'],
    ['Oct 2021', '2021-10-01', '2021-10-31'],
    ['juni 2021', '2021-06-01', '2021-06-30'],
    ['februari 2024', '2024-02-01', '2024-02-29'],
    ['februari 2023', '2023-02-01', '2023-02-28'],
    ['feb 2000', '2000-02-01', '2000-02-29'], // divisible by 400: leap
    ['december 2021', '2021-12-01', '2021-12-31'],
    // exact dates
    ['31-12-2021', '2021-12-31', '2021-12-31'],
    ['1-2-2021', '2021-02-01', '2021-02-01'],
    ['31/12/2021', '2021-12-31', '2021-12-31'],
    ['2021-12-31', '2021-12-31', '2021-12-31'],
    ['29-02-2024', '2024-02-29', '2024-02-29'],
    ['31 december 2021', '2021-12-31', '2021-12-31'],
    ['1 jan. 2022', '2022-01-01', '2022-01-01'],
    ['December 31, 2021', '2021-12-31', '2021-12-31'],
    ['29 februari 2024', '2024-02-29', '2024-02-29'],
  ])('%s → %s t/m %s', (phrase, start, end) => {
    expect(parsed(phrase)).toEqual({ phrase, start, end, kind: 'window' });
  });
});

describe('parseDeadline: uiterlijk / vanaf', () => {
  it.each<[string, DeadlineKind, string | null, string | null]>([
    ['uiterlijk 31-12-2021', 'by', null, '2021-12-31'],
    ['uiterlijk eind 2021', 'by', null, '2021-12-31'],
    ['uiterlijk begin 2022', 'by', null, '2022-03-31'],
    ['uiterlijk Q2 2022', 'by', null, '2022-06-30'],
    ['uiterlijk 2023', 'by', null, '2023-12-31'],
    ['uiterlijk in 2023', 'by', null, '2023-12-31'],
    ['uiterlijk februari 2024', 'by', null, '2024-02-29'],
    ['uiterlijk winter 2023', 'by', null, '2024-02-29'],
    ['by 31 December 2021', 'by', null, '2021-12-31'],
    ['by the end of 2021', 'by', null, '2021-12-31'],
    ['no later than Q3 2022', 'by', null, '2022-09-30'],
    ['vanaf medio 2021', 'from', '2021-05-01', null],
    ['vanaf 2022', 'from', '2022-01-01', null],
    ['Vanaf 1-9-2021', 'from', '2021-09-01', null],
    ['vanaf het tweede kwartaal van 2022', 'from', '2022-04-01', null],
    ['vanaf H2 2022', 'from', '2022-07-01', null],
    ['from mid 2021', 'from', '2021-05-01', null],
    ['starting September 2022', 'from', '2022-09-01', null],
    ['starting in 2023', 'from', '2023-01-01', null],
  ])('%s → %s %s/%s', (phrase, kind, start, end) => {
    expect(parsed(phrase)).toEqual({ phrase, kind, start, end });
  });

  it('distinguishes "eind 2021", "uiterlijk eind 2021" and "uiterlijk 31-12-2021"', () => {
    expect(parsed('eind 2021')).toMatchObject({ kind: 'window', start: '2021-10-01', end: '2021-12-31' });
    expect(parsed('uiterlijk eind 2021')).toMatchObject({ kind: 'by', start: null, end: '2021-12-31' });
    expect(parsed('uiterlijk 31-12-2021')).toMatchObject({ kind: 'by', start: null, end: '2021-12-31' });
    expect(parsed('31-12-2021')).toMatchObject({ kind: 'window', start: '2021-12-31', end: '2021-12-31' });
  });
});

describe('parseDeadline: decision deadlines ("besluit …")', () => {
  it.each<[string, DeadlineKind, string | null, string | null]>([
    ['besluit in 2021', 'window', '2021-01-01', '2021-12-31'],
    ['besluit eind 2021', 'window', '2021-10-01', '2021-12-31'],
    ['Besluit begin 2021', 'window', '2021-01-01', '2021-03-31'],
    ['besluit: medio 2022', 'window', '2022-05-01', '2022-08-31'],
    ['besluit uiterlijk 31-12-2021', 'by', null, '2021-12-31'],
    ['besluit vanaf medio 2021', 'from', '2021-05-01', null],
    ['decision in 2021', 'window', '2021-01-01', '2021-12-31'],
    ['decision by end of 2021', 'by', null, '2021-12-31'],
  ])('%s → %s %s/%s, phrase kept as written', (phrase, kind, start, end) => {
    expect(parsed(phrase)).toEqual({ phrase, kind, start, end });
  });
});

describe('parseDeadline: case, whitespace and the phrase as written', () => {
  it.each<[string, string, string, string]>([
    ['  eind   2021  ', 'eind   2021', '2021-10-01', '2021-12-31'],
    ['MEDIO 2022', 'MEDIO 2022', '2022-05-01', '2022-08-31'],
    ['\tIn\n2021 ', 'In\n2021', '2021-01-01', '2021-12-31'],
    ['Q3\u00a02022', 'Q3\u00a02022', '2022-07-01', '2022-09-30'],
    ['Eind 2021.', 'Eind 2021.', '2021-10-01', '2021-12-31'],
  ])('%j keeps %j', (input, phrase, start, end) => {
    expect(parsed(input)).toEqual({ phrase, start, end, kind: 'window' });
  });
});

describe('parseDeadline: rejected phrases', () => {
  it.each<[string, string]>([
    ['', 'Vul een termijn in.'],
    ['   ', 'Vul een termijn in.'],
    ['binnenkort', 'Onbekende termijn "binnenkort".'],
    ['medio', 'Onbekende termijn "medio".'],
    ['Q5 2021', 'Onbekende termijn "Q5 2021".'],
    ['H3 2021', 'Onbekende termijn "H3 2021".'],
    ['vijfde kwartaal 2021', 'Onbekende termijn "vijfde kwartaal 2021".'],
    ['derde helft 2021', 'Onbekende termijn "derde helft 2021".'],
    ['uiterlijk', 'Onbekende termijn "uiterlijk".'],
    ['besluit', 'Onbekende termijn "besluit".'],
    ['vóór 1-1-2022', 'Onbekende termijn "vóór 1-1-2022".'],
    ['voor eind 2021', 'Onbekende termijn "voor eind 2021".'],
    ['uiterlijk vanaf 2021', 'Onbekende termijn "uiterlijk vanaf 2021".'],
    ['eind 2021 of begin 2022', 'Onbekende termijn "eind 2021 of begin 2022".'],
    ['2021 medio', 'Onbekende termijn "2021 medio".'],
    ['21', 'Onbekende termijn "21".'],
    ['zomer', 'Onbekende termijn "zomer".'],
    ['september', 'Onbekende termijn "september".'],
    ['half van 2021', 'Onbekende termijn "half van 2021".'],
    ['constructor 2021', 'Onbekende termijn "constructor 2021".'],
    ['winter 2023/2025', 'Onbekende termijn "winter 2023/2025".'],
    ['2021-12-31 12:00', 'Onbekende termijn "2021-12-31 12:00".'],
  ])('%j: %s', (phrase, lead) => {
    expect(rejected(phrase)).toBe(`${lead} ${EXAMPLES_SENTENCE}`);
  });

  it.each<[string, string]>([
    ['2021-13-01', '"2021-13-01" is geen bestaande datum: er is geen maand 13.'],
    ['31-02-2021', '"31-02-2021" is geen bestaande datum: februari 2021 heeft 28 dagen.'],
    ['29-02-2023', '"29-02-2023" is geen bestaande datum: februari 2023 heeft 28 dagen.'],
    ['29-02-2100', '"29-02-2100" is geen bestaande datum: februari 2100 heeft 28 dagen.'],
    ['31 april 2022', '"31 april 2022" is geen bestaande datum: april 2022 heeft 30 dagen.'],
    ['0-1-2022', '"0-1-2022" is geen bestaande datum: januari 2022 heeft 31 dagen.'],
    ['uiterlijk 31-06-2021', '"uiterlijk 31-06-2021" is geen bestaande datum: juni 2021 heeft 30 dagen.'],
    ['1999', '"1999" ligt buiten de jaren 2000 t/m 2100.'],
    ['eind 2101', '"eind 2101" ligt buiten de jaren 2000 t/m 2100.'],
    ['vanaf Q1 1999', '"vanaf Q1 1999" ligt buiten de jaren 2000 t/m 2100.'],
    ['31-12-1999', '"31-12-1999" ligt buiten de jaren 2000 t/m 2100.'],
  ])('%j: impossible date or year', (phrase, lead) => {
    expect(rejected(phrase)).toBe(`${lead} ${EXAMPLES_SENTENCE}`);
  });

  it('shows the message the product asks for on an unknown phrase', () => {
    expect(rejected('binnenkort')).toBe(
      'Onbekende termijn "binnenkort". Schrijf bijvoorbeeld "2021", "medio 2022", "eind 2021", "Q3 2022", "september 2022", "uiterlijk 31-12-2021" of "vanaf medio 2021".',
    );
  });
});

describe('DEADLINE_EXAMPLES', () => {
  it.each([...DEADLINE_EXAMPLES])('example %j parses', (example) => {
    expect(parseDeadline(example).ok).toBe(true);
  });

  it('lists every example in the error message', () => {
    const error = rejected('binnenkort');
    for (const example of DEADLINE_EXAMPLES) expect(error).toContain(`"${example}"`);
  });
});

describe('isOverdue', () => {
  const today = '2022-01-15';
  it.each<[string, string | null, ActionStatus, boolean]>([
    ['window ended yesterday, loopt', '2022-01-14', 'loopt', true],
    ['window ended long ago, niet gestart', '2021-12-31', 'niet_gestart', true],
    ['window ended, besluit nodig', '2021-12-31', 'besluit_nodig', true],
    ['today is the last day', '2022-01-15', 'loopt', false],
    ['window ends later', '2022-03-31', 'loopt', false],
    ['ended but afgerond', '2021-12-31', 'afgerond', false],
    ['ended but vervallen', '2021-12-31', 'vervallen', false],
    ["'from' deadline (no end)", null, 'niet_gestart', false],
  ])('%s', (_label, end, status, expected) => {
    expect(isOverdue({ end }, status, today)).toBe(expected);
  });

  it('works on parsed deadlines', () => {
    expect(isOverdue(parsed('eind 2021'), 'loopt', '2022-01-01')).toBe(true);
    expect(isOverdue(parsed('eind 2021'), 'loopt', '2021-12-31')).toBe(false);
    expect(isOverdue(parsed('uiterlijk 31-12-2021'), 'loopt', '2022-01-01')).toBe(true);
    expect(isOverdue(parsed('vanaf medio 2021'), 'loopt', '2030-01-01')).toBe(false);
    expect(isOverdue(parsed('winter 2023'), 'loopt', '2024-02-29')).toBe(false);
    expect(isOverdue(parsed('winter 2023'), 'loopt', '2024-03-01')).toBe(true);
  });
});

describe('action statuses', () => {
  it('lists the statuses in workflow order with Dutch labels', () => {
    expect(ACTION_STATUSES).toEqual(['niet_gestart', 'loopt', 'besluit_nodig', 'afgerond', 'vervallen']);
    expect(ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s])).toEqual([
      'Niet gestart',
      'Loopt',
      'Besluit nodig',
      'Afgerond',
      'Vervallen',
    ]);
  });

  it.each<[ActionStatus, boolean]>([
    ['niet_gestart', false],
    ['loopt', false],
    ['besluit_nodig', false],
    ['afgerond', true],
    ['vervallen', true],
  ])('isClosedStatus(%s) is %s', (status, closed) => {
    expect(isClosedStatus(status)).toBe(closed);
  });

  it.each<[unknown, boolean]>([
    ['loopt', true],
    ['Loopt', false],
    ['done', false],
    [undefined, false],
  ])('isActionStatus(%j) is %s', (value, expected) => {
    expect(isActionStatus(value)).toBe(expected);
  });
});

describe('formatWindow', () => {
  it.each<[string, DeadlineKind, string | null, string | null, string]>([
    ['begin', 'window', '2021-01-01', '2021-03-31', '1 jan. 2021 t/m 31 mrt. 2021'],
    ['medio', 'window', '2021-05-01', '2021-08-31', '1 mei 2021 t/m 31 aug. 2021'],
    ['winter', 'window', '2023-12-01', '2024-02-29', '1 dec. 2023 t/m 29 feb. 2024'],
    ['one day', 'window', '2021-12-31', '2021-12-31', '31 dec. 2021'],
    ['by', 'by', null, '2021-12-31', 'uiterlijk 31 dec. 2021'],
    ['from', 'from', '2021-05-01', null, 'vanaf 1 mei 2021'],
    ['all months', 'window', '2021-06-01', '2021-07-09', '1 jun. 2021 t/m 9 jul. 2021'],
    ['autumn', 'window', '2021-09-01', '2021-11-30', '1 sep. 2021 t/m 30 nov. 2021'],
    ['april–october', 'window', '2021-04-02', '2021-10-03', '2 apr. 2021 t/m 3 okt. 2021'],
  ])('%s → %s', (_label, kind, start, end, text) => {
    expect(formatWindow({ kind, start, end })).toBe(text);
  });

  it.each<[string, string]>([
    ['eind 2021', '1 okt. 2021 t/m 31 dec. 2021'],
    ['uiterlijk eind 2021', 'uiterlijk 31 dec. 2021'],
    ['vanaf medio 2021', 'vanaf 1 mei 2021'],
    ['Q1 2021', '1 jan. 2021 t/m 31 mrt. 2021'],
    ['februari 2024', '1 feb. 2024 t/m 29 feb. 2024'],
  ])('formats the window of %j as %j', (phrase, text) => {
    expect(formatWindow(parsed(phrase))).toBe(text);
  });

  it('formatDate rejects a non-date', () => {
    expect(() => formatDate('2021-02-30')).toThrow();
    expect(formatDate('2021-03-05')).toBe('5 mrt. 2021');
  });
});

describe('parseWindowFilter', () => {
  const today = '2021-11-15';
  it.each<[string, string | null, string | null]>([
    ['dit jaar', '2021-01-01', '2021-12-31'],
    ['Dit  Jaar', '2021-01-01', '2021-12-31'],
    ['volgend jaar', '2022-01-01', '2022-12-31'],
    ['vorig jaar', '2020-01-01', '2020-12-31'],
    ['dit kwartaal', '2021-10-01', '2021-12-31'],
    ['volgend kwartaal', '2022-01-01', '2022-03-31'],
    ['vorig kwartaal', '2021-07-01', '2021-09-30'],
    ['deze maand', '2021-11-01', '2021-11-30'],
    ['volgende maand', '2021-12-01', '2021-12-31'],
    ['vorige maand', '2021-10-01', '2021-10-31'],
    ['this year', '2021-01-01', '2021-12-31'],
    ['this quarter', '2021-10-01', '2021-12-31'],
    ['next quarter', '2022-01-01', '2022-03-31'],
    ['this month', '2021-11-01', '2021-11-30'],
    ['uiterlijk dit jaar', null, '2021-12-31'],
    ['vanaf volgend kwartaal', '2022-01-01', null],
    // any deadline phrase: its window
    ['medio 2022', '2022-05-01', '2022-08-31'],
    ['uiterlijk eind 2021', null, '2021-12-31'],
    ['vanaf 2023', '2023-01-01', null],
    ['', null, null],
  ])('%j → %s/%s (today 2021-11-15)', (input, start, end) => {
    expect(parseWindowFilter(input, today)).toEqual({ ok: true, start, end });
  });

  it.each<[string, string, string | null, string | null]>([
    ['volgend kwartaal', '2021-12-31', '2022-01-01', '2022-03-31'],
    ['vorig kwartaal', '2021-02-10', '2020-10-01', '2020-12-31'],
    ['volgende maand', '2021-12-20', '2022-01-01', '2022-01-31'],
    ['vorige maand', '2021-01-05', '2020-12-01', '2020-12-31'],
    ['volgende maand', '2024-01-31', '2024-02-01', '2024-02-29'],
    ['dit kwartaal', '2022-04-01', '2022-04-01', '2022-06-30'],
  ])('%j on %s crosses boundaries → %s/%s', (input, day, start, end) => {
    expect(parseWindowFilter(input, day)).toEqual({ ok: true, start, end });
  });

  it('rejects an unknown filter with filter examples', () => {
    const result = parseWindowFilter('binnenkort', today);
    expect(result).toEqual({
      ok: false,
      error:
        'Onbekende periode "binnenkort". Schrijf bijvoorbeeld "dit jaar", "volgend kwartaal", "deze maand", "2021", "medio 2022" of "uiterlijk eind 2021".',
    });
    for (const example of WINDOW_FILTER_EXAMPLES) {
      expect(parseWindowFilter(example, today).ok).toBe(true);
    }
  });

  it('does not accept relative phrases as deadlines', () => {
    expect(parseDeadline('dit jaar').ok).toBe(false);
    expect(parseDeadline('volgend kwartaal').ok).toBe(false);
  });

  it('throws on a malformed today (a programming error)', () => {
    expect(() => parseWindowFilter('dit jaar', '15-11-2021')).toThrow();
  });
});

describe('windowsOverlap', () => {
  const w = (start: string | null, end: string | null) => ({ start, end });
  it.each<[string, ReturnType<typeof w>, ReturnType<typeof w>, boolean]>([
    ['same window', w('2021-01-01', '2021-12-31'), w('2021-01-01', '2021-12-31'), true],
    ['inside', w('2021-05-01', '2021-08-31'), w('2021-01-01', '2021-12-31'), true],
    ['touching on one day', w('2021-01-01', '2021-03-31'), w('2021-03-31', '2021-06-30'), true],
    ['adjacent, no shared day', w('2021-01-01', '2021-03-31'), w('2021-04-01', '2021-06-30'), false],
    ['after', w('2022-01-01', '2022-12-31'), w('2021-01-01', '2021-12-31'), false],
    ['by overlaps earlier filter', w(null, '2021-12-31'), w('2021-10-01', '2021-12-31'), true],
    ['by ends before filter', w(null, '2021-06-30'), w('2021-10-01', '2021-12-31'), false],
    ['from starts in filter', w('2021-05-01', null), w('2021-01-01', '2021-12-31'), true],
    ['from starts after filter', w('2022-05-01', null), w('2021-01-01', '2021-12-31'), false],
    ['by and from meet', w(null, '2021-06-30'), w('2021-06-30', null), true],
    ['by and from miss', w(null, '2021-06-29'), w('2021-06-30', null), false],
    ['open filter', w('2021-01-01', '2021-01-01'), w(null, null), true],
  ])('%s', (_label, a, b, expected) => {
    expect(windowsOverlap(a, b)).toBe(expected);
    expect(windowsOverlap(b, a)).toBe(expected);
  });
});

describe('compareDeadlines', () => {
  it('sorts by end (no end last), then by start (no start first)', () => {
    const phrases = ['vanaf medio 2021', 'eind 2021', '2021', 'uiterlijk 31-12-2021', 'begin 2021', 'vanaf 2020', 'Q1 2021', '31-12-2021'];
    const sorted = phrases
      .map(parsed)
      .sort(compareDeadlines)
      .map((d) => d.phrase);
    expect(sorted).toEqual([
      'begin 2021', // end 03-31, start 01-01 (same window as Q1: stable order)
      'Q1 2021',
      'uiterlijk 31-12-2021', // end 12-31, no start
      '2021', // end 12-31, start 01-01
      'eind 2021', // end 12-31, start 10-01
      '31-12-2021', // end 12-31, start 12-31
      'vanaf 2020', // no end, start 2020
      'vanaf medio 2021', // no end, start 2021-05-01
    ]);
  });

  it.each<[string, string, number]>([
    ['eind 2021', 'begin 2022', -1],
    ['begin 2022', 'eind 2021', 1],
    ['vanaf 2021', 'eind 2030', 1],
    ['uiterlijk eind 2021', '2021', -1],
    ['Q4 2021', 'eind 2021', 0],
  ])('compare(%j, %j) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareDeadlines(parsed(a), parsed(b)))).toBe(sign);
  });
});

describe('isIsoDate', () => {
  it.each<[string, boolean]>([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2021-1-01', false],
    ['2021-12-32', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
