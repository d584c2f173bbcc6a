import type { LoaderFunctionArgs } from '@remix-run/node';

import { recordAudit } from '../models/audit/audit-log.server';
import { getLibraryFile } from '../models/library/library.server';
import { openStoredFile } from '../models/library/library-download.server';
import { clientAddress, requireUser } from '../utils/auth.server';
import { downloadHeaders } from '../utils/downloads.server';
import { requireFound, requireIdParam } from '../utils/http.server';

/**
 * Downloads one version of a document's file: always as an attachment with its original
 * name and the type detected at upload, never rendered by the browser (see downloadHeaders).
 * Everybody signed in may read the library.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const itemId = requireIdParam(params.itemId);
  const fileId = requireIdParam(params.fileId);
  const file = requireFound(getLibraryFile({ itemId, fileId }));
  const body = requireFound(await openStoredFile(file.sha256));
  recordAudit({
    actorId: user.id,
    action: 'download.library_file',
    target: { type: 'library_file', id: fileId, name: file.originalName },
    ip: clientAddress(context),
    details: { itemId },
  });
  return new Response(body, { status: 200, headers: downloadHeaders(file) });
}
