import type { ServerBuild } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';

import { migrateDatabase } from '../../db/migrate';
import { ForbiddenError, NotFoundError } from '../models/errors';
import { db } from './db.server';
import { requireFound, requireIdParam, withDomainErrors } from './http.server';

/** What a loader threw, or returned. */
async function outcome(run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}

const statusOf = (value: unknown) => (value instanceof Response ? value.status : null);

/** A build of one route whose loader and action do what the test says. */
function buildWith(loader: () => unknown, action?: () => unknown): ServerBuild {
  return {
    routes: { 'routes/x': { id: 'routes/x', path: 'x', module: { loader, action, default: () => null } } },
  } as unknown as ServerBuild;
}

const args = { request: new Request('http://localhost/x'), params: {}, context: {} };

// A 403 is recorded in the audit log (docs/decisions/014): this file's database needs its tables.
beforeAll(() => migrateDatabase(db));

describe('withDomainErrors', () => {
  it('answers NotFoundError with 404 and ForbiddenError with 403, from loaders and actions alike', async () => {
    const build = withDomainErrors(
      buildWith(
        () => {
          throw new NotFoundError('action', 12);
        },
        () => {
          throw new ForbiddenError('action scope');
        },
      ),
    );
    const { loader, action } = build.routes['routes/x']!.module;
    expect(statusOf(await outcome(() => loader!(args)))).toBe(404);
    expect(statusOf(await outcome(() => action!(args)))).toBe(403);
  });

  it('leaves results, thrown Responses and real faults alone', async () => {
    const fault = new Error('disk full');
    const redirect = new Response(null, { status: 302, headers: { Location: '/' } });
    const ok = withDomainErrors(buildWith(() => ({ fine: true })));
    expect(await ok.routes['routes/x']!.module.loader!(args)).toEqual({ fine: true });
    expect(ok.routes['routes/x']!.module.action).toBeUndefined();
    const throwsResponse = withDomainErrors(
      buildWith(() => {
        throw redirect;
      }),
    );
    expect(await outcome(() => throwsResponse.routes['routes/x']!.module.loader!(args))).toBe(redirect);
    const throwsFault = withDomainErrors(
      buildWith(() => {
        throw fault;
      }),
    );
    expect(await outcome(() => throwsFault.routes['routes/x']!.module.loader!(args))).toBe(fault);
  });

  it('recognises a domain error thrown by another copy of the errors module (the server bundle has its own)', async () => {
    const fromTheBundle = Object.assign(new Error('action 12 not found'), { [Symbol.for('koers.domain-error')]: true, kind: 'not-found' });
    const build = withDomainErrors(
      buildWith(() => {
        throw fromTheBundle;
      }),
    );
    expect(statusOf(await outcome(() => build.routes['routes/x']!.module.loader!(args)))).toBe(404);
  });

  it('wraps a build once (the development server asks for it on every request)', () => {
    const build = buildWith(() => null);
    expect(withDomainErrors(build)).toBe(withDomainErrors(build));
  });
});

describe('guards', () => {
  it('requireFound passes a value through and answers nothing with a 404', async () => {
    expect(requireFound(0)).toBe(0);
    expect(statusOf(await outcome(() => requireFound(undefined)))).toBe(404);
    expect(statusOf(await outcome(() => requireFound(null)))).toBe(404);
  });

  it('requireIdParam answers anything but an id with a 404', async () => {
    expect(requireIdParam('12')).toBe(12);
    for (const bad of [undefined, '', '0', 'abc', '1e3', '12345678901234567']) {
      expect(statusOf(await outcome(() => requireIdParam(bad))), String(bad)).toBe(404);
    }
  });
});
