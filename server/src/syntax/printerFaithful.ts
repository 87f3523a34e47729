/**
 * The formatter's safety net: a printed file is used only when it parses and
 * says what the original said (see `printer.ts` on why `alloy fmt`'s layout
 * can swallow code after a comment).
 */
import { parse, type ParseResult } from './parser';
import type { TokenStream } from './scanner';
import { Tok } from './tokens';

/**
 * What the formatter must not change: the significant tokens, commas and
 * terminators aside (trailing commas come and go), an empty block label
 * aside (it is dropped), string text aside (backquoted keys are re-quoted);
 * and the number of comments. The two token streams are walked side by side,
 * so nothing is built per token.
 */
function sameFingerprint(a: TokenStream, b: TokenStream): boolean {
  if (countComments(a) !== countComments(b)) return false;
  let i = nextCompared(a, 0);
  let j = nextCompared(b, 0);
  while (i < a.count && j < b.count) {
    if (!sameToken(a, i, b, j)) return false;
    i = nextCompared(a, i + 1);
    j = nextCompared(b, j + 1);
  }
  return i >= a.count && j >= b.count;
}

function countComments(t: TokenStream): number {
  let n = 0;
  for (let i = 0; i < t.count; i++) if (t.kinds[i] === Tok.Comment) n++;
  return n;
}

function ignored(kind: Tok): boolean {
  return kind === Tok.Comment || kind === Tok.Whitespace || kind === Tok.Terminator || kind === Tok.Comma || kind === Tok.EOF;
}

/** The first compared token at or after `i` (`t.count` when none): an empty label (`""` before `{`) is not compared. */
function nextCompared(t: TokenStream, i: number): number {
  for (; i < t.count; i++) {
    const kind = t.kinds[i] as Tok;
    if (ignored(kind)) continue;
    if (kind === Tok.String && (t.starts[i + 1] as number) - (t.starts[i] as number) === 2 && t.text[t.starts[i] as number] === '"') {
      let k = i + 1;
      while (k < t.count && ignored(t.kinds[k] as Tok)) k++;
      if (k < t.count && t.kinds[k] === Tok.LCurly) continue;
    }
    return i;
  }
  return t.count;
}

/** Strings match any string (their quoting may change); other tokens by their text. */
function sameToken(a: TokenStream, i: number, b: TokenStream, j: number): boolean {
  const aString = a.kinds[i] === Tok.String;
  const bString = b.kinds[j] === Tok.String;
  if (aString || bString) return aString && bString;
  const aStart = a.starts[i] as number;
  const bStart = b.starts[j] as number;
  const length = (a.starts[i + 1] as number) - aStart;
  if ((b.starts[j + 1] as number) - bStart !== length) return false;
  for (let k = 0; k < length; k++) if (a.text.charCodeAt(aStart + k) !== b.text.charCodeAt(bStart + k)) return false;
  return true;
}

/** Whether `printed` parses and says what `original` said. */
export function faithful(original: ParseResult, printed: string): boolean {
  const reparsed = parse(printed);
  if (reparsed.diagnostics.length > 0) return false;
  return sameFingerprint(original.tokens, reparsed.tokens);
}
