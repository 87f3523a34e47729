/**
 * The output stage of the formatter: elastic tabstops, then trailing-blank
 * trimming.
 *
 * `alloy fmt` sends the printer's raw output through Go's `text/tabwriter`
 * (min width 0, tab width 8, padding 1, pad character space, empty soft
 * columns discarded, leading empty cells padded with tabs) and then through a
 * filter that drops trailing blanks and the escape markers. Both are
 * reproduced here on JavaScript strings, so that alignment matches byte for
 * byte:
 *
 * - `\t` ends a "hard" cell, `\v` a "soft" one; `\n` ends a line and `\f`
 *   ends a line and every open column (a flush).
 * - Text between two ESCAPE characters is one opaque run: its tabs and line
 *   breaks are not interpreted, and it is never trimmed.
 * - A cell's width is its number of code points (escape markers excluded).
 */

import { CodeUnits, type Units } from './codeUnits';

/**
 * Marks the start and end of an opaque run. NUL cannot occur in any token of a
 * file that parses without errors (Alloy's scanner rejects it everywhere), so
 * it is free to serve as the marker.
 */
export const ESCAPE = '\u0000';

const TAB_WIDTH = 8;
const PADDING = 1;

/**
 * A growable list of integers that keeps its storage when cleared: the
 * tabwriter empties its cell lists at every formfeed, thousands of times in
 * a large file, and plain arrays emptied with `length = 0` give their storage
 * back and allocate it again.
 */
class IntList {
  private items = new Int32Array(64);
  length = 0;

  at(k: number): number {
    return this.items[k] as number;
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  clear(): void {
    this.length = 0;
  }
}

/** Elastic tabstop layout of `input`, as Go's tabwriter with Alloy's settings. */
export function alignColumns(input: string): string {
  return alignUnits(CodeUnits.of(input).view()).toString();
}

/**
 * `alignColumns` on code units, as the printer hands them over.
 *
 * The buffered cells are kept in flat arrays of offsets into `input` (no
 * object or string per cell until it is written), and a line that is a single
 * cell with nothing buffered before it, which is written as it stands, is
 * copied in runs: a file of megabytes costs a few arrays, not an object per cell.
 *
 * `marks`, ascending offsets of `input`, are replaced by the offsets of the
 * output where the same text starts; only a mark where nothing is buffered
 * (after a formfeed, or a line written as it stands) maps, the others become -1.
 */
export function alignUnits(input: Units, marks?: number[]): CodeUnits {
  // Alignment adds a little to the raw text; trimming takes a little away.
  const out = new CodeUnits(input.length + (input.length >> 3), input instanceof Uint8Array);
  // Cell k of the buffered lines is input[cellFrom[k], cellTo[k]).
  const cellFrom = new IntList();
  const cellTo = new IntList();
  const cellWidth = new IntList();
  /** Terminated by a hard tab (`\t`) rather than a soft one or a line break. */
  const cellHtab = new IntList();
  /** Line k's cells are [lineStart[k], lineStart[k + 1]); the last line's run to the last cell. */
  const lineStart = new IntList();
  lineStart.push(0);
  let cellStart = 0;
  /**
   * Code units read so far that add no width: escape markers, and second
   * halves of surrogate pairs. A cell's width is its length less those it
   * holds, counted as the input is read rather than in a second pass per cell.
   */
  let uncounted = 0;
  let uncountedAtCellStart = 0;
  /** Start of lines copied as they stand and not yet written, -1 when none. */
  let verbatim = -1;
  let inEscape = false;
  const widths: number[] = [];

  const lineEnd = (k: number): number => (k + 1 < lineStart.length ? lineStart.at(k + 1) : cellFrom.length);

  const padding = (textWidth: number, cellWidth: number, useTabs: boolean): void => {
    if (useTabs) {
      const rounded = Math.ceil(cellWidth / TAB_WIDTH) * TAB_WIDTH;
      const n = rounded - textWidth;
      out.repeat(0x09, Math.ceil(n / TAB_WIDTH));
    } else {
      out.repeat(0x20, cellWidth - textWidth);
    }
  };

  /** Writes lines [line0, line1) with the column widths known so far. */
  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const first = lineStart.at(i);
      const end = lineEnd(i);
      let useTabs = true;
      for (let k = first; k < end; k++) {
        const j = k - first;
        const from = cellFrom.at(k);
        const to = cellTo.at(k);
        if (from === to) {
          if (j < widths.length) padding(cellWidth.at(k), widths[j] as number, useTabs);
        } else {
          useTabs = false;
          out.appendUnits(input, from, to);
          if (j < widths.length) padding(cellWidth.at(k), widths[j] as number, false);
        }
      }
      // The last buffered line has no line break yet.
      if (i + 1 < lineStart.length) out.repeat(0x0a, 1);
    }
  };

  /** Lays out lines [line0, line1), computing one more column per level. */
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lineEnd(cur) - lineStart.at(cur) - 1) continue;
      // This line opens a column block at `column`: print what precedes it.
      writeLines(line0, cur);
      line0 = cur;
      let width = 0;
      let discardable = true;
      for (; cur < line1; cur++) {
        const first = lineStart.at(cur);
        if (column >= lineEnd(cur) - first - 1) break;
        const k = first + column;
        width = Math.max(width, cellWidth.at(k) + PADDING);
        if (cellWidth.at(k) > 0 || cellHtab.at(k) !== 0) discardable = false;
      }
      if (discardable) width = 0;
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  };

  const writeVerbatim = (): void => {
    if (verbatim < 0) return;
    out.appendUnits(input, verbatim, cellStart);
    verbatim = -1;
  };

  const flush = (): void => {
    format(0, lineStart.length);
    cellFrom.clear();
    cellTo.clear();
    cellWidth.clear();
    cellHtab.clear();
    lineStart.clear();
    lineStart.push(0);
  };

  /** Ends the cell at `end`; returns how many cells its line has. */
  const terminateCell = (end: number, htab: boolean): number => {
    cellFrom.push(cellStart);
    cellTo.push(end);
    cellWidth.push(end - cellStart - (uncounted - uncountedAtCellStart));
    cellHtab.push(htab ? 1 : 0);
    return cellFrom.length - lineStart.at(lineStart.length - 1);
  };

  // Marks (ascending offsets of the input) become offsets of the output; only a mark where nothing is buffered maps.
  let mark = 0;
  let nextMark = marks && marks.length > 0 ? (marks[0] as number) : -1;
  const mapMark = (i: number): void => {
    if (!marks) return;
    while (nextMark === i) {
      marks[mark] = cellFrom.length === 0 && lineStart.length === 1 && verbatim < 0 && !inEscape ? out.length : -1;
      nextMark = ++mark < marks.length ? (marks[mark] as number) : -1;
    }
  };
  for (let i = 0; i < input.length; i++) {
    if (i === nextMark) mapMark(i);
    const ch = input[i] as number;
    // A cell never starts inside a surrogate pair (a separator comes first), so the pair is always whole here.
    if (ch >= 0xdc00 && ch <= 0xdfff && i > 0) {
      const p = input[i - 1] as number;
      if (p >= 0xd800 && p <= 0xdbff) uncounted++;
    }
    if (inEscape) {
      if (ch === 0) {
        inEscape = false;
        uncounted++;
      }
      continue;
    }
    switch (ch) {
      case 0:
        inEscape = true;
        uncounted++;
        break;
      case 0x09:
      case 0x0b:
      case 0x0a:
      case 0x0c: {
        const lineBreak = ch === 0x0a || ch === 0x0c;
        if (lineBreak && cellFrom.length === 0 && lineStart.length === 1) {
          // A whole line, alone: it is written as it stands (a formfeed as a newline).
          if (verbatim < 0) verbatim = cellStart;
          if (ch === 0x0c) {
            out.appendUnits(input, verbatim, i);
            out.repeat(0x0a, 1);
            verbatim = -1;
          }
          cellStart = i + 1;
          uncountedAtCellStart = uncounted;
          break;
        }
        writeVerbatim();
        const cells = terminateCell(i, ch === 0x09);
        cellStart = i + 1;
        uncountedAtCellStart = uncounted;
        if (lineBreak) {
          lineStart.push(cellFrom.length);
          // A formfeed always ends the column blocks; so does a line with a
          // single cell, which cannot influence the lines after it.
          if (ch === 0x0c || cells === 1) flush();
        }
        break;
      }
      default:
        break;
    }
  }
  writeVerbatim();
  if (cellStart < input.length) terminateCell(input.length, false);
  flush();
  if (marks) for (; mark < marks.length; mark++) marks[mark] = -1;
  return out;
}

/**
 * Drops trailing blanks and tabs of every line, turns formfeeds into newlines
 * and removes the escape markers (escaped runs are copied unchanged).
 */
export function trimTrailingBlanks(input: string): string {
  const units = CodeUnits.of(input);
  trimUnits(units);
  return units.toString();
}

/**
 * `trimTrailingBlanks` on code units, in place: the output is never longer
 * than what has been read, so it overwrites the input instead of taking a
 * third buffer the size of the file. Text is moved in runs as long as nothing
 * in them changes. `marks` (ascending, -1 for none) are moved with the text
 * when they are not inside trailing blanks or escaped text (then they become -1).
 */
export function trimUnits(units: CodeUnits, marks?: number[]): void {
  const buf = units.view();
  const length = buf.length;
  /** Where the output goes on. */
  let w = 0;
  const copy = (from: number, to: number): void => {
    if (from !== w) buf.copyWithin(w, from, to);
    w += to - from;
  };
  /** Start of the run not yet copied. */
  let from = 0;
  /** Start of the current run of blanks outside escapes, -1 when none. */
  let blank = -1;
  /** Whether that run holds a vertical tab (written as a tab when the run is kept). */
  let blankHasVTab = false;
  let escaped = false;
  // Marks (ascending, -1 for none) at line starts move with the text before them.
  let mark = 0;
  const nextMark = (): number => {
    while (marks && mark < marks.length && marks[mark] === -1) mark++;
    return marks && mark < marks.length ? (marks[mark] as number) : -1;
  };
  let markAt = nextMark();
  for (let i = 0; i < length; i++) {
    while (i === markAt && marks) {
      marks[mark++] = blank < 0 && !escaped ? w + (i - from) : -1;
      markAt = nextMark();
    }
    const c = buf[i] as number;
    if (escaped) {
      if (c === 0) {
        copy(from, i);
        from = i + 1;
        escaped = false;
      }
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0b) {
      if (blank < 0) {
        blank = i;
        blankHasVTab = false;
      }
      if (c === 0x0b) blankHasVTab = true;
      continue;
    }
    if (c === 0x0a || c === 0x0c) {
      // Trailing blanks go; a formfeed is written as a newline.
      copy(from, blank >= 0 ? blank : i);
      if (c === 0x0c) {
        buf[w++] = 0x0a;
        from = i + 1;
      } else {
        from = i;
      }
      blank = -1;
      continue;
    }
    // Text or an escape marker: blanks before it stay.
    if (blank >= 0 && blankHasVTab) {
      copy(from, blank);
      for (let k = blank; k < i; k++) {
        const b = buf[k] as number;
        buf[w++] = b === 0x0b ? 0x09 : b;
      }
      from = i;
    }
    blank = -1;
    if (c === 0) {
      copy(from, i);
      from = i + 1;
      escaped = true;
    }
  }
  copy(from, escaped || blank < 0 ? length : blank);
  units.truncate(w);
  if (marks) for (; mark < marks.length; mark++) if (marks[mark] !== -1) marks[mark] = -1;
}
