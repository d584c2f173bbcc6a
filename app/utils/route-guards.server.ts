/**
 * Guards that several routes share: signed in, the item named by the URL (else 404),
 * and the permission for what the route does with it (else 403).
 */
import { type LoaderFunctionArgs, redirect } from '@remix-run/node';

import { isFinanceFormKind, loadFinanceFormRow } from '../models/finance/finance-forms.server';
import { getLibraryItemOwner } from '../models/library/library.server';
import { getMinutesMeeting, getMinutesVersion, readConceptMinutes } from '../models/meetings/minutes.server';
import { getPeriodBySlug, listPeriods, type Period, resolvePeriod } from '../models/periods/period.server';
import { canEditFinance, canEditLibraryItem } from '../models/permissions';
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

/** A stored money record named by /financien/:soort/:id (editing or deleting it): who may edit the money only. */
export async function requireFinanceRecordEditor({ request, params }: RouteArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canEditFinance(actor));
  const kind = params.soort;
  if (!isFinanceFormKind(kind)) throw notFound();
  const id = requireIdParam(params.id);
  const row = requireFound(loadFinanceFormRow(kind, id));
  return { actor, kind, id, row };
}

/**
 * The minutes asked for by /overleggen/:meetingId/verslag.(docx|pdf): everybody signed in
 * reads them. `?versie=N` a published version, none the latest, `?concept=1` the concept
 * (once the meeting has begun). Minutes not adopted yet are no bare 404: the reader is
 * sent to the minutes page, which says so and offers the concept.
 */
export async function requireMinutesDownload({ request, params }: RouteArgs, ext: 'docx' | 'pdf') {
  const user = await requireUser(request);
  const meetingId = requireIdParam(params.meetingId);
  const query = new URL(request.url).searchParams;
  const notAdopted = () => redirect(`/overleggen/${meetingId}/verslag?niet-vastgesteld=${ext}`);
  if (query.has('concept')) {
    const concept = requireFound(readConceptMinutes(meetingId));
    if (!concept.started) throw notAdopted();
    return { kind: 'concept' as const, user, meetingId, minutes: { doc: concept.doc, concept: true as const, readAt: concept.readAt } };
  }
  const requested = parseVersionQuery(query.get('versie')); // null: the latest
  if (requested === undefined) throw notFound();
  const minutes = getMinutesVersion({ meetingId, version: requested });
  if (!minutes) {
    requireFound(getMinutesMeeting(meetingId));
    if (requested === null) throw notAdopted();
    throw notFound();
  }
  return { kind: 'published' as const, user, meetingId, minutes, explicitVersion: requested };
}

/**
 * A download of a period's balance (/periodes/<slug>/balans.docx|.pdf): everyone signed in
 * may read it, like the page; an unknown period is a 404.
 */
export async function requireBalanceDownload({ request, params }: RouteArgs) {
  const user = await requireUser(request);
  const period = requireFound(getPeriodBySlug(params.slug ?? ''));
  return { user, period };
}

/** What the period switch of an agenda page shows: every period, and which one is shown. */
export type PeriodSwitchData = {
  shown: { slug: string; periodStart: number; periodEnd: number; status: Period['status']; title: string; isExample: boolean };
  periods: { slug: string; periodStart: number; periodEnd: number; status: Period['status'] }[];
};

/**
 * The period an agenda page shows: `?periode=<slug>`, or the current period without it
 * (docs/decisions/017-agenda-periods.md). An unknown slug is a 404. Returns the period
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
