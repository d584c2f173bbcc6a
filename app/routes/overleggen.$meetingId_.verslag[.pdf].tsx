import type { LoaderFunctionArgs } from '@remix-run/node';

import { renderMinutesPdf } from '../models/meetings/minutes-pdf.server';
import { minutesDownloadResponse } from '../utils/downloads.server';
import { requireMinutesDownload } from '../utils/route-guards.server';

/** /overleggen/:id/verslag.pdf (?versie=N, ?concept=1): the published minutes, or the concept, as an accessible (tagged) PDF. */
export async function loader(args: LoaderFunctionArgs) {
  const asked = await requireMinutesDownload(args, 'pdf');
  return minutesDownloadResponse({
    doc: asked.minutes.doc,
    explicitVersion: asked.kind === 'published' ? asked.explicitVersion : null,
    concept: asked.kind === 'concept',
    body: await renderMinutesPdf(asked.minutes),
    ext: 'pdf',
    contentType: 'application/pdf',
  });
}
