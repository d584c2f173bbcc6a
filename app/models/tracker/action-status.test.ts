import { describe, expect, it } from 'vitest';

import { ACTION_STATUSES, type ActionStatus, CLOSED_ACTION_STATUSES, isClosedStatus, progressForStatus } from './action-status';
import { isActionOverdue, isDueBy, withOverdue } from './deadline';

describe('closed statuses', () => {
  it('are afgerond and vervallen, and only those', () => {
    expect(CLOSED_ACTION_STATUSES).toEqual(['afgerond', 'vervallen']);
    expect(ACTION_STATUSES.filter(isClosedStatus)).toEqual(CLOSED_ACTION_STATUSES);
  });
});

describe('progressForStatus: afgerond is 100 %', () => {
  it.each<[ActionStatus, number, number]>([
    ['afgerond', 60, 100],
    ['afgerond', 0, 100],
    ['afgerond', 100, 100],
    ['loopt', 60, 60],
    ['niet_gestart', 0, 0],
    ['besluit_nodig', 40, 40],
    ['vervallen', 30, 30],
  ])('%s with %i %% → %i %%', (status, progress, expected) => {
    expect(progressForStatus(status, progress)).toBe(expected);
  });
});

describe('deadline rules of an action', () => {
  const today = '2024-06-15';
  const action = (deadlineEnd: string | null, status: ActionStatus = 'loopt') => ({ deadlineEnd, status });

  it.each<[string | null, ActionStatus, boolean]>([
    ['2024-06-14', 'loopt', true],
    ['2024-06-14', 'besluit_nodig', true],
    ['2024-06-15', 'loopt', false],
    ['2024-06-14', 'afgerond', false],
    ['2024-06-14', 'vervallen', false],
    [null, 'niet_gestart', false],
  ])('ending %s, %s: overdue %s', (end, status, expected) => {
    expect(isActionOverdue(action(end, status), today)).toBe(expected);
  });

  it('withOverdue marks each row and keeps the rest of it', () => {
    const rows = [
      { id: 1, ...action('2024-01-01') },
      { id: 2, ...action('2024-12-31') },
      { id: 3, ...action('2024-01-01', 'afgerond') },
    ];
    expect(withOverdue(rows, today)).toEqual([
      { id: 1, deadlineEnd: '2024-01-01', status: 'loopt', overdue: true },
      { id: 2, deadlineEnd: '2024-12-31', status: 'loopt', overdue: false },
      { id: 3, deadlineEnd: '2024-01-01', status: 'afgerond', overdue: false },
    ]);
  });

  it.each<[string | null, ActionStatus, boolean]>([
    ['2024-06-15', 'loopt', true], // ends today: still in time, and due
    ['2024-06-22', 'niet_gestart', true], // the last day counted
    ['2024-06-23', 'loopt', false], // after the last day
    ['2024-06-14', 'loopt', false], // already overdue, not "ending soon"
    ['2024-06-20', 'afgerond', false],
    ['2024-06-20', 'vervallen', false],
    [null, 'loopt', false],
  ])('ending %s, %s: due by 2024-06-22 %s', (end, status, expected) => {
    expect(isDueBy(action(end, status), today, '2024-06-22')).toBe(expected);
  });
});
