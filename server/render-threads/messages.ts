/** What the web process's main thread and its render threads say to each other (see index.ts). */

/** A GET request, as the main thread received it. */
export type RenderRequest = {
  type: 'render';
  id: number;
  url: string;
  headers: [string, string][];
  /** The Remix load context (server/index.ts `getLoadContext`): plain data only. */
  loadContext: Record<string, string>;
  /** The browser accepts gzip (Express's negotiation, as `compression` does it): the thread compresses the page (compress.ts). */
  acceptsGzip: boolean;
};

export type ToRenderThread = RenderRequest | { type: 'abort'; id: number };

export type FromRenderThread =
  | { type: 'ready' }
  | {
      type: 'rendered';
      id: number;
      status: number;
      statusText: string;
      /** Every header as the response holds it; `set-cookie` once per cookie. */
      headers: [string, string][];
      body: Uint8Array | null;
    }
  | { type: 'failed'; id: number; message: string }
  /** A loader edited a live document or changed someone's access: the main thread tells the real-time process. */
  | { type: 'live'; call: 'documentEdited'; name: string; update: Uint8Array }
  | { type: 'live'; call: 'recheckUser'; userId: number }
  | { type: 'live'; call: 'recheckAll' };

/** What a render thread is started with (`workerData`). */
export type RenderThreadData = {
  /** A module whose `createHandler(options)` resolves to the function that answers a request. */
  handlerModule: string;
  options: unknown;
};

/** The shape of a render thread's handler module. */
export type HandlerModule = {
  createHandler(options: unknown): Promise<(request: Request, loadContext: Record<string, string>) => Promise<Response>>;
};
