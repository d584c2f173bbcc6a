import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';

import { deleteLibraryItem } from '../models/library/library.server';
import { requireUser } from '../utils/auth.server';
import { requireIdParam } from '../utils/http.server';
import { requireLibraryItemEditor } from '../utils/route-guards.server';

/** Removing an item: a POST from its edit page; a GET goes back to the item. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect(`/kennisbank/${requireIdParam(params.itemId)}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id } = await requireLibraryItemEditor({ request, params });
  deleteLibraryItem({ id });
  return redirect('/kennisbank');
}
