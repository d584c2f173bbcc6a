import type { LoaderFunctionArgs } from '@remix-run/node';

import { recordAudit } from '../models/audit/audit-log.server';
import { renderMinutesDocx } from '../models/meetings/minutes-docx.server';
import { clientAddress } from '../utils/auth.server';
import { minutesDownloadResponse } from '../utils/downloads.server';
import { requireMinutesDownload } from '../utils/route-guards.server';

/** /overleggen/:id/verslag.docx (?versie=N): the published minutes as a Word document. */
export async function loader(args: LoaderFunctionArgs) {
  const { user, meetingId, minutes, explicitVersion } = await requireMinutesDownload(args);
  const body = await renderMinutesDocx(minutes);
  recordAudit({
    actorId: user.id,
    action: 'download.minutes',
    target: { type: 'meeting', id: meetingId },
    ip: clientAddress(args.context),
    details: { format: 'docx', version: minutes.version },
  });
  return minutesDownloadResponse({
    minutes,
    explicitVersion,
    body,
    ext: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}
