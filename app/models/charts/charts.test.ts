import { describe, expect, it } from 'vitest';

import { barChart } from './bar';
import { type Chart, chartSvg } from './chart';
import { defaultLevels, heatmapChart, levelIndex } from './heatmap';
import { lineChart, smallMultiples } from './line';
import { BACKGROUND, contrast, SEQUENTIAL, SERIES_FILLS, textOn } from './palette';
import { stackCategories, stackedBarChart, type StackedBarSpec } from './stacked-bar';
import { el, type SvgNode, toSvgString } from './svg';
import { textWidth, wrapText } from './text';
import { axisTicks } from './ticks';

/** Every node of a tree, depth first. */
function nodes(node: SvgNode): SvgNode[] {
  return [node, ...node.children.flatMap((child) => (typeof child === 'string' ? [] : nodes(child)))];
}
function texts(chart: Chart): string[] {
  return nodes(chartSvg(chart))
    .filter((n) => n.tag === 'text' || n.tag === 'tspan')
    .flatMap((n) => n.children.filter((c): c is string => typeof c === 'string'));
}

describe('axis ticks', () => {
  it('rounds the domain to nice bounds and steps', () => {
    expect(axisTicks(0, 1870)).toEqual({ domain: [0, 2000], ticks: [0, 500, 1000, 1500, 2000] });
    expect(axisTicks(-3, 12)).toEqual({ domain: [-5, 15], ticks: [-5, 0, 5, 10, 15] });
  });

  it('steps counts by whole numbers only', () => {
    expect(axisTicks(0, 3, { integers: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(axisTicks(0, 1, { integers: true })).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });

  it('gives an all-zero chart an axis of 0–1, and a single negative value a domain up to 0', () => {
    expect(axisTicks(0, 0).domain).toEqual([0, 1]);
    expect(axisTicks(-4, -4).domain).toEqual([-4, 0]);
    expect(axisTicks(Number.NaN, Number.NaN).domain).toEqual([0, 1]);
  });
});

const STATUS_SPEC: StackedBarSpec = {
  id: 'stand',
  title: 'Stand van zaken',
  categoryHeader: 'Hoofdstuk',
  segments: [
    { key: 'done', label: 'Afgerond' },
    { key: 'late', label: 'Te laat' },
    { key: 'open', label: 'Loopt', phrase: 'lopend' },
  ],
  categories: [
    { key: 'a', label: 'Hoofdstuk 1.3.a', values: { done: 5, late: 3, open: 4 } },
    { key: 'b', label: 'Hoofdstuk 1.3.b', values: { done: 1 } },
  ],
  totalPhrase: (n) => (n === 1 ? '1 actie' : `${n} acties`),
};

describe('stacked bars', () => {
  it('stacks segments one after another, negative values to the left of zero', () => {
    const stacked = stackCategories({
      segments: STATUS_SPEC.segments,
      categories: [{ key: 'x', label: 'x', values: { done: 2, late: -3, open: 4 } }],
    });
    expect(stacked[0].map(({ from, to }) => [from, to])).toEqual([
      [0, 2],
      [-3, 0],
      [2, 6],
    ]);
  });

  it('says the figures of every category in a sentence and lists them in the table', () => {
    const chart = stackedBarChart(STATUS_SPEC);
    expect(chart.description).toBe(
      'Hoofdstuk 1.3.a: 12 acties, waarvan 5 afgerond, 3 te laat en 4 lopend. Hoofdstuk 1.3.b: 1 actie, waarvan 1 afgerond.',
    );
    expect(chart.table.columns.map((c) => c.label)).toEqual(['Hoofdstuk', 'Afgerond', 'Te laat', 'Loopt', 'Totaal']);
    expect(chart.table.rows[0].cells.map((c) => c.text)).toEqual(['5', '3', '4', '12']);
    expect(chart.table.rows[1].cells.map((c) => c.text)).toEqual(['1', '0', '0', '1']);
    expect(chart.table.footer?.cells.map((c) => c.text)).toEqual(['6', '3', '4', '13']);
    expect(chart.table.columns.slice(1).every((c) => c.numeric)).toBe(true);
  });

  it('draws bar lengths in proportion to the values, with the values and totals written on the drawing', () => {
    const chart = stackedBarChart(STATUS_SPEC, { width: 500 });
    // The segments of the first bar (22 high, 1 unit of white on each side); not the legend's swatches or label patches.
    const bars = nodes(chartSvg(chart)).filter((n) => n.tag === 'rect' && n.attrs.height === 20);
    const widths = bars.slice(0, 3).map((b) => Number(b.attrs.width) + 2);
    expect(widths[0] / widths[1]).toBeCloseTo(5 / 3, 1);
    expect(widths[0] / widths[2]).toBeCloseTo(5 / 4, 1);
    expect(texts(chart)).toEqual(expect.arrayContaining(['5', '3', '4', '12', 'Hoofdstuk 1.3.a']));
  });

  it('has one category without a totals row, and no data without a drawing', () => {
    const one = stackedBarChart({ ...STATUS_SPEC, categories: STATUS_SPEC.categories.slice(0, 1) });
    expect(one.table.rows).toHaveLength(1);
    expect(one.table.footer).toBeUndefined();
    const none = stackedBarChart({ ...STATUS_SPEC, categories: [] });
    expect(none.description).toBe('Geen gegevens.');
    expect(texts(none)).toEqual(['Geen gegevens.']);
  });

  it('keeps a long category label inside the drawing by wrapping it', () => {
    const label = 'Bereik van laaggeletterde jongvolwassenen en ouders van jonge kinderen in de regio';
    const chart = stackedBarChart({ ...STATUS_SPEC, categories: [{ key: 'x', label, values: { done: 1 } }] });
    const lines = nodes(chartSvg(chart)).filter((n) => n.tag === 'tspan');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(textWidth(line.children[0] as string, 13, true)).toBeLessThanOrEqual(chart.width);
  });
});

describe('heatmap', () => {
  it('makes one level per value for small counts and four bands for larger values', () => {
    expect(defaultLevels([0, 1, 2]).map((l) => l.label)).toEqual(['0', '1', '2']);
    expect(defaultLevels([3, 18, 40]).map((l) => l.label)).toEqual(['0–10', '10–20', '20–30', '30–40']);
    const levels = defaultLevels([3, 18, 40]);
    expect(levelIndex(levels, 18)).toBe(1);
    expect(levelIndex(levels, 40)).toBe(3);
    expect(levelIndex(levels, null)).toBeNull();
  });

  it('writes every cell as text, counts the levels per column and puts the long labels in the table', () => {
    const chart = heatmapChart({
      id: 'dekking',
      title: 'Accenten',
      rowHeader: 'Doel',
      rows: [
        { key: 'a', label: '1.3.a-A', longLabel: '1.3.a-A Meer NT1-ers bereiken' },
        { key: 'b', label: '1.3.b-A' },
      ],
      columns: [
        { key: 'h', label: 'Haarlem' },
        { key: 'z', label: 'Zandvoort' },
      ],
      cells: [
        [
          { value: 1, text: 'ja', label: 'Accent' },
          { value: 0, text: '–', label: 'Geen accent' },
        ],
        [{ value: 1, text: 'ja', label: 'Accent' }, { value: null }],
      ],
      levels: [
        { label: 'Geen accent', min: 0 },
        { label: 'Accent', min: 1 },
      ],
    });
    expect(texts(chart)).toEqual(expect.arrayContaining(['ja', '–', 'Haarlem', 'Zandvoort', '1.3.a-A']));
    expect(chart.description).toBe('Haarlem: 2 × Accent. Zandvoort: 1 × Geen accent en 1 × geen waarde.');
    expect(chart.table.rows[0].header).toBe('1.3.a-A Meer NT1-ers bereiken');
    expect(chart.table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Accent', 'Geen accent'],
      ['Accent', '–'],
    ]);
  });
});

describe('line charts', () => {
  const region = {
    key: 'regio',
    label: 'Regio',
    values: [
      { year: 2020, value: 100 },
      { year: 2021, value: null },
      { year: 2022, value: 140 },
    ],
  };
  const target = { key: 'doel', label: 'Doel', target: true, values: [{ year: 2024, value: 200 }] };

  it('draws a gap for a missing year, the target dashed and the baseline year marked', () => {
    const chart = lineChart({ id: 'bereik', title: 'Bereik', series: [region, target], baselineYear: 2020 });
    const paths = nodes(chartSvg(chart)).filter((n) => n.tag === 'path' && n.attrs.fill === 'none');
    expect(paths[0].attrs.d).toMatch(/^M[\d.]+,[\d.]+Z?M/); // two separate pieces around 2021
    expect(paths.some((p) => p.attrs['stroke-dasharray'] === '6 4')).toBe(true);
    expect(texts(chart)).toEqual(expect.arrayContaining(['0-meting 2020', '2020', '2024']));
    expect(chart.description).toBe('Regio: 2020 100 en 2022 140. Doel (streefwaarde): 2024 200. De 0-meting is van 2020.');
    expect(chart.table.columns.map((c) => c.label)).toEqual(['Reeks', '2020', '2021', '2022', '2024']);
    expect(chart.table.rows[0].cells.map((c) => c.text)).toEqual(['100', '–', '140', '–']);
  });

  it('puts small multiples on one y scale', () => {
    const multiples = smallMultiples({
      id: 'gemeenten',
      title: 'Per gemeente',
      panels: [
        { key: 'a', title: 'Haarlem', series: [{ key: 's', label: 'Bereik', values: [{ year: 2020, value: 10 }] }] },
        { key: 'b', title: 'Zandvoort', series: [{ key: 's', label: 'Bereik', values: [{ year: 2020, value: 95 }] }] },
      ],
    });
    const axisLabels = multiples.charts.map((chart) => texts(chart).filter((t) => /^\d+$/.test(t) && t !== '2020'));
    expect(axisLabels[0]).toEqual(axisLabels[1]);
    expect(axisLabels[0]).toContain('100');
    expect(multiples.table.rows.map((r) => r.header)).toEqual(['Haarlem — Bereik', 'Zandvoort — Bereik']);
  });

  it("names a panel's own series and a target called Streefwaarde once, not twice", () => {
    const multiples = smallMultiples({
      id: 'monitor',
      title: 'Deelnemers',
      panels: [
        {
          key: 'regio',
          title: 'Regio',
          series: [
            { key: 'waarde', label: 'Regio', values: [{ year: 2020, value: 10 }] },
            { key: 'streef', label: 'Streefwaarde', target: true, values: [{ year: 2024, value: 20 }] },
          ],
        },
      ],
    });
    expect(multiples.table.rows.map((r) => r.header)).toEqual(['Regio', 'Regio — Streefwaarde']);
    expect(multiples.charts[0].description).toContain('Streefwaarde: 2024 20.');
    expect(texts(multiples.charts[0])).toContain('Streefwaarde');
    expect(texts(multiples.charts[0])).not.toContain('Streefwaarde (streefwaarde)');
  });
});

describe('bars for money', () => {
  it('hangs a negative amount below the zero line and says the amounts in euros', () => {
    const chart = barChart({
      id: 'geld',
      title: 'Financieel overzicht',
      categoryHeader: 'Jaar',
      valueFormat: 'money',
      series: [
        { key: 'in', label: 'Ontvangen' },
        { key: 'out', label: 'Besteed' },
      ],
      categories: [{ key: '2021', label: '2021', values: { in: 150000000, out: -2500 } }],
    });
    expect(chart.description).toBe('2021: ontvangen €\u00a01.500.000,00 en besteed €\u00a0-25,00.');
    expect(chart.table.rows[0].cells.map((c) => c.text)).toEqual(['€\u00a01.500.000,00', '€\u00a0-25,00']);
    const zero = nodes(chartSvg(chart)).find((n) => n.tag === 'line' && n.attrs['stroke-width'] === 1.5)!;
    const bars = nodes(chartSvg(chart)).filter((n) => n.tag === 'rect' && n.attrs.height !== 14);
    const negative = bars[bars.length - 1];
    expect(Number(negative.attrs.y)).toBeGreaterThanOrEqual(Number(zero.attrs.y1) - 1);
  });
});

describe('colours', () => {
  it('gives every series colour at least 3:1 against the background, and its text at least 4.5:1', () => {
    for (const fill of SERIES_FILLS) {
      expect(contrast(fill.colour, BACKGROUND), fill.colour).toBeGreaterThanOrEqual(3);
      expect(contrast(fill.colour, textOn(fill.colour)), fill.colour).toBeGreaterThanOrEqual(4.5);
    }
    for (const colour of SEQUENTIAL) expect(contrast(colour, textOn(colour)), colour).toBeGreaterThanOrEqual(4.5);
  });
});

describe('text and markup', () => {
  it('wraps words into lines, cuts an over-long word and ends a cut-off text with an ellipsis', () => {
    expect(wrapText('een twee drie vier', 60, 13)).toEqual(['een twee', 'drie vier']);
    expect(wrapText('samenwerkingsagendaonderdeel', 80, 13).every((line) => textWidth(line, 13) <= 80)).toBe(true);
    const cut = wrapText('een twee drie vier vijf zes zeven', 60, 13, { maxLines: 2 });
    expect(cut).toHaveLength(2);
    expect(cut[1].endsWith('…')).toBe(true);
  });

  it('escapes text and attributes in the SVG markup', () => {
    const svg = toSvgString(el('svg', { viewBox: '0 0 10 10' }, [el('text', { 'data-x': 'a"b' }, ['Tom & Jerry <3'])]));
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text data-x="a&quot;b">Tom &amp; Jerry &lt;3</text></svg>',
    );
  });
});
