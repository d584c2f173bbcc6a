import type { LoaderFunctionArgs } from '@remix-run/node';

import { renderMinutesDocx } from '../models/meetings/minutes-docx.server';
import { minutesDownloadResponse } from '../utils/downloads.server';
import { requireMinutesDownload } from '../utils/route-guards.server';

/** /overleggen/:id/verslag.docx (?versie=N): the published minutes as a Word document. */
export async function loader(args: LoaderFunctionArgs) {
  const { minutes, explicitVersion } = await requireMinutesDownload(args);
  return minutesDownloadResponse({
    minutes,
    explicitVersion,
    body: await renderMinutesDocx(minutes),
    ext: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}
