/**
 * Text built from many small pieces, as UTF-16 code units in one growing
 * array: the formatter's stages write millions of tokens, cells and single
 * whitespace characters for a large file, which as strings would be millions
 * of pieces to keep alive and join. The stages hand each other these arrays,
 * so a formatted file becomes a string once, at the end.
 *
 * Text known to be ASCII (a formatted file whose source is ASCII, the usual
 * case) is kept one byte per code unit: half the memory for every stage to
 * read and write, and the bytes become a string in one native call.
 */
const decoder = new TextDecoder();

/** The code units of a text: bytes when it is ASCII, else UTF-16 units. */
export type Units = Uint8Array | Uint16Array;

export class CodeUnits {
  private units: Units;
  private size = 0;
  /** Every code unit written, or-ed together: an ASCII buffer checks what it was given once, at the end. */
  private written = 0;

  /**
   * `capacity`: the expected length, so that a large text is not copied at
   * every doubling. `ascii`: every code unit written will be below 0x80, so
   * the text is kept as bytes (`toString` throws if one was not).
   */
  constructor(capacity = 1 << 12, ascii = false) {
    const length = Math.max(16, Math.floor(capacity));
    this.units = ascii ? new Uint8Array(length) : new Uint16Array(length);
  }

  /** The code units of `s`. */
  static of(s: string): CodeUnits {
    const units = new CodeUnits(s.length);
    units.append(s);
    return units;
  }

  /** Whether the text is kept as bytes (see the constructor). */
  get ascii(): boolean {
    return this.units instanceof Uint8Array;
  }

  /** Appends `s[from, to)` (all of `s` by default). */
  append(s: string, from = 0, to = s.length): void {
    const n = to - from;
    if (n <= 0) return;
    this.reserve(n);
    const units = this.units;
    const at = this.size - from;
    let written = this.written;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      units[at + i] = c;
      written |= c;
    }
    this.written = written;
    this.size += n;
  }

  /** Appends `source[from, to)`, code units of another text. */
  appendUnits(source: Units, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    this.reserve(n);
    const units = this.units;
    if (n < 128) {
      // A short run (a token, a cell) copies faster by hand than through a subarray.
      const at = this.size - from;
      let written = this.written;
      for (let i = from; i < to; i++) {
        const c = source[i] as number;
        units[at + i] = c;
        written |= c;
      }
      this.written = written;
    } else {
      // Bytes into UTF-16 units widen; UTF-16 units into bytes only happen for ASCII, checked at the end.
      if (!(source instanceof Uint8Array) && units instanceof Uint8Array) for (let i = from; i < to; i++) this.written |= source[i] as number;
      units.set(source.subarray(from, to), this.size);
    }
    this.size += n;
  }

  /** Appends `n` copies of the code unit `code`. */
  repeat(code: number, n: number): void {
    if (n <= 0) return;
    this.reserve(n);
    this.written |= code;
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
  view(): Units {
    return this.units.subarray(0, this.size);
  }

  toString(): string {
    if (this.units instanceof Uint8Array) {
      // A unit past ASCII was cut to a byte: the caller's promise was wrong, and the text with it.
      if (this.written > 0x7f) throw new Error('CodeUnits: a code unit past ASCII was written into ASCII text');
      return decoder.decode(this.units.subarray(0, this.size));
    }
    const ascii = this.asciiBytes(this.units);
    if (ascii !== undefined) return decoder.decode(ascii);
    // Code units as they are (a lone surrogate stays one), in slices: arguments are bounded.
    const parts: string[] = [];
    for (let i = 0; i < this.size; i += 8192) {
      parts.push(String.fromCharCode.apply(null, this.units.subarray(i, Math.min(i + 8192, this.size)) as unknown as number[]));
    }
    return parts.join('');
  }

  /**
   * UTF-16 text as bytes when it is all ASCII: decoded natively in one call,
   * into a one-byte string, where slices of `fromCharCode` copy every code
   * unit into an argument list first.
   */
  private asciiBytes(units: Uint16Array): Uint8Array | undefined {
    const size = this.size;
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
    const grown = this.units instanceof Uint8Array ? new Uint8Array(capacity) : new Uint16Array(capacity);
    grown.set(this.units.subarray(0, this.size));
    this.units = grown;
  }
}
