/**
 * Hand-built monitor and finance sections for a yearly report (the shapes of
 * app/models/reports/year-report-inputs.ts), with plausible figures for the region and its
 * seven municipalities: the tests and the benchmark feed them to the report until the
 * monitor and the financial overview are wired in (year-report-sources.server.ts).
 */
import type {
  FinanceYearSection,
  IndicatorLevel,
  IndicatorUnit,
  MonitorAreaRow,
  MonitorIndicatorSection,
  MonitorYearSection,
} from '../../app/models/reports/year-report-inputs';
import { MUNICIPALITIES } from '../../db/seed/organisations';

/** Relative size of each municipality (inhabitants, roughly), so Haarlem has the most participants. */
const WEIGHT: Record<(typeof MUNICIPALITIES)[number], number> = {
  Beverwijk: 0.14,
  Bloemendaal: 0.08,
  Haarlem: 0.38,
  Heemskerk: 0.1,
  Heemstede: 0.06,
  Velsen: 0.16,
  Zandvoort: 0.04,
  // sums to 0.96: the rest is regional, unassigned
};

type IndicatorSeed = {
  code: string;
  name: string;
  level: IndicatorLevel;
  unit: IndicatorUnit;
  monitor: 'regional' | 'national';
  countedPer: 'record' | 'person';
  source: string;
  /** The region's 0-meting and its yearly growth. */
  baseline: number;
  growth: number;
  respondents?: number;
};

export const EXAMPLE_INDICATORS: IndicatorSeed[] = [
  {
    code: 'IN-DEELN',
    name: 'Deelnemers aan non-formele activiteiten',
    level: 'input',
    unit: 'count',
    monitor: 'regional',
    countedPer: 'person',
    source: 'Qwasp, Monitor Volwasseneneducatie',
    baseline: 1240,
    growth: 95,
  },
  {
    code: 'OUT-DIPL',
    name: 'Formele trajecten afgerond met diploma of certificaat',
    level: 'output',
    unit: 'percentage',
    monitor: 'regional',
    countedPer: 'person',
    source: 'Nova College',
    baseline: 58,
    growth: 1.5,
  },
  {
    code: 'UIT-ZELF',
    name: 'Deelnemers die zich zelfredzamer voelen',
    level: 'outcome',
    unit: 'percentage',
    monitor: 'regional',
    countedPer: 'person',
    source: 'Qwasp, impactvragenlijst',
    baseline: 61,
    growth: 2,
    respondents: 212,
  },
  {
    code: 'TH-CERT',
    name: 'Gecertificeerde Taalhuizen',
    level: 'input',
    unit: 'count',
    monitor: 'regional',
    countedPer: 'person',
    source: 'Stichting Lezen en Schrijven',
    baseline: 2,
    growth: 1,
  },
  {
    code: 'LBV-DEELN',
    name: 'Cursusdeelnames volwasseneneducatie',
    level: 'input',
    unit: 'count',
    monitor: 'national',
    countedPer: 'record',
    source: 'CBS Landelijk Beeld Volwasseneneducatie',
    baseline: 1810,
    growth: 120,
  },
];

const round = (value: number, unit: IndicatorUnit) => (unit === 'percentage' ? Math.round(value * 10) / 10 : Math.round(value));

function indicatorSection(seed: IndicatorSeed, year: number, baselineYear: number): MonitorIndicatorSection {
  const regionValue = (y: number) => round(seed.baseline + seed.growth * (y - baselineYear), seed.unit);
  const regionTarget = (y: number) => round(seed.baseline + seed.growth * 1.2 * (y - baselineYear), seed.unit);
  const share = (weight: number, v: number) =>
    seed.unit === 'percentage' ? round(v + (weight - 0.14) * 20, seed.unit) : round(v * weight, seed.unit);
  const region: MonitorAreaRow = {
    municipalityId: null,
    name: 'Regio',
    baseline: regionValue(baselineYear),
    value: regionValue(year),
    target: regionTarget(year),
    respondents: seed.respondents ?? null,
    completeness: seed.monitor === 'national' ? '3 van 4 aanbieders geleverd' : null,
  };
  const rows = MUNICIPALITIES.map((name, i) => ({
    municipalityId: i + 1,
    name,
    baseline: share(WEIGHT[name], region.baseline!),
    value: share(WEIGHT[name], region.value!),
    target: share(WEIGHT[name], region.target!),
    respondents: seed.respondents ? Math.round(seed.respondents * WEIGHT[name]) : null,
    completeness: null,
  }));
  const years = Array.from({ length: year - baselineYear + 1 }, (_, i) => baselineYear + i);
  return {
    code: seed.code,
    name: seed.name,
    level: seed.level,
    unit: seed.unit,
    source: seed.source,
    monitor: seed.monitor,
    countedPer: seed.countedPer,
    definition: `Voorbeelddefinitie van ${seed.name.toLocaleLowerCase('nl')}: gemeten per kalenderjaar, per woongemeente.`,
    rows: [region, ...rows],
    regionSeries: years.map((y) => ({ year: y, value: regionValue(y), target: y === baselineYear ? null : regionTarget(y) })),
  };
}

/** The five example indicators; `count` more (generated) for the benchmark's large size. */
export function exampleMonitorSection(
  year: number,
  { count, baselineYear = 2020 }: { count?: number; baselineYear?: number } = {},
): MonitorYearSection {
  const seeds =
    count === undefined
      ? EXAMPLE_INDICATORS
      : Array.from({ length: count }, (_, i) => ({
          ...EXAMPLE_INDICATORS[i % EXAMPLE_INDICATORS.length],
          code: `IND-${String(i + 1).padStart(2, '0')}`,
          name: `${EXAMPLE_INDICATORS[i % EXAMPLE_INDICATORS.length].name} (${i + 1})`,
        }));
  return { year, baselineYear, indicators: seeds.map((seed) => indicatorSection(seed, year, baselineYear)), containsExampleFigures: true };
}

const stream = (name: string, received: number, spentShare: number) => {
  const spent = Math.round(received * spentShare);
  return {
    name,
    receivedCents: received,
    allocatedCents: received,
    committedCents: Math.round(received * 0.97),
    spentCents: spent,
    leftCents: received - spent,
    carryOverCents: Math.round((received - spent) * 0.8),
    repaymentCents: received - spent - Math.round((received - spent) * 0.8),
  };
};

/** A year's money: the WEB contribution, the DU basic skills, municipal funds; per municipality and per goal. */
export function exampleFinanceSection(year: number): FinanceYearSection {
  const streams = [
    stream('Rijksbijdrage educatie (WEB)', 341_250_000, 0.93),
    stream('Decentralisatie-uitkering basisvaardigheden', 48_600_000, 0.88),
    stream('Gemeentelijke middelen', 21_375_050, 1),
  ];
  const sum = (key: keyof (typeof streams)[number]) => streams.reduce((total, s) => total + (s[key] as number), 0);
  const totals = {
    receivedCents: sum('receivedCents'),
    allocatedCents: sum('allocatedCents'),
    committedCents: sum('committedCents'),
    spentCents: sum('spentCents'),
    leftCents: sum('leftCents'),
    carryOverCents: sum('carryOverCents'),
    repaymentCents: sum('repaymentCents'),
  };
  return {
    year,
    streams,
    totals,
    perMunicipality: [
      ...MUNICIPALITIES.map((name, i) => ({
        municipalityId: i + 1,
        name,
        allocatedCents: Math.round(totals.allocatedCents * WEIGHT[name]),
        spentCents: Math.round(totals.spentCents * WEIGHT[name]),
      })),
      {
        municipalityId: null,
        name: 'Regionaal',
        allocatedCents: Math.round(totals.allocatedCents * 0.04),
        spentCents: Math.round(totals.spentCents * 0.04),
      },
    ],
    perGoal: [
      { goalId: 1, code: '1.3.a-1', title: 'Meer inwoners bereiken met taalaanbod', allocatedCents: 12_500_000, spentCents: 11_980_000 },
    ],
    warnings: ['Van de rijksbijdrage is € 238.875,00 nog niet besteed; boven de toegestane overheveling moet geld terug.'],
    containsExampleFigures: true,
  };
}
