import type { LoaderFunctionArgs } from '@remix-run/node';
import { stringify } from 'csv-stringify/sync';

import { t } from '../i18n';
import { AUDIT_ACTIONS, AUDIT_CATEGORY_LABELS, auditActionLabel, isAuditAction } from '../models/audit/audit-actions';
import { describeActor, describeDetails } from '../models/audit/audit-describe';
import { readAuditFilters } from '../models/audit/audit-filters.server';
import { allAuditEntries, recordAudit } from '../models/audit/audit-log.server';
import { canReadAuditLog } from '../models/permissions';
import { clientAddress, requireActor } from '../utils/auth.server';
import { csvCell } from '../utils/csv';
import { badRequest, requireAllowed } from '../utils/http.server';
import { todayInNL } from '../utils/today';

const c = t.audit.csv;

/**
 * /beheer/auditlog.csv: the rows the page's filters select, all of them, for Excel (UTF-8
 * with a BOM, ';' between fields, as /acties.csv). The export is itself recorded, with
 * its filters and size, before the file is handed out.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canReadAuditLog(actor));
  const { values, fieldErrors, filters } = readAuditFilters(new URL(request.url).searchParams);
  if (!filters) throw badRequest(Object.values(fieldErrors).join(' '));
  const rows = allAuditEntries(filters);
  recordAudit({
    actorId: actor.id,
    action: 'export.audit_csv',
    target: { type: 'export', name: 'auditlog.csv' },
    ip: clientAddress(context),
    details: { rows: rows.length, filters: new URLSearchParams(Object.entries(values).filter(([, v]) => v)).toString() },
  });
  const records = rows.map((row) => [
    row.at,
    row.actorId ?? '',
    csvCell(describeActor(row)),
    row.action,
    csvCell(auditActionLabel(row.action)),
    isAuditAction(row.action) ? AUDIT_CATEGORY_LABELS[AUDIT_ACTIONS[row.action]] : '',
    row.targetType ?? '',
    row.targetId ?? '',
    csvCell(row.targetName ?? ''),
    row.ip ?? '',
    csvCell(describeDetails(row.details)),
  ]);
  const body = stringify([c.columns, ...records], { delimiter: ';', bom: true, record_delimiter: 'windows' });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${c.filename(todayInNL())}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
