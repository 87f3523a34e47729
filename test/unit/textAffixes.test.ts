/**
 * Common prefixes and suffixes, found by chunks that grow and shrink, agree
 * with a character-by-character search, across chunk boundaries.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { commonPrefix, commonSuffix } from '../../server/src/syntax/textAffixes';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 500);

function naivePrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function naiveSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n < max && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Text of some length, most of it shared: a run of one letter, so that chunk edges fall anywhere. */
const part = fc.tuple(fc.nat({ max: 5000 }), fc.constantFrom('a', 'b', 'é')).map(([n, c]) => c.repeat(n));

describe('common prefix and suffix', () => {
  it('agree with a character-by-character search', () => {
    fc.assert(
      fc.property(part, part, part, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (head, middle, tail, x, y) => {
        const a = head + x + middle + tail;
        const b = head + y + middle + tail;
        const prefix = commonPrefix(a, b);
        assert.equal(prefix, naivePrefix(a, b));
        const max = Math.min(a.length, b.length) - prefix;
        assert.equal(commonSuffix(a, b, max), naiveSuffix(a, b, max));
      }),
      { numRuns: RUNS },
    );
  });

  it('handles empty and equal texts', () => {
    assert.equal(commonPrefix('', 'abc'), 0);
    assert.equal(commonPrefix('abc', 'abc'), 3);
    assert.equal(commonSuffix('abc', 'abc', 0), 0);
    assert.equal(commonSuffix('xabc', 'yabc', 4), 3);
    const long = 'q'.repeat(100_000);
    assert.equal(commonPrefix(long, `${long}!`), long.length);
    assert.equal(commonSuffix(`!${long}`, long, long.length), long.length);
  });
});
