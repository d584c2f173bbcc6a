import type { LoaderFunctionArgs } from '@remix-run/node';

import { recordAudit } from '../models/audit/audit-log.server';
import { renderMinutesPdf } from '../models/meetings/minutes-pdf.server';
import { clientAddress } from '../utils/auth.server';
import { minutesDownloadResponse } from '../utils/downloads.server';
import { requireMinutesDownload } from '../utils/route-guards.server';

/** /overleggen/:id/verslag.pdf (?versie=N, ?concept=1): the published minutes, or the concept, as an accessible (tagged) PDF. */
export async function loader(args: LoaderFunctionArgs) {
  const asked = await requireMinutesDownload(args, 'pdf');
  const body = await renderMinutesPdf(asked.minutes);
  recordAudit({
    actorId: asked.user.id,
    action: 'download.minutes',
    target: { type: 'meeting', id: asked.meetingId },
    ip: clientAddress(args.context),
    details: { format: 'pdf', version: asked.kind === 'published' ? asked.minutes.version : 'concept' },
  });
  return minutesDownloadResponse({
    doc: asked.minutes.doc,
    explicitVersion: asked.kind === 'published' ? asked.explicitVersion : null,
    concept: asked.kind === 'concept',
    body,
    ext: 'pdf',
    contentType: 'application/pdf',
  });
}
