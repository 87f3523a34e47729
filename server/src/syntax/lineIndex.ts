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
  private readonly lineStarts: number[];
  /** LSP's line starts; the same array unless the text has a `\r` not followed by `\n`. */
  private readonly lspStarts: number[];
  /** The last Alloy column computed, so that many positions on one long line cost one pass. */
  private lastColumn = { line: -1, offset: 0, bytes: 0 };

  constructor(private readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
    this.lspStarts = hasLoneCarriageReturn(text) ? lspLineStarts(text) : starts;
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
    if (this.lastColumn.line === line && this.lastColumn.offset <= clamped) {
      from = this.lastColumn.offset;
      bytes = this.lastColumn.bytes;
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
    if (!(clamped > from && before >= 0xd800 && before <= 0xdbff)) this.lastColumn = { line, offset: clamped, bytes };
    return { line: line + 1, column: bytes + 1 };
  }
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

/** Line starts by LSP's rule: after `\n`, after `\r\n`, and after a lone `\r`. */
function lspLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** The index of the last of the ascending `starts` at or before `offset` (a line's index, given line starts). */
export function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
