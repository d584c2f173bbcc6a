import type { Request, RequestHandler } from 'express';

import { UrgentFirstQueue } from './urgent-first-queue';

/**
 * Lets one request at a time run its loaders and render, pages opened before background
 * revalidations (docs/decisions/027).
 *
 * Loaders (better-sqlite3) and React's render are synchronous work on the one JavaScript
 * thread. Without this queue every request that has arrived is in progress at once and
 * their steps take turns, so a page opened right after a change — a 10–15 ms document —
 * finishes only after every live revalidation that arrived with or before it (the capacity
 * benchmark: first view p95 240–390 ms at 100–200 browsing people while the thread was
 * busy 45–70 % of the time). Here the waiting requests are admitted one at a time and a
 * person opening a page (an HTML document) or sending a form goes before the `.data`
 * requests, which are mostly live revalidations of a page that is already on screen —
 * until one of those has waited `maxBackgroundWaitMs`; then the two kinds take turns.
 *
 * A request's turn ends when its response is handed to the connection. Ending it once the
 * headers are written looked cheaper but measured far worse (first view p95 250 ms against
 * 60 ms at 200 people): the loader data that Remix streams into the document and its
 * compression come after the headers, and those then took turns with the next request
 * again. A turn also ends after `maxTurnMs` (the request goes on): one that waits for
 * something other than the thread — a slow connection taking a large download, an upload
 * still arriving, an identity provider, a document drawn in resvg's threads — must not
 * hold up everybody. A request whose connection closes while it waits leaves the queue.
 *
 * The queue stands in front of the page cache, so a request that waited looks for a kept
 * answer at the data version of its turn, not of its arrival: behind it, a revalidation
 * that waited across a change missed, rendered, and could not keep its answer (the
 * version had moved), and on a full server that multiplied the work (126–137 page requests/s
 * answered at 500 people instead of 194). A request the page cache will answer without
 * loaders (its `needsNoTurn`: a kept answer, or a shared one being made, also by a request
 * still waiting here) is let by without a turn.
 */
export function renderQueue({
  maxTurnMs = 50,
  maxBackgroundWaitMs = 50,
  isUrgent = opensOrSends,
  needsNoTurn,
}: {
  maxTurnMs?: number;
  /** A background request that has waited this long goes next after an urgent one (server/urgent-first-queue.ts). */
  maxBackgroundWaitMs?: number;
  isUrgent?: (req: Request) => boolean;
  /** A request answered without loaders (the page cache's `needsNoTurn`): let by at once. */
  needsNoTurn?: (req: Request) => Promise<boolean>;
} = {}): RequestHandler {
  let turnTaken = false;
  const waiting = new UrgentFirstQueue<() => void>(maxBackgroundWaitMs);

  const admitNext = () => {
    if (!turnTaken) waiting.shift()?.();
  };

  const enter: RequestHandler = (req, res, next) => {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    let timer: NodeJS.Timeout | undefined;

    const endTurn = () => {
      if (state === 'running') {
        state = 'done';
        clearTimeout(timer);
        turnTaken = false;
        // Not from inside this response's event handler; and whoever arrived meanwhile is queued by then.
        setImmediate(admitNext);
      } else if (state === 'waiting') {
        state = 'done';
        waiting.remove(start);
      }
    };
    const start = () => {
      state = 'running';
      turnTaken = true;
      timer = setTimeout(endTurn, maxTurnMs);
      next();
    };

    res.once('finish', endTurn);
    res.once('close', endTurn);

    // At once only when nobody waits: otherwise the turn goes round from endTurn.
    const idle = !turnTaken && waiting.isEmpty();
    waiting.push(start, isUrgent(req));
    if (idle) admitNext();
  };

  if (!needsNoTurn) return enter;
  // Should a write land between this check and the page cache, the request renders without
  // a turn, as every request did before this queue: rare, and never wrong.
  return (req, res, next) => {
    needsNoTurn(req).then(
      (answered) => (answered ? next() : enter(req, res, next)),
      () => enter(req, res, next),
    );
  };
}

/** Someone opening a page or sending a form waits for it; a `.data` GET is mostly a live revalidation. */
export function opensOrSends(req: Request): boolean {
  return !((req.method === 'GET' || req.method === 'HEAD') && req.path.endsWith('.data'));
}
