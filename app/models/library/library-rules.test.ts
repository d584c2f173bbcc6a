import { describe, expect, it } from 'vitest';

import { safeUrl, withWebScheme } from './library-rules';

describe('withWebScheme', () => {
  it.each([
    ['www.lezenenschrijven.nl', 'https://www.lezenenschrijven.nl'],
    [' www.lezenenschrijven.nl/aanbod?x=1 ', 'https://www.lezenenschrijven.nl/aanbod?x=1'],
    ['taalhuis.nl', 'https://taalhuis.nl'],
    ['//taalhuis.nl/pad', 'https://taalhuis.nl/pad'],
    ['https://www.lezenenschrijven.nl', 'https://www.lezenenschrijven.nl'],
    ['http://voorbeeld.nl', 'http://voorbeeld.nl'],
    ['mailto:info@taalhuis.nl', 'mailto:info@taalhuis.nl'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['geen adres', 'geen adres'],
  ])('%s → %s', (typed, expected) => {
    expect(withWebScheme(typed)).toBe(expected);
  });

  it('keeps unsafe addresses unsafe', () => {
    expect(safeUrl(withWebScheme('javascript:alert(1)'))).toBeNull();
    expect(safeUrl(withWebScheme('www.lezenenschrijven.nl'))).toBe('https://www.lezenenschrijven.nl/');
  });
});
