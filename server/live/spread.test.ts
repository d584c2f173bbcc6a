import { describe, expect, it } from 'vitest';

import { parseChange, revalidationDelayMs } from '../../app/utils/live-feed';
import { MAX_SPREAD_MS, spreadWindowMs } from './spread';

describe('the spread window of a change', () => {
  it('grows with the open streams: almost nothing for a working group, up to 2 s for a crowd', () => {
    expect(spreadWindowMs(0)).toBe(0);
    expect(spreadWindowMs(1)).toBe(12);
    expect(spreadWindowMs(12)).toBe(144);
    expect(spreadWindowMs(100)).toBe(1200);
    expect(spreadWindowMs(500)).toBe(MAX_SPREAD_MS);
    expect(spreadWindowMs(5000)).toBe(MAX_SPREAD_MS);
  });

  it('travels in the change event and is read back by the browser, also from an older server', () => {
    expect(parseChange(JSON.stringify({ version: '3:120', spreadMs: 400 }))).toEqual({ version: '3:120', spreadMs: 400 });
    expect(parseChange('3:120')).toEqual({ version: '3:120', spreadMs: 0 });
    expect(parseChange('17')).toEqual({ version: '17', spreadMs: 0 });
    expect(parseChange(JSON.stringify({ version: '3:1', spreadMs: -5 }))).toEqual({ version: '3:1', spreadMs: 0 });
  });

  it('each browser waits the debounce plus a random part of the window, never longer than both', () => {
    expect(revalidationDelayMs(0, () => 0.99)).toBe(150);
    expect(revalidationDelayMs(2000, () => 0)).toBe(150);
    expect(revalidationDelayMs(2000, () => 0.5)).toBe(1150);
    expect(revalidationDelayMs(2000, () => 0.9999)).toBeLessThan(150 + 2000);
  });

  it('spreads 500 browsers evenly: no 100 ms slice of the window gets much more than its share', () => {
    const slices = new Array<number>(20).fill(0);
    for (let i = 0; i < 500; i++) slices[Math.floor((revalidationDelayMs(spreadWindowMs(500)) - 150) / 100)]! += 1;
    // 25 per slice on average; a burst of N would put all 500 in one.
    expect(Math.max(...slices)).toBeLessThan(60);
  });
});
