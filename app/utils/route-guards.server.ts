/**
 * Guards that several routes share: signed in, the item named by the URL (else 404),
 * and the permission for what the route does with it (else 403).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';

import { getLibraryItemOwner } from '../models/library/library.server';
import { getMinutesVersion } from '../models/meetings/minutes.server';
import { listPeriods, type Period, resolvePeriod } from '../models/periods/period.server';
import { canEditLibraryItem } from '../models/permissions';
import { parseVersionQuery } from '../schemas/minutes';
import { requireActor, requireUser } from './auth.server';
import { notFound, requireAllowed, requireFound, requireIdParam } from './http.server';

type RouteArgs = Pick<LoaderFunctionArgs, 'request' | 'params'>;

/** Every change to an existing library item (saving it, deleting it): its editors only. */
export async function requireLibraryItemEditor({ request, params }: RouteArgs) {
  const { user, actor } = await requireActor(request);
  const id = requireIdParam(params.itemId);
  const owner = requireFound(getLibraryItemOwner(id));
  requireAllowed(canEditLibraryItem(actor, owner));
  return { user, id, owner };
}

/** The minutes asked for by /overleggen/:meetingId/verslag.(docx|pdf)?versie=N: everybody signed in reads them. */
export async function requireMinutesDownload({ request, params }: RouteArgs) {
  await requireUser(request);
  const meetingId = requireIdParam(params.meetingId);
  const requested = parseVersionQuery(new URL(request.url).searchParams.get('versie')); // null: the latest
  if (requested === undefined) throw notFound();
  const minutes = requireFound(getMinutesVersion({ meetingId, version: requested }));
  return { minutes, explicitVersion: requested };
}

/** What the period switch of an agenda page shows: every period, and which one is shown. */
export type PeriodSwitchData = {
  shown: { slug: string; periodStart: number; periodEnd: number; status: Period['status']; title: string; isExample: boolean };
  periods: { slug: string; periodStart: number; periodEnd: number; status: Period['status'] }[];
};

/**
 * The period an agenda page shows: `?periode=<slug>`, or the current period without it
 * (docs/decisions/016-agenda-periods.md). An unknown slug is a 404. Returns the period
 * and what its period switch needs.
 */
export function requirePeriod(request: Request): { period: Period; periodSwitch: PeriodSwitchData } {
  const slug = new URL(request.url).searchParams.get('periode');
  const period = requireFound(resolvePeriod(slug));
  return { period, periodSwitch: periodSwitchFor(period) };
}

export function periodSwitchFor(period: Period): PeriodSwitchData {
  return {
    shown: {
      slug: period.slug,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      status: period.status,
      title: period.title,
      isExample: period.isExample,
    },
    periods: listPeriods().map((p) => ({ slug: p.slug, periodStart: p.periodStart, periodEnd: p.periodEnd, status: p.status })),
  };
}
