/**
 * What the two download routes (/overleggen/:id/verslag.docx and .pdf) share: which
 * version is asked for, and the headers that make the browser save it under a readable
 * name.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';

import { parseVersionQuery } from '../../schemas/minutes';
import { requireUser } from '../../utils/auth.server';
import { toNL } from '../../utils/date-time';
import { notFound, requireIdParam } from '../../utils/route-params';
import { getMinutesVersion, type MinutesVersion } from './minutes.server';
import { minutesFileNames } from './minutes-content';

/** Every signed-in role may read (and so download) the minutes; unknown meeting or version → 404. */
export async function requireMinutesDownload({ request, params }: Pick<LoaderFunctionArgs, 'request' | 'params'>) {
  await requireUser(request);
  const meetingId = requireIdParam(params.meetingId);
  const requested = parseVersionQuery(new URL(request.url).searchParams.get('versie'));
  if (requested === undefined) throw notFound();
  const minutes = getMinutesVersion({ meetingId, version: requested });
  if (!minutes) throw notFound();
  return { minutes, explicitVersion: requested };
}

/** RFC 6266: an ASCII `filename` for old clients, `filename*` with the title's own letters. */
export function contentDisposition(ascii: string, unicode: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(unicode)}`;
}

export function minutesDownloadResponse({
  minutes,
  explicitVersion,
  body,
  ext,
  contentType,
}: {
  minutes: MinutesVersion;
  explicitVersion: number | null;
  body: Buffer;
  ext: string;
  contentType: string;
}): Response {
  const meeting = minutes.doc.attrs.meeting;
  const names = minutesFileNames({ date: toNL(meeting.startsAt).date, title: meeting.title, version: explicitVersion, ext });
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(body.byteLength),
      'Content-Disposition': contentDisposition(names.ascii, names.unicode),
      'Cache-Control': 'private, no-store',
    },
  });
}
