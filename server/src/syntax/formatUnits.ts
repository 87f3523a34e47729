/**
 * Formatting a file as independently formatted units, so that after a small
 * edit only the units whose text changed are formatted again and the others
 * are copied from the previous format (`formatByUnits`).
 *
 * A unit is a slice of the source: runs of top-level statements with the
 * comments and blank lines around them. The output of `format` for the whole
 * file is the units' outputs (each formatted on its own by `formatUnit`,
 * which parses the slice and prints it) joined with a separator that is
 * either nothing or one newline. That holds only at the cuts chosen here.
 *
 * The rule. A file is cut before top-level statement B, following
 * statement A, only when
 *
 * 1. A and B are both blocks (A closed by its `}`), and
 * 2. the text between A's `}` and B holds nothing but blanks, line breaks
 *    and comments, with at least one line break before the first comment
 *    (or before B when there is none).
 *
 * The cut goes at the start of the line of the first comment (or of B).
 * Why the whole file's printer and tabwriter then print the unit exactly as
 * they print it alone (`printer.ts` describes the three stages):
 *
 * - Walk and comments. Every comment inside A precedes A's `}`, which is
 *   printed at its own source position, so all of them are placed by then;
 *   after `}` nothing is pending but A's line end. The next text is B's first
 *   token, or the first comment before it: the printer's decisions from there
 *   on depend only on source lines and byte offsets relative to that point,
 *   which the slice keeps. Without comments the whole file writes A's line
 *   end and B's formfeed, then B at column 1 with indentation 0, as B's
 *   slice alone begins. With comments the first comment drops A's line end
 *   and writes min(lines from `}` to it, 2) line breaks; from there the
 *   pending state is "line end spent, formfeed pending", which `continued`
 *   recreates in the unit's own printer (`Walker.run`), so the line break
 *   written after the comments is a formfeed in both.
 * - Tabwriter. Every cut is preceded, in the whole file's raw output, by a
 *   formfeed (a line break that ends all column blocks) outside escaped text,
 *   so the alignment of the lines before it does not depend on what follows
 *   and the lines after it start with a fresh tabwriter, as the unit alone
 *   does. A unit alone ends with A's `}` and the newline `format` adds, which
 *   is what that formfeed writes.
 * - Separator. Without comments the whole file writes two line breaks after
 *   `}`: the unit's own newline and one more. With comments it writes one or
 *   two, by the lines between `}` and the first comment.
 * - Safety net. The scanner makes one terminator of a run of line breaks, so
 *   the printed file reads back as the source exactly when every unit does.
 *
 * Attributes at the top level are never at a cut (their `=` align with their
 * neighbours', and a comment after their value may be placed only at the
 * next token), so a run of them stays in one unit with the blocks around it.
 *
 * Units not kept from the previous format are formatted in one of two ways.
 * A few (a quarter of the text at most) are parsed and printed each on its
 * own (`formatUnit`): after an edit in one block that is one small unit of a
 * large file. Otherwise (the first format of a file) the whole file is
 * formatted, which is the answer, and its output is cut into the units'
 * outputs: the walk marks the first text of each unit's first statement or
 * comment in the raw output, and the tabwriter and trimming carry those
 * marks to the final output, where by the argument above they fall at line
 * starts right after the separators. A mark that lands anywhere else keeps
 * nothing (the answer stands). When a unit formatted on its own is refused,
 * the whole file is formatted instead, so that refusals are `format`'s own.
 *
 * The statements' spans come from `runsOf` (`pendingBody.ts`): after a
 * reparse they are read from the pending runs, so a format after an edit in
 * one block does not build the file's new tree (50 to 110 ms at 3.4 MB).
 */
import type { FileNode, Stmt } from './ast';
import type { ParseResult } from './parser';
import { runsOf } from './pendingBody';
import { format, formatMarked, formatUnit, type UnitMarks } from './printer';

/** A slice of the source formatted on its own. */
export interface Unit {
  start: number;
  end: number;
  /** Starts with comments after a top-level block (see `formatUnit`). */
  continued: boolean;
  /** What the whole file's output has between the previous unit's output and this one's. */
  separator: '' | '\n';
}

/** A top-level statement's kind and span. */
export interface StatementSpan {
  kind: Stmt['kind'];
  start: number;
  end: number;
}

/**
 * The top-level statements of `file`, in order, without building the body of
 * a reparsed file (the pending runs give each statement and how far it moved).
 * An array rather than a generator: a generator object kept the version it
 * read alive through V8's young-generation collections.
 */
export function topLevelSpans(file: FileNode): StatementSpan[] {
  const spans: StatementSpan[] = [];
  for (const run of runsOf(file)) {
    for (let i = run.from; i < run.to; i++) {
      const s = run.stmts[i] as Stmt;
      spans.push({ kind: s.kind, start: s.start + run.delta, end: s.end + run.delta });
    }
  }
  return spans;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const SLASH = 47;
const STAR = 42;

/**
 * The cut before `b`, when the rule of the module comment allows one: where
 * the unit starts, whether it starts with comments, and its separator.
 */
function cutBetween(text: string, a: StatementSpan, b: StatementSpan): Unit | undefined {
  if (a.kind !== 'Block' || b.kind !== 'Block' || text.charCodeAt(a.end - 1) !== 0x7d) return undefined;
  let newlines = 0;
  let first = -1;
  let newlinesBeforeFirst = 0;
  let i = a.end;
  while (i < b.start) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      newlines++;
      i++;
    } else if (c === SPACE || c === TAB || c === CR) {
      i++;
    } else if (c === SLASH && (text.charCodeAt(i + 1) === SLASH || text.charCodeAt(i + 1) === STAR)) {
      if (first < 0) {
        // A comment on the line of `}` is aligned with it: no cut.
        if (newlines === 0) return undefined;
        first = i;
        newlinesBeforeFirst = newlines;
      }
      if (text.charCodeAt(i + 1) === SLASH) {
        const eol = text.indexOf('\n', i);
        i = eol < 0 || eol > b.start ? b.start : eol;
      } else {
        const close = text.indexOf('*/', i + 2);
        if (close < 0 || close + 2 > b.start) return undefined;
        i = close + 2;
      }
    } else {
      // Anything else between two statements (a stray separator): no cut.
      return undefined;
    }
  }
  if (first < 0) {
    if (newlines === 0) return undefined;
    return { start: text.lastIndexOf('\n', b.start - 1) + 1, end: 0, continued: false, separator: '\n' };
  }
  return { start: text.lastIndexOf('\n', first - 1) + 1, end: 0, continued: true, separator: newlinesBeforeFirst >= 2 ? '\n' : '' };
}

/** The units of `text`, whose top-level statements are `statements`, in order; they cover the text. */
export function formatUnits(text: string, statements: Iterable<StatementSpan>): Unit[] {
  const units: Unit[] = [];
  let current: Unit = { start: 0, end: text.length, continued: false, separator: '' };
  let previous: StatementSpan | undefined;
  for (const s of statements) {
    const cut = previous && cutBetween(text, previous, s);
    if (cut) {
      current.end = cut.start;
      units.push(current);
      current = cut;
    }
    previous = s;
  }
  current.end = text.length;
  units.push(current);
  return units;
}

/** Formats one unit's text: `formatUnit` unless a test counts the calls. */
export type UnitFormatter = (text: string, continued: boolean) => string | undefined;

/**
 * The units of one format of a file: unit text → its output, one map for
 * units that start with comments after a block and one for the others.
 * Its keys are slices of the text formatted, so a cache keeps that text alive.
 */
export interface UnitCache {
  plain: Map<string, string>;
  continued: Map<string, string>;
}

export interface UnitsFormat {
  /** `format(result)`. */
  text: string | undefined;
  /** This format's units, for the next (the previous cache when the file did not parse). */
  cache: UnitCache;
  /** How many units were formatted rather than copied. */
  formatted: number;
  /** How many units the file has (0 when it did not parse). */
  units: number;
}

/** How the units not in the cache are formatted. */
export type UnitStrategy =
  /** Each unit's text parsed and formatted on its own: cheap for a few units of a large file. */
  | 'slices'
  /** The whole file formatted (that is the answer) and its output cut into the units' outputs. */
  | 'whole'
  /** Slices, unless the units to format hold more than a quarter of the text. */
  | 'auto';

export interface FormatByUnitsOptions {
  /** Formats one unit's text instead of the strategy's way (tests count the calls). */
  formatter?: UnitFormatter;
  strategy?: UnitStrategy;
}

/**
 * `format(result)`, assembled from units: those whose text is in `previous`
 * are copied, the others formatted.
 */
export function formatByUnits(result: ParseResult, previous?: UnitCache, options: FormatByUnitsOptions = {}): UnitsFormat {
  if (result.diagnostics.length > 0) return { text: undefined, cache: previous ?? emptyCache(), formatted: 0, units: 0 };
  const text = result.text;
  const units = formatUnits(text, topLevelSpans(result.file));
  const sources = units.map((u) => text.slice(u.start, u.end));
  const outputs = units.map((u, k) => (u.continued ? previous?.continued : previous?.plain)?.get(sources[k] as string));
  let missing = 0;
  let missingLength = 0;
  units.forEach((u, k) => {
    if (outputs[k] !== undefined) return;
    missing++;
    missingLength += u.end - u.start;
  });
  const strategy = options.strategy ?? 'auto';
  if (missing > 0 && !options.formatter && (strategy === 'whole' || (strategy === 'auto' && missingLength * 4 > text.length))) {
    const whole = formatWhole(result, units);
    const cache = emptyCache();
    if (whole.outputs) whole.outputs.forEach((out, k) => ((units[k] as Unit).continued ? cache.continued : cache.plain).set(sources[k] as string, out));
    // A file the formatter refuses keeps the units of its last format.
    return { text: whole.text, cache: whole.text === undefined ? (previous ?? cache) : cache, formatted: units.length, units: units.length };
  }
  // A unit that is the whole file is printed from the parse at hand.
  const formatOne = options.formatter ?? ((t: string, continued: boolean) => (t === text && !continued ? format(result) : formatUnit(t, continued)));
  const cache = emptyCache();
  const parts: string[] = [];
  let failed = false;
  units.forEach((unit, k) => {
    const out = outputs[k] ?? formatOne(sources[k] as string, unit.continued);
    if (out === undefined) {
      failed = true;
      return;
    }
    (unit.continued ? cache.continued : cache.plain).set(sources[k] as string, out);
    if (unit.separator) parts.push(unit.separator);
    parts.push(out);
  });
  // A unit refused: the whole file decides (the refusals are the same, see the module comment).
  const whole = failed ? format(result) : parts.join('');
  return { text: whole, cache, formatted: missing, units: units.length };
}

/**
 * `format(result)`, and each unit's output cut from it: a unit's output runs
 * from its mark to the next unit's separator. Undefined outputs when a mark
 * did not land where the module comment says (then nothing is kept).
 */
function formatWhole(result: ParseResult, units: readonly Unit[]): { text: string | undefined; outputs?: string[] } {
  // The statements that start units 1..n-1; formatting reads the whole tree anyway.
  const body = result.file.body;
  const statements: number[] = [];
  let i = 0;
  for (let k = 1; k < units.length; k++) {
    const start = (units[k] as Unit).start;
    while (i < body.length && (body[i] as Stmt).start < start) i++;
    statements.push(i);
  }
  const marks: UnitMarks = { statements };
  const text = formatMarked(result, marks);
  const offsets = marks.offsets;
  if (text === undefined || !offsets || offsets.length !== statements.length) return { text };
  const outputs: string[] = [];
  let from = 0;
  for (let k = 0; k < units.length; k++) {
    const next = units[k + 1];
    const to = next ? (offsets[k] as number) - next.separator.length : text.length;
    if (next && ((offsets[k] as number) < 0 || text.slice(to, offsets[k]) !== next.separator)) return { text };
    if (to <= from || text.charCodeAt(to - 1) !== LF) return { text };
    outputs.push(text.slice(from, to));
    from = offsets[k] as number;
  }
  return { text, outputs };
}

function emptyCache(): UnitCache {
  return { plain: new Map(), continued: new Map() };
}
