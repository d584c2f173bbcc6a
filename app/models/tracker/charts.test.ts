import { describe, expect, it } from 'vitest';

import { heatmapChart } from '../charts/heatmap';
import { stackedBarChart } from '../charts/stacked-bar';
import { accentCoverageSpec } from './accent-coverage';
import { chapterProgressSpec, progressParts } from './progress-chart';

const counts = {
  niet_gestart: 2,
  loopt: 5,
  besluit_nodig: 1,
  afgerond: 4,
  vervallen: 1,
  overdue: 3,
  total: 13,
  overdueByStatus: { niet_gestart: 1, loopt: 2, besluit_nodig: 0, afgerond: 0, vervallen: 0 },
};

describe('the overview progress chart', () => {
  it('shows overdue actions apart from their status, so every bar adds up to the total', () => {
    expect(progressParts(counts)).toEqual({ afgerond: 4, loopt: 3, besluit_nodig: 1, niet_gestart: 1, te_laat: 3, vervallen: 1 });
    const chart = stackedBarChart(
      chapterProgressSpec([{ id: 7, code: '1.3.a', title: 'Bereik NT1-ers', counts }], { includeLocal: false }),
    );
    expect(chart.title).toBe('Regionale acties per hoofdstuk, naar status');
    expect(chart.description).toBe(
      '1.3.a Bereik NT1-ers: 13 acties, waarvan 4 afgerond, 3 lopend, 1 besluit nodig, 1 niet gestart, 3 te laat en 1 vervallen.',
    );
    expect(chart.table.rows[0].cells.map((c) => c.text)).toEqual(['4', '3', '1', '1', '3', '1', '13']);
  });
});

describe('the accent coverage heatmap', () => {
  it('marks every cell in words and sums up each municipality', () => {
    const municipalities = [
      { id: 1, name: 'Haarlem' },
      { id: 2, name: 'Zandvoort' },
    ];
    const goals = [
      {
        id: 10,
        code: '1.3.a-A',
        title: 'Meer NT1-ers bereiken',
        cells: [
          { municipalityId: 1, hasAccent: true, localActionCount: 2 },
          { municipalityId: 2, hasAccent: false, localActionCount: 0 },
        ],
      },
      { id: 11, code: '1.3.b-A', title: 'Jongvolwassenen', cells: [{ municipalityId: 2, hasAccent: true, localActionCount: 0 }] },
    ];
    const chart = heatmapChart(accentCoverageSpec(municipalities, goals));
    expect(chart.description).toBe(
      'Haarlem: accent bij 1 van de 2 doelen, 2 lokale acties. Zandvoort: accent bij 1 van de 2 doelen, 0 lokale acties.',
    );
    expect(chart.table.rows.map((r) => [r.header, ...r.cells.map((c) => c.text)])).toEqual([
      ['1.3.a-A Meer NT1-ers bereiken', 'ja, 2 lokale acties', 'nee'],
      ['1.3.b-A Jongvolwassenen', 'nee', 'ja'],
    ]);
  });
});
