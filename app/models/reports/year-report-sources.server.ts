/**
 * The one place the yearly report asks the monitor and the financial overview for their
 * figures of a year (the contract: year-report-inputs.ts). Everything else in the report
 * takes these sections as data, so a concept shows today's figures and an adopted
 * version the figures frozen in its snapshot.
 */
import type { Db } from '../../../db/client';
import { financeYearSection } from '../finance/year-section.server';
import { monitorYearSection } from '../monitor/year-section.server';
import type { FinanceYearSection, MonitorYearSection } from './year-report-inputs';

export type YearReportSources = { monitor: MonitorYearSection | null; finance: FinanceYearSection | null };

export function yearReportSources(db: Db, year: number): YearReportSources {
  return { monitor: monitorYearSection(db, year), finance: financeYearSection(db, year) };
}
