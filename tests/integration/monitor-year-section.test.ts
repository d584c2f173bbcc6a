import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { saveFigure } from '../../app/models/monitor/figure.server';
import { getIndicatorByCode } from '../../app/models/monitor/indicator.server';
import { monitorYearSection } from '../../app/models/monitor/year-section.server';
import { asActor } from '../../app/models/permissions';
import { db } from '../../app/utils/db.server';
import { monitorFigures, monitorGoalIndicators, monitorIndicators, monitorTargets, users } from '../../db/schema';
import { ACCOUNTS } from '../setup/accounts';
import { prepareDatabase } from '../setup/database';

const MUNICIPALITIES = ['Beverwijk', 'Bloemendaal', 'Haarlem', 'Heemskerk', 'Heemstede', 'Velsen', 'Zandvoort'];

beforeAll(async () => {
  await prepareDatabase({ periods: true });
});

describe('the monitor section of the yearly report', () => {
  it('gives every indicator with the region first, then the seven municipalities by name', () => {
    const section = monitorYearSection(db, 2025)!;
    expect(section.year).toBe(2025);
    expect(section.baselineYear).toBe(2020);
    expect(section.containsExampleFigures).toBe(true);
    const participants = section.indicators.find((i) => i.code === 'LBV-DEELN')!;
    expect(participants).toMatchObject({ monitor: 'national', countedPer: 'record', unit: 'count' });
    expect(participants.rows.map((r) => r.name)).toEqual(['Regio', ...MUNICIPALITIES]);
    expect(participants.rows[0].municipalityId).toBeNull();
    // Haarlem is by far the largest; the region is the sum of the seven.
    const byName = Object.fromEntries(participants.rows.map((r) => [r.name, r.value!]));
    expect(byName.Haarlem).toBeGreaterThan(2.5 * byName.Velsen);
    expect(MUNICIPALITIES.reduce((sum, name) => sum + byName[name], 0)).toBe(byName.Regio);
    expect(participants.rows[0].completeness).toBe('3 van 4 aanbieders geleverd');
  });

  it('has the region series from the 0-meting up to the year, with the period targets', () => {
    const section = monitorYearSection(db, 2025)!;
    const participants = section.indicators.find((i) => i.code === 'LBV-DEELN')!;
    expect(participants.regionSeries.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(participants.regionSeries[0].target).toBeNull();
    expect(participants.regionSeries.slice(1).every((p) => p.target !== null)).toBe(true);
    expect(participants.rows[0].baseline).toBe(participants.regionSeries[0].value);
  });

  it('gives percentages in percent and outcomes with their respondents', () => {
    const section = monitorYearSection(db, 2025)!;
    const outcome = section.indicators.find((i) => i.code === 'UIT-TAAL')!;
    const stored = db
      .select()
      .from(monitorFigures)
      .where(eq(monitorFigures.indicatorId, getIndicatorByCode('UIT-TAAL')!.id))
      .all();
    const region2025 = stored.find((f) => f.municipalityId === null && f.year === 2025)!;
    expect(outcome.rows[0].value).toBe(region2025.value / 10);
    expect(outcome.rows[0].respondents).toBe(region2025.respondents);
    expect(outcome.rows[0].value).toBeLessThanOrEqual(100);
  });

  it('has the certified Taalhuizen under TH-CERT', () => {
    const section = monitorYearSection(db, 2024)!;
    expect(section.indicators.find((i) => i.code === 'TH-CERT')).toMatchObject({
      name: 'Gecertificeerde Taalhuizen',
      source: 'Stichting Lezen en Schrijven',
      monitor: 'regional',
    });
  });

  it('follows a corrected figure', () => {
    const user = db.select().from(users).where(eq(users.email, ACCOUNTS.beheerder)).get()!;
    const indicator = getIndicatorByCode('IN-ACT')!;
    saveFigure(asActor(user), {
      indicatorId: indicator.id,
      municipalityId: null,
      year: 2025,
      breakdownKey: '',
      value: 999,
      source: 'Qwasp',
      completeness: null,
      respondents: null,
    });
    const row = monitorYearSection(db, 2025)!.indicators.find((i) => i.code === 'IN-ACT')!.rows[0];
    expect(row.value).toBe(999);
  });

  it('is null without indicators', () => {
    db.transaction((tx) => {
      tx.delete(monitorGoalIndicators).run();
      tx.delete(monitorFigures).run();
      tx.delete(monitorTargets).run();
      tx.delete(monitorIndicators).run();
    });
    expect(monitorYearSection(db, 2025)).toBeNull();
  });
});
