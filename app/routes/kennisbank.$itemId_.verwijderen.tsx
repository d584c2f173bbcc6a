import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { deleteLibraryItem, getLibraryItemOwner } from '../models/library.server';
import { canEditLibraryItem } from '../models/permissions';
import { asActor, requireAllowed, requireUser } from '../utils/auth.server';
import { notFound, requireIdParam } from '../utils/route-params';

/** Removing an item: a POST from its edit page; a GET goes back to the item. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect(`/kennisbank/${requireIdParam(params.itemId)}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.itemId);
  const owner = getLibraryItemOwner(id);
  if (!owner) throw notFound();
  requireAllowed(canEditLibraryItem(asActor(user), owner));
  deleteLibraryItem({ id });
  return redirect('/kennisbank');
}
