import { randomBytes } from 'node:crypto';

import type { Request, RequestHandler, Response } from 'express';

import { sharedRouteOf } from '../app/models/page-scope';
import { rawSessionCookie } from './session-cookie';

/**
 * A short-lived cache of finished page responses (compressed bytes and headers), per
 * session and address. In a meeting many people reload the same overview and list;
 * rendering those with React costs 10–30 ms of the one Node thread each, and with 32
 * requests in flight that queue is what users wait for (docs/benchmarks.md).
 *
 * Correctness rests on the key: the session cookie, the URL, the accepted encoding and
 * the database's data version — which changes with every write by this process
 * (`total_changes()`) or by another (`PRAGMA data_version`, e.g. an import CLI). Any
 * write therefore makes every entry stale; logging out or deactivating a user is a write.
 * A time limit bounds what does not live in the database (the date, session expiry).
 * Only complete 200 responses without Set-Cookie or Cache-Control no-store are kept; the CSP nonce of a kept page
 * stays with its own headers, and only the same session ever receives it again.
 *
 * Shared between sessions: the data request of a live revalidation for a route in
 * app/models/page-scope.ts `SHARED_ROUTES` (`/acties.data?_routes=routes/acties._index`),
 * which holds nothing of the user but what their permission scope decides. Its key has
 * the scope instead of the session; the scope is looked up from the session on every
 * request (`scopeOf`: a signed-out, deactivated or not yet two-factor user gets none and
 * goes through to the loaders, which refuse them), so nobody receives another scope's
 * answer or one they lost access to. Never an HTML page (its nonce and the root's user
 * data are the session's own); each shared answer gets a fresh CSP nonce.
 *
 * A shared answer is also made only once while it is being made: after a change the
 * people of one scope revalidate within the same spread window (server/live/spread.ts),
 * and when the server is busy the first request for an answer is still queued when the
 * others arrive. Those wait for the first and get its bytes, as if it had been kept
 * already; if the first yields nothing to keep (an error, a redirect, a write meanwhile,
 * a closed connection) they ask again: one of them makes the answer, the rest wait for it.
 *
 * `needsNoTurn` tells the render queue (server/render-queue.ts, in front of this cache)
 * which requests it can let by: a kept answer, or a shared one being made. A shared answer
 * counts as being made from the moment its first request joins the queue, not only once
 * that request has its turn: whoever of the scope asks for it meanwhile waits for that
 * first request instead of for a turn of their own, which on a full server came seconds
 * after the answer was kept (docs/decisions/026, amended).
 */
type Entry = { version: string; storedAt: number; status: number; headers: Record<string, string | string[]>; body: Buffer };

/**
 * A shared answer being made: the data version it is made at, whether its maker has
 * started (or still waits in the render queue), and who waits for it.
 */
type Flight = { version: string; making: boolean; waiting: Array<(entry: Entry | null) => void> };

export type PageCacheOptions = {
  /** Changes whenever the data behind any page may have changed. */
  dataVersion: () => string;
  sessionCookieName: string;
  maxEntries?: number;
  maxBytes?: number;
  ttlMs?: number;
  /**
   * The permission scope of the request's session for a shared route (app/models/page-scope.ts
   * `permissionScope`), or null when it has none (not signed in, deactivated, must set
   * up two-factor first). Without it nothing is shared.
   */
  scopeOf?: (req: Request, routeId: string) => Promise<string | null>;
};

export function pageCache({
  dataVersion,
  sessionCookieName,
  maxEntries = 500,
  maxBytes = 64 * 1024 * 1024,
  ttlMs = 60_000,
  scopeOf,
}: PageCacheOptions): RequestHandler & { needsNoTurn: (req: Request) => Promise<boolean> } {
  const entries = new Map<string, Entry>(); // insertion order doubles as LRU order
  let bytes = 0;
  /** Shared answers being made, by key. */
  const inFlight = new Map<string, Flight>();
  /** The requests that will make a shared answer once they have their turn, and its flight. */
  const makers = new WeakMap<Request, Flight>();
  /** Hands a flight's outcome to those who waited for it. */
  const settle = (key: string, flight: Flight, entry: Entry | null) => {
    if (inFlight.get(key) === flight) inFlight.delete(key);
    for (const wake of flight.waiting.splice(0)) wake(entry);
  };

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };
  const store = (key: string, entry: Entry) => {
    remove(key);
    if (entry.body.length > maxBytes / 8) return;
    entries.set(key, entry);
    bytes += entry.body.length;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      remove(oldest);
    }
  };

  /** Whose answer a request asks for — its session's, or its scope's when shared — once per request; null: not cached. */
  const owners = new WeakMap<Request, Promise<Owner | null>>();
  const ownerOf = (req: Request): Promise<Owner | null> => {
    let owner = owners.get(req);
    if (!owner) {
      owner = findOwner(req);
      owners.set(req, owner);
    }
    return owner;
  };
  const findOwner = async (req: Request): Promise<Owner | null> => {
    const session = rawSessionCookie(req, sessionCookieName);
    if (req.method !== 'GET' || !session || req.path === '/healthz') return null;
    const bySession = { key: `session:${session}`, shared: false };
    const url = new URL(req.originalUrl, 'http://koers');
    const routeId = scopeOf && sharedRouteOf(url.pathname, url.searchParams);
    if (!routeId) return bySession;
    const scope = await scopeOf(req, routeId);
    return scope ? { key: `scope:${scope}`, shared: true } : bySession;
  };
  const keyOf = (owner: Owner, req: Request) => {
    const encoding = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? 'gzip' : 'identity';
    return `${owner.key}\n${encoding}\n${req.originalUrl}`;
  };
  const keptAnswer = (key: string, version: string) => {
    const hit = entries.get(key);
    return hit && hit.version === version && Date.now() - hit.storedAt < ttlMs ? hit : undefined;
  };

  /** Answers from the cache or lets the request through and keeps its response. */
  const serve = (owner: Owner, req: Request, res: Response, next: () => void) => {
    const { shared } = owner;
    const key = keyOf(owner, req);
    const version = dataVersion();
    const claimed = makers.get(req); // the flight this request was to make, decided while it waited
    makers.delete(req);
    const answer = (entry: Entry) => {
      const headers = shared ? withFreshNonce(entry.headers) : entry.headers;
      res.writeHead(entry.status, { ...headers, 'content-length': String(entry.body.length) });
      res.end(entry.body);
    };
    const hit = keptAnswer(key, version);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit); // most recently used
      answer(hit);
      if (claimed) settle(key, claimed, hit);
      return;
    }
    remove(key);
    const running = shared ? inFlight.get(key) : undefined;
    const other = running && running !== claimed && running.version === version ? running : undefined;
    if (other && (other.making || !claimed)) {
      other.waiting.push((entry) => {
        if (claimed) settle(key, claimed, entry);
        // Nothing to keep: ask again, so that one of those who waited makes it and the rest wait for that one.
        if (entry) answer(entry);
        else serve(owner, req, res, next);
      });
      return;
    }
    // A flight made at an older data version is replaced here but still wakes its own waiters;
    // one at this version whose maker still waits for its turn hands its waiters over to this one.
    const flight = shared ? (claimed ?? { version, making: true, waiting: [] }) : null;
    if (flight) {
      if (other) flight.waiting.push(...other.waiting.splice(0));
      flight.version = version;
      flight.making = true;
      inFlight.set(key, flight);
    }
    capture(res, (status, headers, body) => {
      const type = String(headers['content-type'] ?? '');
      const keep =
        // Pages and Remix data requests only; static files have their own HTTP caching.
        (type.startsWith('text/html') || type.startsWith('text/x-script')) &&
        status === 200 &&
        !headers['set-cookie'] &&
        dataVersion() === version &&
        !/no-store/.test(String(headers['cache-control'] ?? '')) && // a page that must always be fresh (the audit log)
        (!shared || type.startsWith('text/x-script')); // never a document
      const entry = keep ? { version, storedAt: Date.now(), status, headers, body } : null;
      if (entry) store(key, entry);
      if (flight) settle(key, flight, entry);
    });
    // Only once: after 'finish' the flight has no one left to wake.
    if (flight) res.on('close', () => settle(key, flight, null));
    next();
  };

  const handler: RequestHandler = (req, res, next) => {
    ownerOf(req)
      .then((owner) => (owner ? serve(owner, req, res, next) : next()))
      .catch(next);
  };
  /**
   * Whether the request will be answered without its loaders: a kept answer at the current
   * data version, or a shared one being made that it can wait for. The render queue
   * (server/render-queue.ts) lets such requests by without a turn. The first request for a
   * shared answer nobody is making is made its maker: it goes into the queue, and those who
   * ask for the same answer while it waits there wait for it.
   */
  const needsNoTurn = async (req: Request): Promise<boolean> => {
    const owner = await ownerOf(req);
    if (!owner) return false;
    const key = keyOf(owner, req);
    const version = dataVersion();
    if (keptAnswer(key, version)) return true;
    if (!owner.shared) return false;
    if (inFlight.get(key)?.version === version) return true;
    const flight: Flight = { version, making: false, waiting: [] };
    inFlight.set(key, flight);
    makers.set(req, flight);
    // Leaving before its turn: those who waited ask again, and one of them makes it.
    req.res?.once('close', () => {
      if (makers.get(req) !== flight) return;
      makers.delete(req);
      settle(key, flight, null);
    });
    return false;
  };
  return Object.assign(handler, { needsNoTurn });
}

type Owner = { key: string; shared: boolean };

/** The headers of a shared answer with a nonce of its own in the CSP (a nonce is never reused). */
function withFreshNonce(headers: Record<string, string | string[]>): Record<string, string | string[]> {
  const csp = headers['content-security-policy'];
  if (typeof csp !== 'string') return headers;
  const nonce = randomBytes(16).toString('base64');
  return { ...headers, 'content-security-policy': csp.replace(/'nonce-[^']*'/g, `'nonce-${nonce}'`) };
}

/** Collects what is written to the response (after compression) and reports it once it ends. */
function capture(res: Response, done: (status: number, headers: Record<string, string | string[]>, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
    );
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Response['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as Response['end'];
  res.on('finish', () => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (
        value === undefined ||
        name === 'content-length' ||
        name === 'transfer-encoding' ||
        name === 'connection' ||
        name === 'keep-alive' ||
        name === 'date'
      )
        continue;
      headers[name] = typeof value === 'number' ? String(value) : value;
    }
    done(res.statusCode, headers, Buffer.concat(chunks));
  });
}
