import type { LoaderFunctionArgs } from '@remix-run/node';

import { suggestActionChoices } from '../models/meetings/action-choice.server';
import { getPeriodBySlug } from '../models/periods/period.server';
import { canManagePeriods } from '../models/permissions';
import { TEXT_LIMITS } from '../schemas/limits';
import { requireActor } from '../utils/auth.server';
import { requireAllowed, requireFound } from '../utils/http.server';

/**
 * GET /periodes/<slug>/actiekeuze?q=… → `{ actions: [label, …] }`: at most 20 open actions
 * of the period whose code or title holds what was typed in the closing form's exception
 * field (decision 039). Only for those who may close the period, as the form itself; an
 * unknown period is a 404, a period that is not current has no open actions to offer.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManagePeriods(actor));
  const period = requireFound(getPeriodBySlug(params.slug ?? ''));
  const query = (new URL(request.url).searchParams.get('q') ?? '').slice(0, TEXT_LIMITS.title);
  const found = period.status === 'vastgesteld' ? suggestActionChoices({ periodId: period.id, query, openOnly: true }) : [];
  return Response.json({ actions: found }, { headers: { 'Cache-Control': 'private, no-store' } });
}
