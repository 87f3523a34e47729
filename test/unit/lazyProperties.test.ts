/**
 * Lazy properties: made on first read, then plain data; ordinary to every
 * reader; and defined with one shared accessor pair per name, never a getter
 * closure per object (those kept whole versions alive through V8's young
 * collections while typing).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyProperty, defineLazy, isPending, lazyState, pendingMaker } from '../../server/src/syntax/lazyProperties';

function counted(): { make: (state: { n: number }) => { a: number; b: number }; calls: () => number } {
  let calls = 0;
  return {
    make: (state) => {
      calls++;
      return { a: state.n, b: state.n * 2 };
    },
    calls: () => calls,
  };
}

describe('lazy properties', () => {
  it('makes every property of the object on the first read of any, once, then keeps plain data properties', () => {
    const { make, calls } = counted();
    const object = { kind: 'x' } as { kind: string; a?: number; b?: number };
    defineLazy(object, ['a', 'b'], { n: 3 }, make);
    assert.equal(calls(), 0);
    assert.deepEqual(lazyState(object), { n: 3 });
    assert.ok(isPending(object, 'a'));
    assert.equal(object.b, 6);
    assert.equal(object.a, 3);
    assert.equal(calls(), 1);
    assert.equal(lazyState(object), undefined, 'the state is let go once made');
    for (const key of ['a', 'b']) {
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      assert.equal(descriptor?.get, undefined, `${key} is a data property now`);
      assert.equal(descriptor?.enumerable, true);
    }
  });

  it('stays pending when making throws, and tries again on the next read', () => {
    let calls = 0;
    const object = {} as { a?: number };
    defineLazy(object, ['a'], undefined, () => {
      if (++calls === 1) throw new Error('not yet');
      return { a: 1 };
    });
    assert.throws(() => object.a, /not yet/);
    assert.ok(isPending(object, 'a'));
    assert.equal(object.a, 1);
    assert.equal(calls, 2);
  });

  it('is an ordinary enumerable property to spread, keys and JSON', () => {
    const object = { kind: 'x' };
    defineLazy(object, ['a', 'b'], { n: 1 }, counted().make);
    assert.deepEqual(Object.keys(object), ['kind', 'a', 'b']);
    assert.deepEqual({ ...object }, { kind: 'x', a: 1, b: 2 });
    assert.equal(JSON.stringify(object), '{"kind":"x","a":1,"b":2}');
  });

  it('shares one getter among all objects with the same lazy name', () => {
    const one = {};
    const two = {};
    defineLazy(one, ['a'], { n: 1 }, counted().make);
    defineLazy(two, ['a'], { n: 2 }, counted().make);
    const getter = Object.getOwnPropertyDescriptor(one, 'a')?.get;
    assert.equal(typeof getter, 'function');
    assert.equal(Object.getOwnPropertyDescriptor(two, 'a')?.get, getter);
    assert.deepEqual([(one as { a: number }).a, (two as { a: number }).a], [1, 2]);
  });

  it('sets only the assigned property when it is assigned before any read', () => {
    const { make, calls } = counted();
    const object = {} as { a?: number; b?: number };
    defineLazy(object, ['a', 'b'], { n: 5 }, make);
    object.a = 42;
    assert.equal(calls(), 0);
    assert.equal(object.a, 42);
    assert.equal(object.b, 10, 'the other one is still made');
    assert.equal(object.a, 42, 'making the others does not overwrite an assigned one');
  });

  it('lets the state go once every property is assigned', () => {
    const { make, calls } = counted();
    const object = {} as { a?: number; b?: number };
    defineLazy(object, ['a', 'b'], { n: 5 }, make);
    object.a = 1;
    assert.deepEqual(lazyState(object), { n: 5 }, 'b is still to be made');
    object.b = 2;
    assert.equal(lazyState(object), undefined);
    assert.deepEqual({ ...object }, { a: 1, b: 2 });
    assert.equal(calls(), 0);
  });

  it('copies a pending property so that both objects share one making', () => {
    const { make, calls } = counted();
    const from = {} as { a?: number };
    defineLazy(from, ['a', 'b'], { n: 7 }, make);
    const to = {} as { a?: number };
    copyProperty(from, to, 'a');
    assert.equal(calls(), 0);
    assert.equal(to.a, 7);
    assert.equal(from.a, 7);
    assert.equal(calls(), 1);
    const plain = {} as { a?: number };
    copyProperty(from, plain, 'a');
    assert.deepEqual(Object.getOwnPropertyDescriptor(plain, 'a'), { value: 7, writable: true, enumerable: true, configurable: true });
    const none = {};
    copyProperty({}, none, 'a');
    assert.equal(Object.getOwnPropertyDescriptor(none, 'a'), undefined);
  });

  it('hands out how a pending property is made, for a property built on it', () => {
    const { make, calls } = counted();
    const object = {} as { a?: number };
    defineLazy(object, ['a'], { n: 4 }, make);
    const maker = pendingMaker(object, 'a');
    assert.ok(maker);
    defineLazy(object, ['a'], maker, (m) => ({ a: (m() as number) + 1 }));
    assert.equal(object.a, 5);
    assert.equal(calls(), 1);
    assert.equal(pendingMaker(object, 'a'), undefined, 'made: nothing pending');
  });
});
