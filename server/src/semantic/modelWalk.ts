/**
 * One walk over a configuration's trees for what several checks read from
 * every node: the calls (deprecated functions, environment reads, stdlib
 * stability) and the reference expressions of each top-level block
 * (references, cycles, stdlib shadowing, self-monitoring). Done once per
 * model, on first use, and shared by every check of the analysis.
 */
import type { BlockStmt, CallExpr, Expr } from '../syntax/ast';
import type { ConfigModel, SourceFile } from './model';
import { referenceExpressions, resolveUncached, scanNode, type Resolution } from './references';

/** A call expression and the file it is in. */
export interface FileCall {
  file: SourceFile;
  call: CallExpr;
}

/** What the walk gathered. */
export interface ModelWalk {
  /** Every call, file by file in the model's order, each file's in source order (a call before its arguments). */
  readonly calls: readonly FileCall[];
  /** The reference expressions of `block`, as `referenceExpressions` lists them (gathered for top-level blocks, walked for others). */
  references(block: BlockStmt): readonly Expr[];
  /** What each of `references(block)` resolves to, in the same order; resolved on the first call for the block. */
  resolutions(block: BlockStmt): readonly Resolution[];
}

const walks = new WeakMap<ConfigModel, ModelWalk>();

const NO_REFERENCES: readonly Expr[] = [];

/** The walk of `model`, done on the first call and kept while the model lives. */
export function walkModel(model: ConfigModel): ModelWalk {
  let walk = walks.get(model);
  if (!walk) {
    walk = buildWalk(model);
    walks.set(model, walk);
  }
  return walk;
}

function buildWalk(model: ConfigModel): ModelWalk {
  const calls: FileCall[] = [];
  const byBlock = new Map<BlockStmt, readonly Expr[]>();
  // A block's references are gathered at the end of one buffer and copied out at their size; blocks without any share one empty list.
  const buffer: Expr[] = [];
  for (const file of model.files) {
    const onCall = (call: CallExpr) => void calls.push({ file, call });
    for (const stmt of file.parse.file.body) {
      if (stmt.kind !== 'Block') {
        scanNode(stmt, undefined, onCall);
        continue;
      }
      const start = buffer.length;
      scanNode(stmt, buffer, onCall);
      byBlock.set(stmt, buffer.length === start ? NO_REFERENCES : buffer.slice(start));
      // Emptied only now and then: emptying an array gives up its storage, and the next block would grow it again.
      if (buffer.length > 4096) buffer.length = 0;
    }
  }
  const references = (block: BlockStmt): readonly Expr[] => byBlock.get(block) ?? referenceExpressions(block);
  // A list per block, read in order: the references, cycles, shadowing and self-monitoring checks all go through them.
  const resolved = new Map<BlockStmt, Resolution[]>();
  const resolutions = (block: BlockStmt): readonly Resolution[] => {
    let list = resolved.get(block);
    if (!list) {
      list = references(block).map((expr) => resolveUncached(model, expr));
      resolved.set(block, list);
    }
    return list;
  };
  return { calls, references, resolutions };
}
