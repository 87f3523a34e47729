/**
 * Edits that change nothing Alloy reads: typing in a comment or in the blank
 * space between top-level statements. After such an edit every statement,
 * every syntax diagnostic and every line:column of a statement is what it was;
 * only offsets after the edit moved. Whatever was computed from the previous
 * text then holds for the new one once its offsets are moved (`mapOffset`),
 * which is how the language service skips the analysis of such an edit.
 *
 * The test is strict, because a wrong answer would show stale findings:
 * - the reparse's window has the same tokens, of the same kinds, and every
 *   token that is not a comment or whitespace has the same text;
 * - the edit lies outside every top-level statement (a comment inside a block
 *   is part of the block's text, which some checks read);
 * - the edit adds or removes no line break, and no statement starts later on
 *   the line it ends on (messages quote statements' line:column);
 * - the syntax diagnostics are the previous ones, moved.
 */
import type { Stmt } from './ast';
import type { ParseResult } from './parser';
import { reparseEdit } from './reparse';
import { Tok } from './tokens';

/** `old[start, oldEnd)` became `new[start, newEnd)`; nothing Alloy reads changed. */
export interface TriviaEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The edit that made `next` from `previous`, when it changed only comments and blank space between statements. */
export function triviaEdit(previous: ParseResult, next: ParseResult): TriviaEdit | undefined {
  const edit = reparseEdit(previous, next);
  if (!edit) return undefined;
  const { start, oldEnd, newEnd, firstToken, oldLastToken, newLastToken } = edit;
  if (oldLastToken !== newLastToken || !sameSignificantTokens(previous, next, firstToken, oldLastToken)) return undefined;
  if (touchesStatement(previous.file.body, start, oldEnd)) return undefined;
  if (lineBreaks(previous.text, start, oldEnd) !== lineBreaks(next.text, start, newEnd)) return undefined;
  if (statementLaterOnLine(previous, oldEnd)) return undefined;
  const kept = { start, oldEnd, newEnd };
  return sameDiagnostics(previous, next, kept) ? kept : undefined;
}

/**
 * `offset` of the previous text, in the new one. Undefined when the edit made
 * it ambiguous: inside the replaced text, or at the point of an insertion
 * (the end of what comes before, or the start of what comes after?).
 */
export function mapOffset(edit: TriviaEdit, offset: number): number | undefined {
  if (offset < edit.start) return offset;
  if (offset > edit.oldEnd) return offset + edit.newEnd - edit.oldEnd;
  if (edit.start === edit.oldEnd) return undefined;
  if (offset === edit.start) return offset;
  if (offset === edit.oldEnd) return offset + edit.newEnd - edit.oldEnd;
  return undefined;
}

function isTrivia(kind: number): boolean {
  return kind === Tok.Comment || kind === Tok.Whitespace;
}

/** Tokens `[first, last)` of both streams: the same kinds, and the same text unless trivia. */
function sameSignificantTokens(previous: ParseResult, next: ParseResult, first: number, last: number): boolean {
  const a = previous.tokens;
  const b = next.tokens;
  for (let k = first; k < last; k++) {
    const kind = a.kinds[k] as number;
    if (kind !== b.kinds[k]) return false;
    if (isTrivia(kind)) continue;
    const as = a.starts[k] as number;
    const bs = b.starts[k] as number;
    const length = (a.starts[k + 1] as number) - as;
    if ((b.starts[k + 1] as number) - bs !== length) return false;
    if (a.text.slice(as, as + length) !== b.text.slice(bs, bs + length)) return false;
  }
  return true;
}

/** Whether a top-level statement overlaps `[start, end)` (or holds the point `start` inside it). */
function touchesStatement(body: readonly Stmt[], start: number, end: number): boolean {
  // Statements are in order and do not overlap: only the last one starting before `end` can.
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((body[mid] as Stmt).start < Math.max(end, start + 1)) lo = mid + 1;
    else hi = mid;
  }
  const candidate = body[lo - 1];
  return candidate !== undefined && candidate.end > start;
}

/** Line breaks (`\n` and `\r`, as editors count them) in `text[start, end)`. */
function lineBreaks(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) n++;
  }
  return n;
}

/** Whether a top-level statement starts after `offset` on the same line (its column moves with the edit). */
function statementLaterOnLine(previous: ParseResult, offset: number): boolean {
  const body = previous.file.body;
  let lo = 0;
  let hi = body.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((body[mid] as Stmt).start < offset) lo = mid + 1;
    else hi = mid;
  }
  const after = body[lo];
  if (!after) return false;
  for (let i = offset; i < after.start; i++) {
    const c = previous.text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
  }
  return true;
}

function sameDiagnostics(previous: ParseResult, next: ParseResult, edit: TriviaEdit): boolean {
  const a = previous.diagnostics;
  const b = next.diagnostics;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.message !== y.message || x.severity !== y.severity) return false;
    if (mapOffset(edit, x.start) !== y.start || mapOffset(edit, x.end) !== y.end) return false;
  }
  return true;
}
