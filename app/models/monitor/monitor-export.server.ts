/**
 * A monitor view as rows of the import layout (docs/monitor-format.md), plus the target of
 * each year: an export can be corrected and imported again (the extra column is ignored).
 */
import { monitor as monitorText } from '../../i18n/nl/monitor';
import { listFigures, listMonitorMunicipalities } from './figure.server';
import { listIndicators } from './indicator.server';
import { MONITOR_COLUMNS, type OutCell } from './monitor-file.server';
import type { MonitorFilters } from './monitor-filters.server';
import { BASELINE_YEAR, fromStored } from './monitor-rules';
import { monitorView } from './monitor-view.server';

export const EXPORT_HEADER = [...MONITOR_COLUMNS, 'streefwaarde'];

export function monitorExportRows(filters: MonitorFilters): OutCell[][] {
  const indicators = listIndicators({ level: filters.level, monitor: filters.monitor, code: filters.code });
  const names = new Map<number | null, string>([
    [null, monitorText.region],
    ...listMonitorMunicipalities().map((mu) => [mu.id, mu.name] as const),
  ]);
  const view = monitorView({
    level: filters.level,
    monitor: filters.monitor,
    code: filters.code,
    municipalityId: filters.municipalityId,
    period: filters.period,
  });
  const areaIds = new Set(view.indicators[0]?.areas.map((a) => a.municipalityId) ?? []);
  const targetOf = new Map<string, number | null>();
  for (const indicator of view.indicators) {
    for (const area of indicator.areas)
      for (const p of area.points) targetOf.set(`${indicator.id}|${area.municipalityId}|${p.year}`, p.target);
  }
  const figures = listFigures({
    indicatorIds: indicators.map((i) => i.id),
    fromYear: BASELINE_YEAR,
    toYear: filters.period.periodEnd,
    breakdownKey: '*',
  });
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return figures
    .filter((f) => areaIds.has(f.municipalityId))
    .map((f) => {
      const indicator = byId.get(f.indicatorId)!;
      const target = f.breakdownKey === '' ? (targetOf.get(`${f.indicatorId}|${f.municipalityId}|${f.year}`) ?? null) : null;
      return [
        indicator.code,
        names.get(f.municipalityId) ?? '',
        f.year,
        f.breakdownKey,
        fromStored(indicator.unit, f.value),
        f.respondents ?? '',
        f.completeness ?? '',
        f.source,
        target === null ? '' : fromStored(indicator.unit, target),
      ];
    });
}

/** The template: the header and two example rows. */
export function templateRows(): OutCell[][] {
  return [
    ['IN-BEREIK', 'Haarlem', 2025, '', 1250, '', monitorText.templateCompleteness, 'Qwasp'],
    // i18n-ignore: an indicator code, not Dutch text
    ['UIT-TAAL', monitorText.region, 2025, '', 42.5, 410, '', 'Qwasp'],
  ];
}
