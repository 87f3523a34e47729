/**
 * One string per distinct short text, looked up by the text's place in the
 * source rather than by a string: a repeated identifier costs no allocation at
 * all (a `Map<string, string>` would need the slice to look it up). One
 * interner per parse, dropped with it, so nothing outlives the tree.
 */

/** Texts longer than this are mostly unique (URLs, regexes): they are copied, not interned. */
export const INTERN_MAX = 40;

/**
 * Texts from this size on are interned: their trees are big and live long, and
 * fewer strings mean less for the garbage collector to copy. For smaller ones
 * hashing every identifier costs more than the strings it saves.
 */
export const INTERN_MIN_TEXT = 256 * 1024;

/**
 * `s` as a string of its own. V8 represents a slice of 13 or more characters
 * as a view that keeps the whole text alive: statements that `reparse` shares
 * between versions would then keep every earlier version of a document in
 * memory. Concatenating, then slicing the flattened result, costs a short copy.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export class Interner {
  private keys: Array<string | undefined>;
  private hashes: Int32Array;
  private size = 0;

  constructor(
    private readonly text: string,
    /** Whether the strings made must not keep `text` alive (see `own`). */
    private readonly owned: boolean,
  ) {
    this.keys = new Array<string | undefined>(256).fill(undefined);
    this.hashes = new Int32Array(256);
  }

  /** `text[start, end)`, the same string for the same characters. */
  get(start: number, end: number): string {
    const text = this.text;
    if (end - start > INTERN_MAX) return this.slice(start, end);
    let h = end - start;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const keys = this.keys;
    const mask = keys.length - 1;
    let slot = h & mask;
    for (;;) {
      const key = keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && key.length === end - start && text.startsWith(key, start)) return key;
      slot = (slot + 1) & mask;
    }
    const key = this.slice(start, end);
    keys[slot] = key;
    this.hashes[slot] = h;
    if (++this.size * 2 > keys.length) this.grow();
    return key;
  }

  private slice(start: number, end: number): string {
    const s = this.text.slice(start, end);
    return this.owned ? own(s) : s;
  }

  /** Doubles the table, keeping it at most half full so probes stay short. */
  private grow(): void {
    const oldKeys = this.keys;
    const oldHashes = this.hashes;
    const keys = new Array<string | undefined>(oldKeys.length * 2).fill(undefined);
    const hashes = new Int32Array(keys.length);
    const mask = keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i];
      if (key === undefined) continue;
      const h = oldHashes[i] as number;
      let slot = h & mask;
      while (keys[slot] !== undefined) slot = (slot + 1) & mask;
      keys[slot] = key;
      hashes[slot] = h;
    }
    this.keys = keys;
    this.hashes = hashes;
  }
}
