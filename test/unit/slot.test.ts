/**
 * Slots: a value kept on the object itself, invisible to every reader of the
 * object, separate per slot (even with the same name), gone with the object.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Slot } from '../../server/src/syntax/slot';

describe('Slot', () => {
  it('keeps a value per object, hidden from keys, spread, JSON and deep equality', () => {
    const slot = new Slot<object, number[]>('cache');
    const a = { x: 1 };
    const b = { x: 1 };
    assert.equal(slot.get(a), undefined);
    slot.set(a, [1]);
    assert.deepEqual(slot.get(a), [1]);
    assert.equal(slot.get(b), undefined, 'another object has its own');
    assert.deepEqual(Object.keys(a), ['x']);
    assert.deepEqual({ ...a }, { x: 1 });
    assert.equal(JSON.stringify(a), '{"x":1}');
    assert.deepStrictEqual(a, b);
    slot.set(a, [2]);
    assert.deepEqual(slot.get(a), [2], 'set again replaces the value');
  });

  it('makes a missing value once, from the object, and keeps it', () => {
    const slot = new Slot<{ n: number }, number[]>('made');
    const object = { n: 3 };
    let calls = 0;
    const make = (o: { n: number }) => {
      calls++;
      return [o.n];
    };
    const first = slot.ensure(object, make);
    assert.deepEqual(first, [3]);
    assert.equal(slot.ensure(object, make), first, 'the kept value, not a new one');
    assert.equal(calls, 1);
    assert.equal(slot.get(object), first);
  });

  it('keeps two slots of the same name apart', () => {
    const one = new Slot<object, string>('same');
    const two = new Slot<object, string>('same');
    const object = {};
    one.set(object, 'one');
    two.set(object, 'two');
    assert.deepEqual([one.get(object), two.get(object)], ['one', 'two']);
  });
});
