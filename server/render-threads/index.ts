/**
 * Render threads: the loaders and React's render run on threads of their own, so the web
 * process uses more than one core and its main thread stays free to answer
 * (docs/decisions/030-render-threads.md).
 *
 * The main thread keeps everything that lasts or is shared: the connections, the live
 * stream, the page cache with its shared answers, the compression, form posts, the
 * real-time process's messenger and the background jobs. Every `GET` — a document, a
 * `.data` request (a live revalidation, a client-side navigation), a download — is handed
 * to a render thread as a message (its URL, headers and load context); the thread runs
 * Remix's handler with its own database connection and sends the answer back whole, and
 * the main thread writes it to the connection through the page cache and the compression
 * like any other answer.
 *
 * A thread answers one request at a time (two renders at once on one thread both finish
 * late, decision 027). The others wait here: pages opened before `.data` requests, until
 * one of those has waited 50 ms, then the two kinds take turns (the render queue's order,
 * server/urgent-first-queue.ts). Should a thread stop, its request and those
 * waiting while no thread is ready are rendered on the main thread instead (a GET may be
 * rendered twice), as is a request a thread could not answer; the thread is started again.
 */
import { Worker } from 'node:worker_threads';

import type { Request, RequestHandler, Response } from 'express';

import { documentAccessChanged, relayStoredEdit, userAccessChanged } from '../../app/models/collab/live-bridge.server';
import { opensOrSends } from '../render-queue';
import { UrgentFirstQueue } from '../urgent-first-queue';
import type { FromRenderThread, RenderRequest, RenderThreadData, ToRenderThread } from './messages';

export type RenderThreads = {
  /** Whether a render thread answers this request (then it needs no turn in the main thread's render queue). */
  takes(req: Request): boolean;
  /**
   * Notes the forms (non-GET requests) each browser has in progress; put it in front of
   * everything that may hold a form back. A GET of that browser waits for them (see handler).
   */
  formsInProgress: RequestHandler;
  /**
   * Wraps the main thread's Remix handler, so that a form whose browser went away counts as
   * in progress until its action has run, not only until its connection closed.
   */
  onMainThread(remix: RequestHandler): RequestHandler;
  /** Answers the requests `takes`; passes the others on. Put it where the Remix handler would run them. */
  handler: RequestHandler;
  /** Stops the threads; call once the HTTP server has closed. */
  close(): Promise<void>;
};

/**
 * Requests that stay on the main thread because what they need lives in its memory: the
 * sign-in with an identity provider signs its flow cookie with a key made at start-up and
 * remembers the callbacks already used (app/models/accounts/oidc/oidc-flow.server.ts).
 */
const MAIN_THREAD_PATHS = [/^\/login\/oidc\//];

const RESTART_AFTER_MS = 1000;

type Job = {
  message: RenderRequest;
  answer(reply: Extract<FromRenderThread, { type: 'rendered' | 'failed' }> | 'thread-stopped'): void;
};

type Thread = { worker: Worker; ready: boolean; job: Job | null };

export async function startRenderThreads({
  count,
  handlerModule,
  options,
  loadContext,
  browserOf,
  maxBackgroundWaitMs = 50,
}: {
  count: number;
  /** A module URL; see messages.ts `HandlerModule`. */
  handlerModule: string;
  options: unknown;
  /** The Remix load context of a request: plain data, sent along with it. */
  loadContext: (req: Request, res: Parameters<RequestHandler>[1]) => Record<string, string>;
  /** Which browser sent the request (its raw session cookie), or null. */
  browserOf: (req: Request) => string | null;
  /** A `.data` request that has waited this long goes next after a page (server/urgent-first-queue.ts). */
  maxBackgroundWaitMs?: number;
}): Promise<RenderThreads> {
  const threads = new Set<Thread>();
  const waiting = new UrgentFirstQueue<Job>(maxBackgroundWaitMs);
  let nextId = 1;
  /** Per browser: its forms in progress, and the GETs that wait for them. */
  const forms = new Map<string, { count: number; waiting: Array<() => void> }>();
  const runningForms = new WeakMap<Response, { running: boolean; finished: () => void }>();
  let closing = false;

  const send = (thread: Thread, message: ToRenderThread) => thread.worker.postMessage(message);

  const dispatch = () => {
    for (const thread of threads) {
      if (!thread.ready || thread.job) continue;
      const job = waiting.shift();
      if (!job) return;
      thread.job = job;
      send(thread, job.message);
    }
  };

  function start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./thread.mjs', import.meta.url), {
        workerData: { handlerModule, options } satisfies RenderThreadData,
      });
      const thread: Thread = { worker, ready: false, job: null };
      threads.add(thread);
      worker.on('message', (message: FromRenderThread) => {
        switch (message.type) {
          case 'ready':
            thread.ready = true;
            resolve();
            dispatch();
            return;
          case 'live':
            if (message.call === 'documentEdited') relayStoredEdit(message.name, message.update);
            else if (message.call === 'recheckUser') userAccessChanged(message.userId);
            else documentAccessChanged();
            return;
          default: {
            const job = thread.job;
            if (!job || job.message.id !== message.id) return;
            thread.job = null;
            job.answer(message);
            dispatch();
          }
        }
      });
      worker.on('error', (error) => console.error('[render] A render thread failed:', error));
      worker.on('exit', (code) => {
        threads.delete(thread);
        if (!thread.ready) {
          reject(new Error(`A render thread stopped while starting (exit code ${code}).`));
          return;
        }
        thread.job?.answer('thread-stopped');
        if (closing) return;
        console.error(`[render] A render thread stopped (exit code ${code}); it is started again.`);
        // Until one is back, the main thread renders.
        if (![...threads].some((other) => other.ready)) for (const job of waiting.drain()) job.answer('thread-stopped');
        setTimeout(() => void (closing ? null : start().catch((error) => console.error('[render]', error))), RESTART_AFTER_MS).unref();
      });
    });
  }

  await Promise.all(Array.from({ length: count }, start));

  const takes = (req: Request) =>
    req.method === 'GET' && !MAIN_THREAD_PATHS.some((pattern) => pattern.test(req.path)) && [...threads].some((thread) => thread.ready);

  const formsInProgress: RequestHandler = (req, res, next) => {
    const browser = req.method === 'GET' || req.method === 'HEAD' ? null : browserOf(req);
    if (browser === null) return next();
    const entry = forms.get(browser) ?? { count: 0, waiting: [] };
    forms.set(browser, entry);
    entry.count += 1;
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      entry.count -= 1;
      if (entry.count > 0) return;
      forms.delete(browser);
      for (const go of entry.waiting.splice(0)) go();
    };
    const form = { running: false, finished };
    runningForms.set(res, form);
    res.once('finish', finished);
    // A browser that leaves (it navigated elsewhere) does not stop an action that has begun.
    res.once('close', () => {
      if (!form.running) finished();
    });
    next();
  };

  const onMainThread = (remix: RequestHandler): RequestHandler => {
    return (req, res, next) => {
      const form = runningForms.get(res);
      if (form) form.running = true;
      Promise.resolve(remix(req, res, next)).finally(() => form?.finished());
    };
  };

  /**
   * Answers a GET on a render thread. The main thread ran every request in one queue, so a
   * page asked for after a form was sent saw that form's change; a render thread would run
   * it beside the form (a browser that signs out and at once opens /login was still signed
   * in there). So a GET waits for the forms its own browser has in progress.
   */
  const handler: RequestHandler = (req, res, next) => {
    if (!takes(req)) return next();
    const browser = browserOf(req);
    const pending = browser === null ? undefined : forms.get(browser);
    if (pending) pending.waiting.push(() => render(req, res, next));
    else render(req, res, next);
  };

  const render: RequestHandler = (req, res, next) => {
    let answered = false;
    const job: Job = {
      message: {
        type: 'render',
        id: nextId++,
        url: requestUrl(req),
        headers: requestHeaders(req),
        loadContext: loadContext(req, res),
        acceptsGzip: req.acceptsEncodings('gzip', 'identity') === 'gzip',
      },
      answer(reply) {
        if (answered) return;
        answered = true;
        // Remix answers a loader's error itself; what fails here failed outside it (the thread's
        // handler). The main thread renders such a GET again, and answers in Dutch if it fails too.
        if (reply === 'thread-stopped') return next();
        if (reply.type === 'failed') {
          console.error('[render] A render thread could not answer', req.originalUrl, '-', reply.message);
          return next();
        }
        res.statusMessage = reply.statusText;
        res.status(reply.status);
        for (const [name, value] of reply.headers) res.append(name, value);
        res.end(reply.body ? Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength) : undefined);
      },
    };
    // The browser left: a waiting request leaves the line, a running one is told to stop.
    res.once('close', () => {
      if (answered) return;
      answered = true;
      waiting.remove(job);
      for (const thread of threads) if (thread.job === job) send(thread, { type: 'abort', id: job.message.id });
    });
    // Pages opened before `.data` requests (mostly live revalidations), in the render queue's order.
    waiting.push(job, opensOrSends(req));
    dispatch();
  };

  return {
    takes,
    formsInProgress,
    onMainThread,
    handler,
    async close() {
      closing = true;
      await Promise.all([...threads].map((thread) => thread.worker.terminate()));
    },
  };
}

/**
 * The request's address as Remix's Express adapter makes it (`createRemixRequest` in
 * @remix-run/express, not in its types): the host as Express reads it (proxy settings
 * included), with the port of X-Forwarded-Host or Host.
 */
function requestUrl(req: Request): string {
  const port = portOf(req.get('X-Forwarded-Host')) ?? portOf(req.get('host'));
  return `${req.protocol}://${req.hostname}${port === null ? '' : `:${port}`}${req.originalUrl}`;
}

function portOf(host: string | undefined): number | null {
  const port = Number.parseInt(host?.split(':')[1] ?? '', 10);
  return Number.isSafeInteger(port) ? port : null;
}

function requestHeaders(req: Request): [string, string][] {
  return Object.entries(req.headers).flatMap(([name, value]) =>
    value === undefined ? [] : Array.isArray(value) ? value.map((one): [string, string] => [name, one]) : [[name, value]],
  );
}
