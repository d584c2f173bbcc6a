/**
 * The simulated people of the capacity benchmark (bench/capacity.ts) that use pages:
 *
 * - A *browsing user* holds the live stream `GET /live` open (its own session) and views
 *   pages with think time between them. On every `change` event it revalidates the page
 *   it shows, as app/components/layout/live-updates.tsx does in the browser: 150 ms
 *   debounce plus a random part of the event's spread window (server/live/spread.ts),
 *   a wait already running is kept, never while a view or revalidation of its own is in
 *   flight (then once more right after), by fetching the page's single-fetch data URL
 *   (`/acties.data?…&_routes=routes/acties._index`, `/_root.data?_routes=routes/_index`
 *   for `/`), which runs the same loader the browser's revalidator runs after a live event.
 *   As in the browser, an action page sends nothing when the events it heard named other
 *   actions only (app/routes/acties.$actionId.tsx `shouldRevalidate`, decision 028).
 * - The *tracker changer*: one werkgroeplid who moves an action to another status
 *   every few seconds through the board's form (`POST /bord.data`, the request the
 *   board's fetcher sends).
 *
 * All of them live in the benchmark's process and share one clock, so "push →
 * revalidated" is measured from the moment the change was sent to the moment each
 * user's revalidation finished.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

import { type ChangeData, parseChange, revalidationDelayMs, withNamedActions } from '../app/utils/live-feed';
import { request, type Response } from './load';

/** What a page view or revalidation asks for; `kind` groups the results. */
export type Page = { kind: PageKind; path: string };
export type PageKind = 'overview' | 'list' | 'action' | 'search';
export const PAGE_KINDS: readonly PageKind[] = ['overview', 'list', 'action', 'search'];

/** The route whose loader a page's live revalidation runs (the root's does not: app/root.tsx). */
const ROUTE_OF: Record<PageKind, string> = {
  overview: 'routes/_index',
  list: 'routes/acties._index',
  search: 'routes/zoeken',
  action: 'routes/acties.$actionId',
};

/**
 * The browser's revalidation URL of a page after a live event (Remix single fetch:
 * `singleFetchUrl`, plus `_routes` because the root opts out), e.g.
 * `/acties.data?status=loopt&_routes=routes%2Facties._index`.
 */
export function dataUrl(page: Page): string {
  const url = new URL(page.path, 'http://x');
  url.pathname = url.pathname === '/' ? '/_root.data' : `${url.pathname.replace(/\/$/, '')}.data`;
  url.searchParams.set('_routes', ROUTE_OF[page.kind]);
  return url.pathname + url.search;
}

/** What the browser waits before reconnecting a broken stream (server/live `retry`). */
const RECONNECT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 30_000;

export type Change = { index: number; sentAt: number };

/** Everything measured, appended while `recording` is on. */
export class Recorder {
  recording = false;
  firstView: Record<PageKind, number[]> = emptyByKind();
  revalidation: Record<PageKind, number[]> = emptyByKind();
  /** Per (user, change): sent → the user's revalidation that started after hearing it finished. */
  pushToRevalidated: number[] = [];
  /** Per (user, change): an action page the change's event did not name, so it stayed as it was. */
  spared = 0;
  errors = 0;
  firstError: string | null = null;
  streamDrops = 0;
  /** Page requests answered while recording (also those that started before the window). */
  served = 0;

  reset() {
    this.served = 0;
    this.firstView = emptyByKind();
    this.revalidation = emptyByKind();
    this.pushToRevalidated = [];
    this.spared = 0;
    this.errors = 0;
    this.firstError = null;
    this.streamDrops = 0;
  }

  error(message: string) {
    if (!this.recording) return;
    this.errors += 1;
    this.firstError ??= message;
  }
}

function emptyByKind(): Record<PageKind, number[]> {
  return { overview: [], list: [], action: [], search: [] };
}

function problemOf(response: Response): string | null {
  if (response.status >= 300 && response.status < 400) return `HTTP ${response.status} → ${String(response.headers.location)}`;
  if (response.status !== 200) return `HTTP ${response.status}`;
  if (response.body.length === 0) return 'leeg antwoord';
  return null;
}

/** Changes sent so far, in order; a stream event announces the ones sent since the previous event. */
export class ChangeLog {
  readonly changes: Change[] = [];
  /** The changes measured, [from, to): the ones every user should revalidate for. */
  recordedFrom = Infinity;
  recordedTo = Infinity;

  measured(change: Change): boolean {
    return change.index >= this.recordedFrom && change.index < this.recordedTo;
  }

  add(sentAt: number): Change {
    const change = { index: this.changes.length, sentAt };
    this.changes.push(change);
    return change;
  }
}

export type UserOptions = {
  origin: string;
  cookie: string;
  /** Picks the next page (seeded by the caller). */
  nextPage: () => Page;
  /** Think time before the next view, ms. */
  thinkMs: () => number;
  /** Delay before the first view (spreads a level's new users over its warm-up). */
  startDelayMs: number;
  recorder: Recorder;
  changes: ChangeLog;
  /** Whether an action page trusts the events' named actions (false: as before decision 028, to compare). */
  namedActions: boolean;
};

export class BrowsingUser {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  private stream: http.ClientRequest | null = null;
  private current: Page | null = null;
  private busy = false;
  private stopped = false;
  private debounce: NodeJS.Timeout | null = null;
  private thinking: NodeJS.Timeout | null = null;
  /** Changes heard but not yet covered by a revalidation that started after them. */
  private pending = new Map<number, Change>();
  /** The actions the events behind `pending` named; null once one named none (any page). */
  private pendingActions: ReadonlySet<number> | null = new Set();
  private lastHeard = -1;
  streamOpen = false;

  constructor(private readonly o: UserOptions) {}

  start() {
    // Changes made before this person arrived are not theirs to hear about.
    this.lastHeard = this.o.changes.changes.length - 1;
    this.openStream();
    this.thinking = setTimeout(() => void this.view(), this.o.startDelayMs);
  }

  stop() {
    this.stopped = true;
    if (this.debounce) clearTimeout(this.debounce);
    if (this.thinking) clearTimeout(this.thinking);
    this.stream?.destroy();
    this.agent.destroy();
  }

  // --- the live stream -----------------------------------------------------------

  private openStream() {
    if (this.stopped) return;
    const req = http.request(`${this.o.origin}/live`, {
      agent: false,
      headers: { cookie: this.o.cookie, accept: 'text/event-stream' },
    });
    this.stream = req;
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        this.o.recorder.error(`/live: HTTP ${res.statusCode}`);
        res.resume();
        return;
      }
      this.streamOpen = true;
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: change$/m.test(block)) this.heard(parseChange(/^data: (.*)$/m.exec(block)?.[1] ?? ''));
        }
      });
    });
    const reconnect = () => {
      if (this.stream !== req) return;
      this.stream = null;
      this.streamOpen = false;
      if (this.stopped) return;
      if (this.o.recorder.recording) this.o.recorder.streamDrops += 1;
      setTimeout(() => this.openStream(), RECONNECT_MS);
    };
    req.on('error', reconnect);
    req.on('close', reconnect);
    req.end();
  }

  /**
   * A `change` event announces every change sent since the last one heard (several may
   * arrive as one event when the server is slow to answer or to poll).
   */
  private heard({ spreadMs, actions }: ChangeData) {
    const all = this.o.changes.changes;
    for (let i = this.lastHeard + 1; i < all.length; i++) this.pending.set(i, all[i]!);
    this.lastHeard = all.length - 1;
    this.pendingActions = this.o.namedActions ? withNamedActions(this.pendingActions, actions) : null;
    // As the browser: a wait already running covers this change too.
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.revalidate();
    }, revalidationDelayMs(spreadMs));
  }

  // --- pages -----------------------------------------------------------------------

  private async fetch(path: string, accept: string): Promise<number | null> {
    const t0 = performance.now();
    const get = () =>
      request(this.o.origin + path, {
        agent: this.agent,
        headers: { cookie: this.o.cookie, accept, 'accept-encoding': 'gzip' },
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
    try {
      // A kept-alive socket the server closed after its idle timeout (5 s, shorter than
      // the think time) fails on reuse; browsers then retry once on a new one, so do we.
      const response = await get().catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNRESET' || error.message === 'socket hang up') return get();
        throw error;
      });
      const elapsed = performance.now() - t0;
      if (this.o.recorder.recording) this.o.recorder.served += 1;
      const problem = problemOf(response);
      if (problem) {
        this.o.recorder.error(`${path}: ${problem}`);
        return null;
      }
      return elapsed;
    } catch (error) {
      if (!this.stopped) this.o.recorder.error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /** A first view: the whole HTML document, as on opening or reloading the page. */
  private async view() {
    if (this.stopped) return;
    const page = this.o.nextPage();
    this.busy = true;
    const recording = this.o.recorder.recording;
    const elapsed = await this.fetch(page.path, 'text/html,application/xhtml+xml');
    this.busy = false;
    if (this.stopped) return;
    if (elapsed !== null && recording && this.o.recorder.recording) this.o.recorder.firstView[page.kind].push(elapsed);
    this.current = page;
    // The view may have read the data before a change it heard meanwhile: revalidate once more.
    if (this.pending.size > 0 && !this.debounce) void this.revalidate();
    this.thinking = setTimeout(() => void this.view(), this.o.thinkMs());
  }

  private async revalidate() {
    if (this.stopped || this.busy || this.pending.size === 0 || !this.current) return;
    const page = this.current;
    const covered = [...this.pending.values()];
    const changedActions = this.pendingActions;
    this.pending.clear();
    this.pendingActions = new Set();
    const shown = actionOf(page);
    if (shown !== null && changedActions !== null && !changedActions.has(shown)) {
      if (this.o.recorder.recording) this.o.recorder.spared += covered.filter((change) => this.o.changes.measured(change)).length;
      return;
    }
    this.busy = true;
    const recording = this.o.recorder.recording;
    const elapsed = await this.fetch(dataUrl(page), '*/*');
    const done = performance.now();
    this.busy = false;
    if (this.stopped) return;
    if (elapsed !== null && recording && this.o.recorder.recording) this.o.recorder.revalidation[page.kind].push(elapsed);
    // Also after the window closed: a change sent near its end is revalidated a little later.
    if (elapsed !== null)
      for (const change of covered) if (this.o.changes.measured(change)) this.o.recorder.pushToRevalidated.push(done - change.sentAt);
    if (this.pending.size > 0 && !this.debounce) void this.revalidate();
  }
}

/** The action an action page shows (`/acties/3001`), null for other pages. */
function actionOf(page: Page): number | null {
  if (page.kind !== 'action') return null;
  return Number(/^\/acties\/(\d+)/.exec(page.path)?.[1] ?? NaN) || null;
}

/** An action the changer moves, with the status it has at the start. */
export type MovableAction = { id: number; status: 'loopt' | 'besluit_nodig' };

/**
 * One werkgroeplid moving regional actions between two statuses on the board, every
 * `intervalMs`: the request the board's fetcher sends (`POST /bord.data`, form fields
 * intent, actionId, status; the Origin header passes the CSRF check).
 */
export class TrackerChanger {
  private timer: NodeJS.Timeout | null = null;
  private next = 0;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  sent = 0;
  failed = 0;
  firstError: string | null = null;
  latenciesMs: number[] = [];

  constructor(
    private readonly o: {
      origin: string;
      cookie: string;
      actions: MovableAction[];
      intervalMs: number;
      changes: ChangeLog;
    },
  ) {}

  start() {
    this.timer = setInterval(() => void this.change(), this.o.intervalMs);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.agent.destroy();
  }

  private async change() {
    const i = this.next++;
    const { id: actionId, status: initial } = this.o.actions[i % this.o.actions.length]!;
    // Each action alternates between the two, starting from the status it has, so every
    // move is a real change. (Moving an action to the status it already has changes
    // nothing: no live event, no revalidation, and the next change's push would count
    // for both.)
    const moved = Math.floor(i / this.o.actions.length) % 2 === 0;
    const status = moved === (initial === 'loopt') ? 'besluit_nodig' : 'loopt';
    const body = new URLSearchParams({ intent: 'move', actionId: String(actionId), status }).toString();
    const sentAt = performance.now();
    const change = this.o.changes.add(sentAt);
    try {
      const response = await request(`${this.o.origin}/bord.data`, {
        agent: this.agent,
        method: 'POST',
        body,
        timeoutMs: REQUEST_TIMEOUT_MS,
        headers: {
          cookie: this.o.cookie,
          origin: this.o.origin,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
        },
      });
      const ok = response.status === 200 && response.body.toString('utf8').includes('movedId');
      if (!ok) throw new Error(`HTTP ${response.status}: ${response.body.toString('utf8').slice(0, 200)}`);
      if (this.o.changes.measured(change)) {
        this.sent += 1;
        this.latenciesMs.push(performance.now() - sentAt);
      }
    } catch (error) {
      if (this.o.changes.measured(change)) this.failed += 1;
      this.firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
}
