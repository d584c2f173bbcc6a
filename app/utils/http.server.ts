/**
 * HTTP at the edge: the answers a route gives when it cannot show or do what was asked,
 * and the guards that throw them. Models never build a Response; they return null or
 * throw a domain error (app/models/errors.ts), which withDomainErrors turns into the
 * same 404 or 403 here, so a refusal is never a 500.
 */
import type { ServerBuild } from '@remix-run/node';

import { t } from '../i18n';
import { recordAudit } from '../models/audit/audit-log.server';
import { domainErrorKind } from '../models/errors';
import { clientAddress, getUser } from './auth.server';
import { parseId } from './ids';

const e = t.common.errors;

/** 404: the root error boundary shows it as "Niet gevonden". */
export function notFound(): Response {
  return new Response(e.notFoundTitle, { status: 404, statusText: 'Not Found' });
}

/** 403: the root error boundary shows it as "Geen toegang", with the reason when one is given. */
export function forbidden(message: string = e.forbiddenTitle): Response {
  return new Response(message, { status: 403, statusText: 'Forbidden' });
}

/** 400 for a request no form of Koers sends (a forged or broken post); the text is shown on the error page. */
export function badRequest(message: string = e.badRequestTitle): Response {
  return new Response(message, { status: 400, statusText: 'Bad Request' });
}

/** 405, naming the methods the address does answer. */
export function methodNotAllowed(allow: string): Response {
  return new Response(e.methodNotAllowed, { status: 405, statusText: 'Method Not Allowed', headers: { Allow: allow } });
}

/** The value, or a 404 when the model found nothing. */
export function requireFound<T>(value: T): NonNullable<T> {
  if (value === null || value === undefined) throw notFound();
  return value;
}

/** Throws a 403 unless the rule allows it. Call with a function of app/models/permissions.ts. */
export function requireAllowed(allowed: boolean): void {
  if (!allowed) throw forbidden();
}

/**
 * A numeric id from a route parameter (/acties/:actionId). Anything else — letters,
 * zero, a number too large to be an id — is a 404, never a 500.
 */
export function requireIdParam(value: string | undefined): number {
  return requireFound(parseId(value));
}

/** A positive id from a query string value (?doel=12), or null when absent or malformed. */
export function optionalIdQuery(value: string | null): number | null {
  return parseId(value);
}

/** The answer to a domain error, or null for any other error (a real fault: a 500, logged). */
export function responseForDomainError(error: unknown): Response | null {
  switch (domainErrorKind(error)) {
    case 'not-found':
      return notFound();
    case 'forbidden':
      return forbidden((error as { userMessage?: string }).userMessage);
    case null:
      return null;
  }
}

type DataFunction = (...args: never[]) => unknown;

/** The page a request was for: without the query, and a single-fetch data request (`/acties.data`) as its page. */
export function requestedPage(request: Request): string {
  const { pathname } = new URL(request.url);
  const page = pathname.replace(/\.data$/, '').replace(/^\/_root$/, '/');
  return `${request.method} ${page}`;
}

/**
 * Every 403 of every loader and action passes here, whether a route refused
 * (requireAllowed) or a model did (ForbiddenError): the one place the audit log hears
 * of refusals of pages and forms (the real-time server records its own, at the upgrade).
 * A failure to record is logged and the refusal still answered.
 */
async function recordRefusal(args: unknown) {
  const { request, context } = (args ?? {}) as { request?: Request; context?: unknown };
  if (!request) return;
  try {
    const user = await getUser(request);
    recordAudit({
      actorId: user?.id ?? null,
      action: 'permission.denied',
      target: { type: 'page', name: requestedPage(request) },
      ip: clientAddress(context),
    });
  } catch (error) {
    console.error('Recording a refusal in the audit log failed:', error);
  }
}

function answeringDomainErrors<F extends DataFunction>(fn: F): F {
  return (async (...args: Parameters<F>) => {
    try {
      return await fn(...args);
    } catch (error) {
      const answer = responseForDomainError(error) ?? error;
      if (answer instanceof Response && answer.status === 403) await recordRefusal(args[0]);
      throw answer;
    }
  }) as F;
}

const wrapped = new WeakMap<ServerBuild, ServerBuild>();

/**
 * The server build with every loader and action answering domain errors as HTTP: a
 * NotFoundError thrown anywhere below a route becomes its 404 page, a ForbiddenError
 * its 403. (Remix itself answers any thrown value that is not a Response with a 500.)
 */
export function withDomainErrors(build: ServerBuild): ServerBuild {
  const known = wrapped.get(build);
  if (known) return known;
  const routes: ServerBuild['routes'] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: answeringDomainErrors(loader) } : {}),
        ...(action ? { action: answeringDomainErrors(action) } : {}),
      },
    };
  }
  const result = { ...build, routes };
  wrapped.set(build, result);
  return result;
}
