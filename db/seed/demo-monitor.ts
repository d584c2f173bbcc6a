/**
 * The demo's monitor: the catalogue of the agenda's indicators (input, output, outcome) and
 * the LBV's, figures 2020–2025 for the region and the seven municipalities with plausible
 * magnitudes, and targets for every period. Every figure and target is marked as an example
 * ("voorbeeldcijfer"). Deterministic: a seeded generator, so every demo database is the same.
 */
import { eq, inArray } from 'drizzle-orm';

import type { Tx } from '../../app/models/history.server';
import {
  BREAKDOWNS,
  type CountedPer,
  type IndicatorLevel,
  type IndicatorUnit,
  type MonitorKind,
} from '../../app/models/monitor/monitor-rules';
import { agendas, goals, monitorFigures, monitorGoalIndicators, monitorIndicators, monitorTargets, organisations } from '../schema';

type DemoIndicator = {
  code: string;
  name: string;
  level: IndicatorLevel;
  unit: IndicatorUnit;
  source: string;
  monitor: MonitorKind;
  countedPer: CountedPer;
  definition: string;
  /** Region-wide value in 2020 (percent for percentages) and the yearly growth (fraction of it, or points). */
  base: number;
  growth: number;
  respondents?: number;
  goals: string[];
};

const LBV = 'CBS Landelijk Beeld Volwasseneneducatie';
const QWASP = 'Qwasp Monitor Volwasseneneducatie';

// Indicator names and definitions are the demo's Dutch content, like the seeded agenda.
export const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: 'LBV-DEELN',
    name: 'Deelnemers volwasseneneducatie',
    level: 'input',
    unit: 'count',
    source: LBV,
    monitor: 'national',
    countedPer: 'record',
    definition:
      'Cursusdeelnames van inwoners van 18 jaar en ouder aan formele en non-formele educatie, naar woongemeente. Eén persoon in twee cursussen telt twee keer.',
    base: 2900,
    growth: 0.06,
    goals: ['1.3.a-A', '1.3.b-A', '1.3.d-A'],
  },
  {
    code: 'IN-BEREIK',
    name: 'Bereikte inwoners uit de doelgroep',
    level: 'input',
    unit: 'count',
    source: QWASP,
    monitor: 'regional',
    countedPer: 'person',
    definition: 'Inwoners die in het jaar aan minstens één activiteit voor basisvaardigheden deelnamen, per persoon geteld.',
    base: 2300,
    growth: 0.07,
    goals: ['1.3.a-A', '1.3.d-A'],
  },
  {
    code: 'IN-ACT',
    name: 'Aantal activiteiten',
    level: 'input',
    unit: 'count',
    source: QWASP,
    monitor: 'regional',
    countedPer: 'record',
    definition: 'Cursussen, trajecten en spreekuren die in het jaar liepen (formeel en non-formeel).',
    base: 240,
    growth: 0.05,
    goals: ['1.3.c-B'],
  },
  {
    code: 'TH-CERT',
    name: 'Gecertificeerde Taalhuizen',
    level: 'input',
    unit: 'count',
    source: 'Stichting Lezen en Schrijven',
    monitor: 'regional',
    countedPer: 'person',
    definition: 'Taalhuizen met het keurmerk van Stichting Lezen en Schrijven op kwaliteit van aanbod en organisatie.',
    base: 2,
    growth: 0.25,
    goals: ['1.3.c-A'],
  },
  {
    code: 'OUT-NF-AFGEROND',
    name: 'Non-formele trajecten afgerond',
    level: 'output',
    unit: 'percentage',
    source: QWASP,
    monitor: 'regional',
    countedPer: 'record',
    definition: 'Aandeel van de geëindigde non-formele trajecten dat is afgerond (niet voortijdig gestopt).',
    base: 68,
    growth: 1.2,
    goals: ['1.3.d-A'],
  },
  {
    code: 'OUT-F-DIPLOMA',
    name: 'Formele trajecten met diploma of certificaat',
    level: 'output',
    unit: 'percentage',
    source: 'Nova College',
    monitor: 'regional',
    countedPer: 'record',
    definition: 'Aandeel van de geëindigde formele trajecten dat met een diploma of certificaat is afgesloten.',
    base: 57,
    growth: 1.5,
    goals: ['1.3.d-A'],
  },
  {
    code: 'UIT-ZELFREDZAAM',
    name: 'Meer zelfredzaam',
    level: 'outcome',
    unit: 'percentage',
    source: QWASP,
    monitor: 'regional',
    countedPer: 'person',
    definition: 'Aandeel van de deelnemers dat in de impactvragenlijst zegt zich beter te redden in het dagelijks leven.',
    base: 61,
    growth: 1.1,
    respondents: 420,
    goals: ['1.3.d-A'],
  },
  {
    code: 'UIT-SOCIAAL',
    name: 'Meer sociale contacten',
    level: 'outcome',
    unit: 'percentage',
    source: QWASP,
    monitor: 'regional',
    countedPer: 'person',
    definition: 'Aandeel van de deelnemers dat in de impactvragenlijst meer sociale contacten meldt.',
    base: 47,
    growth: 0.9,
    respondents: 420,
    goals: ['1.3.d-A'],
  },
  {
    code: 'UIT-WERK',
    name: 'Betaald werk of meer uren',
    level: 'outcome',
    unit: 'percentage',
    source: QWASP,
    monitor: 'regional',
    countedPer: 'person',
    definition: 'Aandeel van de deelnemers dat na het traject betaald werk vond of meer uren ging werken.',
    base: 14,
    growth: 0.6,
    respondents: 420,
    goals: ['1.3.d-A'],
  },
  {
    code: 'UIT-VERVOLG',
    name: 'Vervolgopleiding gestart',
    level: 'outcome',
    unit: 'percentage',
    source: QWASP,
    monitor: 'regional',
    countedPer: 'person',
    definition: 'Aandeel van de deelnemers dat na het traject aan een vervolgopleiding of -cursus begon.',
    base: 22,
    growth: 0.7,
    respondents: 420,
    goals: ['1.3.b-A', '1.3.d-A'],
  },
  {
    code: 'UIT-TAAL',
    name: 'Verbeterde taalvaardigheid',
    level: 'outcome',
    unit: 'percentage',
    source: QWASP,
    monitor: 'regional',
    countedPer: 'person',
    definition: 'Aandeel van de deelnemers van wie de taalvaardigheid volgens de begin- en eindmeting met minstens één niveau steeg.',
    base: 55,
    growth: 1.3,
    respondents: 420,
    goals: ['1.3.a-A', '1.3.d-A'],
  },
];

/** Each municipality's share of the region's counts (Haarlem by far the largest) and how it differs on percentages. */
const AREAS: Record<string, { share: number; offset: number }> = {
  Haarlem: { share: 0.5, offset: 1.5 },
  Velsen: { share: 0.17, offset: -1 },
  Beverwijk: { share: 0.13, offset: -2.5 },
  Heemskerk: { share: 0.08, offset: 0.5 },
  Heemstede: { share: 0.05, offset: 2 },
  Bloemendaal: { share: 0.04, offset: 3 },
  Zandvoort: { share: 0.03, offset: -3 },
};

/** Region-wide shares per LBV breakdown category, in BREAKDOWNS order. */
const BREAKDOWN_SHARES: Record<keyof typeof BREAKDOWNS, number[]> = {
  soort_cursus: [0.45, 0.35, 0.2],
  type_cursus: [0.7, 0.1, 0.12, 0.08],
  moedertaal: [0.35, 0.65],
  geslacht: [0.38, 0.62],
  leeftijd: [0.12, 0.45, 0.33, 0.1],
};

export const DEMO_FIRST_YEAR = 2020;
export const DEMO_LAST_YEAR = 2025;

/** mulberry32: a small seeded generator, so the demo is the same every time. */
function seededRandom(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits a whole number by shares, the rounding rest going to the last part. */
function split(total: number, shares: number[]): number[] {
  const parts = shares.map((s) => Math.floor(total * s));
  parts[parts.length - 1] = total - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

const clampPercent = (tenths: number) => Math.max(0, Math.min(1000, Math.round(tenths)));

export function seedDemoMonitor(tx: Tx) {
  const random = seededRandom(2020);
  const municipalities = tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'gemeente'))
    .all();
  const periods = tx.select({ id: agendas.id, periodStart: agendas.periodStart, periodEnd: agendas.periodEnd }).from(agendas).all();
  const figures: (typeof monitorFigures.$inferInsert)[] = [];
  const targets: (typeof monitorTargets.$inferInsert)[] = [];

  DEMO_INDICATORS.forEach((indicator, index) => {
    const { id } = tx
      .insert(monitorIndicators)
      .values({
        code: indicator.code,
        name: indicator.name,
        level: indicator.level,
        unit: indicator.unit,
        source: indicator.source,
        monitor: indicator.monitor,
        countedPer: indicator.countedPer,
        definition: indicator.definition,
        position: index + 1,
        isExample: true,
      })
      .returning({ id: monitorIndicators.id })
      .get();
    const goalIds = tx.select({ id: goals.id }).from(goals).where(inArray(goals.code, indicator.goals)).all();
    for (const goal of goalIds) tx.insert(monitorGoalIndicators).values({ goalId: goal.id, indicatorId: id }).run();

    const figure = (municipalityId: number | null, year: number, value: number, breakdownKey = '') => {
      const respondents = indicator.respondents
        ? Math.round(
            indicator.respondents * (municipalityId === null ? 1 : (AREAS[nameOf(municipalityId)]?.share ?? 0.1)) * (0.9 + 0.2 * random()),
          )
        : null;
      figures.push({
        indicatorId: id,
        municipalityId,
        areaKey: municipalityId ?? 0,
        year,
        breakdownKey,
        value,
        source: indicator.source,
        // One provider of four was late with the latest LBV delivery, as happens.
        completeness: indicator.monitor === 'national' && year === DEMO_LAST_YEAR ? '3 van 4 aanbieders geleverd' : null,
        respondents: breakdownKey === '' ? respondents : null,
        isExample: true,
      });
    };
    const nameOf = (municipalityId: number) => municipalities.find((m) => m.id === municipalityId)!.name;

    const regionByYear = new Map<number, number>();
    for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year++) {
      const step = year - DEMO_FIRST_YEAR;
      const dip = year === 2021 ? 0.85 : 1; // corona: fewer courses in 2021
      if (indicator.unit === 'count') {
        const regionTotal = Math.max(1, Math.round(indicator.base * (1 + indicator.growth * step) * dip * (0.97 + 0.06 * random())));
        const parts = split(
          regionTotal,
          municipalities.map((m) => AREAS[m.name]?.share ?? 0),
        );
        municipalities.forEach((m, i) => figure(m.id, year, parts[i]));
        figure(null, year, regionTotal);
        regionByYear.set(year, regionTotal);
        if (indicator.code === 'LBV-DEELN') {
          for (const [dimension, categories] of Object.entries(BREAKDOWNS) as [keyof typeof BREAKDOWNS, readonly string[]][]) {
            split(regionTotal, BREAKDOWN_SHARES[dimension]).forEach((value, i) =>
              figure(null, year, value, `${dimension}/${categories[i]}`),
            );
          }
        }
      } else {
        const regionTenths = clampPercent((indicator.base + indicator.growth * step) * 10 + (random() - 0.5) * 20);
        figure(null, year, regionTenths);
        regionByYear.set(year, regionTenths);
        for (const m of municipalities) {
          figure(m.id, year, clampPercent(regionTenths + (AREAS[m.name]?.offset ?? 0) * 10 + (random() - 0.5) * 40));
        }
      }
    }

    // Targets: for every period, the final year's for every area, and each year's for the region.
    const baseline = regionByYear.get(DEMO_FIRST_YEAR)!;
    for (const period of periods) {
      const finalTarget = (start: number) =>
        indicator.unit === 'count'
          ? Math.round(start * (1 + indicator.growth * 1.1 * (period.periodEnd - DEMO_FIRST_YEAR)))
          : clampPercent(start + indicator.growth * 11 * (period.periodEnd - DEMO_FIRST_YEAR));
      for (let year = Math.max(period.periodStart, DEMO_FIRST_YEAR + 1); year <= period.periodEnd; year++) {
        const share = (year - DEMO_FIRST_YEAR) / (period.periodEnd - DEMO_FIRST_YEAR);
        targets.push({
          indicatorId: id,
          agendaId: period.id,
          municipalityId: null,
          areaKey: 0,
          year,
          value: Math.round(baseline + share * (finalTarget(baseline) - baseline)),
          isExample: true,
        });
      }
      for (const m of municipalities) {
        const own = figures.find(
          (f) => f.indicatorId === id && f.municipalityId === m.id && f.year === DEMO_FIRST_YEAR && f.breakdownKey === '',
        )!;
        targets.push({
          indicatorId: id,
          agendaId: period.id,
          municipalityId: m.id,
          areaKey: m.id,
          year: period.periodEnd,
          value: finalTarget(own.value),
          isExample: true,
        });
      }
    }
  });
  for (let i = 0; i < figures.length; i += 200)
    tx.insert(monitorFigures)
      .values(figures.slice(i, i + 200))
      .run();
  for (let i = 0; i < targets.length; i += 200)
    tx.insert(monitorTargets)
      .values(targets.slice(i, i + 200))
      .run();
}
