import type { LoaderFunctionArgs } from '@remix-run/node';

import { renderMinutesPdf } from '../models/meetings/minutes-pdf.server';
import { minutesDownloadResponse } from '../utils/downloads.server';
import { requireMinutesDownload } from '../utils/route-guards.server';

/** /overleggen/:id/verslag.pdf (?versie=N): the published minutes as an accessible (tagged) PDF. */
export async function loader(args: LoaderFunctionArgs) {
  const { minutes, explicitVersion } = await requireMinutesDownload(args);
  return minutesDownloadResponse({
    minutes,
    explicitVersion,
    body: await renderMinutesPdf(minutes),
    ext: 'pdf',
    contentType: 'application/pdf',
  });
}
