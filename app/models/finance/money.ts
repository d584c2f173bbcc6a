/**
 * Money, written once and browser-safe: amounts are integer euro cents everywhere (in the
 * database, the overview, the forms' parsed values, the exports), never floating euros.
 * Input is Dutch text ("1.234.567,89", "€ 1.234,5", "1234") read as a string, digit by
 * digit, so no binary fraction ever gets in between what was typed and what is stored.
 * Output is the Dutch form Intl 'nl-NL' EUR gives ("€ 1.234.567,00", a no-break space
 * after the euro sign), through the one formatter the charts use (app/models/charts/format.ts).
 */
import { formatMoney } from '../charts/format';

/** The largest amount Koers accepts: € 10 billion, far above any budget, far below where cents stop being exact. */
export const MAX_CENTS = 1_000_000_000_000;

export type AmountProblem = 'empty' | 'invalid' | 'negative' | 'tooManyDecimals' | 'tooLarge';
export type ParsedAmount = { ok: true; cents: number } | { ok: false; problem: AmountProblem };

/**
 * An amount as typed the Dutch way: a comma before the cents, dots (or no-break/plain
 * spaces) between thousands, optionally "€" in front. A dot is always a thousands
 * separator and must stand before a group of three digits ("1234.56" is refused rather
 * than guessed); at most two decimals ("12,345" is refused: it is not clear whether a
 * thousands separator was meant). Negative only where the caller allows it (a correction).
 */
export function parseAmount(input: string, { allowNegative = false }: { allowNegative?: boolean } = {}): ParsedAmount {
  const text = input
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim()
    .replace(/^(-?)\s*€\s*/, '$1')
    .replace(/^€\s*(-?)\s*/, '$1')
    .trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const match = /^(-)?(\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(\d*))?$/.exec(text);
  if (!match) return { ok: false, problem: 'invalid' };
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > 2) return { ok: false, problem: 'tooManyDecimals' };
  const digits = whole.replace(/[. ]/g, '');
  if (digits.length > 13) return { ok: false, problem: 'tooLarge' };
  const cents = Number(digits) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_CENTS) return { ok: false, problem: 'tooLarge' };
  if (minus && cents !== 0) {
    if (!allowNegative) return { ok: false, problem: 'negative' };
    return { ok: true, cents: -cents };
  }
  return { ok: true, cents };
}

/** "€ 1.234.567,00": how every amount is shown (tables, CSV, text alternatives). */
export function formatEuro(cents: number): string {
  return formatMoney(cents);
}

/** An amount as a form shows it for correcting: "1.234,50", no euro sign (the label says euro). */
export function amountInputText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')}`;
}

/** Cents as a number of euros for a spreadsheet cell (two decimals, shown with a euro number format). */
export function centsToEuros(cents: number): number {
  return Math.round(cents) / 100;
}

export function sumCents(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  return total;
}

/**
 * Percentage shares of a whole that add up to exactly 100 %, in steps of 1/10^decimals
 * percent (default tenths: 333 means 33,3 %). Rounding rule: the largest remainder
 * (Hamilton) method — every share is first rounded down, then the steps still missing
 * to 100 % go one each to the shares with the largest remainders, the earlier part first
 * on a tie. So three equal parts show 33,4 % / 33,3 % / 33,3 %, never 99,9 % in total.
 * Negative parts count as zero; when the whole is zero every share is zero.
 */
export function percentageShares(parts: readonly number[], decimals = 1): number[] {
  const values = parts.map((p) => BigInt(Math.max(0, Math.round(p))));
  const total = values.reduce((a, b) => a + b, 0n);
  if (total === 0n) return parts.map(() => 0);
  const whole = 100n * 10n ** BigInt(decimals);
  const floors = values.map((v) => (v * whole) / total);
  const remainders = values.map((v, i) => ({ i, rest: (v * whole) % total }));
  let missing = Number(whole - floors.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  const shares = floors.map(Number);
  for (const { i } of remainders) {
    if (missing === 0) break;
    shares[i] += 1;
    missing -= 1;
  }
  return shares;
}

/** A share in steps of tenths of a percent as text: 333 → "33,3%". */
export function formatShare(share: number, decimals = 1): string {
  const scale = 10 ** decimals;
  const whole = Math.floor(share / scale);
  const rest = share % scale;
  return decimals === 0 ? `${whole}%` : `${whole},${String(rest).padStart(decimals, '0')}%`;
}

/** `part` as a whole percentage of `whole`, rounded down (what a warning threshold compares); 0 for an empty whole. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((Math.max(0, part) * 100) / whole);
}
