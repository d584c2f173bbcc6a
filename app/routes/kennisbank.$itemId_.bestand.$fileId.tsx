import type { LoaderFunctionArgs } from '@remix-run/node';

import { getLibraryFile } from '../models/library/library.server';
import { openStoredFile } from '../models/library/library-download.server';
import { requireUser } from '../utils/auth.server';
import { downloadHeaders } from '../utils/downloads.server';
import { requireFound, requireIdParam } from '../utils/http.server';

/**
 * Downloads one version of a document's file: always as an attachment with its original
 * name and the type detected at upload, never rendered by the browser (see downloadHeaders).
 * Everybody signed in may read the library.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const itemId = requireIdParam(params.itemId);
  const fileId = requireIdParam(params.fileId);
  const file = requireFound(getLibraryFile({ itemId, fileId }));
  const body = requireFound(await openStoredFile(file.sha256));
  return new Response(body, { status: 200, headers: downloadHeaders(file) });
}
