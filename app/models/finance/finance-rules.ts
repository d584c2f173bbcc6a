/**
 * The rules of the financial overview, written once and browser-safe: the kinds of money,
 * the years Koers accepts, and the WEB spending obligation (how much of a year's WEB
 * contribution may be carried over to the next year; the rest that is not spent is paid
 * back). docs/decisions/021-finance.md says where the rule comes from.
 */
import { finance as financeText } from '../../i18n/nl/finance';

/** WEB contribution, DU basic skills, a municipality's own funds, another grant. */
export const STREAM_KINDS = ['web', 'du_basisvaardigheden', 'gemeentelijk', 'overig'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];
export const STREAM_KIND_LABELS: Readonly<Record<StreamKind, string>> = financeText.streamKinds;

export const ALLOCATION_PURPOSES = ['formeel', 'non_formeel'] as const;
export type AllocationPurpose = (typeof ALLOCATION_PURPOSES)[number];
export const ALLOCATION_PURPOSE_LABELS: Readonly<Record<AllocationPurpose, string>> = financeText.purposes;

export const COMMITMENT_KINDS = ['contract', 'subsidiebeschikking'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export const COMMITMENT_KIND_LABELS: Readonly<Record<CommitmentKind, string>> = financeText.commitmentKinds;

/** Years money can be recorded for: the WEB contact-municipality system started in 2015; far enough ahead for planning. */
export const FINANCE_YEARS = { first: 2015, last: 2040 } as const;

export function isFinanceYear(year: number): boolean {
  return Number.isInteger(year) && year >= FINANCE_YEARS.first && year <= FINANCE_YEARS.last;
}

/**
 * The setting of the WEB spending obligation: the share (in whole percents) of a year's WEB
 * contribution that may be carried over ("gereserveerd") to the next year. The rule is
 * 25 %; for the contributions of 2020 and 2021 it was raised to 50 % because of the
 * corona measures (Staatsblad, 29 April 2021). Change it here when the rule changes.
 */
export const WEB_CARRY_OVER_SETTING: { percent: number; byYear: Readonly<Record<number, number>> } = {
  percent: 25,
  byYear: { 2020: 50, 2021: 50 },
};

export function webCarryOverPercent(year: number, setting = WEB_CARRY_OVER_SETTING): number {
  return setting.byYear[year] ?? setting.percent;
}

/** The most of a WEB contribution that may be carried over, in cents, rounded down (never more than allowed). */
export function webCarryOverLimit(receivedCents: number, year: number, setting = WEB_CARRY_OVER_SETTING): number {
  return Math.floor((Math.max(0, receivedCents) * webCarryOverPercent(year, setting)) / 100);
}

/** Only the WEB contribution carries the spending obligation; the other streams have their own terms. */
export function hasSpendingObligation(kind: StreamKind): boolean {
  return kind === 'web';
}
