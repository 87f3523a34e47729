/**
 * The Alloy formatter: prints a parsed file exactly as `alloy fmt` does.
 *
 * The layout rules are those of Alloy's own printer (`syntax/printer`), which
 * works in three stages, reproduced here:
 *
 * 1. A walk over the tree sends tokens and *whitespace requests* (blank,
 *    soft tab, newline, formfeed, indent, unindent) to a printer. Requests
 *    are buffered and only turned into characters when the next token comes,
 *    so that comments found in between can take their place.
 * 2. Comments are not attached to nodes: they are re-inserted by position.
 *    Before each token the printer writes every comment group that starts at
 *    or before the token's position. Many tokens carry no position of their
 *    own (`=`, `.`, `,`, call parentheses...); for those the printer's running
 *    estimate is used (the end of the previous token in the source). All
 *    positions here are therefore kept in UTF-8 bytes, as Alloy counts them.
 * 3. The raw output, with `\v` before each `=` of an attribute or object
 *    field and escape markers around comments, goes through elastic tabstops
 *    and trailing-blank trimming.
 *
 * Stage 1 is `printerWalk.ts`, stage 2 `printerBuffer.ts` (with source
 * positions and comment groups from `printerSource.ts`), stage 3
 * `tabwriter.ts`; this module runs them and checks the result.
 *
 * Three deliberate departures from `alloy fmt`, all where it would damage the
 * file (each is pinned by a unit test):
 *
 * - Quoted object keys. Alloy keeps a key's text between the quotes as the
 *   key itself (escapes are not decoded), but its printer re-quotes that text
 *   with Go's `%q`, so `{"a\"b" = 1}` becomes `{"a\\\"b" = 1}`, a different
 *   key, and grows on every run. Here a double-quoted key is printed as
 *   written; a backquoted key is turned into a double-quoted one only when
 *   that needs no escape (which is what Alloy prints then too), otherwise it
 *   is kept as written.
 * - A call without arguments whose `)` is on another line than `(`: Alloy
 *   prints `f(,` followed by `)`, which does not parse. Here it is `f()`.
 * - Comments between tokens that carry no position can end up where they
 *   swallow code: `a = [b.` ⏎ `// c` ⏎ `d, e]` becomes `a = [b.d` ⏎
 *   `// c, e]` with `alloy fmt`. Every result is therefore scanned again and
 *   compared with the input (`printerFaithful.ts`: same tokens, separators
 *   the grammar reads alike, same number of comments); when they differ the
 *   formatter refuses instead.
 */
import { parse, type ParseResult } from './parser';
import { faithful } from './printerFaithful';
import { Printer, Unprintable } from './printerBuffer';
import { Source } from './printerSource';
import { Walker } from './printerWalk';
import { alignUnits, trimUnits } from './tabwriter';

/**
 * Prints a parsed body at `indentLevel`, followed by a newline when
 * `newline` is set (and the body is not empty); undefined when the tree cannot
 * be printed or when the result would not read back as the same file.
 * The newline is written before the text becomes a string: appending it to a
 * string of megabytes makes a rope that the edit's comparison has to copy.
 */
function print(result: ParseResult, indentLevel: number, newline: 'always' | 'unlessEmpty', continued = false, marks?: UnitMarks): string | undefined {
  const src = new Source(result);
  const printer = new Printer(indentLevel, src.groups, result.text.length, src.bytes.ascii);
  try {
    new Walker(src, printer).run(result.file.body, continued, marks?.statements);
  } catch (e) {
    if (e instanceof Unprintable) return undefined;
    throw e;
  }
  const raw = printer.finish();
  if (marks) marks.offsets = printer.marks;
  const aligned = alignUnits(raw, marks?.offsets);
  trimUnits(aligned, marks?.offsets);
  if (newline === 'always' || aligned.length > 0) aligned.repeat(0x0a, 1);
  const printed = aligned.toString();
  // The newline ends the last statement as a line break in the source would: the check reads them alike.
  return faithful(result, printed) ? printed : undefined;
}

/**
 * Formats a whole file as `alloy fmt` does: the printed file followed by one
 * newline. Returns undefined when the file has syntax errors (`alloy fmt`
 * refuses those too), and in the rare cases where `alloy fmt`'s layout would
 * break the file (see the module comment).
 */
export function format(result: ParseResult): string | undefined {
  if (result.diagnostics.length > 0) return undefined;
  return print(result, 0, 'always');
}

/** Where units start: given their first top-level statements, `formatMarked` finds their places in the output. */
export interface UnitMarks {
  /** Indices in the file's body of the statements that start units (after the first), ascending. */
  statements: readonly number[];
  /**
   * Set by `formatMarked`: for each, the offset in the output where the unit's
   * output starts (its first comment or its statement), -1 when it did not
   * fall at a line start of the output.
   */
  offsets?: number[];
}

/**
 * `format(result)`, recording in `marks` where the units it names start in
 * the output, so that the output can be cut into the units' outputs
 * (`formatUnits.ts`) without formatting each again.
 */
export function formatMarked(result: ParseResult, marks: UnitMarks): string | undefined {
  if (result.diagnostics.length > 0) return undefined;
  return print(result, 0, 'always', false, marks);
}

/**
 * Formats `text`, one unit of a file cut where `formatUnits.ts` proves the
 * layout context-free: what `format` of the whole file prints for it.
 * `continued`: the unit starts with comments that follow a top-level block
 * (see `Walker.run`). Undefined when the unit does not parse or when `format`
 * would refuse it.
 */
export function formatUnit(text: string, continued: boolean): string | undefined {
  const result = parse(text);
  if (result.diagnostics.length > 0) return undefined;
  return print(result, 0, 'always', continued);
}

/**
 * Formats `text`, read as a list of statements (attributes and blocks), for
 * insertion at `indentLevel` tabs of indentation: every line gets that
 * indentation and `=` signs are aligned exactly as `alloy fmt` aligns them.
 * The result ends with a newline (or is empty for empty input).
 * Throws when `text` has syntax errors or cannot be formatted: callers build
 * it themselves, so that is a bug of theirs.
 */
export function formatStatements(text: string, indentLevel: number): string {
  const result = parse(text);
  const first = result.diagnostics[0];
  if (first) throw new Error(`formatStatements: text does not parse: ${first.message}`);
  const printed = print(result, Math.max(0, Math.floor(indentLevel)), 'unlessEmpty');
  if (printed === undefined) throw new Error('formatStatements: text cannot be formatted without changing it');
  return printed;
}
