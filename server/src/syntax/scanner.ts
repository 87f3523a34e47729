/**
 * The Alloy scanner: text → a token stream that tiles the text exactly.
 *
 * It reproduces the behaviour of Alloy's own scanner (`syntax/scanner`):
 * automatic TERMINATOR insertion after identifiers, literals and closers, the
 * same error messages at the same places. Unlike Alloy's, it also keeps
 * whitespace and comments as trivia tokens, so the stream is lossless.
 */
import { Tok } from './tokens';

/** A lexical error. `token` is the index of the token being scanned when it was found. */
export interface ScanError {
  offset: number;
  message: string;
  token: number;
}

/**
 * Tokens as parallel arrays: token `i` spans `starts[i]` to `starts[i + 1]`.
 * The last token is always a zero-width EOF at `text.length`.
 */
export interface TokenStream {
  readonly text: string;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly count: number;
  readonly errors: ScanError[];
}

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const BOM = 0xfeff;

const letterRe = /\p{L}/u;
const digitRe = /\p{Nd}/u;
const printableRe = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

function isAsciiIdentPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

function isLetterCode(cp: number): boolean {
  if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 95;
  return letterRe.test(String.fromCodePoint(cp));
}

function isDigitCode(cp: number): boolean {
  if (cp < 0x80) return cp >= 48 && cp <= 57;
  return digitRe.test(String.fromCodePoint(cp));
}

function isDecimal(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Go's `%#U` formatting of a rune, as Alloy's messages use it. */
export function formatRune(cp: number): string {
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  if (cp === CH_SPACE || (cp > 0x20 && printableRe.test(String.fromCodePoint(cp)))) {
    return `${hex} '${String.fromCodePoint(cp)}'`;
  }
  return hex;
}

/** Whether `s` is a valid Alloy identifier (used for block labels). */
export function isValidIdentifier(s: string): boolean {
  if (s.length === 0 || s === 'true' || s === 'false' || s === 'null') return false;
  let first = true;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (first ? !isLetterCode(cp) : !(isLetterCode(cp) || isDigitCode(cp))) return false;
    first = false;
  }
  return true;
}

/**
 * Errors kept per file. Past this, a file is garbage and more messages help
 * nobody: 10 MB of illegal characters once cost 75 s and 3.4 GB in messages.
 */
export const MAX_SYNTAX_ERRORS = 10_000;

class Scanner {
  kinds: Uint8Array;
  starts: Int32Array;
  count = 0;
  errors: ScanError[] = [];
  private pos: number;
  private insertTerm = false;
  /** Where scanning stops: the end of the text, or of the window being scanned again. */
  private readonly len: number;

  constructor(
    private readonly text: string,
    from: number,
    to: number,
  ) {
    this.pos = from;
    this.len = to;
    // About one token per 3.6 characters in real configurations: rarely grown, never far too big.
    const initial = Math.max(64, ((to - from) >> 2) + ((to - from) >> 4) + 16);
    this.kinds = new Uint8Array(initial);
    this.starts = new Int32Array(initial);
  }

  private push(kind: Tok, start: number): void {
    if (this.count === this.kinds.length) {
      const kinds = new Uint8Array(this.kinds.length * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    this.kinds[this.count] = kind;
    this.starts[this.count] = start;
    this.count++;
  }

  private error(offset: number, message: string): void {
    if (this.errors.length >= MAX_SYNTAX_ERRORS) return;
    this.errors.push({ offset, message, token: this.count });
  }

  /**
   * Reports the characters Alloy's scanner rejects wherever they occur:
   * NUL, a byte-order mark after the first character, and (for our UTF-16
   * input) lone surrogates, which cannot come from valid UTF-8.
   * Returns the width of the character at `i` in UTF-16 units.
   */
  private checkChar(i: number, c: number): number {
    if (c === 0) {
      this.error(i, 'illegal character NUL');
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < this.len) {
        const d = this.text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) return 2;
      }
      this.error(i, 'illegal UTF-8 encoding');
    } else if (c === BOM && i > 0) {
      this.error(i, 'illegal byte order mark');
    }
    return 1;
  }

  run(): TokenStream {
    const len = this.len;
    if (this.pos === 0 && len > 0 && this.text.charCodeAt(0) === BOM) {
      this.push(Tok.Whitespace, 0);
      this.pos = 1;
    }
    this.scanTokens();
    if (this.insertTerm) this.push(Tok.Terminator, len);
    this.push(Tok.EOF, len);
    // Sentinel so that the end of the EOF token is starts[count].
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.starts.length + 1);
      starts.set(this.starts);
      this.starts = starts;
    }
    this.starts[this.count] = len;
    return { text: this.text, kinds: this.kinds, starts: this.starts, count: this.count, errors: this.errors };
  }

  /**
   * The scanning loop, alone in its method: V8 compiles a long loop while it
   * runs (on-stack replacement) and keeps that code for the next calls; code
   * after the loop would have had no type feedback yet, and leaving the loop
   * would then deoptimize it on every scan. Here leaving it is just returning.
   */
  private scanTokens(): void {
    const text = this.text;
    const len = this.len;
    while (this.pos < len) {
      const start = this.pos;
      const c = text.charCodeAt(start);

      if (c === CH_SPACE || c === CH_TAB || c === CH_CR || (c === CH_LF && !this.insertTerm)) {
        let i = start + 1;
        for (; i < len; i++) {
          const d = text.charCodeAt(i);
          if (d === CH_SPACE || d === CH_TAB || d === CH_CR) continue;
          if (d === CH_LF && !this.insertTerm) continue;
          break;
        }
        this.push(Tok.Whitespace, start);
        this.pos = i;
        continue;
      }
      if (c === CH_LF) {
        this.push(Tok.Terminator, start);
        this.insertTerm = false;
        this.pos = start + 1;
        continue;
      }

      // Identifiers and keywords.
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x80 && this.startsIdent(start))) {
        let i = start + ((text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
        while (i < len) {
          const d = text.charCodeAt(i);
          if (isAsciiIdentPart(d)) {
            i++;
            continue;
          }
          if (d < 0x80) break;
          const cp = text.codePointAt(i) ?? 0;
          if (!(isLetterCode(cp) || isDigitCode(cp))) break;
          i += cp > 0xffff ? 2 : 1;
        }
        let kind = Tok.Ident;
        const n = i - start;
        if (n === 4 || n === 5) kind = keywordKind(text, start, n);
        this.push(kind, start);
        this.insertTerm = true;
        this.pos = i;
        continue;
      }

      if (isDecimal(c) || (c === 46 && start + 1 < len && isDecimal(text.charCodeAt(start + 1)))) {
        this.scanNumber(start);
        this.insertTerm = true;
        continue;
      }

      let kind: Tok;
      let insertTerm = false;
      let end = start + 1;
      const next = start + 1 < len ? text.charCodeAt(start + 1) : -1;
      switch (c) {
        case 39: // '
          this.error(start, 'illegal single-quoted string; use double quotes');
          kind = Tok.Illegal;
          insertTerm = true;
          end = this.scanString(start, 39, true, false);
          break;
        case 34: // "
          kind = Tok.String;
          insertTerm = true;
          end = this.scanString(start, 34, true, false);
          break;
        case 96: // `
          kind = Tok.String;
          insertTerm = true;
          end = this.scanString(start, 96, false, true);
          break;
        case 124: // |
          kind = Tok.Or;
          if (next === 124) end++;
          else this.error(start + 1, 'missing second | in ||');
          break;
        case 38: // &
          kind = Tok.And;
          if (next === 38) end++;
          else this.error(start + 1, 'missing second & in &&');
          break;
        case 33: // !
          kind = next === 61 ? (end++, Tok.Neq) : Tok.Not;
          break;
        case 61: // =
          kind = next === 61 ? (end++, Tok.Eq) : Tok.Assign;
          break;
        case 60: // <
          kind = next === 61 ? (end++, Tok.Lte) : Tok.Lt;
          break;
        case 62: // >
          kind = next === 61 ? (end++, Tok.Gte) : Tok.Gt;
          break;
        case 43:
          kind = Tok.Add;
          break;
        case 45:
          kind = Tok.Sub;
          break;
        case 42:
          kind = Tok.Mul;
          break;
        case 47: // /
          if (next === 47 || next === 42) {
            if (this.insertTerm && this.findLineEnd(start)) {
              // The newline after a trailing comment ends the statement: Alloy
              // reports the terminator at the comment's start.
              this.push(Tok.Terminator, start);
              this.insertTerm = false;
              continue;
            }
            kind = Tok.Comment;
            end = this.scanComment(start);
          } else {
            kind = Tok.Div;
          }
          break;
        case 37:
          kind = Tok.Mod;
          break;
        case 94:
          kind = Tok.Pow;
          break;
        case 123:
          kind = Tok.LCurly;
          break;
        case 125:
          kind = Tok.RCurly;
          insertTerm = true;
          break;
        case 40:
          kind = Tok.LParen;
          break;
        case 41:
          kind = Tok.RParen;
          insertTerm = true;
          break;
        case 91:
          kind = Tok.LBrack;
          break;
        case 93:
          kind = Tok.RBrack;
          insertTerm = true;
          break;
        case 44:
          kind = Tok.Comma;
          break;
        case 46:
          kind = Tok.Dot;
          break;
        default: {
          const width = this.checkChar(start, c);
          end = start + width;
          const cp = width === 2 ? (text.codePointAt(start) ?? c) : c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
          if (cp !== BOM && this.errors.length < MAX_SYNTAX_ERRORS) this.error(start, `illegal character ${formatRune(cp)}`);
          kind = Tok.Illegal;
          insertTerm = this.insertTerm;
        }
      }
      this.push(kind, start);
      this.insertTerm = insertTerm;
      this.pos = end;
    }
  }

  private startsIdent(i: number): boolean {
    const cp = this.text.codePointAt(i) ?? 0;
    return isLetterCode(cp);
  }

  private scanNumber(start: number): void {
    const text = this.text;
    const len = this.len;
    let i = start;
    let kind = Tok.Number;
    if (text.charCodeAt(i) !== 46) {
      while (i < len && isDecimal(text.charCodeAt(i))) i++;
    }
    if (i < len && text.charCodeAt(i) === 46) {
      kind = Tok.Float;
      i++;
      while (i < len && isDecimal(text.charCodeAt(i))) i++;
    }
    if (i < len && (text.charCodeAt(i) | 0x20) === 101) {
      kind = Tok.Float;
      i++;
      if (i < len && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
      const digitsStart = i;
      while (i < len && isDecimal(text.charCodeAt(i))) i++;
      if (i === digitsStart) this.error(start, 'exponent has no digits');
    }
    this.push(kind, start);
    this.pos = i;
  }

  /** Scans a string literal starting at its opening quote; returns its end. */
  private scanString(start: number, quote: number, escapes: boolean, multiline: boolean): number {
    const text = this.text;
    const len = this.len;
    let i = start + 1;
    for (;;) {
      if (i >= len) {
        this.error(start, 'string literal not terminated');
        return i;
      }
      const c = text.charCodeAt(i);
      if (c === CH_LF && !multiline) {
        this.error(start, 'string literal not terminated');
        return i;
      }
      if (c === 0 || c === BOM || (c >= 0xd800 && c <= 0xdfff)) {
        i += this.checkChar(i, c);
      } else {
        i++;
      }
      if (c === quote) return i;
      if (escapes && c === 92) i = this.scanEscape(i);
    }
  }

  /** Scans an escape whose backslash is just before `i`; returns where scanning resumes. */
  private scanEscape(i: number): number {
    const text = this.text;
    const len = this.len;
    const off = i;
    if (i >= len) {
      this.error(off, 'escape sequence not terminated');
      return i;
    }
    const c = text.charCodeAt(i);
    let n: number;
    let base: number;
    let max: number;
    switch (c) {
      case 97: case 98: case 102: case 110: case 114: case 116: case 118: case 92: case 34:
        return i + 1;
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55:
        n = 3; base = 8; max = 255;
        break;
      case 120: // x
        i++; n = 2; base = 16; max = 255;
        break;
      case 117: // u
        i++; n = 4; base = 16; max = 0x10ffff;
        break;
      case 85: // U
        i++; n = 8; base = 16; max = 0x10ffff;
        break;
      default:
        this.error(off, 'unknown escape sequence');
        return i;
    }
    let x = 0;
    for (; n > 0; n--) {
      if (i >= len) {
        this.error(off, 'escape sequence not terminated');
        return i;
      }
      const d = text.charCodeAt(i);
      const v = d >= 48 && d <= 57 ? d - 48 : (d | 0x20) >= 97 && (d | 0x20) <= 102 ? (d | 0x20) - 87 : 16;
      if (v >= base) {
        const cp = text.codePointAt(i) ?? d;
        this.error(off, `illegal character ${formatRune(cp)} in escape sequence`);
        return i;
      }
      x = x * base + v;
      i++;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.error(off, 'escape sequence is invalid Unicode code point');
    }
    return i;
  }

  /** Scans a comment starting at its '/'; returns its end (a line comment excludes the newline). */
  private scanComment(start: number): number {
    const text = this.text;
    const len = this.len;
    let i = start + 2;
    if (text.charCodeAt(start + 1) === 47) {
      for (; i < len; i++) {
        const c = text.charCodeAt(i);
        if (c === CH_LF) break;
        if (c === 0 || c === BOM || (c >= 0xd800 && c <= 0xdfff)) i += this.checkChar(i, c) - 1;
      }
      return i;
    }
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === 42 && i + 1 < len && text.charCodeAt(i + 1) === 47) return i + 2;
      if (c === 0 || c === BOM || (c >= 0xd800 && c <= 0xdfff)) i += this.checkChar(i, c) - 1;
    }
    this.error(start, 'block comment not terminated');
    return len;
  }

  /**
   * Whether the comment(s) starting at `start` run to the end of the line, in
   * which case a pending terminator is inserted before them.
   */
  private findLineEnd(start: number): boolean {
    const text = this.text;
    const len = this.len;
    let i = start + 1;
    for (;;) {
      const c = i < len ? text.charCodeAt(i) : -1;
      if (c === 47) return true;
      if (c !== 42) return false;
      i++;
      let closed = false;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (d === CH_LF) return true;
        i++;
        if (d === 42 && i < len && text.charCodeAt(i) === 47) {
          i++;
          closed = true;
          break;
        }
      }
      if (!closed) return true;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (d === CH_SPACE || d === CH_TAB || d === CH_CR) i++;
        else break;
      }
      if (i >= len || text.charCodeAt(i) === CH_LF) return true;
      if (text.charCodeAt(i) !== 47) return false;
      i++;
    }
  }
}

/** `true`, `false` and `null` are read in place: slicing every 4- and 5-letter identifier costs a string each. */
function keywordKind(text: string, start: number, n: number): Tok {
  const c = text.charCodeAt(start);
  if (n === 4 && c === 116 && text.startsWith('rue', start + 1)) return Tok.Bool;
  if (n === 4 && c === 110 && text.startsWith('ull', start + 1)) return Tok.Null;
  if (n === 5 && c === 102 && text.startsWith('alse', start + 1)) return Tok.Bool;
  return Tok.Ident;
}

/** Scans `text` into a lossless token stream. Never throws. */
export function scan(text: string): TokenStream {
  return new Scanner(text, 0, text.length).run();
}

/**
 * Scans `text[from, to)` as if the text ended at `to`, starting in the state
 * the scanner has after a newline that ended a statement. Offsets stay those of
 * `text`; errors' `token` counts from the window's first token. For reparsing
 * an edited region (see `reparse.ts`), which checks that the window's last
 * token ends where the text's own tokens do.
 */
export function scanWindow(text: string, from: number, to: number): TokenStream {
  return new Scanner(text, from, to).run();
}
