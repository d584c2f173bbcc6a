/**
 * The live workspace: `GET /live`, a Server-Sent Events stream that tells signed-in
 * browsers "workspace data changed" within a poll interval, so they revalidate the page
 * they show (app/components/layout/live-updates.tsx). See docs/decisions/009-live-workspace.md.
 *
 * One place detects changes: the workspace data version (./data-version.ts), the same
 * one the page cache keys on, polled only while somebody listens. A `change` event
 * carries the new version and a spread window (./spread.ts) that grows with the number
 * of open streams: each browser waits a random part of it before it revalidates, so N
 * open pages do not come back to the server at the same instant. It also carries the
 * listener's own count of unread notifications, so that a live revalidation need not run
 * the root loader and the page's data can be shared within a permission scope
 * (app/root.tsx, app/models/page-scope.ts). And when every write since the last event was
 * to rows an action page shows (or none shows), it names those actions, so that the
 * pages of other actions need not come back at all (./data-version.ts, decision 028).
 */
import type { Request, RequestHandler, Response } from 'express';

import { t } from '../../app/i18n';
import { findSessionUser } from '../../app/models/accounts/session.server';
import { mustSetUpTwoFactor } from '../../app/models/accounts/two-factor-policy.server';
import { countUnreadByUser } from '../../app/models/notifications/notification-inbox.server';
import { getSessionId } from '../../app/utils/auth.server';
import type { ChangedActions } from './data-version';
import { type ChangeEventData, spreadWindowMs } from './spread';

export type LiveEventsOptions = {
  /** Changes whenever workspace data may have changed (server/live/data-version.ts). */
  dataVersion: () => string;
  /** Which action pages the writes between two versions changed; without it, events name none. */
  changedActions?: ChangedActions;
  /** How often the version is read while at least one client listens. */
  pollMs?: number;
  /**
   * A ping this often keeps proxies from closing an idle stream and lets the browser
   * notice a dead one (app/utils/live-feed.ts reconnects after two and a half missed pings).
   */
  heartbeatMs?: number;
  /** Streams one session may hold; more are refused with 429 (a runaway client, too many tabs). */
  maxPerSession?: number;
  /** What browsers wait before reconnecting after the stream broke. */
  retryMs?: number;
};

export type LiveEvents = {
  handler: RequestHandler;
  /** Open streams (tests, diagnostics). */
  connectionCount(): number;
  /** Whether the version is being polled (only while somebody listens). */
  polling(): boolean;
  /** Ends every stream and refuses new ones (shutdown). */
  close(): void;
};

type Client = { res: Response; sessionId: string; userId: number };

/** A client that stopped reading is dropped once this much is waiting for it. */
const MAX_BUFFERED_BYTES = 64 * 1024;
/** How often the record of which actions changed is trimmed to what is still to come. */
const FORGET_EVERY_MS = 60_000;

export function createLiveEvents({
  dataVersion,
  changedActions,
  pollMs = 200,
  heartbeatMs = 25_000,
  maxPerSession = 8,
  retryMs = 2000,
}: LiveEventsOptions): LiveEvents {
  const clients = new Set<Client>();
  let pollTimer: NodeJS.Timeout | null = null;
  let lastVersion = '';
  let lastHeartbeat = 0;
  let lastForget = 0;
  let closing = false;
  let failing = false;

  const end = (client: Client) => {
    clients.delete(client);
    client.res.end();
    stopPollingIfIdle();
  };
  const send = (client: Client, text: string) => {
    if (client.res.destroyed || client.res.writableEnded) return; // gone; 'close' will forget it
    if (client.res.writableLength > MAX_BUFFERED_BYTES) return client.res.destroy();
    client.res.write(text);
  };

  /** Ends the streams of sessions that ended (logout, expiry, deactivated account). */
  const dropEndedSessions = () => {
    const valid = new Map<string, boolean>();
    for (const client of clients) {
      if (!valid.has(client.sessionId)) valid.set(client.sessionId, findSessionUser(client.sessionId) !== undefined);
      if (!valid.get(client.sessionId)) end(client);
    }
  };

  const poll = () => {
    let version: string;
    try {
      version = dataVersion();
      failing = false;
    } catch (error) {
      // The database is closing (shutdown) or unreadable: say so once, keep trying.
      if (!failing) console.error('[live] Reading the data version failed.', error);
      failing = true;
      return;
    }
    const now = Date.now();
    if (version !== lastVersion) {
      const actions = namedActions(lastVersion, version, now);
      lastVersion = version;
      lastHeartbeat = now;
      // A logout is a write, so a signed-out browser stops hearing about changes at once.
      dropEndedSessions();
      const spreadMs = spreadWindowMs(clients.size);
      // Each listener's own unread count, so the page's root loader need not run again (app/root.tsx).
      const unread = countUnreadByUser([...clients].map((client) => client.userId));
      for (const client of clients) {
        const data: ChangeEventData = { version, spreadMs, unread: unread.get(client.userId) ?? 0, ...(actions && { actions }) };
        send(client, `event: change\ndata: ${JSON.stringify(data)}\n\n`);
      }
    } else if (now - lastHeartbeat >= heartbeatMs) {
      lastHeartbeat = now;
      dropEndedSessions(); // catches session expiry, which writes nothing
      // An event, not a comment: the browser can only notice a silently dead connection by what it hears.
      for (const client of clients) send(client, `event: ping\ndata: ${version}\n\n`);
    }
  };

  /**
   * The actions the writes since the last event touched, or null (any page may have
   * changed). Never fails the event: without the names every page revalidates, as before.
   */
  const namedActions = (from: string, to: string, now: number): number[] | null => {
    if (!changedActions) return null;
    try {
      const actions = changedActions.between(from, to);
      if (now - lastForget >= FORGET_EVERY_MS) {
        lastForget = now;
        changedActions.forgetUpTo(to);
      }
      return actions;
    } catch (error) {
      console.error('[live] Reading which actions changed failed.', error);
      return null;
    }
  };

  const startPolling = () => {
    if (pollTimer) return;
    lastVersion = dataVersion();
    lastHeartbeat = Date.now();
    pollTimer = setInterval(poll, pollMs);
    pollTimer.unref();
  };

  const stopPollingIfIdle = () => {
    if (clients.size > 0 || !pollTimer) return;
    clearInterval(pollTimer);
    pollTimer = null;
  };

  const refuse = (res: Response, status: number, message: string) => res.status(status).type('text/plain; charset=utf-8').send(message);

  const open = async (req: Request, res: Response) => {
    // A page of another site must not keep streams open with the user's cookie (the
    // SameSite=Lax cookie is not sent along anyway); scripts without the header pass.
    const fetchSite = req.get('sec-fetch-site');
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return refuse(res, 403, t.server.crossSiteRefused);
    const sessionId = await getSessionId(req.headers.cookie ?? null);
    const user = sessionId ? findSessionUser(sessionId) : undefined;
    if (!sessionId || !user) return refuse(res, 401, t.server.notSignedIn);
    // Like every page and the live notes: nothing before the required two-factor is set up (docs/decisions/018).
    if (mustSetUpTwoFactor(user, sessionId)) return refuse(res, 403, t.server.twoFactorSetupRequired);
    if (closing) return refuse(res, 503, t.server.stopping);
    let ofSession = 0;
    for (const client of clients) if (client.sessionId === sessionId) ofSession++;
    if (ofSession >= maxPerSession) {
      res.set('Retry-After', String(Math.ceil((retryMs * 5) / 1000)));
      return refuse(res, 429, t.server.tooManyStreams);
    }

    startPolling();
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // Neither a cache nor a proxy may keep, compress or hold back the stream.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    const client: Client = { res, sessionId, userId: user.id };
    clients.add(client);
    // The version now, so a browser that reconnects can tell whether it missed a change.
    res.write(`retry: ${retryMs}\nevent: ready\ndata: ${lastVersion}\n\n`);

    res.on('close', () => {
      clients.delete(client);
      stopPollingIfIdle();
    });
  };
  // Express 4 does not catch a rejected promise: hand errors (the database) to its handler.
  const handler: RequestHandler = (req, res, next) => {
    open(req, res).catch(next);
  };

  return {
    handler,
    connectionCount: () => clients.size,
    polling: () => pollTimer !== null,
    close() {
      closing = true;
      for (const client of clients) end(client);
    },
  };
}
