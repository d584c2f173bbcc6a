import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '../utils/auth.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function Overview() {
  return <h1>Agenda</h1>;
}
