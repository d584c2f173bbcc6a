/**
 * A render thread compresses its own answer, where the main thread's `compression`
 * middleware would have (server/index.ts): the same gzip at the same level, for the same
 * requests. Through the middleware a page was compressed on libuv's thread pool behind
 * the main thread, with a round trip through the event loop; measured with the server's
 * timing log, that made gzip cost 1–3 ms of a page's time where compressing it takes
 * 0.2–1.6 ms (docs/scaling.md, "Compressed where it is rendered"). Here it is done at once,
 * off the main thread, which then only writes the bytes. An answer that already carries a
 * `Content-Encoding` is passed over by the middleware.
 *
 * Only what Koers's pages are made of is compressed here: HTML documents, Remix's data for
 * a client-side navigation or revalidation (`text/x-script`) and JSON. Downloads and
 * anything else stay the middleware's to judge.
 */
import { gzipSync } from 'node:zlib';

const PAGE_TYPES = /^(?:text\/html|text\/x-script|application\/json)\s*(?:;|$)/i;

/** `compression`'s threshold: a smaller body is sent as it is. */
const THRESHOLD_BYTES = 1024;

export type Reply = { headers: [string, string][]; body: Uint8Array | null };

/** The reply gzipped when the browser accepts gzip and the reply is a page worth compressing; else as it was. */
export function gzipPage(reply: Reply, acceptsGzip: boolean): Reply {
  const { headers, body } = reply;
  if (!acceptsGzip || body === null || body.byteLength < THRESHOLD_BYTES) return reply;
  const header = (name: string) => headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? '';
  if (!PAGE_TYPES.test(header('content-type'))) return reply;
  if (header('content-encoding') !== '' || /\bno-transform\b/i.test(header('cache-control'))) return reply;
  return {
    headers: [...headers.filter(([key]) => key.toLowerCase() !== 'content-length'), ['content-encoding', 'gzip']],
    body: new Uint8Array(gzipSync(body)),
  };
}
