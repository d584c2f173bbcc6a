/** The demo's yearly reports (issue 13 §4): 2025 adopted as version 1 with Dutch example texts, 2026 in concept. */
import { beforeAll, describe, expect, it } from 'vitest';

import { getYearReport, getYearReportVersion, listYearReports } from '../../app/models/reports/year-report.server';
import { prepareDatabase } from '../setup/database';

beforeAll(async () => {
  await prepareDatabase({ periods: true });
});

describe('the demo yearly reports', () => {
  it('has 2025 adopted as version 1, with its texts and the progress of the 2025–2028 agenda, and 2026 in concept', () => {
    expect(listYearReports().map((r) => [r.year, r.status, r.latestVersion, r.isExample])).toEqual([
      [2026, 'concept', null, true],
      [2025, 'vastgesteld', 1, true],
    ]);
    const adopted = getYearReportVersion(getYearReport(2025)!.id, 1)!;
    expect(adopted.progress.periodLabel).toBe('2025–2028');
    expect(adopted.progress.chapters.length).toBeGreaterThan(0);
    expect(JSON.stringify(adopted.narratives.summary)).toContain('Voorbeeldtekst. In 2025 is de nieuwe samenwerkingsagenda');
    expect(JSON.stringify(adopted.narratives.steering)).toContain('Sturingsvragen aan de wethouders');
  });
});
