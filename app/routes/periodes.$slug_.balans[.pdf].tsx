import type { LoaderFunctionArgs } from '@remix-run/node';

import { t } from '../i18n';
import { recordAudit } from '../models/audit/audit-log.server';
import { getPeriodBalance } from '../models/periods/balance.server';
import { renderBalancePdf } from '../models/periods/balance-document.server';
import { clientAddress } from '../utils/auth.server';
import { documentDownloadResponse } from '../utils/downloads.server';
import { requireBalanceDownload } from '../utils/route-guards.server';

/** /periodes/:slug/balans.pdf: the balance of a period as an accessible (tagged) PDF, to hand to the aldermen. */
export async function loader(args: LoaderFunctionArgs) {
  const { user, period } = await requireBalanceDownload(args);
  const body = await renderBalancePdf(getPeriodBalance(period), { madeAt: new Date().toISOString() });
  recordAudit({
    actorId: user.id,
    action: 'download.balance',
    target: { type: 'period', id: period.id, name: period.slug },
    ip: clientAddress(args.context),
    details: { format: 'pdf', status: period.status },
  });
  return documentDownloadResponse({
    fileName: t.periods.document.fileName(period.slug, 'pdf'),
    body,
    contentType: 'application/pdf',
  });
}
