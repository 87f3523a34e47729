/**
 * The one place where offsets become positions. LSP positions count UTF-16
 * code units (like JavaScript strings); Alloy's own messages count bytes.
 *
 * Two notions of a line: Alloy's scanner only knows `\n`, so `lineOf`,
 * `lineStart`, `lineEnd` and `alloyPosition` (the parser's one-error-per-line
 * rule, the printer, Alloy's messages) count `\n` only. LSP clients also break
 * lines at a lone `\r`, so `positionAt` and `offsetAt` (everything sent to an
 * editor) follow LSP's rule: `\n`, `\r\n` and `\r` end a line.
 */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  character: number;
}

export class LineIndex {
  /** Offsets where lines start, by Alloy's rule (after `\n`); one 32-bit integer per line. */
  private readonly lineStarts: Int32Array;
  /** LSP's line starts; the same array unless the text has a `\r` not followed by `\n`. */
  private readonly lspStarts: Int32Array;
  /** The last Alloy column computed, so that many positions on one long line cost one pass. */
  private lastLine = -1;
  private lastOffset = 0;
  private lastBytes = 0;

  /** `lineStarts`, when given, must be the `\n` line starts of `text` (see `edited`). */
  constructor(
    private readonly text: string,
    lineStarts?: Int32Array,
  ) {
    this.lineStarts = lineStarts ?? newlineStarts(text, 0, text.length, 1);
    this.lspStarts = hasLoneCarriageReturn(text) ? lspLineStarts(text) : this.lineStarts;
  }

  /**
   * The line index of `text`, made from `previous` (the index of the text before
   * one edit): the text before `start` and from `newEnd` on is the old text of
   * `[0, start)` and `[oldEnd, …)`. Lines before and after the edit are copied
   * (the latter shifted), only the edited part is searched for line breaks.
   */
  static edited(previous: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const old = previous.lineStarts;
    const delta = newEnd - oldEnd;
    // Lines starting at or before `start` are unchanged; lines starting after `oldEnd` move by `delta`.
    const before = lastStartAtOrBefore(old, start) + 1;
    let after = lastStartAtOrBefore(old, oldEnd) + 1;
    if (after < before) after = before;
    const middle = newlineStarts(text, start, newEnd, 0);
    const starts = new Int32Array(before + middle.length + (old.length - after));
    starts.set(old.subarray(0, before), 0);
    starts.set(middle, before);
    let j = before + middle.length;
    for (let i = after; i < old.length; i++) starts[j++] = (old[i] as number) + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    return lastStartAtOrBefore(this.lineStarts, offset);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))] as number;
  }

  /** End of a line's content, before its `\n` (and a `\r` before that). */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? (this.lineStarts[line + 1] as number) - 1 : this.text.length;
    return next > this.lineStart(line) && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  /** The LSP position of an offset (lines end at `\n`, `\r\n` or `\r`). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lspStarts === this.lineStarts ? this.lineOf(clamped) : lastStartAtOrBefore(this.lspStarts, clamped);
    return { line, character: clamped - (this.lspStarts[line] as number) };
  }

  /** The offset of an LSP position; past the end of a line is the end of the line. */
  offsetAt(position: Position): number {
    const starts = this.lspStarts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line] as number;
    let end = position.line + 1 < starts.length ? (starts[position.line + 1] as number) : this.text.length;
    // Before the line break: `\n`, `\r` or both.
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** 1-based line and 1-based byte column, as Alloy prints positions. */
  alloyPosition(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = this.lineStarts[line] as number;
    let bytes = 0;
    let from = start;
    // Continue from the last position on the same line: 1,000 positions on a 10 MB line are one pass, not 1,000.
    if (this.lastLine === line && this.lastOffset <= clamped) {
      from = this.lastOffset;
      bytes = this.lastBytes;
    }
    for (let i = from; i < clamped; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < clamped) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    // An offset inside a surrogate pair counted its first half alone: resuming there would count differently.
    const before = this.text.charCodeAt(clamped - 1);
    if (!(clamped > from && before >= 0xd800 && before <= 0xdbff)) {
      this.lastLine = line;
      this.lastOffset = clamped;
      this.lastBytes = bytes;
    }
    return { line: line + 1, column: bytes + 1 };
  }
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

/**
 * The offsets after each `\n` in `text[from, to)`, preceded by `first` zeros
 * (the start of the first line). Counted first, so the array is allocated once at its size.
 */
function newlineStarts(text: string, from: number, to: number, first: number): Int32Array {
  let n = first;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Int32Array(n);
  let j = first;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) starts[j++] = i + 1;
  return starts;
}

/** Line starts by LSP's rule: after `\n`, after `\r\n`, and after a lone `\r`. */
function lspLineStarts(text: string): Int32Array {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return Int32Array.from(starts);
}

/** The index of the last of the ascending `starts` at or before `offset` (a line's index, given line starts). */
export function lastStartAtOrBefore(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
