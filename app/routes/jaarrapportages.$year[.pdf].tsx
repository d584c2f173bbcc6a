import type { LoaderFunctionArgs } from '@remix-run/node';

import { reports as reportsText } from '../i18n/nl/reports';
import { recordAudit } from '../models/audit/audit-log.server';
import { renderYearReportPdf } from '../models/reports/year-report-document.server';
import { clientAddress, requireUser } from '../utils/auth.server';
import { documentDownloadResponse } from '../utils/downloads.server';
import { requireYearReportEdition } from '../utils/year-report-guard.server';

/** /jaarrapportages/:year.pdf (?versie=): a version of the yearly report, or the concept marked "Concept", as a tagged PDF. */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args.request);
  const { report, view } = requireYearReportEdition(args.request, args.params.year);
  const body = await renderYearReportPdf(view.content, view.edition);
  recordAudit({
    actorId: user.id,
    action: 'download.year_report',
    target: { type: 'year_report', id: report.id, name: String(report.year) },
    ip: clientAddress(args.context),
    details: { format: 'pdf', version: view.version },
  });
  return documentDownloadResponse({
    fileName: reportsText.document.fileName(report.year, view.version, 'pdf'),
    body,
    contentType: 'application/pdf',
  });
}
