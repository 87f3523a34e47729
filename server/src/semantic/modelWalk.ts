/**
 * One walk over a configuration's trees for what several checks read from
 * every node: the calls (deprecated functions, environment reads, stdlib
 * stability) and the reference expressions of each top-level block
 * (references, cycles, stdlib shadowing, self-monitoring). Done once per
 * model, on first use, and shared by every check of the analysis.
 */
import { Slot } from '../syntax/slot';
import type { BlockStmt, CallExpr, Expr, Stmt } from '../syntax/ast';
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

const walks = new Slot<ConfigModel, ModelWalk>('walks');

/** What the scan of one top-level statement found: the reference expressions (blocks only) and the calls, in source order. */
interface StatementScan {
  readonly refs: readonly Expr[];
  readonly calls: readonly CallExpr[];
}

const NO_REFERENCES: readonly Expr[] = [];
const NO_CALLS: readonly CallExpr[] = [];
const NOTHING: StatementScan = { refs: NO_REFERENCES, calls: NO_CALLS };

/**
 * Scans by statement object. A tree never changes once parsed, and a reparse
 * hands back the statements an edit did not touch as they were: those are not
 * scanned again on the next keystroke. Kept weakly, so a scan lives as long as
 * its statement.
 */
const scans = new WeakMap<Stmt, StatementScan>();

/**
 * Gathering buffers: each statement's finds are copied out at their size. They
 * grow over a walk and are emptied at its end (emptying an array gives up its
 * storage, which per statement would mean growing it again each time; and held
 * past the walk, their nodes would keep a closed document's text alive).
 */
const refsBuffer: Expr[] = [];
const callsBuffer: CallExpr[] = [];
const onCall = (call: CallExpr): void => void callsBuffer.push(call);

/** The scan of a top-level statement, done on first use. */
function scanStatement(stmt: Stmt): StatementScan {
  let scan = scans.get(stmt);
  if (scan) return scan;
  const refsStart = refsBuffer.length;
  const callsStart = callsBuffer.length;
  scanNode(stmt, stmt.kind === 'Block' ? refsBuffer : undefined, onCall);
  const refs = refsBuffer.length === refsStart ? NO_REFERENCES : refsBuffer.slice(refsStart);
  const calls = callsBuffer.length === callsStart ? NO_CALLS : callsBuffer.slice(callsStart);
  scan = refs === NO_REFERENCES && calls === NO_CALLS ? NOTHING : { refs, calls };
  scans.set(stmt, scan);
  return scan;
}

/** The walk of `model`, done on the first call and kept while the model lives. */
export function walkModel(model: ConfigModel): ModelWalk {
  return walks.ensure(model, buildWalk);
}

function buildWalk(model: ConfigModel): ModelWalk {
  const calls: FileCall[] = [];
  try {
    for (const file of model.files) {
      for (const stmt of file.parse.file.body) {
        const scan = scanStatement(stmt);
        for (const call of scan.calls) calls.push({ file, call });
      }
    }
  } finally {
    refsBuffer.length = 0;
    callsBuffer.length = 0;
  }
  // A top-level block was scanned above (in this model or another that shares the statement); any other is scanned now.
  const references = (block: BlockStmt): readonly Expr[] => scans.get(block)?.refs ?? referenceExpressions(block);
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
