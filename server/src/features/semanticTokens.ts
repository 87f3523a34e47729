/**
 * Semantic tokens: what the TextMate grammar cannot know, because it needs
 * the model. Component names against nested and configuration blocks, labels
 * by what they name, references by what they resolve to (a component's label,
 * an export, a module argument, a namespace), and standard-library functions
 * and constants.
 */
import { childrenOf, referencePath, type BlockStmt, type Expr, type Node, type Stmt } from '../syntax/ast';
import { classifyTopLevelBlock } from '../semantic/blockKinds';
import { getStdlibFunction, stdlibConstants } from '../semantic/catalog';
import type { SourceFile } from '../semantic/model';
import { chainPieces, type NavSymbolKind, type Occurrence, type SymbolIndex } from './symbolIndex';

/** The token types, in the order of the legend the server announces. */
export const TOKEN_TYPES = ['namespace', 'class', 'struct', 'variable', 'parameter', 'property', 'function'] as const;
/** The token modifiers, in the order of the legend (bit i is modifier i). */
export const TOKEN_MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  start: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

/** What each kind of symbol looks like where it is named. */
const SYMBOL_TYPES: Record<NavSymbolKind, TokenType> = {
  component: 'variable',
  declare: 'class',
  argument: 'parameter',
  export: 'property',
  namespace: 'namespace',
};

const constantNames: ReadonlySet<string> = new Set(stdlibConstants.map((c) => c.name));

/** The tokens of `file`, sorted and never overlapping. Never throws (a partial list on a bug). */
export function getSemanticTokens(index: SymbolIndex, file: SourceFile): SemanticToken[] {
  const out: SemanticToken[] = [];
  const at = new Map<number, Occurrence>();
  for (const o of index.byFile.get(file.path) ?? []) {
    const seen = at.get(o.range.start);
    if (!seen || (seen.role === 'alias' && o.role !== 'alias')) at.set(o.range.start, o);
  }
  const push = (start: number, end: number, type: TokenType, modifiers: TokenModifier[] = []) => {
    if (end > start) out.push({ start, length: end - start, type, modifiers });
  };
  /** A name piece: what the index says it is, else `fallback`. */
  const piece = (start: number, end: number, fallback: TokenType | undefined, modifiers: TokenModifier[] = []) => {
    const o = at.get(start);
    if (o && o.range.end === end) {
      if (o.role === 'alias') {
        // Name fragments of a component lead to it; an export of a built-in follows them.
        const text = file.parse.text.slice(start, end);
        push(start, end, o.symbol.componentName?.split('.').includes(text) ? 'class' : 'property');
      } else push(start, end, SYMBOL_TYPES[o.symbol.kind], o.role === 'definition' ? ['declaration'] : []);
    } else if (fallback) push(start, end, fallback, modifiers);
  };

  try {
    const stack: { stmts: readonly Stmt[]; top: boolean }[] = [{ stmts: file.parse.file.body, top: true }];
    while (stack.length > 0) {
      const { stmts, top } = stack.pop() as { stmts: readonly Stmt[]; top: boolean };
      for (const s of stmts) {
        if (s.kind === 'Attribute') {
          piece(s.name.start, s.name.end, 'property');
          expressionTokens(s.value);
        } else if (s.kind === 'Block') {
          const component = top && classifyTopLevelBlock(s.name).kind === 'component';
          for (const p of s.nameParts) piece(p.start, p.end, component ? 'class' : 'struct');
          if (s.label) labelToken(s, component);
          stack.push({ stmts: s.body, top: top && s.name === 'declare' });
        }
      }
    }
  } catch {
    // Keep what was found.
  }
  return out.sort((a, b) => a.start - b.start);

  function labelToken(block: BlockStmt, component: boolean): void {
    const label = block.label;
    if (!label) return;
    // The definition occurrence covers the label without quotes; the token covers the quotes too.
    const o = at.get(label.start + 1);
    const type = o && o.role === 'definition' ? SYMBOL_TYPES[o.symbol.kind] : component ? 'variable' : undefined;
    if (type) push(label.start, label.end, type, ['declaration']);
  }

  function expressionTokens(root: Expr): void {
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      if (node.kind === 'Call') {
        const name = referencePath(node.callee)?.join('.');
        if (name && getStdlibFunction(name)) {
          const pieces = chainPieces(node.callee) ?? [];
          pieces.forEach((p, i) => push(p.start, p.end, i === pieces.length - 1 ? 'function' : 'namespace', ['defaultLibrary']));
          for (const a of node.args) stack.push(a);
          continue;
        }
      }
      if (node.kind === 'IdentExpr' || node.kind === 'Access') {
        const pieces = chainPieces(node);
        if (pieces) {
          const dotted = pieces.length <= 2 ? pieces.map((p) => p.name).join('.') : '';
          if (constantNames.has(dotted)) {
            pieces.forEach((p, i) => push(p.start, p.end, i === 0 ? 'namespace' : 'variable', i === 0 ? ['defaultLibrary'] : ['readonly', 'defaultLibrary']));
          } else for (const p of pieces) piece(p.start, p.end, undefined);
          continue;
        }
      }
      for (const child of childrenOf(node)) stack.push(child); // not a spread: lists can be long
    }
  }
}
