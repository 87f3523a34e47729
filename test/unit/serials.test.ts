/** Serials: a number per object, the same on every ask, different between objects. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Serials } from '../../server/src/syntax/serials';

describe('Serials', () => {
  it('numbers each object once, and tells an object by its number', () => {
    const serials = new Serials<object>();
    const a = {};
    const b = {};
    const n = serials.of(a);
    assert.equal(serials.of(a), n, 'asked again: the same number');
    assert.notEqual(serials.of(b), n);
    assert.ok(serials.is(a, n));
    assert.ok(!serials.is(b, n));
    assert.ok(!serials.is({}, n), 'an object never numbered has no number');
    assert.ok(!new Serials<object>().is(a, n), 'numbers belong to their Serials');
  });
});
