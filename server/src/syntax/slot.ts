/**
 * A value kept on an object itself, in a hidden (non-enumerable symbol)
 * property: a per-version cache that lives and dies with its object.
 *
 * A module-level `WeakMap` keyed by a short-lived object (a configuration
 * model, made again for every edit that changes meaning) says the same, but
 * V8's young-generation collections keep the values of its young keys alive
 * whether or not the key is: each version's caches, and the model they point
 * back to, were promoted and made every scavenge slow.
 */
export class Slot<K extends object, V> {
  private readonly key: symbol;

  constructor(name: string) {
    this.key = Symbol(name);
  }

  get(object: K): V | undefined {
    return (object as Record<symbol, V | undefined>)[this.key];
  }

  /** The value kept on `object`, made by `make(object)` and kept when there is none. */
  ensure(object: K, make: (object: K) => V): V {
    let value = this.get(object);
    if (value === undefined) {
      value = make(object);
      this.set(object, value);
    }
    return value;
  }

  set(object: K, value: V): this {
    Object.defineProperty(object, this.key, { value, writable: true, configurable: true, enumerable: false });
    return this;
  }
}
