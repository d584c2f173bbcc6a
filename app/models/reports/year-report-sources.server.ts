/**
 * The one place the yearly report asks the monitor and the financial overview for their
 * figures of a year (the contract: year-report-inputs.ts). Everything else in the report
 * takes these sections as data, so a concept shows today's figures and an adopted
 * version the figures frozen in its snapshot.
 */
import type { Db } from '../../../db/client';
import type { FinanceYearSection, MonitorYearSection } from './year-report-inputs';

export type YearReportSources = { monitor: MonitorYearSection | null; finance: FinanceYearSection | null };

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the arguments the wired calls take
export function yearReportSources(db: Db, year: number): YearReportSources {
  // wired at merge: { monitor: monitorYearSection(db, year), finance: financeYearSection(db, year) }
  return { monitor: null, finance: null };
}
