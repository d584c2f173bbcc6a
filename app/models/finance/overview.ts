/**
 * The financial overview, computed from the recorded money alone (pure, browser-safe, so
 * it is tested without a database and the page, the exports and the yearly report all
 * add up the same way). For a set of years: per stream, per year, per municipality, per
 * goal and per purpose what was received, allocated, committed, spent and is left, and
 * the warnings about the WEB spending obligation. All amounts are integer cents.
 *
 * Definitions (docs/decisions/021-finance.md):
 * - allocated: the allocations from a stream; committed: the commitments on those
 *   allocations; spent: the spending on them (with or without a commitment);
 * - left: received minus spent;
 * - covered (for the spending obligation): committed plus the spending that is not under a
 *   commitment — money that is spent or bound to be;
 * - carried in: what the streams of the year before the first shown year carried over
 *   (their recorded carry-over) is received again in the first shown year, as a row of its
 *   own ("overgeheveld uit <jaar>"), computed, never stored. Carry-overs between the years of
 *   one period stay inside the period and are not counted twice.
 */
import { finance as financeText } from '../../i18n/nl/finance';
import type { AllocationPurpose } from './finance-rules';
import { hasSpendingObligation, type StreamKind, WEB_CARRY_OVER_SETTING, webCarryOverLimit, webCarryOverPercent } from './finance-rules';

export type StreamRecord = {
  id: number;
  year: number;
  kind: StreamKind;
  name: string;
  receivedCents: number;
  municipalityId: number | null;
  carryOverCents: number | null;
  repaymentCents: number | null;
  isExample: boolean;
};
export type AllocationRecord = {
  id: number;
  streamId: number;
  purpose: AllocationPurpose;
  municipalityId: number | null;
  goalId: number | null;
  actionId: number | null;
  amountCents: number;
};
export type CommitmentRecord = { id: number; allocationId: number; amountCents: number };
export type SpendingRecord = { id: number; allocationId: number; commitmentId: number | null; amountCents: number };

export type FinanceRecords = {
  streams: StreamRecord[];
  allocations: AllocationRecord[];
  commitments: CommitmentRecord[];
  spending: SpendingRecord[];
};

export type Amounts = { receivedCents: number; allocatedCents: number; committedCents: number; spentCents: number; leftCents: number };
export type StreamSummary = Amounts & {
  id: number;
  year: number;
  kind: StreamKind;
  name: string;
  carryOverCents: number;
  repaymentCents: number;
  settled: boolean;
  /** For a computed row of money carried in: the year it was carried over from; null for a recorded stream. */
  carriedFrom: number | null;
};
export type SpentAmounts = { allocatedCents: number; committedCents: number; spentCents: number };

export type FinanceWarning =
  | { kind: 'obligationAtRisk'; stream: string; year: number; uncoveredCents: number; limitCents: number; percent: number }
  | { kind: 'repaymentExpected'; stream: string; year: number; excessCents: number }
  | { kind: 'carryOverAboveLimit'; stream: string; year: number; carriedCents: number; limitCents: number; percent: number }
  | { kind: 'overAllocated'; stream: string; year: number; overCents: number }
  | { kind: 'overCommitted'; stream: string; year: number; overCents: number };

export type FinanceOverview = {
  years: number[];
  streams: StreamSummary[];
  totals: Amounts & { carryOverCents: number; repaymentCents: number };
  perYear: (Amounts & { year: number })[];
  /** Keyed by municipality id; null: regional money. Only places that had money allocated. */
  perMunicipality: (SpentAmounts & { municipalityId: number | null })[];
  perGoal: (SpentAmounts & { goalId: number })[];
  perPurpose: (SpentAmounts & { purpose: AllocationPurpose })[];
  warnings: FinanceWarning[];
  containsExampleFigures: boolean;
};

const zero = (): SpentAmounts => ({ allocatedCents: 0, committedCents: 0, spentCents: 0 });

function addTo<K>(map: Map<K, SpentAmounts>, key: K, part: Partial<SpentAmounts>) {
  const row = map.get(key) ?? zero();
  row.allocatedCents += part.allocatedCents ?? 0;
  row.committedCents += part.committedCents ?? 0;
  row.spentCents += part.spentCents ?? 0;
  map.set(key, row);
}

/** The years whose records an overview of `years` needs: those years and the year before the first (its carry-over comes in). */
export function recordYearsFor(years: readonly number[]): number[] {
  return years.length === 0 ? [] : [...new Set([...years, Math.min(...years) - 1])];
}

/**
 * The carry-over of the year before the first shown year, one computed stream row per
 * stream that recorded a carry-over above zero; `id` is the negative of the source
 * stream's id (rows are keyed by id, and no stored stream has a negative one).
 */
function carriedInRows(records: FinanceRecords, years: readonly number[]): StreamSummary[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  return records.streams
    .filter((s) => s.year === first - 1 && (s.carryOverCents ?? 0) > 0)
    .map((s) => ({
      id: -s.id,
      year: first,
      kind: s.kind,
      name: financeText.carriedIn(s.name, s.year),
      receivedCents: s.carryOverCents!,
      allocatedCents: 0,
      committedCents: 0,
      spentCents: 0,
      leftCents: s.carryOverCents!,
      carryOverCents: 0,
      repaymentCents: 0,
      settled: false,
      carriedFrom: s.year,
    }));
}

/**
 * What the year before carried over into a stream: the carry-over of the previous year's
 * streams of the same kind and municipality, when this stream is the only one of its kind
 * and municipality in its year (otherwise it is not clear which stream took it).
 */
function carriedIntoStream(records: FinanceRecords, stream: StreamRecord): number {
  const same = (s: StreamRecord) => s.kind === stream.kind && s.municipalityId === stream.municipalityId;
  if (records.streams.filter((s) => s.year === stream.year && same(s)).length !== 1) return 0;
  return records.streams.filter((s) => s.year === stream.year - 1 && same(s)).reduce((sum, s) => sum + (s.carryOverCents ?? 0), 0);
}

/**
 * The overview of `years` (one year, or the years of a period). The records should hold
 * the year before the first too (`recordYearsFor`), for the money carried in from it. `today` ('YYYY-MM-DD')
 * decides whether a year is over: for a running or future year the warning is about what
 * is not yet covered, for a past year about what was not spent.
 */
export function computeOverview(
  records: FinanceRecords,
  years: readonly number[],
  today: string,
  setting = WEB_CARRY_OVER_SETTING,
): FinanceOverview {
  const yearSet = new Set(years);
  const streams = records.streams.filter((s) => yearSet.has(s.year));
  const streamIds = new Set(streams.map((s) => s.id));
  const allocations = records.allocations.filter((a) => streamIds.has(a.streamId));
  const allocationById = new Map(allocations.map((a) => [a.id, a]));
  const commitments = records.commitments.filter((c) => allocationById.has(c.allocationId));
  const spending = records.spending.filter((s) => allocationById.has(s.allocationId));

  // Per allocation: committed, spent, spent without a commitment.
  const perAllocation = new Map<number, { committed: number; spent: number; uncommittedSpent: number }>();
  for (const a of allocations) perAllocation.set(a.id, { committed: 0, spent: 0, uncommittedSpent: 0 });
  for (const c of commitments) perAllocation.get(c.allocationId)!.committed += c.amountCents;
  for (const s of spending) {
    const row = perAllocation.get(s.allocationId)!;
    row.spent += s.amountCents;
    if (s.commitmentId === null) row.uncommittedSpent += s.amountCents;
  }

  const todayYear = Number(today.slice(0, 4));
  const warnings: FinanceWarning[] = [];
  const streamSummaries: StreamSummary[] = streams
    .slice()
    .sort((a, b) => a.year - b.year || kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name, 'nl'))
    .map((stream) => {
      const own = allocations.filter((a) => a.streamId === stream.id);
      let allocated = 0;
      let committed = 0;
      let spent = 0;
      let covered = 0;
      for (const a of own) {
        const row = perAllocation.get(a.id)!;
        allocated += a.amountCents;
        committed += row.committed;
        spent += row.spent;
        covered += row.committed + row.uncommittedSpent;
        if (row.committed > a.amountCents) {
          warnings.push({ kind: 'overCommitted', stream: stream.name, year: stream.year, overCents: row.committed - a.amountCents });
        }
      }
      // The money carried in may be allocated from the year's stream of the same kind and municipality.
      const available = stream.receivedCents + carriedIntoStream(records, stream);
      if (allocated > available) {
        warnings.push({ kind: 'overAllocated', stream: stream.name, year: stream.year, overCents: allocated - available });
      }
      const left = stream.receivedCents - spent;
      if (hasSpendingObligation(stream.kind)) warnings.push(...obligationWarnings(stream, { covered, left }, todayYear, setting));
      return {
        id: stream.id,
        year: stream.year,
        kind: stream.kind,
        name: stream.name,
        receivedCents: stream.receivedCents,
        allocatedCents: allocated,
        committedCents: committed,
        spentCents: spent,
        leftCents: left,
        carryOverCents: stream.carryOverCents ?? 0,
        repaymentCents: stream.repaymentCents ?? 0,
        settled: stream.carryOverCents !== null,
        carriedFrom: null,
      };
    });
  // Money carried in from the year before: received in the first year, right after the stream it came from kind-wise.
  for (const row of carriedInRows(records, years)) {
    const at = streamSummaries.findIndex((s) => s.year > row.year || (s.year === row.year && kindOrder(s.kind) > kindOrder(row.kind)));
    streamSummaries.splice(at === -1 ? streamSummaries.length : at, 0, row);
  }

  const perMunicipality = new Map<number | null, SpentAmounts>();
  const perGoal = new Map<number, SpentAmounts>();
  const perPurpose = new Map<AllocationPurpose, SpentAmounts>();
  for (const a of allocations) {
    const row = perAllocation.get(a.id)!;
    const part = { allocatedCents: a.amountCents, committedCents: row.committed, spentCents: row.spent };
    addTo(perMunicipality, a.municipalityId, part);
    if (a.goalId !== null) addTo(perGoal, a.goalId, part);
    addTo(perPurpose, a.purpose, part);
  }

  const perYear = [...yearSet]
    .sort((a, b) => a - b)
    .map((year) => ({ year, ...sumAmounts(streamSummaries.filter((s) => s.year === year)) }));

  return {
    years: [...yearSet].sort((a, b) => a - b),
    streams: streamSummaries,
    totals: {
      ...sumAmounts(streamSummaries),
      carryOverCents: streamSummaries.reduce((sum, s) => sum + s.carryOverCents, 0),
      repaymentCents: streamSummaries.reduce((sum, s) => sum + s.repaymentCents, 0),
    },
    perYear,
    perMunicipality: [...perMunicipality].map(([municipalityId, amounts]) => ({ municipalityId, ...amounts })),
    perGoal: [...perGoal].map(([goalId, amounts]) => ({ goalId, ...amounts })),
    perPurpose: [...perPurpose]
      .sort(([a], [b]) => (a === b ? 0 : a === 'formeel' ? -1 : 1))
      .map(([purpose, amounts]) => ({ purpose, ...amounts })),
    warnings,
    containsExampleFigures: streams.some((s) => s.isExample),
  };
}

/**
 * The WEB spending obligation of one stream. Settled (carry-over recorded): is the
 * carry-over within the limit? A past year not yet settled: is more left unspent than may
 * be carried over (then the excess is to be paid back)? A running or future year: is more
 * not yet covered (spent or committed) than may be carried over?
 */
function obligationWarnings(
  stream: StreamRecord,
  { covered, left }: { covered: number; left: number },
  todayYear: number,
  setting: typeof WEB_CARRY_OVER_SETTING,
): FinanceWarning[] {
  const limit = webCarryOverLimit(stream.receivedCents, stream.year, setting);
  const percent = webCarryOverPercent(stream.year, setting);
  if (stream.carryOverCents !== null) {
    return stream.carryOverCents > limit
      ? [
          {
            kind: 'carryOverAboveLimit',
            stream: stream.name,
            year: stream.year,
            carriedCents: stream.carryOverCents,
            limitCents: limit,
            percent,
          },
        ]
      : [];
  }
  if (stream.year < todayYear) {
    return left > limit ? [{ kind: 'repaymentExpected', stream: stream.name, year: stream.year, excessCents: left - limit }] : [];
  }
  const uncovered = stream.receivedCents - covered;
  return uncovered > limit
    ? [{ kind: 'obligationAtRisk', stream: stream.name, year: stream.year, uncoveredCents: uncovered, limitCents: limit, percent }]
    : [];
}

function sumAmounts(rows: readonly Amounts[]): Amounts {
  const total: Amounts = { receivedCents: 0, allocatedCents: 0, committedCents: 0, spentCents: 0, leftCents: 0 };
  for (const r of rows) {
    total.receivedCents += r.receivedCents;
    total.allocatedCents += r.allocatedCents;
    total.committedCents += r.committedCents;
    total.spentCents += r.spentCents;
    total.leftCents += r.leftCents;
  }
  return total;
}

const KIND_ORDER: Record<StreamKind, number> = { web: 0, du_basisvaardigheden: 1, gemeentelijk: 2, overig: 3 };
function kindOrder(kind: StreamKind) {
  return KIND_ORDER[kind];
}
