/**
 * How long the browsers may take to revalidate after one change, so that N open pages
 * do not send N requests to the one Node thread in the same few milliseconds.
 *
 * Each browser waits a random part of the window (app/components/layout/live-updates.tsx),
 * so the server answers a steady flow instead of a wall: the last of N revalidations no
 * longer waits for the N − 1 before it (docs/scaling.md, "Where it breaks first"). The
 * price is freshness: a page shows a change up to the window later. A few streams
 * (a working group on its own) get almost no delay; from 167 streams on, at most 2 s —
 * about the time between two writes in a busy meeting, so bursts do not overlap.
 *
 * 12 ms per stream is about what one revalidation costs the server's thread on the
 * 2-core benchmark machine (11–13 ms CPU per page request, docs/benchmarks.md), so the
 * window is about as long as the work it spreads. At 4 ms per stream, 50 browsing users
 * had a revalidation p95 of 369 ms and notes p99 of 173 ms; at 12 ms, 137 and 55 ms
 * (`npm run bench:capacity`, same quiet machine, 5 December 2026).
 */
export const SPREAD_MS_PER_STREAM = 12;
export const MAX_SPREAD_MS = 2000;

export function spreadWindowMs(openStreams: number): number {
  return Math.min(MAX_SPREAD_MS, Math.max(0, openStreams) * SPREAD_MS_PER_STREAM);
}

/**
 * What a `change` event carries: the new data version, the spread window, the listener's
 * own count of unread notifications (the header shows it; app/root.tsx), and — when every
 * write since the last event is accounted for — the actions whose pages changed
 * (`actions`; absent: any page may have; decision 028).
 */
export type ChangeEventData = { version: string; spreadMs: number; unread: number; actions?: number[] };
