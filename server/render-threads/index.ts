/**
 * Render threads: pages people open are rendered on threads of their own, so the web
 * process uses a second core (docs/decisions/030-render-threads.md).
 *
 * The main thread keeps everything that lasts or is shared: the connections, the live
 * stream, the page cache, the render queue for form posts and live revalidations (`.data`
 * requests), the real-time process's messenger, the background jobs. A GET request for
 * anything else — a document, a download — is handed to a render thread as a message
 * (its URL and headers); the thread runs the loaders and React's render with its own
 * database connection and sends the answer back whole, which the main thread writes to
 * the connection (through the page cache and the compression, as any answer).
 *
 * A thread answers one request at a time (a render is synchronous work; two at once would
 * both finish late, docs/decisions/027), the others wait here in order of arrival. Should
 * a thread stop, its request and those waiting are rendered on the main thread instead
 * (a GET may be rendered twice) and the thread is started again.
 */
import { Worker } from 'node:worker_threads';

import type { Request, RequestHandler } from 'express';

import { documentAccessChanged, relayStoredEdit, userAccessChanged } from '../../app/models/collab/live-bridge.server';
import type { FromRenderThread, RenderRequest, RenderThreadData, ToRenderThread } from './messages';

export type RenderThreads = {
  /** Whether a render thread answers this request (then it needs no turn in the main thread's render queue). */
  takes(req: Request): boolean;
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
}: {
  count: number;
  /** A module URL; see messages.ts `HandlerModule`. */
  handlerModule: string;
  options: unknown;
  /** The Remix load context of a request: plain data, sent along with it. */
  loadContext: (req: Request, res: Parameters<RequestHandler>[1]) => Record<string, string>;
}): Promise<RenderThreads> {
  const threads = new Set<Thread>();
  const waiting: Job[] = [];
  let nextId = 1;
  let closing = false;

  const send = (thread: Thread, message: ToRenderThread) => thread.worker.postMessage(message);

  const dispatch = () => {
    for (const thread of threads) {
      if (waiting.length === 0) return;
      if (!thread.ready || thread.job) continue;
      thread.job = waiting.shift()!;
      send(thread, thread.job.message);
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
        if (![...threads].some((other) => other.ready)) for (const job of waiting.splice(0)) job.answer('thread-stopped');
        setTimeout(() => void (closing ? null : start().catch((error) => console.error('[render]', error))), RESTART_AFTER_MS).unref();
      });
    });
  }

  await Promise.all(Array.from({ length: count }, start));

  const takes = (req: Request) =>
    req.method === 'GET' &&
    !req.path.endsWith('.data') &&
    req.query._data === undefined &&
    !MAIN_THREAD_PATHS.some((pattern) => pattern.test(req.path)) &&
    [...threads].some((thread) => thread.ready);

  const handler: RequestHandler = (req, res, next) => {
    if (!takes(req)) return next();
    let answered = false;
    const job: Job = {
      message: { type: 'render', id: nextId++, url: requestUrl(req), headers: requestHeaders(req), loadContext: loadContext(req, res) },
      answer(reply) {
        if (answered) return;
        answered = true;
        if (reply === 'thread-stopped') return next();
        if (reply.type === 'failed') return next(new Error(reply.message));
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
      const at = waiting.indexOf(job);
      if (at >= 0) waiting.splice(at, 1);
      for (const thread of threads) if (thread.job === job) send(thread, { type: 'abort', id: job.message.id });
    });
    waiting.push(job);
    dispatch();
  };

  return {
    takes,
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
