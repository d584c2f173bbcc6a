/**
 * What the financial overview shows, read from the address: one year (`?jaar=2026`) or
 * the years of an agenda period (`?periode=2025-2028`); without either, this year.
 * Shared by the page and its exports, so a download holds what the page showed. An
 * unknown period or a year outside the finance years is answered as not found (null).
 */
import { finance as financeText } from '../../i18n/nl/finance';
import { listPeriods } from '../periods/period.server';
import { periodLabel } from '../periods/period-rules';
import { financeNames, getFinanceOverview, listFinanceYears } from './finance.server';
import { isFinanceYear } from './finance-rules';

export type FinanceView =
  | { kind: 'year'; year: number; years: number[]; heading: string; fileScope: string; query: string }
  | { kind: 'period'; slug: string; years: number[]; heading: string; fileScope: string; query: string };

export function readFinanceView(searchParams: URLSearchParams, today: string): FinanceView | null {
  const yearText = searchParams.get('jaar');
  const slug = searchParams.get('periode');
  if (yearText === null && slug !== null) {
    const period = listPeriods().find((p) => p.slug === slug);
    if (!period) return null;
    const years = Array.from({ length: period.periodEnd - period.periodStart + 1 }, (_, i) => period.periodStart + i);
    return {
      kind: 'period',
      slug,
      years,
      heading: financeText.view.headingPeriod(periodLabel(period)),
      fileScope: slug,
      query: `periode=${slug}`,
    };
  }
  const year = yearText === null ? Number(today.slice(0, 4)) : /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!isFinanceYear(year)) return null;
  return { kind: 'year', year, years: [year], heading: financeText.view.headingYear(year), fileScope: String(year), query: `jaar=${year}` };
}

/** The choices of the switch: the years with money (and this year), and the periods. */
export function financeSwitchChoices(today: string) {
  const years = new Set(listFinanceYears());
  years.add(Number(today.slice(0, 4)));
  return {
    years: [...years].sort((a, b) => a - b),
    periods: listPeriods()
      .map((p) => ({ slug: p.slug, label: periodLabel(p) }))
      .reverse(),
  };
}

/** The overview of a view with names resolved, as the page, the CSV and the .xlsx show it. */
export function financeOverviewFor(view: FinanceView, today: string) {
  const overview = getFinanceOverview(view.years, today);
  const names = financeNames(overview.perGoal.map((g) => g.goalId));
  const municipalityName = new Map(names.municipalities.map((m) => [m.id, m.name]));
  const goalName = new Map(names.goals.map((g) => [g.id, { code: g.code, title: g.title }]));
  const perMunicipality = overview.perMunicipality
    .map((row) => ({
      ...row,
      name: row.municipalityId === null ? financeText.regional : (municipalityName.get(row.municipalityId) ?? `#${row.municipalityId}`),
    }))
    .sort((a, b) => (a.municipalityId === null ? 1 : b.municipalityId === null ? -1 : a.name.localeCompare(b.name, 'nl')));
  const perGoal = overview.perGoal
    .map((row) => ({ ...row, code: goalName.get(row.goalId)?.code ?? '', title: goalName.get(row.goalId)?.title ?? '' }))
    .sort((a, b) => a.code.localeCompare(b.code, 'nl', { numeric: true }));
  return { ...overview, perMunicipality, perGoal };
}

export type FinanceOverviewView = ReturnType<typeof financeOverviewFor>;
