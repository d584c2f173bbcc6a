import { describe, expect, it } from 'vitest';

import { timelinePages } from './timeline-pages';

const goals = (...rows: number[]) => rows.map((n, i) => ({ id: i + 1, rows: n }));

describe('timelinePages', () => {
  it('keeps everything on one page when it fits', () => {
    expect(timelinePages(goals(7, 6, 4, 3), 50)).toEqual([[1, 2, 3, 4]]);
    expect(timelinePages([], 50)).toEqual([[]]);
  });

  it('fills a page with whole goals, up to the page size', () => {
    expect(timelinePages(goals(20, 20, 10, 20, 31), 50)).toEqual([[1, 2, 3], [4], [5]]);
  });

  it('gives a goal with more rows than a page a page of its own, never split', () => {
    expect(timelinePages(goals(5, 80, 5), 50)).toEqual([[1], [2], [3]]);
  });

  it('keeps goals with nothing to show on the page they fall on', () => {
    expect(timelinePages(goals(0, 30, 0, 20, 0, 1), 50)).toEqual([[1, 2, 3, 4, 5], [6]]);
  });
});
