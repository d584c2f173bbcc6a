import type { LoaderFunctionArgs } from '@remix-run/node';

import { spreadsheetResponse } from '../models/monitor/monitor-downloads.server';
import { templateRows } from '../models/monitor/monitor-export.server';
import { MONITOR_COLUMNS } from '../models/monitor/monitor-file.server';
import { requireUser } from '../utils/auth.server';

/** /monitor/sjabloon.xlsx: the import template of docs/monitor-format.md. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return spreadsheetResponse('xlsx', 'monitor-sjabloon', [...MONITOR_COLUMNS], templateRows());
}
