/**
 * What a Koers render thread answers with: the production build's request handler, with
 * the same domain errors as the main thread's (server/index.ts). The identity providers
 * are read from KOERS_OIDC_CONFIG when the login page first asks (oidcConfig()); the main
 * thread has checked that file at start-up.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { createRequestHandler, type ServerBuild } from '@remix-run/node';

import { withDomainErrors } from '../../app/utils/http.server';

export type RemixHandlerOptions = { buildDir: string };

export async function createHandler({ buildDir }: RemixHandlerOptions) {
  const build = withDomainErrors((await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild);
  return createRequestHandler(build, 'production');
}
