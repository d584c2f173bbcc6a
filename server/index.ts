/**
 * The Koers server: one HTTP server on one port for the Remix app (production build,
 * or Vite middleware with hot reload in development), the real-time websocket endpoint
 * `/collab/<document>` and the live-updates stream `/live` (server/live). The real-time
 * server runs in a process of its own that this one starts (server/collab/child.ts) and
 * hands each websocket to, so page renders never hold up the notes (docs/decisions/024).
 * In production the loaders and renders of GET requests run on render threads
 * (server/render-threads, docs/decisions/030), so this thread is free to answer.
 * Migrations run before either starts; on a fresh database the agenda and (unless turned
 * off) the demo accounts are loaded.
 */
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import { sql } from 'drizzle-orm';
import express from 'express';

import { configureOidcAtStartUp, OidcConfigError } from '../app/models/accounts/oidc/oidc-config.server';
import { sessionCookie } from '../app/utils/auth.server';
import { db } from '../app/utils/db.server';
import { env } from '../app/utils/env.server';
import { withDomainErrors } from '../app/utils/http.server';
import { migrateDatabase } from '../db/migrate';
import { bootstrapDatabase } from '../db/seed/bootstrap';
import { startBackupSchedule } from './backups/schedule';
import { startBackgroundCheckpoints } from './checkpoints';
import { startRealtimeProcess } from './collab/child';
import { createLiveEvents } from './live';
import { workspaceChangedActions, workspaceDataVersion } from './live/data-version';
import { startNotificationJobs } from './notification-jobs';
import { pageCache } from './page-cache';
import { renderQueue } from './render-queue';
import { type RenderThreads, startRenderThreads } from './render-threads';
import { requestTiming } from './request-timing';
import { startRetentionJobs } from './retention-jobs';
import { cspNonce, sameOriginOnly, securityHeaders } from './security';
import { rawSessionCookie } from './session-cookie';
import { sessionScope } from './session-scope';
import { staticFiles } from './static-files';

const development = env.NODE_ENV === 'development';

migrateDatabase(db);
await bootstrapDatabase(db, {
  demo: env.KOERS_DEMO === 'on',
  demoPassword: env.KOERS_DEMO_PASSWORD,
  demoPeriods: env.KOERS_DEMO_PERIODS === 'on',
});
// The organisations' identity providers: a mistake in their configuration stops the server here.
const oidc = (() => {
  try {
    return configureOidcAtStartUp(env.KOERS_OIDC_CONFIG);
  } catch (error) {
    if (!(error instanceof OidcConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
})();
const checkpoints = startBackgroundCheckpoints(db, { file: env.KOERS_DATABASE });

const app = express();
const server = http.createServer(app);
// After the migrations: the real-time process opens the same database and does not migrate.
const realtime = await startRealtimeProcess(server);

// Writes by this process and by any other (an import, a backup restore); not keystrokes
// in meeting notes, which change no page. Pages are cached on it, browsers told when it moves.
const dataVersion = workspaceDataVersion();
const live = createLiveEvents({ dataVersion, changedActions: workspaceChangedActions() });

app.disable('x-powered-by');
if (env.KOERS_PUBLIC_URL) app.set('trust proxy', 'loopback');
// The live stream first: it lasts as long as the page is open, so the page cache must
// not collect it, compression must not hold it back, and the timing log would only
// record how long someone looked at a page.
app.get('/live', live.handler);
if (env.KOERS_TIMING_LOG) app.use(requestTiming(env.KOERS_TIMING_LOG));
// Live revalidations of some pages are shared by the users of one permission scope (app/models/page-scope.ts).
const cache =
  env.KOERS_PAGE_CACHE === 'on' ? pageCache({ dataVersion, sessionCookieName: sessionCookie.name, scopeOf: sessionScope }) : null;
const buildDir = path.resolve(process.env.KOERS_BUILD_DIR ?? 'build');
const loadContext = (req: express.Request, res: express.Response) => ({
  cspNonce: res.locals.cspNonce as string,
  clientAddress: req.ip ?? 'unknown',
});
// Every GET's loaders and render run on render threads, so this thread stays free to answer
// (decision 030). One core is left for this thread and the real-time process, which relays
// keystrokes. Development renders through Vite's module runner, which lives here.
const renderThreadCount = development ? 0 : (env.KOERS_RENDER_THREADS ?? Math.max(1, os.availableParallelism() - 1));
const renderThreads: RenderThreads | null =
  renderThreadCount > 0
    ? await startRenderThreads({
        count: renderThreadCount,
        handlerModule: new URL('./render-threads/remix-handler.ts', import.meta.url).href,
        options: { buildDir },
        loadContext,
        browserOf: (req) => rawSessionCookie(req, sessionCookie.name),
      })
    : null;
if (renderThreads) app.use(renderThreads.formsInProgress);
// What the main thread renders itself (form posts; every request without render threads)
// takes turns, one at a time, pages opened and forms sent first; one the page cache can
// answer right away, or a render thread will, needs no turn (decisions 027, 030). In front
// of the page cache, so that a request that waited looks for a kept answer at the data
// version of its turn.
app.use(
  renderQueue({
    needsNoTurn: async (req) => (renderThreads?.takes(req) ?? false) || ((await cache?.needsNoTurn(req)) ?? false),
  }),
);
if (cache) app.use(cache);
app.use(compression());
app.use(cspNonce);
// Signing out of a provider session ends at the provider: a form post redirected there.
app.use(securityHeaders({ development, formActionOrigins: oidc.providers.map((p) => new URL(p.issuer).origin) }));

app.get('/healthz', (_req, res) => {
  try {
    db.get(sql`select 1`);
    res.json({ status: 'ok' });
  } catch {
    res.status(503).json({ status: 'unavailable' });
  }
});

app.use(sameOriginOnly(env.KOERS_PUBLIC_URL));

// A NotFoundError or ForbiddenError thrown below any loader or action answers 404 or 403, not 500.
// In production the build is handed over as an object: given a function, Remix derives its
// routes and static handler again on every request (~1 ms, and new route arrays that
// React Router's kept route branches cannot recognise, decision 025).
let build: ServerBuild | (() => Promise<ServerBuild>);
if (development) {
  const vite = await import('vite');
  const devServer = await vite.createServer({ server: { middlewareMode: true, hmr: { server } } });
  app.use(devServer.middlewares);
  build = async () => withDomainErrors((await devServer.ssrLoadModule('virtual:remix/server-build')) as ServerBuild);
} else {
  build = withDomainErrors((await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild);
  app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }));
  app.use(staticFiles(path.join(buildDir, 'client'), { maxAge: '1h' }));
}
// In development files may be added to public/ while the server runs.
app.use(development ? express.static('public', { maxAge: '1h' }) : staticFiles('public', { maxAge: '1h' }));

// The Remix adapter flushes after every chunk React writes; through compression each
// flush becomes a separate gzip block (a page of 70 KiB went out as 220 KiB). Nothing
// in Koers streams deferred data, so the page is compressed as one stream.
const noFlush: express.RequestHandler = (_req, res, next) => {
  (res as unknown as { flush: () => void }).flush = () => {};
  next();
};

if (renderThreads) app.use(renderThreads.handler);
const remix = createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: loadContext });
app.all('*', noFlush, renderThreads ? renderThreads.onMainThread(remix) : remix);

const notificationJobs = startNotificationJobs();
const backups = startBackupSchedule();
const retention = startRetentionJobs();

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  console.log(`Koers luistert op http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port} (${env.NODE_ENV})`);
});
if (env.NODE_ENV === 'production' && !env.KOERS_SECRET_KEY)
  // Only a demo installation gets here (parseEnv refuses a real one without a key).
  console.warn('KOERS_SECRET_KEY is not set: this demo installation uses a key derived from the database path. Set it before real use.');

/** Finish requests in flight, then close the database cleanly. */
async function shutdown(signal: string) {
  console.log(`${signal} ontvangen, Koers stopt.`);
  setTimeout(() => process.exit(1), 10_000).unref();
  // Stores and compacts the live documents, closes their sockets and exits.
  await realtime.close();
  // Open streams would keep server.close waiting; browsers reconnect to the next server.
  live.close();
  notificationJobs.stop();
  backups.stop();
  retention.stop();
  server.close(async () => {
    await renderThreads?.close();
    await checkpoints.stop();
    db.$client.close();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
