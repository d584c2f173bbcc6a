import { describe, expect, it } from 'vitest';

import { amountInputText, centsToEuros, formatEuro, formatShare, parseAmount, percentageShares, percentOf, sumCents } from './money';

const NBSP = '\u00a0';

describe('parseAmount: Dutch amounts as typed, read as text into integer cents', () => {
  it.each([
    ['1.234.567,89', 123456789],
    ['€ 1.234,5', 123450],
    ['€1.234,50', 123450],
    [`€${NBSP}1.234,50`, 123450],
    ['1234', 123400],
    ['1234,', 123400],
    ['0,01', 1],
    ['0,1', 10],
    ['  250 000,00 ', 25000000],
    ['3.500.000', 350000000],
    ['0', 0],
  ])('%s → %i cents', (text, cents) => {
    expect(parseAmount(text)).toEqual({ ok: true, cents });
  });

  it('never goes through a binary fraction: 0,29 and 1.005,07 are exactly 29 and 100507 cents', () => {
    expect(parseAmount('0,29')).toEqual({ ok: true, cents: 29 });
    expect(parseAmount('1.005,07')).toEqual({ ok: true, cents: 100507 });
    expect(parseAmount('9.999.999.999,99')).toEqual({ ok: true, cents: 999999999999 });
  });

  it('refuses more than two decimals rather than rounding', () => {
    expect(parseAmount('12,345')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(parseAmount('1.000,001')).toEqual({ ok: false, problem: 'tooManyDecimals' });
  });

  it('refuses a negative amount unless the caller allows one (a correction)', () => {
    expect(parseAmount('-100')).toEqual({ ok: false, problem: 'negative' });
    expect(parseAmount('€ -100,50')).toEqual({ ok: false, problem: 'negative' });
    expect(parseAmount('-100,50', { allowNegative: true })).toEqual({ ok: true, cents: -10050 });
    expect(parseAmount('-0')).toEqual({ ok: true, cents: 0 });
  });

  it.each(['', '   ', '€'])('calls %j empty', (text) => {
    expect(parseAmount(text)).toEqual({ ok: false, problem: 'empty' });
  });

  it.each(['abc', '12a', '1,2,3', '1234.56', '1.23', '12.3456', '1e6', '€ 1.234.56', ',50', '--5', '0x10', 'NaN', 'Infinity'])(
    'refuses %j as not an amount',
    (text) => {
      expect(parseAmount(text)).toEqual({ ok: false, problem: 'invalid' });
    },
  );

  it('refuses amounts above € 10 billion', () => {
    expect(parseAmount('10.000.000.000,01')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseAmount('99999999999999999999')).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('formatting', () => {
  it('shows amounts the Dutch way, as Intl nl-NL EUR does, with a no-break space after the euro sign', () => {
    expect(formatEuro(123456700)).toBe(`€${NBSP}1.234.567,00`);
    expect(formatEuro(5)).toBe(`€${NBSP}0,05`);
    expect(formatEuro(-123450)).toBe(`€${NBSP}-1.234,50`);
    expect(formatEuro(123456700)).toBe(new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(1234567));
  });

  it('fills a form field with text that parses back to the same cents', () => {
    for (const cents of [0, 1, 99, 100, 123450, 123456789, -5005]) {
      const text = amountInputText(cents);
      expect(parseAmount(text, { allowNegative: true })).toEqual({ ok: true, cents });
    }
    expect(amountInputText(123456789)).toBe('1.234.567,89');
  });

  it('gives euros with two decimals for a spreadsheet', () => {
    expect(centsToEuros(123456789)).toBe(1234567.89);
    expect(centsToEuros(5)).toBe(0.05);
  });
});

describe('sums and shares', () => {
  it('adds cents exactly', () => {
    expect(sumCents([10, 20, 30])).toBe(60);
    expect(sumCents([])).toBe(0);
    // 0.1 + 0.2 in euros would not be 0.3; in cents it is.
    expect(sumCents([10, 20])).toBe(30);
  });

  it('gives shares that always add up to 100 % by the largest remainder', () => {
    expect(percentageShares([1, 1, 1])).toEqual([334, 333, 333]);
    expect(percentageShares([1, 1, 1]).reduce((a, b) => a + b)).toBe(1000);
    expect(percentageShares([2, 1])).toEqual([667, 333]);
    expect(percentageShares([500, 300, 200])).toEqual([500, 300, 200]);
    expect(percentageShares([1, 1, 1], 0)).toEqual([34, 33, 33]);
    const odd = percentageShares([123456789, 987654321, 55555, 1]);
    expect(odd.reduce((a, b) => a + b)).toBe(1000);
  });

  it('gives the extra step to the largest remainder, not simply the first part', () => {
    // 1/6 = 16,67 % and 5/6 = 83,33 %: the first rounds up.
    expect(percentageShares([1, 5])).toEqual([167, 833]);
    // 1..6 of 21: 4,76 / 9,52 / 14,29 / 19,05 / 23,81 / 28,57 % — each rounds to its nearest tenth, total 100,0 %.
    expect(percentageShares([1, 2, 3, 4, 5, 6])).toEqual([48, 95, 143, 190, 238, 286]);
  });

  it('gives every share 0 when there is nothing to share, and counts negative parts as 0', () => {
    expect(percentageShares([0, 0])).toEqual([0, 0]);
    expect(percentageShares([])).toEqual([]);
    expect(percentageShares([-5, 5])).toEqual([0, 1000]);
  });

  it('writes a share the Dutch way and compares whole percentages', () => {
    expect(formatShare(334)).toBe('33,4%');
    expect(formatShare(1000)).toBe('100,0%');
    expect(formatShare(5)).toBe('0,5%');
    expect(formatShare(34, 0)).toBe('34%');
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 0)).toBe(0);
  });
});
