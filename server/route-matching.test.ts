import fs from 'node:fs';
import { createRequire } from 'node:module';

import type * as ReactRouter from '@remix-run/router';
import type * as StaticRouting from 'react-router-dom/server';
import { describe, expect, it } from 'vitest';

// The server loads React Router's CommonJS build through require (as @remix-run/server-runtime
// does); that is the copy patches/@remix-run+router+1.23.3.patch changes.
const require = createRequire(import.meta.url);
const routerPath = require.resolve('@remix-run/router');
const router = require('@remix-run/router') as typeof ReactRouter;
// RemixServer and the static router it renders with, as @remix-run/react loads them
// (patches/@remix-run+react+2.17.5.patch, patches/react-router-dom+6.30.4.patch).
const remixReactServerPath = require.resolve('@remix-run/react/dist/server.js');
const requireFromRemixReact = createRequire(remixReactServerPath);
const staticRouting = requireFromRemixReact('react-router-dom/server') as typeof StaticRouting;

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

  it('hands out kept matches as copies: what one caller changes, the next does not receive', () => {
    const routes = [{ id: 'root', path: '/', children: [{ id: 'action', path: 'acties/:actionId' }] }];
    for (let caller = 0; caller < 3; caller++) {
      const matches = router.matchRoutes(routes, '/acties/7')!;
      expect(ids(matches)).toEqual(['root', 'action']);
      expect(matches.map((m) => m.params)).toEqual([{ actionId: '7' }, { actionId: '7' }]);
      expect(matches.map((m) => m.pathname)).toEqual(['/', '/acties/7']);
      // Typed read-only, but nothing stops a caller at run time.
      (matches[1]!.params as Record<string, string>).actionId = 'veranderd';
      matches[0]!.pathname = '/elders';
      matches.pop();
    }
    expect(router.matchRoutes(routes, '/acties/8')?.at(-1)?.params).toEqual({ actionId: '8' });
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

describe('one route tree per build for every document (decision 029)', () => {
  it('runs on the patched copies that `npm install` applies', () => {
    expect(fs.readFileSync(remixReactServerPath, 'utf8')).toContain('serverRoutesOf(manifest, routeModules');
    expect(fs.readFileSync(requireFromRemixReact.resolve('react-router-dom/server'), 'utf8')).toContain('dataRoutesCache.get(routes)');
  });

  it('renders two requests with the same data routes, each with its own location and matches', async () => {
    const routes = [{ id: 'root', path: '/', children: [{ id: 'action', path: 'acties/:actionId', loader: () => null }] }];
    const handler = staticRouting.createStaticHandler(routes);
    const contextOf = async (path: string) => {
      const context = await handler.query(new Request(`http://koers.test${path}`));
      if (context instanceof Response) throw new Error('expected a context');
      return context;
    };
    const one = staticRouting.createStaticRouter(routes, await contextOf('/acties/1'));
    const two = staticRouting.createStaticRouter(routes, await contextOf('/acties/2'));
    expect(two.routes).toBe(one.routes);
    expect(one.state.location.pathname).toBe('/acties/1');
    expect(two.state.location.pathname).toBe('/acties/2');
    expect(one.state.matches.at(-1)?.params).toEqual({ actionId: '1' });
    expect(two.state.matches.at(-1)?.params).toEqual({ actionId: '2' });
    // The matches point at the routes the render walks, not at the handler's own copies.
    expect(two.state.matches.at(-1)?.route).toBe(one.routes[0]!.children![0]);
  });
});
