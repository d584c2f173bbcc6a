/**
 * The balance ("eindbalans") of a period, browser-safe: how each action ended, and the
 * chart of it per chapter. The figures come from balance.server.ts.
 */
import { t } from '../../i18n';
import type { Fill } from '../charts/palette';
import type { StackedBarSpec } from '../charts/stacked-bar';
import { type ActionStatus, isClosedStatus } from '../tracker/action-status';
import type { PeriodOutcome } from './period-rules';

/** How an action ended in its period, left to right in the chart. */
export const BALANCE_OUTCOMES = ['afgerond', 'meegenomen', 'lopend', 'niet_afgerond', 'vervallen'] as const;
export type BalanceOutcome = (typeof BALANCE_OUTCOMES)[number];

export type BalanceCounts = Record<BalanceOutcome, number> & { total: number };

/**
 * Action rows per page of a chapter's balance, and the most the period page lists itself:
 * fifty, as on the action list. A period with more actions (2,000 on the benchmark's
 * workspace: 740 KiB, 72 ms) shows its figures per chapter, and each chapter's actions on a
 * page of their own; the real agenda's 39 stay on the period page (decision 034).
 */
export const BALANCE_PAGE_SIZE = 50;

export function emptyBalance(): BalanceCounts {
  return { afgerond: 0, meegenomen: 0, lopend: 0, niet_afgerond: 0, vervallen: 0, total: 0 };
}

/** Done and cancelled are what they are; an open action is carried over, not finished, or (in a running period) still open. */
export function balanceOutcome(action: { status: ActionStatus; periodOutcome: PeriodOutcome | null }): BalanceOutcome {
  if (action.status === 'afgerond') return 'afgerond';
  if (action.status === 'vervallen') return 'vervallen';
  if (action.periodOutcome === 'meegenomen') return 'meegenomen';
  if (action.periodOutcome === 'niet_afgerond') return 'niet_afgerond';
  return isClosedStatus(action.status) ? 'vervallen' : 'lopend';
}

/** "10 afgerond, 4 meegenomen, 0 nog open, 2 niet afgerond, 1 vervallen": the words of the page and the documents. */
export function countsLine(counts: BalanceCounts): string {
  const b = t.periods.balance;
  return BALANCE_OUTCOMES.map((outcome) => `${counts[outcome]} ${b.outcomes[outcome].toLocaleLowerCase('nl')}`).join(', ');
}

const FILLS: Record<BalanceOutcome, Fill> = {
  afgerond: { colour: '#1e6b32' },
  meegenomen: { colour: '#0b4f8a' },
  lopend: { colour: '#666666' },
  niet_afgerond: { colour: '#a4001d', pattern: 'diagonal' },
  vervallen: { colour: '#d9d9d9' },
};

export function balanceChartSpec(
  chapters: { id: number; code: string; title: string; counts: BalanceCounts }[],
  periodLabel: string,
): StackedBarSpec {
  const b = t.periods.balance;
  return {
    id: 'eindbalans',
    title: b.chartTitle(periodLabel),
    categoryHeader: b.chapter,
    segments: BALANCE_OUTCOMES.map((outcome) => ({
      key: outcome,
      label: b.outcomes[outcome],
      phrase: b.outcomes[outcome].toLocaleLowerCase('nl'),
      fill: FILLS[outcome],
    })),
    categories: chapters.map((chapter) => ({
      key: String(chapter.id),
      label: `${chapter.code} ${chapter.title}`,
      values: Object.fromEntries(BALANCE_OUTCOMES.map((o) => [o, chapter.counts[o]])),
      href: `#hoofdstuk-${chapter.id}`,
    })),
    totalPhrase: t.tracker.counts.total,
    notes: [b.chartNote],
  };
}
