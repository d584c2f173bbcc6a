/**
 * What the monitor pages show: the filtered indicators, each with a series per area from
 * the 0-meting to the end of the chosen period, targets included. One query for the
 * figures and one for the targets, whatever the number of indicators.
 */
import { agendas } from '../../../db/schema';
import { monitor as monitorText } from '../../i18n/nl/monitor';
import { db } from '../../utils/db.server';
import type { Period } from '../periods/period.server';
import { listMonitorMunicipalities, listSeriesFigures, listTargets } from './figure.server';
import { type IndicatorFilter, listIndicators } from './indicator.server';
import type { IndicatorView } from './monitor-charts';
import { BASELINE_YEAR } from './monitor-rules';
import { areaSeries } from './monitor-series';

export type MonitorViewQuery = IndicatorFilter & {
  /** The areas beside the region: null all seven, else one municipality. */
  municipalityId?: number | null;
  /** The region too (default) — a municipality page shows both. */
  period: Pick<Period, 'periodStart' | 'periodEnd'>;
  /** Only this page of indicators (the monitor pages); all when absent (exports, the yearly report). */
  page?: number;
  /** Indicators per page: MONITOR_PAGE_SIZE, or more when each draws fewer panels. */
  pageSize?: number;
};

/**
 * Indicators per page of the monitor. Each shows the region and seven municipalities as
 * small multiples, about a millisecond per chart to render: 40 indicators on one page took
 * 362 ms uncached (docs/benchmarks.md), six take a few tens.
 */
export const MONITOR_PAGE_SIZE = 6;
/** A municipality's page draws two panels per indicator (the region and the municipality). */
export const MUNICIPALITY_PAGE_SIZE = 18;

export type MonitorView = {
  indicators: IndicatorView[];
  containsExampleFigures: boolean;
  /** The page shown (clamped) and how many there are; 1 of 1 without paging. */
  page: number;
  pageCount: number;
  indicatorCount: number;
};

export function monitorView(query: MonitorViewQuery): MonitorView {
  const matching = listIndicators(query);
  const size = query.pageSize ?? MONITOR_PAGE_SIZE;
  const pageCount = query.page === undefined ? 1 : Math.max(1, Math.ceil(matching.length / size));
  const page = Math.min(query.page ?? 1, pageCount);
  const indicators = query.page === undefined ? matching : matching.slice((page - 1) * size, page * size);
  const ids = indicators.map((i) => i.id);
  const toYear = query.period.periodEnd;
  // A municipality's page shows the region and that municipality: only their figures are read.
  const figures = listSeriesFigures({ indicatorIds: ids, fromYear: BASELINE_YEAR, toYear, municipalityId: query.municipalityId });
  const targets = listTargets(ids);
  const periods = db.select({ id: agendas.id, periodStart: agendas.periodStart, periodEnd: agendas.periodEnd }).from(agendas).all();
  const municipalities = listMonitorMunicipalities().filter((mu) => query.municipalityId == null || mu.id === query.municipalityId);
  const areas = [{ id: null, name: monitorText.region }, ...municipalities];
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
  return { indicators: views, containsExampleFigures, page, pageCount, indicatorCount: matching.length };
}
