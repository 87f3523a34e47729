/**
 * The per-parse interner: one string per distinct short text, read in place.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INTERN_MAX, Interner, own } from '../../server/src/syntax/interner';

describe('Interner', () => {
  test('the same characters give the string first made for them, different ones their own', () => {
    const text = 'foo bar foo fo foox';
    const interner = new Interner(text, false);
    assert.equal(interner.get(0, 3), 'foo');
    assert.equal(interner.get(8, 11), 'foo');
    assert.equal(interner.get(4, 7), 'bar');
    assert.equal(interner.get(12, 14), 'fo');
    assert.equal(interner.get(15, 19), 'foox');
    assert.equal(interner.get(0, 0), '');
  });

  test('thousands of distinct texts survive the table growing', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}_${(i * 7919) % 1000}`);
    const text = words.join(' ');
    const interner = new Interner(text, true);
    let at = 0;
    const offsets = words.map((w) => {
      const start = at;
      at += w.length + 1;
      return start;
    });
    for (let round = 0; round < 2; round++) {
      words.forEach((w, i) => assert.equal(interner.get(offsets[i] as number, (offsets[i] as number) + w.length), w));
    }
  });

  test('texts longer than INTERN_MAX are copied, not looked up', () => {
    const long = 'x'.repeat(INTERN_MAX + 5);
    const interner = new Interner(`${long} ${long}`, false);
    assert.equal(interner.get(0, long.length), long);
    assert.equal(interner.get(long.length + 1, 2 * long.length + 1), long);
  });

  test('own keeps the characters', () => {
    assert.equal(own('short'), 'short');
    assert.equal(own('a string of more than thirteen characters'), 'a string of more than thirteen characters');
  });
});
