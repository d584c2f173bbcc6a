import { describe, expect, it } from 'vitest';

import { stackedBarChart, type StackedBarSpec } from '../../models/charts/stacked-bar';
import { toSvgString } from '../../models/charts/svg';
import { keptChartSvg, keptDrawing, keptInnerSvgString } from './kept-drawings';

const spec = (done: number, totalPhrase?: StackedBarSpec['totalPhrase']): StackedBarSpec => ({
  id: 'stand',
  title: 'Stand van zaken',
  categoryHeader: 'Hoofdstuk',
  segments: [
    { key: 'done', label: 'Afgerond' },
    { key: 'open', label: 'Loopt' },
  ],
  categories: [{ key: 'a', label: 'Hoofdstuk 1', values: { done, open: 4 } }],
  totalPhrase,
});

describe('drawings kept between renders', () => {
  it('draws an equal spec once, and a changed figure anew', () => {
    const first = keptDrawing(stackedBarChart, spec(5), {});
    expect(keptDrawing(stackedBarChart, spec(5), {})).toBe(first);
    const changed = keptDrawing(stackedBarChart, spec(6), {});
    expect(changed).not.toBe(first);
    expect(changed.table.rows[0]!.cells.map((cell) => cell.text)).toContain('6');
    expect(keptDrawing(stackedBarChart, spec(5), { width: 300 })).not.toBe(first);
  });

  it('tells specs apart by the functions in them, which their text leaves out', () => {
    const inActions = keptDrawing(
      stackedBarChart,
      spec(5, (n) => `${n} acties`),
      {},
    );
    const inGoals = keptDrawing(
      stackedBarChart,
      spec(5, (n) => `${n} doelen`),
      {},
    );
    expect(inActions.description).toContain('9 acties');
    expect(inGoals.description).toContain('9 doelen');
  });

  it('writes the same markup as a fresh drawing', () => {
    const chart = keptDrawing(stackedBarChart, spec(7), {});
    const svg = keptChartSvg(chart);
    expect(keptChartSvg(chart)).toBe(svg);
    const fresh = toSvgString(keptChartSvg(stackedBarChart(spec(7), {})));
    expect(fresh).toContain(keptInnerSvgString(svg));
  });
});
