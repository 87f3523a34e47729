/**
 * A number for each object, given when first asked for: an object's identity
 * that can go into a string key (a host environment in a cache key), or that a
 * later version keeps to know which object it was made from without holding it.
 *
 * A `WeakRef` would say the same, but V8's young-generation collections treat
 * a `WeakRef`'s target as reachable. Each keystroke's parse and analysis held
 * the previous one that way, so the whole chain of versions since the last
 * full collection survived every scavenge and was promoted.
 */
export class Serials<T extends object> {
  private readonly numbers = new WeakMap<T, number>();
  private next = 0;

  /** The number of `object`, given now if it has none. */
  of(object: T): number {
    let n = this.numbers.get(object);
    if (n === undefined) {
      n = this.next++;
      this.numbers.set(object, n);
    }
    return n;
  }

  /** Whether `object` has the number `n`. */
  is(object: T, n: number): boolean {
    return this.numbers.get(object) === n;
  }
}
