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

/**
 * Marks the start and end of an opaque run. NUL cannot occur in any token of a
 * file that parses without errors (Alloy's scanner rejects it everywhere), so
 * it is free to serve as the marker.
 */
export const ESCAPE = '\u0000';

const TAB_WIDTH = 8;
const PADDING = 1;

interface Cell {
  text: string;
  /** Width in code points, escape markers excluded. */
  width: number;
  /** Terminated by a hard tab (`\t`) rather than a soft one or a line break. */
  htab: boolean;
}

function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) continue;
    // The second half of a surrogate pair does not add a code point.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) continue;
    }
    width++;
  }
  return width;
}

/** Elastic tabstop layout of `input`, as Go's tabwriter with Alloy's settings. */
export function alignColumns(input: string): string {
  const out: string[] = [];
  let lines: Cell[][] = [[]];
  let cellStart = 0;
  let inEscape = false;
  const widths: number[] = [];

  const padding = (textWidth: number, cellWidth: number, useTabs: boolean): void => {
    if (useTabs) {
      const rounded = Math.ceil(cellWidth / TAB_WIDTH) * TAB_WIDTH;
      const n = rounded - textWidth;
      out.push('\t'.repeat(Math.ceil(n / TAB_WIDTH)));
    } else {
      out.push(' '.repeat(cellWidth - textWidth));
    }
  };

  /** Writes lines [line0, line1) with the column widths known so far. */
  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] as Cell[];
      let useTabs = true;
      for (let j = 0; j < line.length; j++) {
        const c = line[j] as Cell;
        if (c.text.length === 0) {
          if (j < widths.length) padding(c.width, widths[j] as number, useTabs);
        } else {
          useTabs = false;
          out.push(c.text);
          if (j < widths.length) padding(c.width, widths[j] as number, false);
        }
      }
      // The last buffered line has no line break yet.
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  /** Lays out lines [line0, line1), computing one more column per level. */
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= (lines[cur] as Cell[]).length - 1) continue;
      // This line opens a column block at `column`: print what precedes it.
      writeLines(line0, cur);
      line0 = cur;
      let width = 0;
      let discardable = true;
      for (; cur < line1; cur++) {
        const line = lines[cur] as Cell[];
        if (column >= line.length - 1) break;
        const c = line[column] as Cell;
        width = Math.max(width, c.width + PADDING);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable) width = 0;
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  };

  const flush = (): void => {
    format(0, lines.length);
    lines = [[]];
  };

  const terminateCell = (end: number, htab: boolean): number => {
    const text = input.slice(cellStart, end);
    const line = lines[lines.length - 1] as Cell[];
    line.push({ text, width: displayWidth(text), htab });
    return line.length;
  };

  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (inEscape) {
      if (ch === ESCAPE) inEscape = false;
      continue;
    }
    switch (ch) {
      case ESCAPE:
        inEscape = true;
        break;
      case '\t':
      case '\v':
      case '\n':
      case '\f': {
        const cells = terminateCell(i, ch === '\t');
        cellStart = i + 1;
        if (ch === '\n' || ch === '\f') {
          lines.push([]);
          // A formfeed always ends the column blocks; so does a line with a
          // single cell, which cannot influence the lines after it.
          if (ch === '\f' || cells === 1) flush();
        }
        break;
      }
      default:
        break;
    }
  }
  const rest = input.slice(cellStart);
  if (rest.length > 0) {
    const line = lines[lines.length - 1] as Cell[];
    line.push({ text: rest, width: displayWidth(rest), htab: false });
  }
  flush();
  return out.join('');
}

/**
 * Drops trailing blanks and tabs of every line, turns formfeeds into newlines
 * and removes the escape markers (escaped runs are copied unchanged).
 */
export function trimTrailingBlanks(input: string): string {
  const out: string[] = [];
  const SPACE = 0;
  const TEXT = 1;
  const ESC = 2;
  let state = SPACE;
  let space = '';
  let textStart = 0;
  for (let i = 0; i < input.length; i++) {
    let ch = input[i] as string;
    if (ch === '\v') ch = '\t';
    if (state === SPACE) {
      if (ch === '\t' || ch === ' ') {
        space += ch;
      } else if (ch === '\n' || ch === '\f') {
        space = '';
        out.push('\n');
      } else if (ch === ESCAPE) {
        out.push(space);
        space = '';
        state = ESC;
        textStart = i + 1;
      } else {
        out.push(space);
        space = '';
        state = TEXT;
        textStart = i;
      }
    } else if (state === TEXT) {
      if (ch === '\t' || ch === ' ') {
        out.push(input.slice(textStart, i));
        space = ch;
        state = SPACE;
      } else if (ch === '\n' || ch === '\f') {
        out.push(input.slice(textStart, i), '\n');
        space = '';
        state = SPACE;
      } else if (ch === ESCAPE) {
        out.push(input.slice(textStart, i));
        state = ESC;
        textStart = i + 1;
      }
    } else if (ch === ESCAPE) {
      out.push(input.slice(textStart, i));
      space = '';
      state = SPACE;
    }
  }
  if (state !== SPACE) out.push(input.slice(textStart));
  return out.join('');
}
