/**
 * Dutch number, money and percentage formatting for charts, their tables and their text
 * alternatives. The same function runs on the server and in the browser, so its output
 * must not depend on the ICU version either side: spaces and minus signs that CLDR
 * versions spell differently are normalised to one form.
 */
import { t } from '../../i18n';

const LOCALE = 'nl-NL';

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimalFormats = new Map<number, Intl.NumberFormat>();
const moneyFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' });
const wholeMoneyFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/** No-break space between "€" and the amount, a plain hyphen as minus, on every engine. */
function normalise(text: string): string {
  return text.replace(/[\u0020\u202f\u2009]/g, '\u00a0').replace(/\u2212/g, '-');
}

function decimalFormat(maxFractionDigits: number) {
  let format = decimalFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxFractionDigits });
    decimalFormats.set(maxFractionDigits, format);
  }
  return format;
}

/** "1.234.567" or, with fraction digits, "12,5". Not a finite number: "–". */
export function formatNumber(value: number, maxFractionDigits = 0): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = maxFractionDigits === 0 ? Math.round(value) : value;
  const text = (maxFractionDigits === 0 ? integerFormat : decimalFormat(maxFractionDigits)).format(rounded);
  return normalise(text === '-0' ? '0' : text);
}

/** A fraction as a percentage: 0.125 → "12,5%". */
export function formatPercent(fraction: number, maxFractionDigits = 0): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${formatNumber(fraction * 100, maxFractionDigits)}%`;
}

/**
 * An amount of money kept in integer cents, the Dutch way: 123456700 → "€ 1.234.567,00",
 * -123450 → "€ -1.234,50". Exact for every amount below € 35 trillion (2^45 euros, where a
 * double still tells cents apart); Koers' budgets are many orders of magnitude smaller.
 */
export function formatMoney(cents: number): string {
  if (!Number.isFinite(cents)) return '–';
  return normalise(moneyFormat.format(Math.round(cents) / 100));
}

/**
 * A short amount for an axis tick: "€ 250.000", "€ 1,5 mln", "€ 2 mld". Whole euros,
 * built from plain numbers (not the compact notation, which differs between CLDR versions).
 */
export function formatMoneyShort(cents: number): string {
  if (!Number.isFinite(cents)) return '–';
  const euros = Math.round(cents) / 100;
  const size = Math.abs(euros);
  const sign = euros < 0 ? '-' : '';
  if (size >= 1e9) return `€\u00a0${sign}${formatNumber(size / 1e9, 1)}\u00a0${t.charts.billion}`;
  if (size >= 1e6) return `€\u00a0${sign}${formatNumber(size / 1e6, 1)}\u00a0${t.charts.million}`;
  return normalise(wholeMoneyFormat.format(euros === 0 ? 0 : euros));
}

/** How a chart shows its values: plain numbers, fractions as percentages, or cents as euros. */
export type ValueFormat = 'number' | 'percent' | 'money';

/** The full form, for tables and text alternatives. */
export function formatValue(value: number, format: ValueFormat): string {
  switch (format) {
    case 'money':
      return formatMoney(value);
    case 'percent':
      return formatPercent(value, 1);
    default:
      return formatNumber(value, 2);
  }
}

/** The short form, for axis ticks and labels inside the graphic. */
export function formatTick(value: number, format: ValueFormat): string {
  switch (format) {
    case 'money':
      return formatMoneyShort(value);
    case 'percent':
      return formatPercent(value, 0);
    default:
      return formatNumber(value, 2);
  }
}
