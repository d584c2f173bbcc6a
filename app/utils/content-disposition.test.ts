import { describe, expect, it } from 'vitest';

import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives a plain name twice', () => {
    expect(contentDisposition('plan.pdf')).toBe(`attachment; filename="plan.pdf"; filename*=UTF-8''plan.pdf`);
  });

  it('keeps the letters of accented names in the ASCII fallback, and the exact name in filename*', () => {
    expect(contentDisposition('Coördinatie één.docx')).toBe(
      `attachment; filename="Coordinatie een.docx"; filename*=UTF-8''Co%C3%B6rdinatie%20%C3%A9%C3%A9n.docx`,
    );
  });

  it('never lets quotes, backslashes or percent signs break or bend the quoted fallback', () => {
    expect(contentDisposition('a "b" \\c 100%.pdf')).toMatch(/^attachment; filename="a _b_ _c 100_.pdf"; /);
  });

  it('drops control characters and line breaks from the fallback (no header injection)', () => {
    const header = contentDisposition('plan\r\nSet-Cookie: x=1\t.pdf');
    expect(header).not.toMatch(/[\r\n\t]/);
    expect(header).toMatch(/^attachment; filename="planSet-Cookie: x=1.pdf"; filename\*=UTF-8''plan%0D%0ASet-Cookie%3A%20x%3D1%09.pdf$/);
  });

  it("percent-encodes what RFC 8187 does not allow bare: ' ( ) * and spaces", () => {
    expect(contentDisposition("it's (final)*.pdf")).toBe(
      `attachment; filename="it's (final)*.pdf"; filename*=UTF-8''it%27s%20%28final%29%2A.pdf`,
    );
  });

  it('falls back to a generic name when nothing ASCII is left', () => {
    expect(contentDisposition('日本')).toBe(`attachment; filename="bestand"; filename*=UTF-8''%E6%97%A5%E6%9C%AC`);
  });

  it('uses the ASCII name the caller gives, made safe the same way', () => {
    expect(contentDisposition('verslag-coördinatie.pdf', 'verslag-coordinatie.pdf')).toBe(
      `attachment; filename="verslag-coordinatie.pdf"; filename*=UTF-8''verslag-co%C3%B6rdinatie.pdf`,
    );
    expect(contentDisposition('x.pdf', 'a"b.pdf')).toMatch(/^attachment; filename="a_b.pdf"/);
  });
});
