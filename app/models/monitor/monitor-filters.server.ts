import { getCurrentPeriod, getPeriodBySlug, type Period } from '../periods/period.server';
import { listMonitorMunicipalities } from './figure.server';
import { INDICATOR_LEVELS, type IndicatorLevel, MONITOR_KINDS, type MonitorKind } from './monitor-rules';

export type MonitorFilters = {
  level: IndicatorLevel | null;
  monitor: MonitorKind | null;
  code: string | null;
  municipalityId: number | null;
  period: Period;
  /** 1-based; the view clamps it to the pages there are. */
  page: number;
};

/**
 * The monitor page's filters from its address (?niveau=&monitor=&indicator=&gemeente=&periode=&pagina=).
 * An empty or unknown choice means "all", as a hand-edited link would expect; an unknown
 * period is undefined (the page answers 404, as every period page does).
 */
export function readMonitorFilters(search: URLSearchParams): MonitorFilters | undefined {
  const slug = search.get('periode');
  const period = slug ? getPeriodBySlug(slug) : getCurrentPeriod();
  if (!period) return undefined;
  const level = search.get('niveau');
  const monitor = search.get('monitor');
  const municipality = Number(search.get('gemeente'));
  return {
    level: (INDICATOR_LEVELS as readonly string[]).includes(level ?? '') ? (level as IndicatorLevel) : null,
    monitor: (MONITOR_KINDS as readonly string[]).includes(monitor ?? '') ? (monitor as MonitorKind) : null,
    code: search.get('indicator') || null,
    municipalityId: listMonitorMunicipalities().some((mu) => mu.id === municipality) ? municipality : null,
    period,
    page: Math.max(1, Math.floor(Number(search.get('pagina'))) || 1),
  };
}
