/**
 * The source of a file as the formatter needs it: positions in UTF-8 bytes
 * and lines (Alloy's printer decides where comments go by byte offsets and
 * line numbers), node spans, and the comment groups as Alloy's parser forms
 * them.
 */
import type { Expr, Stmt } from './ast';
import type { ParseResult } from './parser';
import { lastStartAtOrBefore, type LineIndex } from './lineIndex';
import { Tok } from './tokens';

/** A position in the source as Alloy sees it: byte offset and 1-based line (0 = invalid). */
export interface Position {
  offset: number;
  line: number;
}

export interface Comment {
  pos: Position;
  /** The comment's text, carriage returns removed as Alloy's scanner does. */
  text: string;
  /** Line of the comment's last character (Alloy's `EndPos`). */
  endLine: number;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const nonAsciiRe = /[^\0-\x7f]/;

/**
 * 0-based lines of offsets that mostly come in source order: the last line
 * found and the one after it are tried before a binary search, since the
 * printer asks for the line of nearly every token of a file.
 */
class LineCursor {
  private line = 0;
  private from = 0;
  /** Start of the line after `line`; past the end for the last line. */
  private to = -1;

  constructor(private readonly index: LineIndex) {}

  lineOf(offset: number): number {
    if (offset >= this.from && offset < this.to) return this.line;
    const count = this.index.lineCount;
    let line: number;
    if (offset >= this.to && this.to >= 0 && (this.line + 2 >= count || offset < this.index.lineStart(this.line + 2))) line = this.line + 1;
    else line = this.index.lineOf(offset);
    this.line = line;
    this.from = this.index.lineStart(line);
    this.to = line + 1 < count ? this.index.lineStart(line + 1) : Number.POSITIVE_INFINITY;
    return line;
  }
}

/** UTF-16 offsets → UTF-8 byte offsets and byte offsets → lines, for one text. */
export class ByteMap {
  private static readonly STEP = 64;
  /** Byte offset of every STEP-th code unit; undefined when the text is ASCII (bytes are code units). */
  private readonly marks: Int32Array | undefined;
  /**
   * Byte offset of each line start; undefined for an ASCII text, whose lines
   * the parse's line index already has (offsets are bytes there).
   */
  private readonly lineStarts: Int32Array | undefined;
  /** Lines of an ASCII text, whose byte offsets are its UTF-16 offsets. */
  private readonly lines: LineCursor;

  constructor(
    private readonly text: string,
    lines: LineIndex,
  ) {
    this.lines = new LineCursor(lines);
    this.marks = nonAsciiRe.test(text) ? this.markBytes() : undefined;
    if (this.marks === undefined) return;
    const starts = new Int32Array(lines.lineCount);
    for (let l = 0; l < starts.length; l++) starts[l] = this.byteOf(lines.lineStart(l));
    this.lineStarts = starts;
  }

  /** Bytes of code unit `i` (a surrogate pair counts 4 on its first half). */
  private unitBytes(i: number): number {
    const c = this.text.charCodeAt(i);
    if (c < 0x80) return 1;
    if (c < 0x800) return 2;
    if ((c & 0xfc00) === 0xd800 && i + 1 < this.text.length && (this.text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) return 4;
    if ((c & 0xfc00) === 0xdc00 && i > 0 && (this.text.charCodeAt(i - 1) & 0xfc00) === 0xd800) return 0;
    return 3;
  }

  /** Whether the text is all ASCII, so that its bytes are its code units. */
  get ascii(): boolean {
    return this.marks === undefined;
  }

  private markBytes(): Int32Array {
    const { text } = this;
    const step = ByteMap.STEP;
    const marks = new Int32Array(Math.floor(text.length / step) + 1);
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      if (i % step === 0) marks[i / step] = bytes;
      bytes += this.unitBytes(i);
    }
    if (text.length % step === 0) marks[text.length / step] = bytes;
    return marks;
  }

  byteOf(offset: number): number {
    if (this.marks === undefined) return offset;
    const k = Math.floor(offset / ByteMap.STEP);
    let bytes = this.marks[k] as number;
    for (let i = k * ByteMap.STEP; i < offset; i++) bytes += this.unitBytes(i);
    return bytes;
  }

  /** 1-based line of a byte offset. */
  lineOfByte(byte: number): number {
    return (this.lineStarts === undefined ? this.lines.lineOf(byte) : lastStartAtOrBefore(this.lineStarts, byte)) + 1;
  }
}

/** Alloy's comment text: a final `\r` dropped, other `\r`s removed. */
export function commentText(raw: string): string {
  let crs = 0;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 13) crs++;
  if (crs === 0) return raw;
  let lit = raw;
  if (lit.endsWith('\r')) {
    lit = lit.slice(0, -1);
    crs--;
  }
  if (crs === 0) return lit;
  const block = lit[1] === '*';
  let out = '';
  for (let j = 0; j < lit.length; j++) {
    const ch = lit[j];
    // Alloy keeps a `\r` sitting between `*` and `/` of a block comment.
    if (ch !== '\r' || (block && out.length > 2 && out.endsWith('*') && lit[j + 1] === '/')) out += ch;
  }
  return out;
}

const printableRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Whether Go's `%q` of `s` is just `s` between double quotes. */
export function quotesVerbatim(s: string): boolean {
  for (const ch of s) {
    if (ch === '"' || ch === '\\' || !printableRe.test(ch)) return false;
  }
  return true;
}

/** The source as the printer needs it: positions, lines and comments. */
export class Source {
  readonly bytes: ByteMap;
  readonly groups: Comment[][] = [];
  private readonly lines: LineCursor;

  constructor(private readonly result: ParseResult) {
    this.bytes = new ByteMap(result.text, result.lineIndex);
    this.lines = new LineCursor(result.lineIndex);
    this.collectComments();
  }

  /**
   * Comment groups as Alloy's parser forms them: adjacent lines, nothing in
   * between. The comments are found with a native search of the token kinds:
   * a large file has a million tokens and a few thousand comments.
   */
  private collectComments(): void {
    const { kinds, starts, count, text } = this.result.tokens;
    let group: Comment[] | undefined;
    let groupEndLine = 0;
    let previous = -1;
    for (let i = kinds.indexOf(Tok.Comment); i !== -1 && i < count; i = kinds.indexOf(Tok.Comment, i + 1)) {
      const start = starts[i] as number;
      const pos = this.position(start);
      // A token other than whitespace since the previous comment ends its group.
      if (group && pos.line <= groupEndLine + 1) {
        for (let k = previous + 1; k < i; k++) {
          if (kinds[k] !== Tok.Whitespace) {
            group = undefined;
            break;
          }
        }
      }
      previous = i;
      const raw = text.slice(start, starts[i + 1] as number);
      const body = commentText(raw);
      const startByte = pos.offset;
      const comment: Comment = { pos, text: body, endLine: this.bytes.lineOfByte(startByte + utf8Length(body) - 1) };
      if (!group || pos.line > groupEndLine + 1) {
        group = [];
        this.groups.push(group);
      }
      group.push(comment);
      groupEndLine = pos.line;
      if (body[1] === '*') for (const ch of body) if (ch === '\n') groupEndLine++;
    }
  }

  position(offset: number): Position {
    return { offset: this.bytes.byteOf(offset), line: this.lines.lineOf(offset) + 1 };
  }

  /** 1-based line of a UTF-16 offset. */
  line(offset: number): number {
    return this.lines.lineOf(offset) + 1;
  }

  startLine(node: Expr | Stmt): number {
    return this.line(node.start);
  }

  /** Line of a node's last character (Alloy's `EndPos`). */
  endLine(node: Expr | Stmt): number {
    return this.line(node.end - 1);
  }

  nodeLines(node: Expr | Stmt): number {
    return this.endLine(node) - this.startLine(node) + 1;
  }

  text(start: number, end: number): string {
    return this.result.text.slice(start, end);
  }

  /** Start of the first token at or after `offset` that is not trivia or a terminator. */
  nextToken(offset: number): number {
    const { kinds, starts, count } = this.result.tokens;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < count; i++) {
      const k = kinds[i] as Tok;
      if (k !== Tok.Whitespace && k !== Tok.Comment && k !== Tok.Terminator) return starts[i] as number;
    }
    return this.result.text.length;
  }
}
