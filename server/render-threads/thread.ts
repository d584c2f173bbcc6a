/**
 * A render thread: answers the GET requests the main thread hands it (index.ts) with the
 * handler its `handlerModule` makes (for Koers the Remix build, remix-handler.ts), one
 * message per request and one per answer, the body whole.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { registerLiveServer } from '../../app/models/collab/live-bridge.server';
import { gzipPage } from './compress';
import type { FromRenderThread, HandlerModule, RenderRequest, RenderThreadData, ToRenderThread } from './messages';

const port = parentPort!;
const post = (message: FromRenderThread, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

// A loader that edits a live document (the first opening of empty notes or of an empty
// chapter) stores the edit here, synchronously; the main thread, which holds the
// connection to the real-time process, relays it. Posted before the answer, so it is
// relayed before the page reaches the browser.
registerLiveServer({
  documentEdited: (name, update) => post({ type: 'live', call: 'documentEdited', name, update }),
  recheckUser: (userId) => post({ type: 'live', call: 'recheckUser', userId }),
  recheckAll: () => post({ type: 'live', call: 'recheckAll' }),
});

const { handlerModule, options } = workerData as RenderThreadData;
const { createHandler } = (await import(handlerModule)) as HandlerModule;
const handle = await createHandler(options);

const inFlight = new Map<number, AbortController>();

port.on('message', (message: ToRenderThread) => {
  if (message.type === 'abort') inFlight.get(message.id)?.abort();
  else void render(message);
});
post({ type: 'ready' });

async function render({ id, url, headers, loadContext, acceptsGzip }: RenderRequest) {
  const controller = new AbortController();
  inFlight.set(id, controller);
  try {
    const response = await handle(new Request(url, { headers, signal: controller.signal }), loadContext);
    const rendered = { headers: [...response.headers], body: response.body ? new Uint8Array(await response.arrayBuffer()) : null };
    const reply = gzipPage(rendered, acceptsGzip);
    post(
      { type: 'rendered', id, status: response.status, statusText: response.statusText, headers: reply.headers, body: reply.body },
      reply.body ? [reply.body.buffer as ArrayBuffer] : [],
    );
  } catch (error) {
    post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    inFlight.delete(id);
  }
}
