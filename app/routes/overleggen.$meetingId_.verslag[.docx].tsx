import type { LoaderFunctionArgs } from '@remix-run/node';

import { renderMinutesDocx } from '../models/meetings/minutes-docx.server';
import { minutesDownloadResponse } from '../utils/downloads.server';
import { requireMinutesDownload } from '../utils/route-guards.server';

/** /overleggen/:id/verslag.docx (?versie=N, ?concept=1): the published minutes, or the concept, as a Word document. */
export async function loader(args: LoaderFunctionArgs) {
  const asked = await requireMinutesDownload(args, 'docx');
  return minutesDownloadResponse({
    doc: asked.minutes.doc,
    explicitVersion: asked.kind === 'published' ? asked.explicitVersion : null,
    concept: asked.kind === 'concept',
    body: await renderMinutesDocx(asked.minutes),
    ext: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}
