import type { LoaderFunctionArgs } from '@remix-run/node';

import { spreadsheetResponse } from '../models/monitor/monitor-downloads.server';
import { EXPORT_HEADER, monitorExportRows } from '../models/monitor/monitor-export.server';
import { readMonitorFilters } from '../models/monitor/monitor-filters.server';
import { requireUser } from '../utils/auth.server';
import { requireFound } from '../utils/http.server';

/** /monitor.csv: the figures of the monitor view with the same filters (everybody signed in reads them). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const filters = requireFound(readMonitorFilters(new URL(request.url).searchParams));
  return spreadsheetResponse('csv', `monitor-${filters.period.slug}`, EXPORT_HEADER, monitorExportRows(filters));
}
