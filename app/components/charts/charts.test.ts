import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { chartSvg } from '../../models/charts/chart';
import { lineChart } from '../../models/charts/line';
import { stackedBarChart, type StackedBarSpec } from '../../models/charts/stacked-bar';
import { toSvgString } from '../../models/charts/svg';
import { BarChart } from './bar-chart';
import { Heatmap } from './heatmap-chart';
import { LineChart } from './line-chart';
import { SmallMultiplesChart } from './small-multiples-chart';
import { StackedBarChart } from './stacked-bar-chart';

const SPEC: StackedBarSpec = {
  id: 'stand',
  title: 'Stand van zaken',
  categoryHeader: 'Hoofdstuk',
  segments: [
    { key: 'done', label: 'Afgerond' },
    { key: 'late', label: 'Te laat' },
  ],
  categories: [{ key: 'a', label: '1.3.a Bereik NT1-ers', values: { done: 5, late: 3 } }],
  notes: ['Te laat: de termijn is voorbij.'],
};

/** The <svg> element of rendered markup (React and the serialiser escape alike: utils/markup.ts). */
function svgOf(html: string) {
  return html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + '</svg>'.length);
}

describe('chart components', () => {
  it('draw on the page exactly the drawing the documents get', () => {
    const page = svgOf(renderToStaticMarkup(createElement(StackedBarChart, SPEC)));
    const document = toSvgString(chartSvg(stackedBarChart(SPEC))).replace(' xmlns="http://www.w3.org/2000/svg"', '');
    expect(page).toBe(document);

    const series = [{ key: 's', label: 'Bereik', values: [{ year: 2020, value: 4 }] }];
    const line = svgOf(renderToStaticMarkup(createElement(LineChart, { id: 'l', title: 'Bereik', series })));
    expect(line).toBe(
      toSvgString(chartSvg(lineChart({ id: 'l', title: 'Bereik', series }))).replace(' xmlns="http://www.w3.org/2000/svg"', ''),
    );
  });

  it('wrap the drawing in a figure with its caption, an image with its text alternative, a table and the notes', () => {
    const html = renderToStaticMarkup(createElement(StackedBarChart, SPEC));
    expect(html).toMatch(
      /^<figure class="chart chart--table-beside" id="stand"><figcaption class="chart__caption">Stand van zaken<\/figcaption>/,
    );
    expect(html).toContain('role="img" aria-labelledby="stand-titel stand-beschrijving"');
    expect(html).toContain('<title id="stand-titel">Stand van zaken</title>');
    expect(html).toContain('<desc id="stand-beschrijving">1.3.a Bereik NT1-ers: 8, waarvan 5 afgerond en 3 te laat.</desc>');
    expect(html).toContain('<div class="chart__table table-wrap" role="region" aria-labelledby="stand-tabel" tabindex="0">');
    expect(html).toContain('<caption id="stand-tabel">Stand van zaken: de cijfers</caption>');
    expect(html).toContain('<th scope="col" class="chart-table__number">Afgerond</th>');
    expect(html).toContain('<th scope="row">1.3.a Bereik NT1-ers</th><td class="chart-table__number">5</td>');
    expect(html).toContain('<div class="chart__notes"><p>Te laat: de termijn is voorbij.</p></div>');
  });

  it('put a heatmap and small multiples above their table, and give every panel its own image', () => {
    const heatmap = renderToStaticMarkup(
      createElement(Heatmap, {
        id: 'h',
        title: 'Dekking',
        rowHeader: 'Doel',
        rows: [{ key: 'a', label: '1.3.a-A' }],
        columns: [{ key: 'z', label: 'Zandvoort' }],
        cells: [[{ value: 1 }]],
      }),
    );
    expect(heatmap).toContain('class="chart chart--table-below"');
    expect(heatmap).toContain('<th scope="row">1.3.a-A</th><td class="chart-table__number">1</td>');

    const multiples = renderToStaticMarkup(
      createElement(SmallMultiplesChart, {
        id: 'm',
        title: 'Per gemeente',
        baselineYear: 2020,
        panels: ['Regio', 'Haarlem'].map((title) => ({
          key: title,
          title,
          series: [{ key: 's', label: 'Bereik', values: [{ year: 2020, value: 3 }] }],
        })),
      }),
    );
    expect(multiples.match(/role="img"/g)).toHaveLength(2);
    expect(multiples).toContain('<title id="m-Haarlem-titel">Haarlem</title>');
    expect(multiples).toContain('<th scope="row">Haarlem — Bereik</th>');

    const money = renderToStaticMarkup(
      createElement(BarChart, {
        id: 'geld',
        title: 'Financieel overzicht',
        categoryHeader: 'Jaar',
        valueFormat: 'money',
        series: [{ key: 'in', label: 'Ontvangen' }],
        categories: [{ key: '2021', label: '2021', values: { in: 123456700 } }],
      }),
    );
    expect(money).toContain('<td class="chart-table__number">€\u00a01.234.567,00</td>');
  });

  it("write a table's texts and links as text, never as markup", () => {
    const html = renderToStaticMarkup(
      createElement(StackedBarChart, {
        ...SPEC,
        categories: [{ key: 'a', label: '<b>Taal & "rekenen"</b>', href: '/doelen/1?a=1&b=2', values: { done: 1, late: 0 } }],
      }),
    );
    expect(html).toContain(
      '<th scope="row"><a href="/doelen/1?a=1&amp;b=2">&lt;b&gt;Taal &amp; &quot;rekenen&quot;&lt;/b&gt;</a></th><td class="chart-table__number">1</td>',
    );
    expect(html).not.toContain('<b>');
  });
});
