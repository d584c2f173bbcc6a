import type { LoaderFunctionArgs } from '@remix-run/node';
import { stringify } from 'csv-stringify/sync';

import { t } from '../i18n';
import { recordAudit } from '../models/audit/audit-log.server';
import { listActions, readListFilters } from '../models/tracker/action-list.server';
import { ACTION_STATUS_LABELS } from '../models/tracker/action-status';
import { clientAddress, requireUser } from '../utils/auth.server';
import { csvCell } from '../utils/csv';
import { toNL } from '../utils/date-time';
import { requirePeriod } from '../utils/route-guards.server';
import { todayInNL } from '../utils/today';

const c = t.lists.csv;

/**
 * /acties.csv: the action list with the same filters as /acties, all pages, for Excel:
 * UTF-8 with a BOM and ';' between fields (Dutch Excel reads ',' as the decimal sign).
 * Bad filter values are ignored here just as the list ignores them.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const today = todayInNL();
  const { period } = requirePeriod(request);
  const { filters } = readListFilters(new URL(request.url).searchParams, today, period);
  const { rows } = listActions({ filters, today, period, pageSize: null });
  const records = rows.map((row) => {
    const updated = toNL(row.updatedAt);
    const text = [
      row.code ?? '',
      row.title,
      `${row.themeCode} ${row.themeTitle}`,
      `${row.goalCode} ${row.goalTitle}`,
      row.ownerUserName ?? '',
      row.ownerOrganisationName ?? '',
      row.partners,
      row.deadlinePhrase ?? '',
      row.deadlineStart ?? '',
      row.deadlineEnd ?? '',
      ACTION_STATUS_LABELS[row.status],
    ].map(csvCell);
    return [
      ...text,
      row.progress,
      row.overdue ? c.yes : c.no,
      csvCell(row.municipalityName ? c.local(row.municipalityName) : c.regional),
      `${updated.date} ${updated.time}`.trim(),
    ];
  });
  recordAudit({
    actorId: user.id,
    action: 'export.actions_csv',
    target: { type: 'export', name: 'acties.csv' },
    ip: clientAddress(context),
    details: { rows: rows.length, filters: new URL(request.url).search },
  });
  const body = stringify([c.columns, ...records], { delimiter: ';', bom: true, record_delimiter: 'windows' });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${c.filename(today)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
