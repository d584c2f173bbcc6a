/**
 * The monitor's part of the yearly report (app/models/reports/year-report-inputs.ts): per
 * active indicator the region and the seven municipalities in the report's year against
 * the 0-meting and the target, and the region's series since the 0-meting.
 *
 * Values are in the unit people read, as plain numbers: counts as the count, percentages
 * in percent (42.5 for 42,5%), euro amounts in integer cents (as the finance section).
 */
import { agendas } from '../../../db/schema';
import { monitor as monitorText } from '../../i18n/nl/monitor';
import type { Tx } from '../history.server';
import type { MonitorAreaRow, MonitorIndicatorSection, MonitorYearSection } from '../reports/year-report-inputs';
import { listMonitorMunicipalities, listSeriesFigures, listTargets } from './figure.server';
import { listIndicators } from './indicator.server';
import { BASELINE_YEAR, type IndicatorUnit } from './monitor-rules';
import { areaSeries } from './monitor-series';

/** Stored integer → the section's number (see the module comment). */
function sectionValue(unit: IndicatorUnit, stored: number | null): number | null {
  if (stored === null) return null;
  return unit === 'percentage' ? stored / 10 : stored;
}

export function monitorYearSection(db: Tx, year: number): MonitorYearSection | null {
  const indicators = listIndicators({}, db);
  if (indicators.length === 0) return null;
  const ids = indicators.map((i) => i.id);
  const figures = listSeriesFigures({ indicatorIds: ids, fromYear: BASELINE_YEAR, toYear: year }, db);
  const targets = listTargets(ids, undefined, db);
  const periods = db.select({ id: agendas.id, periodStart: agendas.periodStart, periodEnd: agendas.periodEnd }).from(agendas).all();
  const areas = [{ municipalityId: null, name: '' }, ...listMonitorMunicipalities(db).map((m) => ({ municipalityId: m.id, name: m.name }))];
  let containsExampleFigures = false;

  const sections = indicators.map((indicator): MonitorIndicatorSection => {
    const mine = figures.filter((f) => f.indicatorId === indicator.id);
    const myTargets = targets.filter((tg) => tg.indicatorId === indicator.id);
    const seriesOf = (municipalityId: number | null) => areaSeries(municipalityId, mine, myTargets, periods, { toYear: year });
    const value = (stored: number | null) => sectionValue(indicator.unit, stored);
    const rows = areas.map((area): MonitorAreaRow => {
      const series = seriesOf(area.municipalityId);
      const baseline = series.find((p) => p.year === BASELINE_YEAR)!;
      const current = series.at(-1)!;
      if (series.some((p) => p.isExample)) containsExampleFigures = true;
      return {
        municipalityId: area.municipalityId,
        name: area.municipalityId === null ? monitorText.region : area.name,
        baseline: value(baseline.value),
        value: value(current.value),
        target: value(current.target),
        respondents: current.respondents ?? null,
        completeness: current.completeness ?? null,
      };
    });
    return {
      code: indicator.code,
      name: indicator.name,
      level: indicator.level,
      unit: indicator.unit,
      source: indicator.source,
      monitor: indicator.monitor,
      countedPer: indicator.countedPer,
      definition: indicator.definition,
      rows,
      regionSeries: seriesOf(null).map((p) => ({ year: p.year, value: value(p.value), target: value(p.target) })),
    };
  });
  return { year, baselineYear: BASELINE_YEAR, indicators: sections, containsExampleFigures };
}
