/**
 * The outline of a file: blocks with their labels, nested blocks, attributes.
 */
import { blockHeaderSpan, type BlockStmt, type FileNode, type Stmt } from '../syntax/ast';
import type { TextRange } from '../syntax/diagnostic';

export type OutlineKind = 'block' | 'attribute';

export interface OutlineSymbol {
  /** `prometheus.scrape "alloy"` for a labelled block, the name otherwise. */
  name: string;
  kind: OutlineKind;
  /** Whether the block sits at the top level (a component or config block). */
  topLevel: boolean;
  range: TextRange;
  selectionRange: TextRange;
  children: OutlineSymbol[];
}

function blockSymbol(block: BlockStmt, topLevel: boolean): OutlineSymbol {
  const nameRange = blockHeaderSpan(block);
  return {
    name: block.label ? `${block.name} "${block.label.value}"` : block.name,
    kind: 'block',
    topLevel,
    range: { start: block.start, end: Math.max(block.end, nameRange.end) },
    selectionRange: nameRange,
    children: [],
  };
}

/**
 * Builds the outline without recursion: block nesting can be as deep as the
 * parser allows.
 */
export function getDocumentSymbols(file: FileNode): OutlineSymbol[] {
  const roots: OutlineSymbol[] = [];
  const stack: { stmts: Stmt[]; into: OutlineSymbol[]; topLevel: boolean }[] = [{ stmts: file.body, into: roots, topLevel: true }];
  while (stack.length > 0) {
    const { stmts, into, topLevel } = stack.pop() as (typeof stack)[number];
    for (const stmt of stmts) {
      if (stmt.kind === 'Block') {
        const symbol = blockSymbol(stmt, topLevel);
        into.push(symbol);
        stack.push({ stmts: stmt.body, into: symbol.children, topLevel: false });
      } else if (stmt.kind === 'Attribute') {
        into.push({
          name: stmt.name.name,
          kind: 'attribute',
          topLevel,
          range: { start: stmt.start, end: stmt.end },
          selectionRange: { start: stmt.name.start, end: stmt.name.end },
          children: [],
        });
      }
    }
  }
  return roots;
}
