/** The guards the yearly report routes share (/jaarrapportages/<jaar>…). */
import { getYearReport, yearReportEdition } from '../models/reports/year-report.server';
import { parseReportVersion, parseReportYear } from '../schemas/year-report';
import { notFound, requireFound } from './http.server';

/** The report of the year in the address, or a 404. */
export function requireYearReport(year: string | undefined) {
  const parsed = parseReportYear(year);
  return requireFound(parsed === undefined ? undefined : getYearReport(parsed));
}

/** The edition the address asks for (`?versie=`), or the default one; a malformed or unknown version is a 404. */
export function requireYearReportEdition(request: Request, year: string | undefined) {
  const report = requireYearReport(year);
  const requested = parseReportVersion(new URL(request.url).searchParams.get('versie'));
  if (requested === undefined) throw notFound();
  const now = new Date().toISOString();
  return { report, now, view: requireFound(yearReportEdition(report, requested, now)) };
}
