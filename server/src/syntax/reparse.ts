/**
 * Incremental parsing: after an edit, only the top-level statements the edit
 * touches are scanned and parsed again; the others are reused.
 *
 * Statements after the edit are reused with their offsets to be moved: they
 * are copied with the new offsets when `file.body` is first read
 * (`pendingBody.ts`), so a version that is only diagnosed never pays for it.
 * The window's strings are copies of their own (see `own` in interner.ts), so
 * a chain of reparses keeps no earlier text alive but that of the last full parse.
 *
 * Why this gives exactly what `parse(newText)` gives: the scanner and parser
 * are in the same state after every newline that ends a top-level statement
 * (a resume point: no pending terminator, depth 0, no error on a later line
 * suppressed), whatever came before. So the edited text is parsed from the
 * last resume point before the edit to the first one after it, and that
 * window is accepted only if it ends there too: its last token is that same
 * newline, consumed as the end of a top-level statement. An edit that changes
 * the meaning of what follows (an unclosed `{`, an unterminated block comment
 * or raw string) fails that test, and the window runs to the end of the text.
 * A previous parse with a nesting warning (reported once per file) or close to
 * the error limit is parsed again whole.
 */
import type { FileNode, Stmt } from './ast';
import { LineIndex } from './lineIndex';
import { parse, parseWindow, type ParseResult, type SyntaxDiagnostic, type WindowParse } from './parser';
import { MAX_SYNTAX_ERRORS, type ScanError, type TokenStream } from './scanner';
import { commonPrefix, commonSuffix } from './textAffixes';
import { fileOfRuns, joinRuns, runsBefore, runsFrom, runsOf, type Run } from './pendingBody';
import { sliceRuns, startAt, streamOfRuns, tokenRunsOf } from './pendingTokens';
import { Serials } from './serials';
import { keptMeaning, type TriviaEdit } from './triviaEdit';
import { Tok } from './tokens';

/**
 * The parse of `text`, reusing `previous` (a parse of an earlier version of
 * the same document). Deep-equal to `parse(text)`: tree, tokens, diagnostics,
 * line index. `previous` is not changed.
 */
export function reparse(previous: ParseResult, text: string): ParseResult {
  const old = previous.text;
  if (old === text) return previous;
  if (previous.diagnostics.length >= MAX_SYNTAX_ERRORS / 2 || previous.diagnostics.some((d) => d.severity === 'warning')) return parse(text);

  // The edit: old[start, oldEnd) became text[start, newEnd).
  const start = commonPrefix(old, text);
  const common = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  const oldEnd = old.length - common;
  const newEnd = text.length - common;
  const delta = newEnd - oldEnd;

  const oldTokens = previous.tokens;
  const oldStart = (i: number) => startAt(oldTokens, i);
  const resume = previous.resumePoints;
  // The last resume point whose newline is before the edit, and the first whose newline is after it.
  let r = lastAtOrBefore(resume, oldTokens, start);
  const first = r >= 0 ? (resume[r] as number) : 0;
  const from = r >= 0 ? oldStart(first) : 0;
  let r2 = r + 1;
  while (r2 < resume.length && oldStart(resume[r2] as number) <= oldEnd) r2++;

  const lineIndex = LineIndex.edited(previous.lineIndex, text, start, oldEnd, newEnd);
  let window: WindowParse | undefined;
  let last = oldTokens.count; // the first old token reused after the window (count: none)
  if (r2 < resume.length) {
    last = resume[r2] as number;
    const to = oldStart(last) + delta;
    window = parseWindow(text, from, to, lineIndex);
    if (!endsAtResumePoint(window, to)) window = undefined;
  }
  if (!window) {
    last = oldTokens.count;
    window = parseWindow(text, from, text.length, lineIndex);
  }
  const reuseAfter = last < oldTokens.count;
  const windowTokens = reuseAfter ? window.tokens.count - 1 : window.tokens.count; // without its EOF when reusing
  const tokenDelta = first + windowTokens - last;

  const oldTo = reuseAfter ? oldStart(last) : Infinity;
  const diagnostics = joinDiagnostics(previous.diagnostics, window.diagnostics, from, oldTo, delta);
  const errors = joinErrors(oldTokens.errors, window.tokens.errors, first, last, tokenDelta, delta);
  if (diagnostics.length >= MAX_SYNTAX_ERRORS || errors.length >= MAX_SYNTAX_ERRORS) return parse(text);

  const statements = runsOf(previous.file);
  const result: ParseResult = {
    text,
    tokens: joinTokens(text, oldTokens, window.tokens, first, windowTokens, last, delta, errors),
    file: joinBody(statements, window.body, from, oldTo, delta, text.length),
    diagnostics,
    lineIndex,
    resumePoints: joinResumePoints(resume, window.resumePoints, r, first, last, tokenDelta),
  };
  const trivia = keptMeaning({ previous, next: result, statements, start, oldEnd, newEnd, firstToken: first, oldLastToken: last, newLastToken: first + windowTokens });
  edits.set(result, { previous: versions.of(previous), trivia });
  return result;
}

/** Kept beside the results rather than in them: a reparse stays deep-equal to a full parse. */
const edits = new WeakMap<ParseResult, { previous: number; trivia: TriviaEdit | undefined }>();
/** Which parse a reparse was made from, by number (see `serials.ts`). */
const versions = new Serials<ParseResult>();

/**
 * The edit that made `next` from `previous`, when `reparse` made it and the
 * edit changed only comments and blank space between statements (see
 * `triviaEdit.ts`); undefined otherwise. The previous version is known by its
 * number: a chain of reparses does not keep every earlier version alive.
 */
export function triviaEdit(previous: ParseResult, next: ParseResult): TriviaEdit | undefined {
  const edit = edits.get(next);
  return edit && versions.is(previous, edit.previous) ? edit.trivia : undefined;
}

/** Index of the last resume point whose newline is before `offset` (its token starts at or before it), or -1. */
function lastAtOrBefore(resume: Int32Array, tokens: TokenStream, offset: number): number {
  let lo = 0;
  let hi = resume.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startAt(tokens, resume[mid] as number) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Whether the window ended as the whole text does there: on the newline before `to`, a top-level statement's end. */
function endsAtResumePoint(window: WindowParse, to: number): boolean {
  const { kinds, starts, count } = window.tokens;
  const points = window.resumePoints;
  return (
    count >= 2 &&
    kinds[count - 2] === Tok.Terminator &&
    starts[count - 2] === to - 1 &&
    points.length > 0 &&
    points[points.length - 1] === count - 1
  );
}

/** The tokens before the window (reused), the window's, those after it (moved by `delta`): as runs, made into arrays when read. */
function joinTokens(
  text: string,
  old: TokenStream,
  window: TokenStream,
  first: number,
  windowTokens: number,
  last: number,
  delta: number,
  errors: ScanError[],
): TokenStream {
  const runs = tokenRunsOf(old);
  return streamOfRuns(
    text,
    [
      ...sliceRuns(runs, 0, first, 0),
      { kinds: window.kinds, starts: window.starts, from: 0, to: windowTokens, delta: 0 },
      ...sliceRuns(runs, last, old.count, delta),
    ],
    errors,
  );
}

function joinErrors(old: ScanError[], window: ScanError[], first: number, last: number, tokenDelta: number, delta: number): ScanError[] {
  const out: ScanError[] = [];
  for (const e of old) if (e.token < first) out.push(e);
  for (const e of window) out.push({ offset: e.offset, message: e.message, token: e.token + first });
  for (const e of old) if (e.token >= last) out.push({ offset: e.offset + delta, message: e.message, token: e.token + tokenDelta });
  return out;
}

/**
 * Statements before the window (reused), the window's, those after it (moved
 * by `delta`): as runs, copied with their new offsets only when read.
 */
function joinBody(old: readonly Run[], window: Stmt[], from: number, oldTo: number, delta: number, end: number): FileNode {
  const windowRun: Run = { stmts: window, from: 0, to: window.length, delta: 0 };
  return fileOfRuns(joinRuns([...runsBefore(old, from), windowRun, ...runsFrom(old, oldTo, delta)]), end);
}

/**
 * Alloy's order is token order, and every diagnostic lies in the statement of
 * its token: those before the window, the window's, those after it (moved).
 */
function joinDiagnostics(old: SyntaxDiagnostic[], window: SyntaxDiagnostic[], from: number, oldTo: number, delta: number): SyntaxDiagnostic[] {
  const out: SyntaxDiagnostic[] = [];
  for (const d of old) if (d.start < from) out.push(d);
  for (const d of window) out.push(d);
  for (const d of old) if (d.start >= oldTo) out.push({ start: d.start + delta, end: d.end + delta, message: d.message, severity: d.severity });
  return out;
}

function joinResumePoints(old: Int32Array, window: Int32Array, r: number, first: number, last: number, tokenDelta: number): Int32Array {
  let after = old.length;
  while (after > 0 && (old[after - 1] as number) > last) after--;
  const tail = old.length - after;
  const out = new Int32Array(r + 1 + window.length + tail);
  out.set(old.subarray(0, r + 1), 0);
  for (let i = 0; i < window.length; i++) out[r + 1 + i] = (window[i] as number) + first;
  for (let i = 0; i < tail; i++) out[r + 1 + window.length + i] = (old[after + i] as number) + tokenDelta;
  return out;
}
