/**
 * The outline of a file: what a person navigates by. Blocks at every depth
 * (components with their labels, config blocks, nested blocks), top-level
 * attributes, and the attributes of a top-level block (a component's
 * arguments). Attributes deeper down (inside `rule`, `endpoint`…) are their
 * block's content, not places of their own: listing every one made the outline
 * of a 450 KB file 2.6 MB of JSON.
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
 * How many symbols an outline holds before deeper levels are left out (VS Code's JSON
 * outline stops at 5,000 items by default, for the same reason: a big file's outline is
 * megabytes of JSON that nobody reads past the first screens).
 */
export const MAX_OUTLINE_SYMBOLS = 5_000;

interface Level {
  stmts: Stmt[];
  into: OutlineSymbol[];
}

/**
 * Builds the outline level by level, without recursion (block nesting can be as deep as
 * the parser allows). Every top-level statement is listed; a deeper level is added whole
 * while the outline stays within `maxSymbols`, so a large file gets a shallower outline
 * rather than one cut off half-way down.
 */
export function getDocumentSymbols(file: FileNode, maxSymbols = MAX_OUTLINE_SYMBOLS): OutlineSymbol[] {
  const roots: OutlineSymbol[] = [];
  let level: Level[] = [{ stmts: file.body, into: roots }];
  let count = 0;
  for (let depth = 0; level.length > 0; depth++) {
    const topLevel = depth === 0;
    if (!topLevel && count + levelSize(level, depth) > maxSymbols) break;
    const next: Level[] = [];
    for (const { stmts, into } of level) {
      for (const stmt of stmts) {
        if (stmt.kind === 'Block') {
          const symbol = blockSymbol(stmt, topLevel);
          into.push(symbol);
          count++;
          if (stmt.body.length > 0) next.push({ stmts: stmt.body, into: symbol.children });
        } else if (stmt.kind === 'Attribute' && depth <= 1) {
          into.push({
            name: stmt.name.name,
            kind: 'attribute',
            topLevel,
            range: { start: stmt.start, end: stmt.end },
            selectionRange: { start: stmt.name.start, end: stmt.name.end },
            children: [],
          });
          count++;
        }
      }
    }
    level = next;
  }
  return roots;
}

/** How many symbols a level would add. */
function levelSize(level: readonly Level[], depth: number): number {
  let n = 0;
  for (const { stmts } of level) for (const stmt of stmts) if (stmt.kind === 'Block' || (stmt.kind === 'Attribute' && depth <= 1)) n++;
  return n;
}
