/**
 * The rules of agenda periods ("looptijden"), written once and browser-safe: the
 * statuses and how they follow each other, what a period's address looks like, and
 * which years a new period may have. The database writer is period.server.ts; the
 * permissions that follow from a status are in app/models/permissions.ts.
 * docs/decisions/017-agenda-periods.md.
 */
import { t } from '../../i18n';

/** concept → vastgesteld (the current period) → afgesloten (read-only); reopening goes back to vastgesteld. */
export const PERIOD_STATUSES = ['concept', 'vastgesteld', 'afgesloten'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const PERIOD_STATUS_LABELS: Readonly<Record<PeriodStatus, string>> = t.periods.statuses;

/** What happened to an open goal or action when its period closed. */
export const PERIOD_OUTCOMES = ['meegenomen', 'niet_afgerond'] as const;
export type PeriodOutcome = (typeof PERIOD_OUTCOMES)[number];

/** At closing, each open action is carried over to the next period or closed as not finished (with a reason). */
export const CLOSING_CHOICES = ['meenemen', 'niet_afgerond'] as const;
export type ClosingChoice = (typeof CLOSING_CHOICES)[number];

/** Just what the rules need of a period. */
export type PeriodState = { status: PeriodStatus };

/** A closed period is read-only for everyone. */
export function isPeriodClosed(period: PeriodState): boolean {
  return period.status === 'afgesloten';
}

/** "Te laat" only means something while a period runs; a closed period's balance says what was not finished instead. */
export function showsOverdue(period: PeriodState): boolean {
  return !isPeriodClosed(period);
}

/** The transitions a period may make (reopening is a separate, beheerder-only rule). */
const NEXT: Record<PeriodStatus, readonly PeriodStatus[]> = {
  concept: ['vastgesteld'],
  vastgesteld: ['afgesloten'],
  afgesloten: ['vastgesteld'],
};

export function canTransition(from: PeriodStatus, to: PeriodStatus): boolean {
  return NEXT[from].includes(to);
}

/** The period's address: '2020-2024'. */
export function periodSlug(years: { periodStart: number; periodEnd: number }): string {
  return `${years.periodStart}-${years.periodEnd}`;
}

/** How a period is named in text: '2020–2024'. */
export function periodLabel(years: { periodStart: number; periodEnd: number }): string {
  return `${years.periodStart}–${years.periodEnd}`;
}

/**
 * Meetings and decisions belong to no period: a period holds those dated within its years.
 * ISO bounds, `from` inclusive and `until` exclusive, to compare with stored timestamps.
 */
export function periodDateRange(years: { periodStart: number; periodEnd: number }): { from: string; until: string } {
  return { from: `${years.periodStart}-01-01`, until: `${years.periodEnd + 1}-01-01` };
}

/**
 * The meetings a period's decisions log shows: those held in its years, and for the
 * current period also every later one — until the next agenda is adopted the working
 * group works under the current one, so a 2025 meeting of an installation still on
 * 2020–2024 keeps its decisions in view instead of belonging to no period.
 */
export function periodMeetingRange(period: { periodStart: number; periodEnd: number; status: PeriodStatus }): {
  from: string;
  until: string;
} {
  const range = periodDateRange(period);
  return period.status === 'vastgesteld' ? { from: range.from, until: `${LAST_YEAR + 1}-01-01` } : range;
}

/** The period whose years hold an instant (a meeting's start), if any. Periods never overlap. */
export function periodContaining<P extends { periodStart: number; periodEnd: number }>(
  periods: readonly P[],
  instant: string,
): P | undefined {
  return periods.find((period) => {
    const { from, until } = periodDateRange(period);
    return instant >= from && instant < until;
  });
}

/**
 * The period a meeting works under, whose actions its agenda points link to: the adopted
 * or closed period whose years hold the meeting's start. A meeting after the current
 * period's last year (before the next agenda is adopted) or before the first period works
 * under the current one, as in periodMeetingRange. A concept is never a meeting's period:
 * until it is adopted its actions are not the plan. Periods come newest first (listPeriods).
 */
export function periodOfMeeting<P extends { periodStart: number; periodEnd: number; status: PeriodStatus }>(
  periods: readonly P[],
  startsAt: string,
): P | undefined {
  const settled = periods.filter((period) => period.status !== 'concept');
  return periodContaining(settled, startsAt) ?? settled.find((period) => period.status === 'vastgesteld') ?? settled[0];
}

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/**
 * Checks the years of a new period against the ones that exist: first ≤ last, within
 * reason, and no overlap. Returns a Dutch message, or null when the years are fine.
 */
export function periodYearsError(
  years: { periodStart: number; periodEnd: number },
  existing: readonly { periodStart: number; periodEnd: number }[],
): string | null {
  const m = t.periods.errors;
  const { periodStart, periodEnd } = years;
  if (!Number.isInteger(periodStart) || !Number.isInteger(periodEnd)) return m.yearsInvalid;
  if (periodStart < FIRST_YEAR || periodEnd > LAST_YEAR) return m.yearsOutOfRange(FIRST_YEAR, LAST_YEAR);
  if (periodStart > periodEnd) return m.yearsReversed;
  const overlapping = existing.find((p) => p.periodStart <= periodEnd && periodStart <= p.periodEnd);
  if (overlapping) return m.yearsOverlap(periodLabel(overlapping));
  return null;
}
