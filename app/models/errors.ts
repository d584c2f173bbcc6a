/**
 * What a domain function throws when it cannot do what was asked. Models never speak
 * HTTP: the edge (app/utils/http.server.ts, applied to every loader and action) turns
 * these into the 404 and 403 pages. Most refusals never get this far — routes check
 * first (requireFound, requireAllowed) — these cover what a model decides itself, and
 * what changed in between, such as a row deleted by someone else while a form was open.
 */

/**
 * Recognised by this mark rather than by `instanceof`: the Node server and the Remix
 * server bundle each load their own copy of this module, so a class from one copy is
 * not the class of the other. Symbol.for gives both the same mark.
 */
const DOMAIN_ERROR = Symbol.for('koers.domain-error');

export type DomainErrorKind = 'not-found' | 'forbidden';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly [DOMAIN_ERROR] = true;
}

/** The thing asked for does not exist (any more). */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(what: string, id?: number | string) {
    super(id === undefined ? `${what} not found` : `${what} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/** The actor may not do this (a rule of app/models/permissions.ts said no). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  /** A Dutch sentence saying why, shown on the 403 page (e.g. "De periode 2020–2024 is afgesloten…"). */
  readonly userMessage: string | undefined;
  constructor(what: string, userMessage?: string) {
    super(`forbidden: ${what}`);
    this.name = 'ForbiddenError';
    this.userMessage = userMessage;
  }
}

/** The kind of a domain error (from any copy of this module), or null for anything else. */
export function domainErrorKind(error: unknown): DomainErrorKind | null {
  if (typeof error !== 'object' || error === null || (error as { [DOMAIN_ERROR]?: unknown })[DOMAIN_ERROR] !== true) return null;
  return (error as DomainError).kind;
}
