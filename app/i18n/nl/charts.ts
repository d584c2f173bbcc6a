/** Charts: their figures, text alternatives and tables (app/models/charts, app/components/charts). */
export const charts = {
  noData: 'Geen gegevens.',
  /** Short amounts on an axis: "€ 1,5 mln", "€ 2 mld". */
  million: 'mln',
  billion: 'mld',
  total: 'Totaal',
  /** "a, b en c" */
  list: (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`),
  tableOf: (title: string) => `${title}: de cijfers`,
  stackedBar: {
    /** "1.3.a Bereik NT1-ers: 12 acties, waarvan 5 afgerond en 3 te laat." */
    category: (label: string, total: string, parts: string[]) =>
      parts.length > 0 ? `${label}: ${total}, waarvan ${charts.list(parts)}.` : `${label}: ${total}.`,
  },
  heatmap: {
    legend: 'Legenda',
    /** "Beverwijk: 3 × Accent, 5 × Geen accent." */
    column: (label: string, parts: string[]) => `${label}: ${charts.list(parts)}.`,
    levelCount: (count: string, level: string) => `${count} × ${level}`,
    levelRange: (from: string, to: string) => (from === to ? from : `${from}–${to}`),
  },
  line: {
    year: 'Jaar',
    baseline: (year: number) => `0-meting ${year}`,
    target: 'streefwaarde',
    /** "Bereik: 2020 12, 2021 15 en 2022 18." */
    series: (label: string, points: string[]) => `${label}: ${points.length > 0 ? charts.list(points) : 'geen waarden'}.`,
    point: (year: number, value: string) => `${year} ${value}`,
    baselineSentence: (year: number) => `De 0-meting is van ${year}.`,
    noValue: 'geen waarde',
  },
  bar: {
    /** "2021: ontvangen € 1.000,00 en besteed € 500,00." */
    category: (label: string, parts: string[]) => `${label}: ${charts.list(parts)}.`,
    part: (series: string, value: string) => `${series} ${value}`,
  },
  smallMultiples: {
    panel: 'Onderdeel',
    series: 'Reeks',
  },
};
