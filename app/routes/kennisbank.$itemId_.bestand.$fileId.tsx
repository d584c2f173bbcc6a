import type { LoaderFunctionArgs } from '@remix-run/node';

import { getLibraryFile } from '../models/library/library.server';
import { downloadHeaders, openStoredFile } from '../models/library/library-download.server';
import { requireUser } from '../utils/auth.server';
import { notFound, requireIdParam } from '../utils/route-params';

/**
 * Downloads one version of a document's file: always as an attachment with its original
 * name and the type detected at upload, never rendered by the browser (see downloadHeaders).
 * Everybody signed in may read the library.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const itemId = requireIdParam(params.itemId);
  const fileId = requireIdParam(params.fileId);
  const file = getLibraryFile({ itemId, fileId });
  if (!file) throw notFound();
  const body = await openStoredFile(file.sha256);
  if (!body) throw notFound();
  return new Response(body, { status: 200, headers: downloadHeaders(file) });
}
