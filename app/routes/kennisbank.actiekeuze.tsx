import type { LoaderFunctionArgs } from '@remix-run/node';

import { libraryActionChoices, resolveLibraryAction, suggestLibraryActions } from '../models/library/library-action-choice.server';
import { canAddLibraryItems } from '../models/permissions';
import { TEXT_LIMITS } from '../schemas/limits';
import { requireActor } from '../utils/auth.server';
import { requireAllowed } from '../utils/http.server';

/**
 * GET /kennisbank/actiekeuze?q=… → `{ actions: [{ id, label }, …] }`: at most 20 actions
 * (of every period, or of the one typed first) whose code or title holds what was typed in
 * the library item form's "Actie koppelen" (decision 038). Only for those who may add a
 * library item, as the form itself (whoever may edit an item may also add one).
 *
 * With `&naam=1` (the field's "Toevoegen") the answer also has `named`: the action the
 * text names exactly, as saving the form would read it, or null and the Dutch `message` why not.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canAddLibraryItems(actor));
  const url = new URL(request.url);
  const query = (url.searchParams.get('q') ?? '').slice(0, TEXT_LIMITS.title);
  const headers = { 'Cache-Control': 'private, no-store' };
  const found = suggestLibraryActions(query);
  if (!url.searchParams.has('naam')) return Response.json({ actions: found }, { headers });
  const resolved = resolveLibraryAction(query);
  const named = resolved.ok && resolved.actionId !== null ? (libraryActionChoices([resolved.actionId])[0] ?? null) : null;
  return Response.json({ actions: found, named, message: resolved.ok ? null : resolved.message }, { headers });
}
