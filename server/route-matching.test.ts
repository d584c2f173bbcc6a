import fs from 'node:fs';
import { createRequire } from 'node:module';

import type * as ReactRouter from '@remix-run/router';
import { describe, expect, it } from 'vitest';

// The server loads React Router's CommonJS build through require (as @remix-run/server-runtime
// does); that is the copy patches/@remix-run+router+1.23.3.patch changes.
const require = createRequire(import.meta.url);
const routerPath = require.resolve('@remix-run/router');
const router = require('@remix-run/router') as typeof ReactRouter;

const ids = (matches: ReturnType<typeof router.matchRoutes>) => matches?.map((m) => m.route.id) ?? null;

describe('route matching with the kept route branches (decision 025)', () => {
  it('runs on the patched copy that `npm install` applies', () => {
    expect(fs.readFileSync(routerPath, 'utf8')).toContain('rankedBranchesOf(routes)');
  });

  it('matches every path of one route tree right, however often the tree is matched', () => {
    const routes = [
      {
        id: 'root',
        path: '/',
        children: [
          { id: 'index', index: true },
          { id: 'actions', path: 'acties' },
          { id: 'action', path: 'acties/:actionId' },
          { id: 'new-action', path: 'acties/nieuw' },
        ],
      },
    ];
    for (let round = 0; round < 3; round++) {
      expect(ids(router.matchRoutes(routes, '/'))).toEqual(['root', 'index']);
      expect(ids(router.matchRoutes(routes, '/acties'))).toEqual(['root', 'actions']);
      expect(ids(router.matchRoutes(routes, '/acties/nieuw'))).toEqual(['root', 'new-action']);
      expect(router.matchRoutes(routes, '/acties/12')?.at(-1)?.params).toEqual({ actionId: '12' });
      expect(router.matchRoutes(routes, '/ACTIES/12')?.at(-1)?.params).toEqual({ actionId: '12' });
      expect(router.matchRoutes(routes, '/onbekend')).toBeNull();
    }
  });

  it('finds a route added to a tree that was matched before', () => {
    const history = router.createMemoryHistory({ initialEntries: ['/'] });
    const memoryRouter = router.createRouter({ routes: [{ id: 'home', path: '/', children: [] }], history });
    // Routes are added in place (lazy route discovery does so during a navigation), so the
    // tree matched before may be the same array afterwards.
    const tree = memoryRouter.routes;
    expect(router.matchRoutes(tree, '/nieuw')).toBeNull();
    memoryRouter.patchRoutes('home', [{ id: 'added', path: 'nieuw' }]);
    expect(ids(router.matchRoutes(tree, '/nieuw'))).toEqual(['home', 'added']);
    expect(ids(router.matchRoutes(memoryRouter.routes, '/nieuw'))).toEqual(['home', 'added']);
    memoryRouter.dispose();
  });
});
