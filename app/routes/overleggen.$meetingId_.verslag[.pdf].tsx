import type { LoaderFunctionArgs } from '@remix-run/node';

import { minutesDownloadResponse, requireMinutesDownload } from '../models/meetings/minutes-download.server';
import { renderMinutesPdf } from '../models/meetings/minutes-pdf.server';

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
