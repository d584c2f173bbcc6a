import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';

import { login, sessionCookie } from '../../app/utils/auth.server';
import { responseForDomainError } from '../../app/utils/http.server';

/**
 * Calls route loaders and actions the way Remix does, with a real session of a demo
 * account, so integration tests exercise guards, validation and the database together.
 */
export const BASE = 'http://localhost';

export async function sessionFor(email: string): Promise<string> {
  const result = await login(email, process.env.KOERS_DEMO_PASSWORD ?? 'koers-demo', `test-${email}`);
  if (!result.ok) throw new Error(`Cannot log in as ${email}: ${result.error}`);
  return (await sessionCookie.serialize(result.sessionId)).split(';')[0];
}

type RouteArgs = { params?: Record<string, string>; cookie?: string | null };

/**
 * Runs a loader; a thrown Response (redirect, 403, 404) is returned rather than thrown,
 * and so is the answer to a domain error, as the server's withDomainErrors gives it.
 */
export async function runLoader(
  loader: (args: LoaderFunctionArgs) => unknown,
  path: string,
  { params = {}, cookie = null }: RouteArgs = {},
) {
  const request = new Request(BASE + path, { headers: cookie ? { Cookie: cookie } : {} });
  return settle(() => loader({ request, params, context: { clientAddress: '127.0.0.1' } }));
}

/** Runs an action with form fields, as a browser form post would. */
export async function runAction(
  action: (args: ActionFunctionArgs) => unknown,
  path: string,
  fields: Record<string, string>,
  { params = {}, cookie = null }: RouteArgs = {},
) {
  const body = new URLSearchParams(fields);
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (cookie) headers.Cookie = cookie;
  const request = new Request(BASE + path, { method: 'POST', body, headers });
  return settle(() => action({ request, params, context: { clientAddress: '127.0.0.1' } }));
}

async function settle(run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const answer = responseForDomainError(thrown);
    if (answer) return answer;
    throw thrown;
  }
}

/** The HTTP status of a loader/action result: a Response's status, a data() payload's init, or 200. */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  const init = (result as { init?: { status?: number } } | null)?.init;
  return init?.status ?? 200;
}

/** The payload of a loader/action result created with data() or returned plain. */
export function payloadOf<T = any>(result: unknown): T {
  if (result && typeof result === 'object' && 'data' in result && 'init' in result) return (result as { data: T }).data;
  return result as T;
}
