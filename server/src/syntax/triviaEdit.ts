/**
 * Edits that change nothing Alloy reads: typing in a comment or in the blank
 * space between top-level statements. After such an edit every statement,
 * every syntax diagnostic and every line:column of a statement is what it was;
 * only offsets after the edit moved. Whatever was computed from the previous
 * text then holds for the new one once its offsets are moved (`mapOffset`),
 * which is how the language service skips the analysis of such an edit.
 * `reparse` asks `keptMeaning` for every edit and answers `triviaEdit`.
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
import type { ParseResult } from './parser';
import { firstStartingAtOrAfter, lastStartingBefore, type Run } from './pendingBody';
import { kindAt, startAt } from './pendingTokens';
import { Tok } from './tokens';

/** `old[start, oldEnd)` became `new[start, newEnd)`; nothing Alloy reads changed. */
export interface TriviaEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** What `reparse` knows of one edit: the versions, the previous statements, the tokens parsed again. */
export interface ReparsedEdit extends TriviaEdit {
  previous: Pick<ParseResult, 'text' | 'tokens' | 'diagnostics'>;
  /** The previous version's top-level statements. */
  statements: readonly Run[];
  next: Pick<ParseResult, 'text' | 'tokens' | 'diagnostics'>;
  /** Old tokens `[firstToken, oldLastToken)` became new tokens `[firstToken, newLastToken)`. */
  firstToken: number;
  oldLastToken: number;
  newLastToken: number;
}

/** The edit, when it changed only comments and blank space between statements (see above). */
export function keptMeaning(edit: ReparsedEdit): TriviaEdit | undefined {
  const { previous, next, start, oldEnd, newEnd, firstToken, oldLastToken, newLastToken } = edit;
  if (oldLastToken !== newLastToken || !sameSignificantTokens(previous, next, firstToken, oldLastToken)) return undefined;
  // Only the last statement starting before the edit's end can overlap it (or hold an insertion point).
  const before = lastStartingBefore(edit.statements, Math.max(oldEnd, start + 1));
  if (before && before.end > start) return undefined;
  if (lineBreaks(previous.text, start, oldEnd) !== lineBreaks(next.text, start, newEnd)) return undefined;
  const after = firstStartingAtOrAfter(edit.statements, oldEnd);
  if (after && lineBreakAtOrAfter(previous.text, oldEnd, after.start) === after.start) return undefined;
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
function sameSignificantTokens(previous: Pick<ParseResult, 'tokens'>, next: Pick<ParseResult, 'tokens'>, first: number, last: number): boolean {
  const a = previous.tokens;
  const b = next.tokens;
  for (let k = first; k < last; k++) {
    const kind = kindAt(a, k);
    if (kind !== kindAt(b, k)) return false;
    if (isTrivia(kind)) continue;
    const as = startAt(a, k);
    const bs = startAt(b, k);
    const length = startAt(a, k + 1) - as;
    if (startAt(b, k + 1) - bs !== length) return false;
    if (a.text.slice(as, as + length) !== b.text.slice(bs, bs + length)) return false;
  }
  return true;
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

/** The offset of the first line break (`\n` or `\r`) in `text[offset, end)`, or `end` when there is none. */
export function lineBreakAtOrAfter(text: string, offset: number, end = text.length): number {
  for (let i = offset; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return end;
}

function sameDiagnostics(previous: Pick<ParseResult, 'diagnostics'>, next: Pick<ParseResult, 'diagnostics'>, edit: TriviaEdit): boolean {
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
