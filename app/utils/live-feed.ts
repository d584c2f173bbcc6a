/**
 * The browser side of `GET /live` (server/live): tells its subscriber when workspace
 * data changed and whether the stream is up. Browser-only; call from an effect.
 *
 * One stream per browser, not per tab: over HTTP/1.1 a browser opens at most six
 * connections to one origin, shared by all its tabs, and an open stream holds one for
 * good — six Koers tabs would leave none for loading pages. So the tabs elect a leader
 * with a Web Lock; the leader holds the stream and passes what it hears to the other
 * tabs over a BroadcastChannel. When the leader tab closes, its lock is released and
 * the next tab takes over. Without these APIs every tab holds its own stream.
 */

export type LiveSignal =
  /**
   * Workspace data changed (or may have, while the stream was down). `spreadMs`: the
   * server's spread window (server/live/spread.ts) — wait a random part of it before
   * going back to the server, so the open pages of all viewers do not arrive at once.
   */
  | {
      type: 'change';
      spreadMs: number;
      unread?: number;
      /** The actions whose pages changed; absent: any page may have (server/live, decision 028). */
      actions?: number[];
    }
  /** The stream is up (`true`) or broken and being re-established (`false`). */
  | { type: 'connection'; up: boolean };

/** What goes over the channel between tabs: the stream's events with the data version. */
type Message = { type: 'ready'; version: string } | ({ type: 'change' } & ChangeData) | { type: 'down' };

const LOCK = 'koers-live-stream';
const CHANNEL = 'koers-live';
const ENDPOINT = '/live';
/**
 * The server pings every 25 s (server/live). A connection that stays silent much longer
 * died without closing (a laptop that slept, a changed network): open a new one.
 */
const SILENCE_MS = 65_000;
/** Retry after a refused stream (401 after logout, 429, 503 at shutdown), doubling up to the max. */
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

/** Changes that arrive together (a form that saves several rows) cause one revalidation. */
export const DEBOUNCE_MS = 150;

/**
 * When to revalidate after a change: after the debounce plus a random part of the
 * server's spread window (server/live/spread.ts), so that the pages of all viewers reach
 * the server one after another instead of in the same few milliseconds.
 */
export function revalidationDelayMs(spreadMs: number, random: () => number = Math.random): number {
  return DEBOUNCE_MS + Math.floor(random() * Math.max(0, spreadMs));
}

export function subscribeToLiveFeed(listener: (signal: LiveSignal) => void): () => void {
  // The data version this tab last heard; a 'ready' with another version means changes
  // were missed (the stream was down, the leader changed, the server restarted).
  let version: string | null = null;
  const receive = (message: Message) => {
    if (message.type === 'down') return listener({ type: 'connection', up: false });
    const missed = message.type === 'ready' && version !== null && version !== message.version;
    version = message.version;
    if (message.type === 'ready') listener({ type: 'connection', up: true });
    // Missed changes are old news: no reason to wait before catching up.
    if (message.type === 'change')
      listener({ type: 'change', spreadMs: message.spreadMs, unread: message.unread, actions: message.actions });
    else if (missed) listener({ type: 'change', spreadMs: 0 });
  };

  const canShare = typeof BroadcastChannel !== 'undefined' && typeof navigator !== 'undefined' && 'locks' in navigator;
  if (!canShare) return openStream(receive);

  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<Message>) => receive(event.data);
  const leaving = new AbortController();
  navigator.locks
    .request(LOCK, { signal: leaving.signal }, async () => {
      // Granted after this tab unsubscribed (React's development mode subscribes, leaves
      // and subscribes again at once): let the lock go at once, or the stream would stay
      // open for a subscriber that is gone and keep the lock from the one that came back.
      if (leaving.signal.aborted) return;
      const stop = openStream((message) => {
        receive(message);
        if (!leaving.signal.aborted) channel.postMessage(message);
      });
      // Hold the lock (and the stream) until this tab unsubscribes or closes.
      await new Promise((resolve) => leaving.signal.addEventListener('abort', resolve, { once: true }));
      stop();
    })
    .catch(() => {
      // Aborted while waiting for the lock: this tab unsubscribed before it led.
    });
  return () => {
    leaving.abort();
    channel.close();
  };
}

/** Opens the EventSource and keeps it open; returns the function that closes it. */
function openStream(emit: (message: Message) => void): () => void {
  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryMs = FIRST_RETRY_MS;

  let heardAt = Date.now();

  const connect = () => {
    heardAt = Date.now();
    source = new EventSource(ENDPOINT);
    source.addEventListener('ready', (event) => {
      heardAt = Date.now();
      retryMs = FIRST_RETRY_MS;
      emit({ type: 'ready', version: (event as MessageEvent<string>).data });
    });
    source.addEventListener('change', (event) => {
      heardAt = Date.now();
      emit({ type: 'change', ...parseChange((event as MessageEvent<string>).data) });
    });
    source.addEventListener('ping', () => {
      heardAt = Date.now();
    });
    source.onerror = () => {
      emit({ type: 'down' });
      // A network error: the browser reconnects by itself. A refused stream (an HTTP
      // error status) it gives up on, so retry here, slower each time.
      if (source?.readyState !== EventSource.CLOSED) return;
      source.close();
      retryTimer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
  };
  connect();
  const watchdog = setInterval(() => {
    if (source?.readyState !== EventSource.OPEN || Date.now() - heardAt < SILENCE_MS) return;
    source.close();
    emit({ type: 'down' });
    connect();
  }, SILENCE_MS / 4);

  return () => {
    clearInterval(watchdog);
    clearTimeout(retryTimer);
    source?.close();
  };
}

/**
 * The actions named by the events heard so far (`before`), after one more event: their
 * union while every event names its actions, null (any page may have changed) from the
 * first event that does not.
 */
export function withNamedActions(before: ReadonlySet<number> | null, named: number[] | undefined): ReadonlySet<number> | null {
  return before && named ? new Set([...before, ...named]) : null;
}

/** What a `change` event says (server/live/spread.ts `ChangeEventData`). */
export type ChangeData = { version: string; spreadMs: number; unread?: number; actions?: number[] };

/**
 * A `change` event's data: `{"version":…,"spreadMs":…,"unread":…,"actions":[…]}`
 * (server/live); a bare version from an older server. A part that is missing or malformed
 * is left out, which for `actions` means the safe reading: any page may have changed.
 */
export function parseChange(data: string): ChangeData {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
      const spreadMs = 'spreadMs' in parsed && typeof parsed.spreadMs === 'number' && parsed.spreadMs > 0 ? parsed.spreadMs : 0;
      const unread =
        'unread' in parsed && Number.isInteger(parsed.unread) && (parsed.unread as number) >= 0 ? (parsed.unread as number) : undefined;
      const actions =
        'actions' in parsed && Array.isArray(parsed.actions) && parsed.actions.every((id) => Number.isInteger(id) && id > 0)
          ? (parsed.actions as number[])
          : undefined;
      return {
        version: parsed.version,
        spreadMs,
        ...(unread !== undefined && { unread }),
        ...(actions !== undefined && { actions }),
      };
    }
  } catch {
    // Not JSON: the version itself.
  }
  return { version: data, spreadMs: 0 };
}
