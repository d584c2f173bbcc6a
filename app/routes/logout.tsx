import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';

import { clientAddress, logout } from '../utils/auth.server';

export const action = ({ request, context }: ActionFunctionArgs) => logout(request, clientAddress(context));

export const loader = () => redirect('/');
