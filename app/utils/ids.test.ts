import { describe, expect, it } from 'vitest';

import { parseId, parseIdList } from './ids';

describe('parseId', () => {
  it.each<[string | null | undefined, number | null]>([
    ['1', 1],
    ['42', 42],
    ['999999999999999', 999_999_999_999_999], // 15 digits: still exact
    ['9999999999999999', null], // 16 digits: too long to be an id
    ['0', null],
    ['007', null],
    ['-3', null],
    ['1e3', null],
    ['12abc', null],
    [' 12', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (value, expected) => {
    expect(parseId(value)).toBe(expected);
  });
});

describe('parseIdList', () => {
  it('keeps the ids and skips what is not one', () => {
    expect(parseIdList('3,17,x,0,40')).toEqual([3, 17, 40]);
    expect(parseIdList('')).toEqual([]);
    expect(parseIdList(null)).toEqual([]);
  });
});
