/**
 * What a domain function throws when it cannot do what was asked. Models never speak
 * HTTP: the edge (app/utils/http.server.ts, applied to every loader and action) turns
 * these into the 404 and 403 pages. Most refusals never get this far — routes check
 * first (requireFound, requireAllowed) — these cover what changed in between, such as
 * a row deleted by someone else while the form was open.
 */
export class DomainError extends Error {}

/** The thing asked for does not exist (any more). */
export class NotFoundError extends DomainError {
  constructor(what: string, id?: number | string) {
    super(id === undefined ? `${what} not found` : `${what} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/** The actor may not do this (a rule of app/models/permissions.ts said no). */
export class ForbiddenError extends DomainError {
  constructor(what: string) {
    super(`forbidden: ${what}`);
    this.name = 'ForbiddenError';
  }
}
