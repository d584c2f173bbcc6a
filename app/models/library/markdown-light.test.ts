import { describe, expect, it } from 'vitest';

import { MARK_END, MARK_START } from '../search/search-text';
import { markdownLightToText } from './markdown-light';

describe('markdownLightToText', () => {
  it('keeps the words and drops the marks of headings, lists, bold and links', () => {
    const source = [
      '## Wat we doen',
      'Ouders lezen **samen met hun kind** voor, met [de Voorleesexpress](https://www.voorleesexpress.nl).',
      '',
      '- een ontbijt in het Taalhuis',
      '* boeken mee naar huis',
      '2) nog een keer',
      '### Resultaat',
    ].join('\n');
    expect(markdownLightToText(source)).toBe(
      [
        'Wat we doen',
        'Ouders lezen samen met hun kind voor, met de Voorleesexpress.',
        '',
        'een ontbijt in het Taalhuis',
        'boeken mee naar huis',
        'nog een keer',
        'Resultaat',
      ].join('\n'),
    );
  });

  it('cleans pieces cut out of the middle, where a mark lost its other half, and keeps search highlights', () => {
    expect(markdownLightToText(`…lezen **samen met ${MARK_START}hun${MARK_END} kind…`)).toBe(
      `…lezen samen met ${MARK_START}hun${MARK_END} kind…`,
    );
    expect(markdownLightToText('…Voorleesexpress](https://www.voorleesexpress.nl). Daarna…')).toBe('…Voorleesexpress. Daarna…');
    expect(markdownLightToText('…met [de Voorlees…')).toBe('…met de Voorlees…');
  });

  it('leaves ordinary text alone, dashes and brackets in sentences included', () => {
    const text = 'Haarlem - Velsen: 3 * 4 = 12 [zie bijlage] en 1) niet aan het begin.';
    expect(markdownLightToText(text)).toBe(text);
  });
});
