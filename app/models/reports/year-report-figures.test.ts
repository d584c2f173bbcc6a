import { describe, expect, it } from 'vitest';

import { exampleFinanceSection, exampleMonitorSection } from '../../../tests/setup/year-report-sections';
import type { ProgressChapter, YearReportContent } from './year-report';
import { narrativeBlocks, yearReportDocument, yearReportParts } from './year-report-blocks';
import {
  changeSinceBaseline,
  countStatuses,
  formatChange,
  formatFigure,
  indicatorCaveats,
  keyFigures,
  openCount,
  splitMonitor,
  targetStanding,
} from './year-report-figures';

const NBSP = '\u00a0';

const chapter = (goals: ProgressChapter['goals']): ProgressChapter => ({
  code: '1',
  title: 'Bereik',
  counts: goals.reduce(
    (sum, g) => Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, v + g.counts[k as keyof typeof sum]])) as typeof sum,
    countStatuses([]),
  ),
  goals,
});

const emptyDoc = { type: 'doc', content: [] };
const content = (overrides: Partial<YearReportContent> = {}): YearReportContent => ({
  year: 2026,
  keyFigures: { actionsDone: 0, actionsLate: 0, actionsOpen: 0, decisions: 0, progressReports: 0 },
  progress: { periodLabel: '2025–2028', chapters: [], decisions: [] },
  monitor: null,
  finance: null,
  narratives: { summary: emptyDoc, national: emptyDoc, quality: emptyDoc, steering: emptyDoc },
  ...overrides,
});

describe('key figures of the summary', () => {
  it('counts done (reported afgerond this year, once per action), late, open, decisions and progress reports', () => {
    const goals = [
      {
        code: '1.1',
        title: 'Doel',
        counts: countStatuses(['afgerond', 'loopt', 'niet_gestart', 'vervallen', 'besluit_nodig']),
        reports: [
          { actionTitle: 'A', at: '2026-03-01T10:00:00.000Z', body: 'Klaar', statusTo: 'afgerond' as const },
          { actionTitle: 'A', at: '2026-04-01T10:00:00.000Z', body: 'Nog eens', statusTo: 'afgerond' as const },
          { actionTitle: 'B', at: '2026-05-01T10:00:00.000Z', body: 'Loopt', statusTo: null },
        ],
        late: [{ title: 'C', deadlineEnd: '2026-06-30', municipalityName: 'Velsen' }],
      },
    ];
    const figures = keyFigures([chapter(goals)], [{ at: '2026-02-01T10:00:00.000Z', meetingTitle: 'Werkgroep', text: 'Besluit' }]);
    expect(figures).toEqual({ actionsDone: 1, actionsLate: 1, actionsOpen: 3, decisions: 1, progressReports: 3 });
  });

  it('open means neither done nor cancelled', () => {
    expect(openCount(countStatuses(['afgerond', 'vervallen', 'loopt', 'besluit_nodig', 'niet_gestart']))).toBe(3);
  });
});

describe('monitor figures against the 0-meting and the target', () => {
  it('tells whether the target is met, and the change since the 0-meting', () => {
    expect(targetStanding({ value: 120, target: 100 })).toBe('met');
    expect(targetStanding({ value: 99, target: 100 })).toBe('notMet');
    expect(targetStanding({ value: null, target: 100 })).toBe('unknown');
    expect(changeSinceBaseline({ value: 63.5, baseline: 58 })).toBe(5.5);
    expect(changeSinceBaseline({ value: 10, baseline: null })).toBeNull();
    expect(formatChange(5.5)).toBe('+5,5');
    expect(formatChange(-120)).toBe('-120');
  });

  it('writes figures in their unit, the Dutch way', () => {
    expect(formatFigure(1234, 'count')).toBe('1.234');
    expect(formatFigure(62.5, 'percentage')).toBe('62,5%');
    expect(formatFigure(123456700, 'euro')).toBe(`€${NBSP}1.234.567,00`);
    expect(formatFigure(null, 'count')).toBe('–');
  });

  it('keeps national (LBV) indicators apart, with their caveats: records not persons, completeness, respondents', () => {
    const monitor = exampleMonitorSection(2025);
    const { regional, national } = splitMonitor(monitor);
    expect(national.map((i) => i.code)).toEqual(['LBV-DEELN']);
    expect(regional).toHaveLength(4);
    expect(indicatorCaveats(national[0])).toContain('Geteld per cursusdeelname, niet per persoon.');
    expect(indicatorCaveats(national[0])).toContain('Regio: 3 van 4 aanbieders geleverd.');
    expect(indicatorCaveats(regional.find((i) => i.code === 'UIT-ZELF')!)).toContain('Regio: 212 respondenten.');
  });
});

describe('the report as blocks', () => {
  it('says "Nog geen cijfers" for a missing monitor or financial overview instead of inventing a figure', () => {
    const parts = yearReportParts(content());
    for (const id of ['monitor', 'landelijke-monitor', 'financien'])
      expect(parts.find((p) => p.id === id)!.blocks).toEqual([{ kind: 'paragraph', text: 'Nog geen cijfers voor 2026.' }]);
  });

  it('shows every municipality of the monitor and the money in euros', () => {
    const doc = yearReportDocument(content({ monitor: exampleMonitorSection(2026), finance: exampleFinanceSection(2026) }), {
      concept: true,
      madeAt: '2026-12-05T10:00:00.000Z',
      isExample: false,
    });
    const text = JSON.stringify(doc.blocks);
    for (const name of ['Beverwijk', 'Bloemendaal', 'Haarlem', 'Heemskerk', 'Heemstede', 'Velsen', 'Zandvoort'])
      expect(text).toContain(name);
    expect(text).toContain(`€${NBSP}3.412.500,00`);
    expect(doc.title).toBe('Jaarrapportage 2026 (concept)');
    // The quality part carries the certified Taalhuizen.
    const quality = yearReportParts(content({ monitor: exampleMonitorSection(2026) })).find((p) => p.id === 'kwaliteit')!;
    expect(JSON.stringify(quality.blocks)).toContain('TH-CERT Gecertificeerde Taalhuizen');
  });

  it('reads a narrative text: headings, paragraphs, lists; an empty one says it is not written yet', () => {
    expect(narrativeBlocks(emptyDoc)).toEqual([{ kind: 'paragraph', text: 'Nog niet geschreven.' }]);
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kern' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Het bereik groeide.' }] },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Meer Taalhuizen' }] }] }],
        },
      ],
    };
    expect(narrativeBlocks(doc)).toEqual([
      { kind: 'heading', level: 3, text: 'Kern' },
      { kind: 'paragraph', text: 'Het bereik groeide.' },
      { kind: 'list', items: ['Meer Taalhuizen'] },
    ]);
  });
});
