import type { LoaderFunctionArgs } from '@remix-run/node';

import { recordAudit } from '../models/audit/audit-log.server';
import { spreadsheetResponse } from '../models/monitor/monitor-downloads.server';
import { EXPORT_HEADER, monitorExportRows } from '../models/monitor/monitor-export.server';
import { readMonitorFilters } from '../models/monitor/monitor-filters.server';
import { clientAddress, requireUser } from '../utils/auth.server';
import { requireFound } from '../utils/http.server';

/** /monitor.csv: the figures of the monitor view with the same filters (everybody signed in reads them). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = requireFound(readMonitorFilters(new URL(request.url).searchParams));
  const rows = monitorExportRows(filters);
  recordAudit({
    actorId: user.id,
    action: 'export.monitor',
    target: { type: 'export', name: 'monitor.csv' },
    ip: clientAddress(context),
    details: { rows: rows.length, filters: new URL(request.url).search },
  });
  return spreadsheetResponse('csv', `monitor-${filters.period.slug}`, EXPORT_HEADER, rows);
}
