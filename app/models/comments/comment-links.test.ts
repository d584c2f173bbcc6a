import { describe, expect, it } from 'vitest';

import { splitLinks } from './comment-links';

describe('splitLinks', () => {
  it('makes web addresses links and leaves the sentence around them', () => {
    expect(splitLinks('Zie https://www.lezenenschrijven.nl/aanbod. En www.taalhuis.nl (ook goed)')).toEqual([
      { text: 'Zie ', href: null },
      { text: 'https://www.lezenenschrijven.nl/aanbod', href: 'https://www.lezenenschrijven.nl/aanbod' },
      { text: '. En ', href: null },
      { text: 'www.taalhuis.nl', href: 'https://www.taalhuis.nl/' },
      { text: ' (ook goed)', href: null },
    ]);
  });

  it('leaves text without addresses, and unsafe schemes, as text', () => {
    expect(splitLinks('Geen adres hier')).toEqual([{ text: 'Geen adres hier', href: null }]);
    expect(splitLinks('javascript:alert(1)')).toEqual([{ text: 'javascript:alert(1)', href: null }]);
  });
});
