import { describe, expect, it } from 'vitest';

import { formatMoney, formatMoneyShort, formatNumber, formatPercent, formatTick, formatValue } from './format';

const NBSP = '\u00a0';

describe('Dutch number formatting', () => {
  it('groups thousands with a dot and writes decimals with a comma', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(12.5, 1)).toBe('12,5');
    expect(formatNumber(-12345.6, 1)).toBe('-12.345,6');
    expect(formatNumber(0.4)).toBe('0');
    expect(formatNumber(-0.4)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('writes fractions as percentages', () => {
    expect(formatPercent(0.125, 1)).toBe('12,5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(-0.05)).toBe('-5%');
  });
});

describe('money from integer cents', () => {
  it('shows euros the Dutch way, with a no-break space after the sign', () => {
    expect(formatMoney(123456700)).toBe(`€${NBSP}1.234.567,00`);
    expect(formatMoney(5)).toBe(`€${NBSP}0,05`);
    expect(formatMoney(0)).toBe(`€${NBSP}0,00`);
  });

  it('puts the minus between the sign and the amount', () => {
    expect(formatMoney(-123450)).toBe(`€${NBSP}-1.234,50`);
  });

  it('keeps every cent of large amounts', () => {
    expect(formatMoney(123456789012)).toBe(`€${NBSP}1.234.567.890,12`);
    expect(formatMoney(99999999999999)).toBe(`€${NBSP}999.999.999.999,99`);
    expect(formatMoney(-100000000001)).toBe(`€${NBSP}-1.000.000.000,01`);
  });

  it('shortens axis amounts to whole euros, millions and billions', () => {
    expect(formatMoneyShort(25000000)).toBe(`€${NBSP}250.000`);
    expect(formatMoneyShort(150000000)).toBe(`€${NBSP}1,5${NBSP}mln`);
    expect(formatMoneyShort(-50000000)).toBe(`€${NBSP}-500.000`);
    expect(formatMoneyShort(-250000000)).toBe(`€${NBSP}-2,5${NBSP}mln`);
    expect(formatMoneyShort(200000000000)).toBe(`€${NBSP}2${NBSP}mld`);
    expect(formatMoneyShort(0)).toBe(`€${NBSP}0`);
  });

  it('chooses the full or the short form by format', () => {
    expect(formatValue(150000000, 'money')).toBe(`€${NBSP}1.500.000,00`);
    expect(formatTick(150000000, 'money')).toBe(`€${NBSP}1,5${NBSP}mln`);
    expect(formatValue(0.1234, 'percent')).toBe('12,3%');
    expect(formatTick(0.1234, 'percent')).toBe('12%');
    expect(formatValue(2.25, 'number')).toBe('2,25');
  });
});
