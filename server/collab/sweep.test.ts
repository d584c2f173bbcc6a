import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { startSweep, type Sweep } from './sweep';

describe('startSweep', () => {
  let sweep: Sweep | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    sweep?.stop();
    vi.useRealTimers();
  });

  it('visits every item once per interval, a slice at a time', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const visited: number[] = [];
    sweep = startSweep(
      () => items,
      (item) => visited.push(item),
      { intervalMs: 1_000, sliceEveryMs: 250 },
    );

    vi.advanceTimersByTime(250);
    expect(visited).toEqual([0, 1, 2]);
    vi.advanceTimersByTime(500);
    expect(visited).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    vi.advanceTimersByTime(250);
    expect(visited).toEqual(items);
    vi.advanceTimersByTime(1_000);
    expect(visited).toEqual([...items, ...items]);
  });

  it('leaves items that arrive during a round for the next round', () => {
    const items = new Set(['a', 'b']);
    const visited: string[] = [];
    sweep = startSweep(
      () => items,
      (item) => visited.push(item),
      { intervalMs: 1_000, sliceEveryMs: 500 },
    );

    vi.advanceTimersByTime(500);
    items.add('c');
    vi.advanceTimersByTime(500);
    expect(visited).toEqual(['a', 'b']);
    vi.advanceTimersByTime(1_000);
    expect(visited).toEqual(['a', 'b', 'a', 'b', 'c']);
  });

  it('stops visiting when stopped', () => {
    const visit = vi.fn();
    sweep = startSweep(() => [1, 2, 3], visit, { intervalMs: 100 });
    sweep.stop();
    vi.advanceTimersByTime(1_000);
    expect(visit).not.toHaveBeenCalled();
  });
});
