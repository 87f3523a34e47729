/**
 * Readable renderings of what the scanner and parser produce, for snapshots
 * that are meant to be reviewed by eye: one line per token line and per tree
 * node, every span shown with the source text it covers.
 */
import { childrenOf, type Node } from '../../server/src/syntax/ast';
import type { ParseResult, SyntaxDiagnostic } from '../../server/src/syntax/parser';
import type { LineIndex } from '../../server/src/syntax/lineIndex';
import type { TokenStream } from '../../server/src/syntax/scanner';
import { Tok, tokenName } from '../../server/src/syntax/tokens';

const WITH_TEXT = new Set<Tok>([Tok.Ident, Tok.Number, Tok.Float, Tok.String, Tok.Bool, Tok.Null, Tok.Comment, Tok.Illegal]);

/** `"text"`, abbreviated in the middle when long. */
export function excerpt(text: string, max = 40): string {
  if (text.length <= max) return JSON.stringify(text);
  return JSON.stringify(text.slice(0, max - 15) + '…' + text.slice(-12));
}

/** `1:6 illegal character U+003B ';'`: Alloy's own line and byte column, then the message. */
export function alloyMessage(lines: LineIndex, d: SyntaxDiagnostic): string {
  const p = lines.alloyPosition(d.start);
  return `${p.line}:${p.column} ${d.message}`;
}

/** A diagnostic with its severity, Alloy position, UTF-16 range and the text it covers. */
export function renderDiagnostic(text: string, lines: LineIndex, d: SyntaxDiagnostic): string {
  return `${d.severity} ${alloyMessage(lines, d)} [${d.start},${d.end}) ${excerpt(text.slice(d.start, d.end), 30)}`;
}

/**
 * The significant tokens and comments, one entry per source line holding the
 * tokens that start on it: `3: IDENT "c" = NUMBER "3" TERMINATOR(0)`.
 * A terminator shows its width: `TERMINATOR` for a newline, `TERMINATOR(0)`
 * for one inserted before a trailing comment or at the end of the file.
 */
export function renderTokens(tokens: TokenStream, lines: LineIndex): string[] {
  const out: string[] = [];
  let currentLine = -1;
  let parts: string[] = [];
  const flush = () => {
    if (parts.length > 0) out.push(`${currentLine + 1}: ${parts.join(' ')}`);
    parts = [];
  };
  for (let i = 0; i < tokens.count; i++) {
    const kind = tokens.kinds[i] as Tok;
    if (kind === Tok.Whitespace) continue;
    const start = tokens.starts[i] as number;
    const end = tokens.starts[i + 1] as number;
    const line = lines.lineOf(start);
    if (line !== currentLine) {
      flush();
      currentLine = line;
    }
    const text = tokens.text.slice(start, end);
    if (kind === Tok.Terminator) parts.push(end === start ? 'TERMINATOR(0)' : text === '\n' ? 'TERMINATOR' : `TERMINATOR${excerpt(text)}`);
    else if (WITH_TEXT.has(kind)) parts.push(`${tokenName(kind)} ${excerpt(text)}`);
    else parts.push(tokenName(kind));
  }
  flush();
  return out;
}

function describe(node: Node, text: string): string {
  const span = `[${node.start},${node.end})`;
  const source = excerpt(text.slice(node.start, node.end));
  switch (node.kind) {
    case 'File':
      return `File ${span}`;
    case 'Block': {
      const parts = node.nameParts.map((p) => `${p.name || '∅'}[${p.start},${p.end})`).join(' ');
      const label = node.label ? ` label=${JSON.stringify(node.label.value)}[${node.label.start},${node.label.end})` : '';
      return `Block ${node.name} parts=${parts}${label} {@${node.lbrace} }@${node.rbrace} ${span}`;
    }
    case 'Attribute':
      return `Attribute ${node.name.name}[${node.name.start},${node.name.end}) ${span} ${source}`;
    case 'ErrorStmt':
      return `ErrorStmt ${span} ${source}`;
    case 'IdentExpr':
      return `IdentExpr ${node.name} ${span}`;
    case 'Literal':
      return `Literal ${node.literal} ${excerpt(node.raw)} ${span}`;
    case 'Array':
      return `Array ${span} ${source}`;
    case 'Object':
      return `Object ${span} ${source}`;
    case 'Field':
      return `Field ${JSON.stringify(node.key)}${node.quoted ? ' quoted' : ''} key[${node.keySpan.start},${node.keySpan.end}) ${span} ${source}`;
    case 'Access':
      return `Access .${node.name.name || '∅'}[${node.name.start},${node.name.end}) ${span} ${source}`;
    case 'Index':
      return `Index ${span} ${source}`;
    case 'Call':
      return `Call ${span} ${source}`;
    case 'Unary':
      return `Unary ${node.op} ${span} ${source}`;
    case 'Binary':
      return `Binary ${node.op} ${span} ${source}`;
    case 'Paren':
      return `Paren ${span} ${source}`;
    case 'ErrorExpr':
      return `ErrorExpr ${span} ${source}`;
  }
}

/** The tree as an indented outline, one node per line (iterative: trees may be deep). */
export function renderTree(root: Node, text: string): string[] {
  const out: string[] = [];
  const stack: Array<{ node: Node; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Node; depth: number };
    out.push('  '.repeat(depth) + describe(node, text));
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as Node, depth: depth + 1 });
  }
  return out;
}

/** Everything a syntax snapshot holds for one parsed file. */
export function syntaxSnapshot(result: ParseResult): { diagnostics: string[]; tokens: string[]; tree: string[] } {
  return {
    diagnostics: result.diagnostics.map((d) => renderDiagnostic(result.text, result.lineIndex, d)),
    tokens: renderTokens(result.tokens, result.lineIndex),
    tree: renderTree(result.file, result.text),
  };
}
