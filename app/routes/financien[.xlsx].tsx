import type { LoaderFunctionArgs } from '@remix-run/node';

import { finance as financeText } from '../i18n/nl/finance';
import { recordAudit } from '../models/audit/audit-log.server';
import { financeXlsx } from '../models/finance/finance-export.server';
import { financeOverviewFor, readFinanceView } from '../models/finance/finance-view.server';
import { clientAddress, requireUser } from '../utils/auth.server';
import { documentDownloadResponse } from '../utils/downloads.server';
import { requireFound } from '../utils/http.server';
import { todayInNL } from '../utils/today';

/** /financien.xlsx?jaar=2026 or ?periode=2025-2028: the overview the page shows as an Excel workbook (finance-export.server.ts). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const today = todayInNL();
  const view = requireFound(readFinanceView(new URL(request.url).searchParams, today));
  recordAudit({
    actorId: user.id,
    action: 'export.finance',
    target: { type: 'export', name: 'financien.xlsx' },
    ip: clientAddress(context),
    details: { filters: new URL(request.url).search },
  });
  const body = await financeXlsx(financeOverviewFor(view, today));
  return documentDownloadResponse({
    fileName: `${financeText.downloads.fileName(view.fileScope)}.xlsx`,
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
