/**
 * What the yearly report ("jaarrapportage") takes from the financial overview for one
 * year: the shape of app/models/reports/year-report-inputs.ts, plain data the report
 * freezes as JSON when it is adopted. Null when the year has no money recorded.
 */
import { asc, eq, inArray } from 'drizzle-orm';

import { goals, organisations } from '../../../db/schema';
import { finance as financeText } from '../../i18n/nl/finance';
import { todayInNL } from '../../utils/today';
import type { Tx } from '../history.server';
import type { FinanceYearSection } from '../reports/year-report-inputs';
import { loadFinanceRecords } from './finance.server';
import { computeOverview, recordYearsFor } from './overview';
import { warningText } from './warnings';

export function financeYearSection(conn: Tx, year: number, today: string = todayInNL()): FinanceYearSection | null {
  const records = loadFinanceRecords(recordYearsFor([year]), conn);
  const overview = computeOverview(records, [year], today);
  if (overview.streams.length === 0) return null;

  const municipalityNames = new Map(
    conn
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, 'gemeente'))
      .all()
      .map((o) => [o.id, o.name]),
  );
  const goalIds = overview.perGoal.map((g) => g.goalId);
  const goalRows = goalIds.length
    ? conn
        .select({ id: goals.id, code: goals.code, title: goals.title })
        .from(goals)
        .where(inArray(goals.id, goalIds))
        .orderBy(asc(goals.code))
        .all()
    : [];

  const perMunicipality = overview.perMunicipality
    .map((row) => ({
      municipalityId: row.municipalityId,
      name: row.municipalityId === null ? financeText.regional : (municipalityNames.get(row.municipalityId) ?? String(row.municipalityId)),
      allocatedCents: row.allocatedCents,
      spentCents: row.spentCents,
    }))
    // The municipalities by name, the regional money last.
    .sort((a, b) => (a.municipalityId === null ? 1 : b.municipalityId === null ? -1 : a.name.localeCompare(b.name, 'nl')));

  const perGoal = goalRows.map((goal) => {
    const row = overview.perGoal.find((g) => g.goalId === goal.id)!;
    return { goalId: goal.id, code: goal.code, title: goal.title, allocatedCents: row.allocatedCents, spentCents: row.spentCents };
  });

  return {
    year,
    streams: overview.streams.map((s) => ({
      name: s.name,
      receivedCents: s.receivedCents,
      allocatedCents: s.allocatedCents,
      committedCents: s.committedCents,
      spentCents: s.spentCents,
      leftCents: s.leftCents,
      carryOverCents: s.carryOverCents,
      repaymentCents: s.repaymentCents,
    })),
    totals: {
      receivedCents: overview.totals.receivedCents,
      allocatedCents: overview.totals.allocatedCents,
      committedCents: overview.totals.committedCents,
      spentCents: overview.totals.spentCents,
      leftCents: overview.totals.leftCents,
      carryOverCents: overview.totals.carryOverCents,
      repaymentCents: overview.totals.repaymentCents,
    },
    perMunicipality,
    perGoal,
    warnings: overview.warnings.map(warningText),
    containsExampleFigures: overview.containsExampleFigures,
  };
}
