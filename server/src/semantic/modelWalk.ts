/**
 * One walk over a configuration's trees for what several checks read from
 * every node: the calls (deprecated functions, environment reads, stdlib
 * stability) and the reference expressions of each top-level block
 * (references, cycles, stdlib shadowing, self-monitoring). Done once per
 * model, on first use, and shared by every check of the analysis.
 */
import type { BlockStmt, CallExpr, Expr, Node, Stmt } from '../syntax/ast';
import type { ConfigModel, SourceFile } from './model';
import { referenceExpressions, resolveUncached, type Resolution } from './references';

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
  const byBlock = new Map<BlockStmt, Expr[]>();
  for (const file of model.files) {
    for (const stmt of file.parse.file.body) {
      const refs: Expr[] | undefined = stmt.kind === 'Block' ? [] : undefined;
      scanStatement(stmt, file, calls, refs);
      if (stmt.kind === 'Block' && refs) byBlock.set(stmt, refs);
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

/**
 * Visits `root` depth-first, parents before children, with its own stack and
 * no per-node allocation. References are gathered into `refs` as
 * `referenceExpressions` gathers them: maximal identifier chains, never inside
 * a callee (`sys.env` is a function).
 */
function scanStatement(root: Stmt, file: SourceFile, calls: FileCall[], refs: Expr[] | undefined): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    switch (node.kind) {
      case 'Block':
        for (let i = node.body.length - 1; i >= 0; i--) stack.push(node.body[i] as Stmt);
        break;
      case 'Attribute':
      case 'Field':
        if (node.value.kind !== 'Literal') stack.push(node.value);
        break;
      case 'Array':
        for (let i = node.elements.length - 1; i >= 0; i--) {
          const e = node.elements[i] as Expr;
          if (e.kind !== 'Literal') stack.push(e);
        }
        break;
      case 'Object':
        for (let i = node.fields.length - 1; i >= 0; i--) stack.push(node.fields[i] as Node);
        break;
      case 'Call':
        calls.push({ file, call: node });
        // The callee's own calls come next in source order; its names are not references.
        if (node.callee.kind !== 'IdentExpr' && node.callee.kind !== 'Access') scanCallee(node.callee, file, calls);
        else if (node.callee.kind === 'Access') scanCallee(chainBase(node.callee), file, calls);
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i] as Expr);
        break;
      case 'IdentExpr':
        refs?.push(node);
        break;
      case 'Access': {
        // A chain is a reference when its base is an identifier; otherwise only its base can hold any.
        const base = chainBase(node);
        if (base.kind === 'IdentExpr') refs?.push(node);
        else stack.push(base);
        break;
      }
      case 'Index':
        stack.push(node.index, node.value);
        break;
      case 'Unary':
        stack.push(node.operand);
        break;
      case 'Binary':
        stack.push(node.right, node.left);
        break;
      case 'Paren':
        stack.push(node.inner);
        break;
      default:
        break;
    }
  }
}

/** The base of a chain of field accesses (`a` in `a.b.c`, the call in `f(x).y`). */
function chainBase(expr: Expr): Expr {
  let base = expr;
  while (base.kind === 'Access') base = base.value;
  return base;
}

/** The calls inside a callee, in source order (rare: `f(x)(y)`, `(a ? f : g)(x)`); nothing there is a reference. */
function scanCallee(root: Expr, file: SourceFile, calls: FileCall[]): void {
  if (root.kind === 'IdentExpr') return;
  scanStatement({ kind: 'Attribute', name: { kind: 'Ident', name: '', start: root.start, end: root.start }, value: root, start: root.start, end: root.end }, file, calls, undefined);
}
