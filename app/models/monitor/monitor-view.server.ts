/**
 * What the monitor pages show: the filtered indicators, each with a series per area from
 * the 0-meting to the end of the chosen period, targets included. One query for the
 * figures and one for the targets, whatever the number of indicators.
 */
import { agendas } from '../../../db/schema';
import { t } from '../../i18n';
import { db } from '../../utils/db.server';
import type { Period } from '../periods/period.server';
import { listFigures, listMonitorMunicipalities, listTargets } from './figure.server';
import { type IndicatorFilter, listIndicators } from './indicator.server';
import type { IndicatorView } from './monitor-charts';
import { BASELINE_YEAR } from './monitor-rules';
import { areaSeries } from './monitor-series';

export type MonitorViewQuery = IndicatorFilter & {
  /** The areas beside the region: null all seven, else one municipality. */
  municipalityId?: number | null;
  /** The region too (default) — a municipality page shows both. */
  period: Pick<Period, 'periodStart' | 'periodEnd'>;
};

export function monitorView(query: MonitorViewQuery): { indicators: IndicatorView[]; containsExampleFigures: boolean } {
  const indicators = listIndicators(query);
  const ids = indicators.map((i) => i.id);
  const toYear = query.period.periodEnd;
  const figures = listFigures({ indicatorIds: ids, fromYear: BASELINE_YEAR, toYear });
  const targets = listTargets(ids);
  const periods = db.select({ id: agendas.id, periodStart: agendas.periodStart, periodEnd: agendas.periodEnd }).from(agendas).all();
  const municipalities = listMonitorMunicipalities().filter((mu) => query.municipalityId == null || mu.id === query.municipalityId);
  const areas = [{ id: null, name: t.monitor.region }, ...municipalities];
  let containsExampleFigures = false;
  const views = indicators.map((indicator): IndicatorView => {
    const mine = figures.filter((f) => f.indicatorId === indicator.id);
    const myTargets = targets.filter((tg) => tg.indicatorId === indicator.id);
    if (mine.some((f) => f.isExample)) containsExampleFigures = true;
    return {
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      countedPer: indicator.countedPer,
      level: indicator.level,
      monitor: indicator.monitor,
      source: indicator.source,
      definition: indicator.definition,
      areas: areas.map((area) => ({
        municipalityId: area.id,
        name: area.name,
        points: areaSeries(area.id, mine, myTargets, periods, { toYear }),
      })),
    };
  });
  return { indicators: views, containsExampleFigures };
}
