import { describe, expect, it } from 'vitest';
import { memoizeByObject } from '../../src/engine/memo.js';

describe('memoizeByObject', () => {
  it('computes once per key object, falsy answers included, and apart for each object', () => {
    const calls: object[] = [];
    const answer = memoizeByObject((key: { n: number }) => {
      calls.push(key);
      return key.n === 0 ? '' : key.n;
    });
    const zero = { n: 0 };
    const one = { n: 1 };
    expect([answer(zero), answer(zero), answer(one), answer(one), answer({ n: 1 })]).toEqual(['', '', 1, 1, 1]);
    expect(calls).toEqual([zero, one, { n: 1 }]);
  });
});
