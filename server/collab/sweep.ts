/**
 * Visits every item of a changing collection once per interval, a slice at a time.
 *
 * The periodic work on connections (the ping, re-checking sessions and rights) costs
 * 40–150 µs per connection; done for all of them in one go, 300 connections stalled the
 * relay of every document for 10–50 ms (measured with bench:collab). Spread over the
 * interval, each slice takes well under a millisecond.
 */
export type Sweep = { stop(): void };

export function startSweep<T>(
  items: () => Iterable<T>,
  visit: (item: T) => void,
  { intervalMs, sliceEveryMs = Math.min(250, intervalMs) }: { intervalMs: number; sliceEveryMs?: number },
): Sweep {
  const slicesPerRound = Math.max(1, Math.round(intervalMs / sliceEveryMs));
  let round: T[] = [];
  let next = 0;
  let slice = 0;

  const timer = setInterval(() => {
    // A round works on the items there were when it began; later ones wait for the next.
    if (slice === 0) {
      round = [...items()];
      next = 0;
    }
    slice = (slice + 1) % slicesPerRound;
    const end = slice === 0 ? round.length : Math.min(round.length, next + Math.ceil(round.length / slicesPerRound));
    for (; next < end; next++) visit(round[next]);
    if (slice === 0) round = [];
  }, sliceEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
