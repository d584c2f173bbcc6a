import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { type LiveSignal, subscribeToLiveFeed } from './live-feed';

// The tab that holds the Web Lock holds the stream (app/utils/live-feed.ts). Node has
// BroadcastChannel; the lock manager and EventSource are stand-ins that behave as a
// browser's do where it matters: a lock granted before its request is aborted still runs
// its callback, later and asynchronously.
class FakeEventSource {
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.OPEN;
  onerror: (() => void) | null = null;
  private readonly handlers = new Map<string, (event: { data: string }) => void>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, handler: (event: { data: string }) => void) {
    this.handlers.set(type, handler);
  }
  send(type: string, data: string) {
    this.handlers.get(type)?.({ data });
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
}

function fakeLocks() {
  let held = false;
  const waiting: Array<() => void> = [];
  return {
    get held() {
      return held;
    },
    request(_name: string, options: { signal: AbortSignal }, callback: () => Promise<unknown>) {
      return new Promise((resolve, reject) => {
        const grant = () => {
          held = true;
          // Granted: the callback runs in a later task, whatever the signal does meanwhile.
          setTimeout(() => {
            void callback().then((value) => {
              held = false;
              waiting.shift()?.();
              resolve(value);
            });
          }, 0);
        };
        if (options.signal.aborted) return reject(new DOMException('aborted', 'AbortError'));
        if (!held) return grant();
        waiting.push(grant);
        options.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      });
    },
  };
}

let locks: ReturnType<typeof fakeLocks>;
beforeEach(() => {
  FakeEventSource.opened = [];
  locks = fakeLocks();
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('navigator', { locks });
});
afterEach(() => vi.unstubAllGlobals());

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the live stream of a tab that leaves as soon as it subscribed', () => {
  it('is not opened, lets the lock go, and the tab subscribing again gets the stream and its events', async () => {
    const gone: LiveSignal[] = [];
    const leave = subscribeToLiveFeed((signal) => gone.push(signal));
    leave(); // before the lock's callback ran, as React's development mode does
    const heard: LiveSignal[] = [];
    const leaveAgain = subscribeToLiveFeed((signal) => heard.push(signal));
    await tick();
    await tick();

    const open = FakeEventSource.opened.filter((source) => source.readyState === FakeEventSource.OPEN);
    expect(open).toHaveLength(1);
    open[0]!.send('ready', '7');
    open[0]!.send('change', '{"version":"8","spreadMs":0}');
    expect(heard).toEqual([
      { type: 'connection', up: true },
      { type: 'change', spreadMs: 0, unread: undefined, actions: undefined },
    ]);
    expect(gone).toEqual([]);

    leaveAgain();
    await tick();
    expect(open[0]!.readyState).toBe(FakeEventSource.CLOSED);
    expect(locks.held).toBe(false);
  });
});
