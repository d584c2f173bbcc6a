/**
 * The agenda overview's "Stand van zaken" as a chart: per chapter, its actions by status
 * with the overdue ones as a part of their own, so every bar adds up to the chapter's total.
 */
import { t } from '../../i18n';
import type { Fill } from '../charts/palette';
import type { StackedBarSpec } from '../charts/stacked-bar';
import { ACTION_STATUS_LABELS, type ActionStatus } from './action-status';
import type { StatusCounts } from './agenda.server';

/** Parts of a bar, left to right: finished work first, overdue work stands out, cancelled last. */
export const PROGRESS_PARTS = ['afgerond', 'loopt', 'besluit_nodig', 'niet_gestart', 'te_laat', 'vervallen'] as const;
export type ProgressPart = (typeof PROGRESS_PARTS)[number];

/**
 * The status colours of the badges (app/styles/app.css), deepened to carry white numbers;
 * "te laat" and "besluit nodig" are striped as well, so green, red and brown are told
 * apart without seeing colour. "Vervallen" is light with a grey edge: it matters least.
 */
const FILLS: Record<ProgressPart, Fill> = {
  afgerond: { colour: '#1e6b32' },
  loopt: { colour: '#0b4f8a' },
  besluit_nodig: { colour: '#8a4b00', pattern: 'horizontal' },
  niet_gestart: { colour: '#666666' },
  te_laat: { colour: '#a4001d', pattern: 'diagonal' },
  vervallen: { colour: '#d9d9d9' },
};

const OPEN: ActionStatus[] = ['loopt', 'besluit_nodig', 'niet_gestart'];

type Counts = Pick<StatusCounts, ActionStatus | 'overdue' | 'overdueByStatus'>;

/** A chapter's counts split into the chart's parts: each open status without its overdue actions, and those together. */
export function progressParts(counts: Counts): Record<ProgressPart, number> {
  const parts = { afgerond: counts.afgerond, vervallen: counts.vervallen, te_laat: counts.overdue } as Record<ProgressPart, number>;
  for (const status of OPEN) parts[status] = counts[status] - counts.overdueByStatus[status];
  return parts;
}

export function chapterProgressSpec(
  chapters: { id: number; code: string; title: string; counts: Counts }[],
  options: { includeLocal: boolean },
): StackedBarSpec {
  const c = t.tracker.counts;
  const p = t.tracker.progressChart;
  const statusLabel = (part: ProgressPart) => (part === 'te_laat' ? p.overdue : ACTION_STATUS_LABELS[part]);
  return {
    id: 'stand-van-zaken',
    title: options.includeLocal ? p.titleAll : p.titleRegional,
    categoryHeader: p.chapter,
    segments: PROGRESS_PARTS.map((part) => ({
      key: part,
      label: statusLabel(part),
      phrase: part === 'te_laat' ? c.overdue : c.status[part],
      fill: FILLS[part],
    })),
    categories: chapters.map((chapter) => ({
      key: String(chapter.id),
      label: `${chapter.code} ${chapter.title}`,
      values: progressParts(chapter.counts),
    })),
    totalPhrase: c.total,
    notes: [p.note],
  };
}
