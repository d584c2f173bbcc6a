/**
 * The guard of every change to an existing library item (saving it, deleting it): signed
 * in, an item that exists (else 404) and that this user may edit (else 403).
 */
import type { ActionFunctionArgs } from '@remix-run/node';

import { asActor, requireAllowed, requireUser } from '../../utils/auth.server';
import { notFound, requireIdParam } from '../../utils/route-params';
import { canEditLibraryItem } from '../permissions';
import { getLibraryItemOwner } from './library.server';

export async function requireLibraryItemEditor({ request, params }: Pick<ActionFunctionArgs, 'request' | 'params'>) {
  const user = await requireUser(request);
  const id = requireIdParam(params.itemId);
  const owner = getLibraryItemOwner(id);
  if (!owner) throw notFound();
  requireAllowed(canEditLibraryItem(asActor(user), owner));
  return { user, id, owner };
}
