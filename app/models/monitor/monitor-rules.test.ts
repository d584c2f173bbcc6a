import { describe, expect, it } from 'vitest';

import {
  breakdownKey,
  changeSinceBaseline,
  chartValue,
  fromStored,
  parseBreakdownKey,
  targetForYear,
  targetStatus,
  toStored,
  valueProblem,
} from './monitor-rules';
import { areaSeries, formatFigure } from './monitor-series';

describe('stored values', () => {
  it('keeps counts, euro cents and tenths of a percent as exact integers', () => {
    expect(toStored('count', 1234)).toBe(1234);
    expect(toStored('euro', 1234.56)).toBe(123456);
    expect(toStored('percentage', 42.5)).toBe(425);
    expect(toStored('percentage', 0.1 * 3)).toBe(3);
    expect(fromStored('percentage', 425)).toBe(42.5);
    expect(fromStored('euro', 123456)).toBe(1234.56);
    expect(chartValue('percentage', 425)).toBeCloseTo(0.425);
  });

  it('refuses a value it cannot keep exactly at the unit’s scale', () => {
    expect(toStored('count', 12.5)).toBeNull();
    expect(toStored('percentage', 42.55)).toBeNull();
    expect(toStored('euro', 1.005)).toBeNull();
    expect(toStored('count', Number.NaN)).toBeNull();
  });

  it('names what is wrong with a value: negative, above 100%, too precise', () => {
    expect(valueProblem('count', -1)).toBe('negative');
    expect(valueProblem('percentage', 100.1)).toBe('above100');
    expect(valueProblem('percentage', 100)).toBeNull();
    expect(valueProblem('count', 3.5)).toBe('precision');
    expect(valueProblem('euro', 0)).toBeNull();
  });

  it('formats figures the Dutch way', () => {
    expect(formatFigure('count', 12345)).toBe('12.345');
    expect(formatFigure('percentage', 425)).toBe('42,5%');
    expect(formatFigure('euro', 123456)).toBe('€\u00a01.234,56');
    expect(formatFigure('count', null)).toBe('–');
  });
});

describe('breakdowns', () => {
  it('keys a breakdown as dimension/category and reads only known ones back', () => {
    expect(breakdownKey('moedertaal', 'NT2')).toBe('moedertaal/NT2');
    expect(breakdownKey('', '')).toBe('');
    expect(parseBreakdownKey('leeftijd/27-45')).toEqual({ dimension: 'leeftijd', category: '27-45' });
    expect(parseBreakdownKey('leeftijd/12-17')).toBeNull();
    expect(parseBreakdownKey('schoenmaat/42')).toBeNull();
  });
});

describe('trend against the 0-meting', () => {
  it('gives the absolute and relative change, or null without both figures', () => {
    expect(changeSinceBaseline(200, 250)).toEqual({ absolute: 50, relative: 0.25 });
    expect(changeSinceBaseline(0, 10)).toEqual({ absolute: 10, relative: null });
    expect(changeSinceBaseline(null, 10)).toBeNull();
    expect(changeSinceBaseline(10, null)).toBeNull();
  });
});

describe('targets', () => {
  const baseline = { year: 2020, value: 1000 };

  it('uses the target set for the year', () => {
    expect(targetForYear(2026, [{ year: 2026, value: 1300 }], baseline)).toEqual({ value: 1300, interpolated: false });
  });

  it('draws a straight line from the 0-meting to the period’s final target for a year without one', () => {
    const targets = [{ year: 2028, value: 1800 }];
    expect(targetForYear(2024, targets, baseline)).toEqual({ value: 1400, interpolated: true });
    expect(targetForYear(2027, targets, baseline)).toEqual({ value: 1700, interpolated: true });
  });

  it('interpolates between set targets when one lies before the year', () => {
    const targets = [
      { year: 2025, value: 1500 },
      { year: 2028, value: 1800 },
    ];
    expect(targetForYear(2026, targets, baseline)).toEqual({ value: 1600, interpolated: true });
  });

  it('has no target without a final target, without a 0-meting, or after the final target', () => {
    expect(targetForYear(2024, [], baseline)).toBeNull();
    expect(targetForYear(2024, [{ year: 2028, value: 1800 }], null)).toBeNull();
    expect(targetForYear(2029, [{ year: 2028, value: 1800 }], baseline)).toBeNull();
  });

  it('is on track when the figure reached its target', () => {
    expect(targetStatus(1400, 1400)).toBe('on-track');
    expect(targetStatus(1399, 1400)).toBe('behind');
    expect(targetStatus(1399, null)).toBe('no-target');
    expect(targetStatus(null, 1400)).toBe('no-figure');
  });
});

describe('a series per area', () => {
  it('takes each year’s target from the period holding the year', () => {
    const figures = [
      { municipalityId: null, year: 2020, value: 1000, completeness: null, respondents: null, isExample: false },
      { municipalityId: null, year: 2025, value: 1450, completeness: '3 van 4 aanbieders', respondents: null, isExample: true },
      { municipalityId: 3, year: 2025, value: 1, completeness: null, respondents: null, isExample: false },
    ];
    const periods = [
      { id: 1, periodStart: 2020, periodEnd: 2024 },
      { id: 2, periodStart: 2025, periodEnd: 2028 },
    ];
    const targets = [
      { municipalityId: null, agendaId: 1, year: 2024, value: 1400 },
      { municipalityId: null, agendaId: 2, year: 2028, value: 1800 },
    ];
    const points = areaSeries(null, figures, targets, periods, { toYear: 2026 });
    expect(points.map((p) => [p.year, p.value, p.target])).toEqual([
      [2020, 1000, null],
      [2021, null, 1100],
      [2022, null, 1200],
      [2023, null, 1300],
      [2024, null, 1400],
      [2025, 1450, 1500],
      [2026, null, 1600],
    ]);
    expect(points[5]).toMatchObject({ completeness: '3 van 4 aanbieders', isExample: true, targetInterpolated: true });
  });
});

describe('typed numbers', () => {
  it('reads Dutch and spreadsheet numbers, and nothing else', async () => {
    const { parseDutchNumber } = await import('./monitor-rules');
    expect(parseDutchNumber('1250')).toBe(1250);
    expect(parseDutchNumber('42,5')).toBe(42.5);
    expect(parseDutchNumber('1.250')).toBe(1250);
    expect(parseDutchNumber('1.250,50')).toBe(1250.5);
    expect(parseDutchNumber('42.5')).toBe(42.5);
    expect(parseDutchNumber(' -3 ')).toBe(-3);
    expect(parseDutchNumber('veel')).toBeNull();
    expect(parseDutchNumber('=1+1')).toBeNull();
    expect(parseDutchNumber('')).toBeNull();
    expect(parseDutchNumber('1,2,3')).toBeNull();
  });
});
