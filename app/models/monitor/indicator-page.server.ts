/** Everything the indicator page and its forms need, and the areas and years an actor may enter. */
import { listPeriods, type Period } from '../periods/period.server';
import { type Actor, canEnterFigure } from '../permissions';
import { listFigures, listMonitorMunicipalities, listTargets } from './figure.server';
import { type Indicator, listActionsOfIndicator, listGoalsOfIndicator } from './indicator.server';
import { BASELINE_YEAR } from './monitor-rules';
import { monitorView } from './monitor-view.server';

/** The municipalities an actor may enter figures of (the region is canEnterFigure(actor, null)). */
export function enterableMunicipalities(actor: Actor) {
  return listMonitorMunicipalities().filter((mu) => canEnterFigure(actor, { municipalityId: mu.id }));
}

/** Years a figure may be for: the 0-meting up to the end of the latest period. */
export function figureYears(periods: Pick<Period, 'periodEnd'>[] = listPeriods()): { fromYear: number; toYear: number } {
  return { fromYear: BASELINE_YEAR, toYear: Math.max(BASELINE_YEAR, ...periods.map((p) => p.periodEnd)) };
}

export function indicatorPage(indicator: Indicator, period: Period) {
  const view = monitorView({ code: indicator.code, includeInactive: true, period }).indicators[0];
  const municipalities = listMonitorMunicipalities();
  const nameOf = (id: number | null) => municipalities.find((mu) => mu.id === id)?.name ?? null;
  const periods = listPeriods();
  return {
    view,
    figures: listFigures({ indicatorIds: [indicator.id], breakdownKey: '*' }).map((f) => ({
      id: f.id,
      area: nameOf(f.municipalityId),
      year: f.year,
      breakdownKey: f.breakdownKey,
      value: f.value,
      source: f.source,
      completeness: f.completeness,
      respondents: f.respondents,
      enteredByName: f.enteredByName,
      enteredAt: f.enteredAt,
      isExample: f.isExample,
    })),
    targets: listTargets([indicator.id]).map((tg) => ({
      id: tg.id,
      area: nameOf(tg.municipalityId),
      period: periods.find((p) => p.id === tg.agendaId)?.slug ?? '',
      year: tg.year,
      value: tg.value,
    })),
    goals: listGoalsOfIndicator(indicator.id),
    actions: listActionsOfIndicator(indicator.id),
  };
}
