import { describe, expect, it } from 'vitest';

import { webCarryOverLimit, webCarryOverPercent } from './finance-rules';
import { computeOverview, type FinanceRecords, type StreamRecord } from './overview';
import { warningText } from './warnings';

const NBSP = '\u00a0';
const M = 100_000_000; // € 1 million in cents

function stream(id: number, over: Partial<StreamRecord> = {}): StreamRecord {
  return {
    id,
    year: 2026,
    kind: 'web',
    name: 'WEB',
    receivedCents: 4 * M,
    municipalityId: 3,
    carryOverCents: null,
    repaymentCents: null,
    isExample: false,
    ...over,
  };
}

/** WEB 2026 € 4 mln: € 2 mln formal (Haarlem, goal 10), € 1,5 mln non-formal (Velsen, goal 11); DU € 0,5 mln. */
function records(): FinanceRecords {
  return {
    streams: [stream(1), stream(2, { kind: 'du_basisvaardigheden', name: 'DU', receivedCents: M / 2 })],
    allocations: [
      { id: 1, streamId: 1, purpose: 'formeel', municipalityId: 3, goalId: 10, actionId: null, amountCents: 2 * M },
      { id: 2, streamId: 1, purpose: 'non_formeel', municipalityId: 4, goalId: 11, actionId: null, amountCents: 1.5 * M },
      { id: 3, streamId: 2, purpose: 'non_formeel', municipalityId: null, goalId: 10, actionId: null, amountCents: M / 2 },
    ],
    commitments: [
      { id: 1, allocationId: 1, amountCents: 2 * M },
      { id: 2, allocationId: 2, amountCents: M },
    ],
    spending: [
      { id: 1, allocationId: 1, commitmentId: 1, amountCents: M },
      { id: 2, allocationId: 2, commitmentId: null, amountCents: M / 4 },
      { id: 3, allocationId: 3, commitmentId: null, amountCents: M / 10 },
    ],
  };
}

describe('the overview of a year', () => {
  const overview = computeOverview(records(), [2026], '2026-06-30');

  it('adds up received, allocated, committed, spent and left per stream', () => {
    expect(overview.streams.map((s) => [s.name, s.receivedCents, s.allocatedCents, s.committedCents, s.spentCents, s.leftCents])).toEqual([
      ['WEB', 4 * M, 3.5 * M, 3 * M, 1.25 * M, 2.75 * M],
      ['DU', M / 2, M / 2, 0, M / 10, 0.4 * M],
    ]);
    expect(overview.totals).toMatchObject({ receivedCents: 4.5 * M, allocatedCents: 4 * M, committedCents: 3 * M, spentCents: 1.35 * M });
    expect(overview.perYear).toEqual([
      { year: 2026, receivedCents: 4.5 * M, allocatedCents: 4 * M, committedCents: 3 * M, spentCents: 1.35 * M, leftCents: 3.15 * M },
    ]);
  });

  it('splits allocated, committed and spent per municipality (null: regional), goal and purpose', () => {
    expect(overview.perMunicipality).toEqual([
      { municipalityId: 3, allocatedCents: 2 * M, committedCents: 2 * M, spentCents: M },
      { municipalityId: 4, allocatedCents: 1.5 * M, committedCents: M, spentCents: M / 4 },
      { municipalityId: null, allocatedCents: M / 2, committedCents: 0, spentCents: M / 10 },
    ]);
    expect(overview.perGoal).toEqual([
      { goalId: 10, allocatedCents: 2.5 * M, committedCents: 2 * M, spentCents: 110_000_000 },
      { goalId: 11, allocatedCents: 1.5 * M, committedCents: M, spentCents: M / 4 },
    ]);
    expect(overview.perPurpose.map((p) => p.purpose)).toEqual(['formeel', 'non_formeel']);
  });

  it('has no warning while what is covered leaves at most the carry-over limit', () => {
    // Covered: € 3 mln committed + € 0,25 mln spent without a commitment = € 3,25 mln; € 0,75 mln ≤ 25 % of € 4 mln.
    expect(overview.warnings).toEqual([]);
  });
});

describe('the WEB spending obligation', () => {
  it('warns in a running year when more is neither spent nor committed than may be carried over, and stops when a commitment covers it', () => {
    const data = records();
    data.commitments = data.commitments.filter((c) => c.id !== 2); // € 1 mln less committed: € 1,75 mln uncovered > € 1 mln
    const at = computeOverview(data, [2026], '2026-06-30');
    expect(at.warnings).toEqual([
      { kind: 'obligationAtRisk', stream: 'WEB', year: 2026, uncoveredCents: 1.75 * M, limitCents: M, percent: 25 },
    ]);
    expect(warningText(at.warnings[0])).toBe(
      `Bestedingsverplichting in gevaar: van WEB 2026 is €${NBSP}1.750.000,00 nog niet besteed of verplicht. Hoogstens €${NBSP}1.000.000,00 (25%) mag naar het volgende jaar; wat daarboven overblijft, moet worden terugbetaald.`,
    );
    data.commitments.push({ id: 9, allocationId: 2, amountCents: 0.75 * M });
    expect(computeOverview(data, [2026], '2026-06-30').warnings).toEqual([]);
  });

  it('after the year, not yet settled: warns that what is left above the limit is to be paid back', () => {
    const at = computeOverview(records(), [2026], '2027-02-01');
    // Left € 2,75 mln, limit € 1 mln.
    expect(at.warnings).toEqual([{ kind: 'repaymentExpected', stream: 'WEB', year: 2026, excessCents: 1.75 * M }]);
  });

  it('settled: warns only when the carry-over recorded is above the limit', () => {
    const data = records();
    data.streams[0] = { ...data.streams[0], carryOverCents: M, repaymentCents: 1.75 * M };
    expect(computeOverview(data, [2026], '2027-02-01').warnings).toEqual([]);
    data.streams[0] = { ...data.streams[0], carryOverCents: M + 1 };
    expect(computeOverview(data, [2026], '2027-02-01').warnings).toEqual([
      { kind: 'carryOverAboveLimit', stream: 'WEB', year: 2026, carriedCents: M + 1, limitCents: M, percent: 25 },
    ]);
  });

  it('applies 50 % to the contributions of 2020 and 2021 and 25 % otherwise, rounding the limit down', () => {
    expect(webCarryOverPercent(2020)).toBe(50);
    expect(webCarryOverPercent(2021)).toBe(50);
    expect(webCarryOverPercent(2022)).toBe(25);
    expect(webCarryOverLimit(101, 2026)).toBe(25);
    expect(webCarryOverLimit(4 * M, 2021)).toBe(2 * M);
    expect(webCarryOverLimit(4 * M, 2026, { percent: 10, byYear: {} })).toBe(0.4 * M);
  });

  it('never warns about the obligation of other streams', () => {
    const data = records();
    data.allocations = data.allocations.filter((a) => a.streamId !== 1);
    data.commitments = [];
    data.spending = data.spending.filter((s) => s.allocationId === 3);
    data.streams = [data.streams[1]];
    expect(computeOverview(data, [2026], '2027-06-01').warnings).toEqual([]);
  });

  it('warns about more allocated than received and more committed than allocated', () => {
    const data = records();
    data.allocations.push({ id: 4, streamId: 2, purpose: 'formeel', municipalityId: null, goalId: null, actionId: null, amountCents: 1 });
    data.commitments.push({ id: 3, allocationId: 3, amountCents: M / 2 + 5 });
    expect(computeOverview(data, [2026], '2026-06-30').warnings).toEqual([
      { kind: 'overCommitted', stream: 'DU', year: 2026, overCents: 5 },
      { kind: 'overAllocated', stream: 'DU', year: 2026, overCents: 1 },
    ]);
  });
});

describe('the overview of a period', () => {
  it('sums the years of the period and keeps a row per year', () => {
    const data = records();
    data.streams.push(stream(3, { year: 2025, name: 'WEB', receivedCents: 3 * M, carryOverCents: 0, repaymentCents: 0, isExample: true }));
    data.streams.push(stream(4, { year: 2019, name: 'WEB', receivedCents: 9 * M }));
    const overview = computeOverview(data, [2025, 2026, 2027], '2026-06-30');
    expect(overview.perYear.map((y) => [y.year, y.receivedCents])).toEqual([
      [2025, 3 * M],
      [2026, 4.5 * M],
      [2027, 0],
    ]);
    expect(overview.totals.receivedCents).toBe(7.5 * M);
    expect(overview.streams.map((s) => `${s.name} ${s.year}`)).toEqual(['WEB 2025', 'WEB 2026', 'DU 2026']);
    expect(overview.containsExampleFigures).toBe(true);
    expect(computeOverview(data, [2026], '2026-06-30').containsExampleFigures).toBe(false);
  });
});

describe('money carried over into the next year', () => {
  /** 2025 settled with € 1 mln carried over; 2024 settled with € 0,5 mln; 2026 running. */
  function withCarryOver(): FinanceRecords {
    const data = records();
    data.streams.push(
      stream(3, { year: 2025, name: 'WEB 2025', receivedCents: 4 * M, carryOverCents: M, repaymentCents: 0 }),
      stream(4, { year: 2024, name: 'WEB 2024', receivedCents: 4 * M, carryOverCents: M / 2, repaymentCents: 0 }),
      stream(5, { year: 2025, kind: 'du_basisvaardigheden', name: 'DU 2025', receivedCents: M, carryOverCents: 0, repaymentCents: 0 }),
    );
    return data;
  }

  it('shows the carry-over of the year before as received in the year, computed, without retyping', () => {
    const overview = computeOverview(withCarryOver(), [2026], '2026-06-30');
    expect(overview.streams.map((s) => [s.name, s.receivedCents, s.leftCents, s.carriedFrom])).toEqual([
      ['WEB', 4 * M, 2.75 * M, null],
      ['Overgeheveld uit 2025: WEB 2025', M, M, 2025],
      ['DU', M / 2, 0.4 * M, null],
    ]);
    expect(overview.streams[1].id).toBe(-3);
    expect(overview.totals.receivedCents).toBe(5.5 * M);
    expect(overview.perYear[0].receivedCents).toBe(5.5 * M);
    // A carry-over of zero brings nothing in; it carries no obligation warning of its own.
    expect(overview.streams.some((s) => s.name.includes('DU 2025'))).toBe(false);
    expect(overview.warnings).toEqual([]);
  });

  it('counts a carry-over between the years of a period once: only what came in from before the period', () => {
    const overview = computeOverview(withCarryOver(), [2025, 2026], '2026-06-30');
    expect(overview.streams.filter((s) => s.carriedFrom !== null).map((s) => [s.name, s.year, s.receivedCents])).toEqual([
      ['Overgeheveld uit 2024: WEB 2024', 2025, M / 2],
    ]);
    expect(overview.totals.receivedCents).toBe(4 * M + M / 2 + 4.5 * M + M);
  });

  it("lets the year's stream of the same kind and municipality allocate the money carried in", () => {
    const data = withCarryOver();
    data.allocations.push({
      id: 4,
      streamId: 1,
      purpose: 'formeel',
      municipalityId: 3,
      goalId: null,
      actionId: null,
      amountCents: 1.25 * M,
    });
    // Allocated € 4,75 mln of WEB 2026: € 4 mln received + € 1 mln carried in: no warning.
    expect(computeOverview(data, [2026], '2026-06-30').warnings.filter((w) => w.kind === 'overAllocated')).toEqual([]);
    data.allocations.push({
      id: 5,
      streamId: 1,
      purpose: 'formeel',
      municipalityId: 3,
      goalId: null,
      actionId: null,
      amountCents: 0.5 * M,
    });
    expect(computeOverview(data, [2026], '2026-06-30').warnings.filter((w) => w.kind === 'overAllocated')).toEqual([
      { kind: 'overAllocated', stream: 'WEB', year: 2026, overCents: 0.25 * M },
    ]);
  });
});
