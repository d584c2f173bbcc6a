import type { LoaderFunctionArgs } from '@remix-run/node';

import { recordAudit } from '../models/audit/audit-log.server';
import { renderMinutesPdf } from '../models/meetings/minutes-pdf.server';
import { clientAddress } from '../utils/auth.server';
import { minutesDownloadResponse } from '../utils/downloads.server';
import { requireMinutesDownload } from '../utils/route-guards.server';

/** /overleggen/:id/verslag.pdf (?versie=N): the published minutes as an accessible (tagged) PDF. */
export async function loader(args: LoaderFunctionArgs) {
  const { user, meetingId, minutes, explicitVersion } = await requireMinutesDownload(args);
  const body = await renderMinutesPdf(minutes);
  recordAudit({
    actorId: user.id,
    action: 'download.minutes',
    target: { type: 'meeting', id: meetingId },
    ip: clientAddress(args.context),
    details: { format: 'pdf', version: minutes.version },
  });
  return minutesDownloadResponse({
    minutes,
    explicitVersion,
    body,
    ext: 'pdf',
    contentType: 'application/pdf',
  });
}
