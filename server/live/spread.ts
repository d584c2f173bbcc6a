/**
 * How long the browsers may take to revalidate after one change, so that N open pages
 * do not send N requests to the one Node thread in the same few milliseconds.
 *
 * Each browser waits a random part of the window (app/components/layout/live-updates.tsx),
 * so the server answers a steady flow instead of a wall: the last of N revalidations no
 * longer waits for the N − 1 before it (docs/scaling.md, "Where it breaks first"). The
 * price is freshness: a page shows a change up to the window later. A few streams
 * (a working group on its own) get almost no delay; from 500 streams on, at most 2 s —
 * about the time between two writes in a busy meeting, so bursts do not overlap.
 */
export const SPREAD_MS_PER_STREAM = 4;
export const MAX_SPREAD_MS = 2000;

export function spreadWindowMs(openStreams: number): number {
  return Math.min(MAX_SPREAD_MS, Math.max(0, openStreams) * SPREAD_MS_PER_STREAM);
}

/**
 * What a `change` event carries: the new data version, the spread window, and the
 * listener's own count of unread notifications (the header shows it; app/root.tsx).
 */
export type ChangeEventData = { version: string; spreadMs: number; unread: number };
