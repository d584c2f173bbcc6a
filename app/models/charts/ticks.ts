/**
 * Axis domains and ticks, from d3-scale: "nice" round bounds and 3–6 round steps.
 */
import { scaleLinear } from 'd3-scale';

export type Axis = { domain: [number, number]; ticks: number[] };

/**
 * A nice domain that holds `low` and `high`, and its ticks. Counts (`integers`) get whole
 * steps only; an empty range (all zero) becomes 0–1 so the drawing still has an axis.
 */
export function axisTicks(low: number, high: number, options: { integers?: boolean; count?: number } = {}): Axis {
  const count = options.count ?? 5;
  let from = Math.min(low, high);
  let to = Math.max(low, high);
  if (!Number.isFinite(from) || !Number.isFinite(to)) [from, to] = [0, 1];
  if (from === to) {
    if (from === 0) to = 1;
    else if (from > 0) from = 0;
    else to = 0;
  }
  const scale = scaleLinear().domain([from, to]).nice(count);
  let ticks = scale.ticks(count);
  let domain = scale.domain() as [number, number];
  if (options.integers) {
    // Small counts: d3 would step by 0.5 or 0.2; whole steps of at least 1 instead.
    ticks = ticks.filter(Number.isInteger);
    domain = [Math.floor(domain[0]), Math.ceil(domain[1])];
    if (ticks.length < 2) ticks = [domain[0], domain[1]];
    if (ticks[0] > domain[0]) ticks.unshift(domain[0]);
    if (ticks[ticks.length - 1] < domain[1]) ticks.push(domain[1]);
  }
  // No "-0" on an axis.
  return { domain, ticks: ticks.map((tick) => (Object.is(tick, -0) ? 0 : tick)) };
}
