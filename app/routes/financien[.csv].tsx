import type { LoaderFunctionArgs } from '@remix-run/node';

import { finance as financeText } from '../i18n/nl/finance';
import { recordAudit } from '../models/audit/audit-log.server';
import { financeCsv } from '../models/finance/finance-export.server';
import { financeOverviewFor, readFinanceView } from '../models/finance/finance-view.server';
import { clientAddress, requireUser } from '../utils/auth.server';
import { contentDisposition } from '../utils/content-disposition';
import { requireFound } from '../utils/http.server';
import { todayInNL } from '../utils/today';

/** /financien.csv?jaar=2026 or ?periode=2025-2028: the overview the page shows, for Excel (finance-export.server.ts). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const today = todayInNL();
  const view = requireFound(readFinanceView(new URL(request.url).searchParams, today));
  recordAudit({
    actorId: user.id,
    action: 'export.finance',
    target: { type: 'export', name: 'financien.csv' },
    ip: clientAddress(context),
    details: { filters: new URL(request.url).search },
  });
  const body = financeCsv(financeOverviewFor(view, today));
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(`${financeText.downloads.fileName(view.fileScope)}.csv`),
      'Cache-Control': 'private, no-store',
    },
  });
}
