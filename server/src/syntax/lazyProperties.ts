/**
 * Own, enumerable properties whose values are made on first read and then
 * become plain data properties: a reparsed file's `body`, a token stream's
 * `kinds` and `starts`, a finding's `fixes`. To every reader (spread, JSON,
 * `Object.keys`, deep equality) they are ordinary properties.
 *
 * The getters and setters are shared, one pair per property name, and what a
 * value is made from sits in a hidden (non-enumerable symbol) data property.
 * A getter closure defined on each object instead made V8 keep everything the
 * closure captured through every young-generation collection until the next
 * full one: typing made a new parse, analysis and findings per keystroke, all
 * of them were promoted, and a 1 ms scavenge became 10–30 ms. Objects with a
 * shared accessor pair keep one hidden class and their garbage dies young.
 */

const STATE = Symbol('lazy properties');

/** What an object's pending properties are made from, and how. */
interface Pending {
  keys: readonly string[];
  state: unknown;
  make: (state: never) => Record<string, unknown>;
}

type Holder = Record<PropertyKey, unknown> & { [STATE]?: Pending | undefined };

const accessors = new Map<string, PropertyDescriptor>();

/** The accessor pair of `key`: made once, shared by every object that has a lazy `key`. */
function accessorOf(key: string): PropertyDescriptor {
  let accessor = accessors.get(key);
  if (!accessor) {
    accessor = {
      enumerable: true,
      configurable: true,
      get(this: Holder): unknown {
        const values = settle(this);
        return values ? values[key] : undefined;
      },
      set(this: Holder, value: unknown): void {
        plain(this, key, value);
        // Every property assigned: what they would have been made from may go.
        const pending = this[STATE];
        if (pending && !pending.keys.some((k) => isPending(this, k))) this[STATE] = undefined;
      },
    };
    accessors.set(key, accessor);
  }
  return accessor;
}

function plain(object: Holder, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
}

/** Makes the pending values of `object` and turns every property still pending into a data property. */
function settle(object: Holder): Record<string, unknown> | undefined {
  const pending = object[STATE];
  if (!pending) return undefined;
  // Made first: a maker that throws leaves the properties pending, and the next read tries again.
  const values = pending.make(pending.state as never);
  object[STATE] = undefined; // what the values were made from may go
  for (const key of Object.keys(values)) {
    if (Object.getOwnPropertyDescriptor(object, key)?.get === accessorOf(key).get) plain(object, key, values[key]);
  }
  return values;
}

/**
 * Defines `keys` on `object` as lazy properties: the first read of any of
 * them calls `make(state)`, which returns the values of all of them. An
 * assignment before that sets only the assigned property. `make` should be a
 * function made once (not a closure per object): `state` is what varies.
 */
export function defineLazy<S>(object: object, keys: readonly string[], state: S, make: (state: S) => Record<string, unknown>): void {
  Object.defineProperty(object, STATE, { value: { keys, state, make }, writable: true, configurable: true, enumerable: false });
  for (const key of keys) Object.defineProperty(object, key, accessorOf(key));
}

/** The state `object`'s lazy properties will be made from; undefined once they are made (or if it has none). */
export function lazyState<S>(object: object): S | undefined {
  return (object as Holder)[STATE]?.state as S | undefined;
}

/** Whether `object[key]` is a lazy property not made yet. */
export function isPending(object: object, key: string): boolean {
  return (object as Holder)[STATE] !== undefined && Object.getOwnPropertyDescriptor(object, key)?.get === accessorOf(key).get;
}

/**
 * Gives `to` the property `key` of `from`: a lazy one that reads `from[key]`
 * (so both share one making of it) while `from`'s is not made, its value otherwise.
 */
export function copyProperty(from: object, to: object, key: string): void {
  if (isPending(from, key)) defineLazy(to, [key], { from, key }, readFrom);
  else if (Object.prototype.hasOwnProperty.call(from, key)) plain(to as Holder, key, (from as Holder)[key]);
}

function readFrom({ from, key }: { from: object; key: string }): Record<string, unknown> {
  return { [key]: (from as Holder)[key] };
}

/**
 * How `object[key]` will be made, as a function of its own, while it is not
 * made yet: for a caller that replaces the property with one built on it.
 */
export function pendingMaker(object: object, key: string): (() => unknown) | undefined {
  if (!isPending(object, key)) return undefined;
  const pending = (object as Holder)[STATE] as Pending;
  return () => pending.make(pending.state as never)[key];
}
