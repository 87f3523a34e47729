/**
 * The formatter's safety net: a printed file is used only when it reads back
 * as what the original said (see `printer.ts` on why `alloy fmt`'s layout can
 * swallow code after a comment).
 *
 * The printed text is only scanned, not parsed: the parser's decisions depend
 * on nothing but the token stream, so when the printed stream has the
 * original's significant tokens and, between them, separators (commas and
 * terminators) the grammar treats alike, it parses to the same tree. Building
 * that tree again was a quarter of formatting a large file.
 */
import type { ParseResult } from './parser';
import { scan, type TokenStream } from './scanner';
import { Tok } from './tokens';

/** Separators seen between two compared tokens, as base-3 digits (1 comma, 2 terminator). */
const NONE = 0;
const COMMA = 1;
const TERMINATOR = 2;
/** More separators than any file that parses has in one gap: never interchangeable. */
const ODD = -1;
const MAX_GAP = 3 ** 8;

/** A walk over one token stream, one compared token at a time. */
class Cursor {
  /** Index of the current compared token; `t.count` at the end. */
  i = -1;
  /** The separators between the previous compared token and this one. */
  gap = NONE;
  /** The last token before this one that is not trivia (separators included). */
  before: Tok = Tok.EOF;
  comments = 0;

  constructor(readonly t: TokenStream) {}

  get done(): boolean {
    return this.i >= this.t.count;
  }

  /** Moves to the next compared token: trivia, separators, EOF and an empty block label are passed over. */
  next(): void {
    const { kinds, count } = this.t;
    let gap = NONE;
    let before = this.i >= 0 && this.i < count ? (kinds[this.i] as Tok) : this.before;
    let i = this.i + 1;
    for (; i < count; i++) {
      const kind = kinds[i] as Tok;
      if (kind === Tok.Whitespace || kind === Tok.EOF) continue;
      if (kind === Tok.Comment) {
        this.comments++;
        continue;
      }
      if (kind === Tok.Comma || kind === Tok.Terminator) {
        gap = gap === ODD || gap >= MAX_GAP ? ODD : gap * 3 + (kind === Tok.Comma ? COMMA : TERMINATOR);
        before = kind;
        continue;
      }
      // The printer drops an empty label (`""` before `{`).
      if (kind === Tok.String && this.emptyLabel(i)) {
        before = kind;
        continue;
      }
      break;
    }
    this.i = i;
    this.gap = gap;
    this.before = before;
  }

  private emptyLabel(i: number): boolean {
    const { kinds, starts, text, count } = this.t;
    if ((starts[i + 1] as number) - (starts[i] as number) !== 2 || text.charCodeAt(starts[i] as number) !== 34) return false;
    let k = i + 1;
    while (k < count && isSkipped(kinds[k] as Tok)) k++;
    return k < count && kinds[k] === Tok.LCurly;
  }
}

function isSkipped(kind: Tok): boolean {
  return kind === Tok.Comment || kind === Tok.Whitespace || kind === Tok.Terminator || kind === Tok.Comma || kind === Tok.EOF;
}

/**
 * Strings match any string (their quoting may change); other tokens by their
 * text. The scanner gives a text one kind, so tokens of different kinds
 * differ, and `null`, operators and punctuation, whose kind is their text,
 * need no comparison of characters.
 */
function sameToken(a: TokenStream, i: number, b: TokenStream, j: number): boolean {
  const kind = a.kinds[i] as Tok;
  if (kind !== b.kinds[j]) return false;
  if (kind === Tok.String || (kind >= Tok.Null && kind <= Tok.Dot)) return true;
  const aStart = a.starts[i] as number;
  const bStart = b.starts[j] as number;
  const length = (a.starts[i + 1] as number) - aStart;
  if ((b.starts[j + 1] as number) - bStart !== length) return false;
  for (let k = 0; k < length; k++) if (a.text.charCodeAt(aStart + k) !== b.text.charCodeAt(bStart + k)) return false;
  return true;
}

/**
 * Whether the separators before a closer may differ: a trailing comma comes
 * and goes in lists, argument lists and objects (where a line break alone is
 * an error), a line break in a block body and at the end of the file (where a
 * comma is an error).
 */
function interchangeable(closer: 'list' | 'body', original: number, printed: number): boolean {
  const other = closer === 'list' ? COMMA : TERMINATOR;
  return (original === NONE || original === other) && (printed === NONE || printed === other);
}

/**
 * What the formatter must not change: the significant tokens (the text of
 * strings aside: backquoted keys are re-quoted; an empty block label aside:
 * it is dropped), the separators between them (up to the trailing comma or
 * line break before a closer), and the number of comments. The two streams
 * are walked side by side, so nothing is built per token.
 */
function sameMeaning(a: TokenStream, b: TokenStream): boolean {
  const ca = new Cursor(a);
  const cb = new Cursor(b);
  /** For each open `{` of the original: whether it opens a block body (after a name or label). */
  const blocks: boolean[] = [];
  ca.next();
  cb.next();
  while (!ca.done && !cb.done) {
    if (!sameToken(a, ca.i, b, cb.i)) return false;
    const kind = a.kinds[ca.i] as Tok;
    if (ca.gap !== cb.gap) {
      const closer =
        kind === Tok.RBrack || kind === Tok.RParen || (kind === Tok.RCurly && blocks[blocks.length - 1] === false)
          ? 'list'
          : kind === Tok.RCurly
            ? 'body'
            : undefined;
      if (closer === undefined || !interchangeable(closer, ca.gap, cb.gap)) return false;
    }
    if (kind === Tok.LCurly) blocks.push(ca.before === Tok.Ident || ca.before === Tok.String);
    else if (kind === Tok.RCurly) blocks.pop();
    ca.next();
    cb.next();
  }
  if (!ca.done || !cb.done) return false;
  if (ca.gap !== cb.gap && !interchangeable('body', ca.gap, cb.gap)) return false;
  return ca.comments === cb.comments;
}

/** Whether `printed` reads back as what `original` (a file without syntax errors) said. */
export function faithful(original: ParseResult, printed: string): boolean {
  const tokens = scan(printed);
  if (tokens.errors.length > 0) return false;
  return sameMeaning(original.tokens, tokens);
}
