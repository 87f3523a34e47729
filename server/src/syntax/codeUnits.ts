/**
 * Text built from many small pieces, as UTF-16 code units in one growing
 * array: the formatter's stages write millions of tokens, cells and single
 * whitespace characters for a large file, which as strings would be millions
 * of pieces to keep alive and join. The stages hand each other these arrays,
 * so a formatted file becomes a string once, at the end.
 */
const asciiDecoder = new TextDecoder();

export class CodeUnits {
  private units: Uint16Array;
  private size = 0;

  /** `capacity`: the expected length, so that a large text is not copied at every doubling. */
  constructor(capacity = 1 << 12) {
    this.units = new Uint16Array(Math.max(16, Math.floor(capacity)));
  }

  /** The code units of `s`. */
  static of(s: string): CodeUnits {
    const units = new CodeUnits(s.length);
    units.append(s);
    return units;
  }

  /** Appends `s[from, to)` (all of `s` by default). */
  append(s: string, from = 0, to = s.length): void {
    const n = to - from;
    if (n <= 0) return;
    this.reserve(n);
    const units = this.units;
    const at = this.size - from;
    for (let i = from; i < to; i++) units[at + i] = s.charCodeAt(i);
    this.size += n;
  }

  /** Appends `source[from, to)`, code units of another text. */
  appendUnits(source: Uint16Array, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    this.reserve(n);
    if (n < 128) {
      // A short run (a token, a cell) copies faster by hand than through a subarray.
      const units = this.units;
      const at = this.size - from;
      for (let i = from; i < to; i++) units[at + i] = source[i] as number;
    } else {
      this.units.set(source.subarray(from, to), this.size);
    }
    this.size += n;
  }

  /** Appends `n` copies of the code unit `code`. */
  repeat(code: number, n: number): void {
    if (n <= 0) return;
    this.reserve(n);
    if (n === 1) this.units[this.size] = code;
    else this.units.fill(code, this.size, this.size + n);
    this.size += n;
  }

  get length(): number {
    return this.size;
  }

  /** Drops everything past the first `n` code units. */
  truncate(n: number): void {
    this.size = Math.max(0, Math.min(this.size, Math.floor(n)));
  }

  /** The code units written so far (a view, valid until the next write). */
  view(): Uint16Array {
    return this.units.subarray(0, this.size);
  }

  toString(): string {
    const ascii = this.asciiBytes();
    if (ascii !== undefined) return asciiDecoder.decode(ascii);
    // Code units as they are (a lone surrogate stays one), in slices: arguments are bounded.
    const parts: string[] = [];
    for (let i = 0; i < this.size; i += 8192) {
      parts.push(String.fromCharCode.apply(null, this.units.subarray(i, Math.min(i + 8192, this.size)) as unknown as number[]));
    }
    return parts.join('');
  }

  /**
   * The text as bytes when it is all ASCII (the usual file): decoded natively
   * in one call, into a one-byte string, where slices of `fromCharCode`
   * copy every code unit into an argument list first.
   */
  private asciiBytes(): Uint8Array | undefined {
    const { units, size } = this;
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      const c = units[i] as number;
      if (c > 0x7f) return undefined;
      bytes[i] = c;
    }
    return bytes;
  }

  private reserve(n: number): void {
    if (this.size + n <= this.units.length) return;
    let capacity = this.units.length * 2;
    while (capacity < this.size + n) capacity *= 2;
    const grown = new Uint16Array(capacity);
    grown.set(this.units.subarray(0, this.size));
    this.units = grown;
  }
}
