/**
 * An indicator's figures as a chart spec (small multiples: the region and the chosen
 * municipalities on one scale, each with its target line), and the caveats shown beside
 * it. Browser-safe and pure: the page and the export build from the same view.
 */
import { monitor as monitorText } from '../../i18n/nl/monitor';
import type { LineSeries, SmallMultiplesSpec } from '../charts/line';
import { BASELINE_YEAR, chartFormat, chartValue, type CountedPer, type IndicatorUnit } from './monitor-rules';
import type { SeriesPoint } from './monitor-series';

const m = monitorText;

export type AreaSeries = { municipalityId: number | null; name: string; points: SeriesPoint[] };

export type IndicatorView = {
  id: number;
  code: string;
  name: string;
  unit: IndicatorUnit;
  countedPer: CountedPer;
  level: string;
  monitor: string;
  source: string;
  definition: string;
  areas: AreaSeries[];
};

function seriesOf(unit: IndicatorUnit, area: AreaSeries): LineSeries[] {
  const value = (stored: number | null) => (stored === null ? null : chartValue(unit, stored));
  const figures: LineSeries = {
    key: 'waarde',
    label: area.name,
    values: area.points.map((p) => ({ year: p.year, value: value(p.value) })),
  };
  const hasTarget = area.points.some((p) => p.target !== null);
  if (!hasTarget) return [figures];
  return [
    figures,
    { key: 'streef', label: m.targetSeries, target: true, values: area.points.map((p) => ({ year: p.year, value: value(p.target) })) },
  ];
}

export function indicatorChartSpec(view: IndicatorView, idPrefix = 'monitor'): SmallMultiplesSpec {
  return {
    id: `${idPrefix}-${view.code.toLowerCase()}`,
    title: m.chartTitle(view.name),
    panels: view.areas.map((area) => ({
      key: String(area.municipalityId ?? 'regio'),
      title: area.name,
      series: seriesOf(view.unit, area),
    })),
    valueFormat: chartFormat(view.unit),
    baselineYear: BASELINE_YEAR,
    notes: indicatorCaveats(view),
  };
}

/** What a reader must know next to the figure: record vs person, incomplete deliveries, respondents, example figures. */
export function indicatorCaveats(view: IndicatorView): string[] {
  const notes: string[] = [m.countedPer[view.countedPer]];
  for (const area of view.areas) {
    for (const p of area.points) if (p.completeness) notes.push(m.completenessNote(area.name, p.year, p.completeness));
    const latest = [...area.points].reverse().find((p) => p.value !== null);
    if (latest?.respondents != null) notes.push(m.respondentsNote(area.name, latest.year, latest.respondents));
  }
  if (view.areas.some((a) => a.points.some((p) => p.isExample))) notes.push(m.exampleFiguresNotice);
  return notes;
}
